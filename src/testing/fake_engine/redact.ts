/**
 * What the FakeEngine keeps of a request in its log: credentials and secret
 * fields replaced by `<redacted>`, so a test can print its log safely. The
 * rules are the redaction module's (`src/redaction`), the one place that
 * knows what a secret is; this file only picks the marker per format.
 *
 * @module
 */
import { isSecretHeader } from "../../redaction/secret_headers.ts";
import { isSecretKey } from "../../redaction/secret_keys.ts";
import { redactBody as redactAny, redactText } from "../../redaction/redact_text.ts";

/** The marker that replaces a secret. */
export const REDACTED = "<redacted>";
/** The marker inside XML text, escaped so the logged body stays well-formed. */
const XML_REDACTED = "&lt;redacted&gt;";

/** Headers that carry `<scheme> <credentials>`: the scheme is kept. */
const SCHEME_HEADERS = new Set(["authorization", "proxy-authorization"]);

/** Headers as a plain object with lower-case names and credentials redacted. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (SCHEME_HEADERS.has(name)) {
      out[name] = `${value.trim().split(/\s+/)[0] ?? ""} ${REDACTED}`;
    } else if (name === "cookie") {
      // Keep the cookie names (a test may check JSESSIONID was sent), never the values.
      out[name] = value.split(";").map((c) => `${c.split("=")[0]!.trim()}=${REDACTED}`).join("; ");
    } else if (isSecretHeader(name) || /token|secret|password/i.test(name)) {
      out[name] = REDACTED;
    } else {
      out[name] = value;
    }
  });
  return out;
}

/**
 * A request body with its secrets redacted: SSO form passwords and tokens,
 * and secret fields of XML or JSON bodies (a body that is not valid JSON is
 * scrubbed as text).
 */
export function redactBody(body: string, contentType: string): string {
  if (body === "") return body;
  const xml = /xml/i.test(contentType) || (!/json|form/i.test(contentType) && /^\s*</.test(body));
  return redactAny(body, contentType, xml ? XML_REDACTED : REDACTED);
}

/**
 * A URL's query as the log keeps it: the raw string and the parameters, with
 * the values of secret parameters (`?password=`, `?token=`) redacted.
 */
export function redactQuery(url: URL): { rawQuery: string; query: Record<string, string> } {
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, name) => {
    query[name] = isSecretKey(name) ? REDACTED : redactText(value, REDACTED);
  });
  return { rawQuery: redactText(url.search.replace(/^\?/, ""), REDACTED), query };
}

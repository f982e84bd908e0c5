/**
 * How an API request is put together: sorted query, headers in
 * `ovirtsdk4`'s order, and the header checks done before anything is sent.
 *
 * @module
 */
import { SdkError } from "../errors/sdk_error.ts";
import { isSecretHeader } from "../redaction/secret_headers.ts";
import { hasControlCharacter, isHeaderName } from "../transport/headers_check.ts";

// deno-lint-ignore no-control-regex
const CONTROL_CHARS = /[\x00-\x1f\x7f]/g;

/** The query string with sorted keys (`?a=1&b=2`), or "" when empty. */
export function queryString(query: Record<string, string> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (entries.length === 0) return "";
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

/**
 * Throws `SdkError` for a header HTTP cannot carry: CR or LF anywhere
 * (header injection), or characters outside ASCII (`ovirtsdk4`'s message).
 */
export function checkHeader(name: string, value: string): void {
  if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
    throw new SdkError(
      `The header '${name.replace(/[\r\n]/g, " ")}' contains CR or LF characters, which aren't ` +
        `allowed in HTTP headers`,
    );
  }
  // deno-lint-ignore no-control-regex
  if (/[^\x00-\x7f]/.test(name) || /[^\x00-\x7f]/.test(value)) {
    const shown = isSecretHeader(name) ? "<redacted>" : value;
    throw new SdkError(
      `The value '${shown}' of header '${name}' contains characters that can't be encoded ` +
        `using ASCII, as required by the HTTP protocol.`,
    );
  }
  if (!isHeaderName(name)) {
    throw new SdkError(
      `The header name '${name.replace(CONTROL_CHARS, "?")}' isn't a valid HTTP header name`,
    );
  }
  if (hasControlCharacter(value)) {
    throw new SdkError(
      `The header '${name}' contains control characters, which aren't allowed in HTTP headers`,
    );
  }
}

/** What the API headers are made of. */
export interface HeaderParts {
  /** The connection's `headers` option. */
  global?: Record<string, string>;
  /** The request's own headers (win over `global`). */
  local?: Record<string, string>;
  /** The rendered query, for the `All-Content` mirror. */
  query?: Record<string, string>;
  userAgent: string;
  format: "xml" | "json";
  compress: boolean;
  /** The bearer token. */
  token: string;
}

/**
 * The headers of an API request, in order: global, then local (a local
 * header replaces a global one of the same name), then `All-Content`, then
 * the SDK's own (`User-Agent`, `Version`, `Content-Type`, `Accept`,
 * `Accept-Encoding` when not compressing, `Authorization`), which replace
 * any earlier header of the same name.
 */
export function apiHeaders(parts: HeaderParts): [string, string][] {
  const out: [string, string][] = [];
  const put = (name: string, value: string) => {
    const lower = name.toLowerCase();
    const at = out.findIndex(([n]) => n.toLowerCase() === lower);
    if (at >= 0) out.splice(at, 1);
    out.push([name, value]);
  };
  for (const [n, v] of Object.entries(parts.global ?? {})) if (v != null) put(n, String(v));
  for (const [n, v] of Object.entries(parts.local ?? {})) if (v != null) put(n, String(v));
  const allContent = parts.query?.all_content;
  if (allContent !== undefined) put("All-Content", String(allContent));
  const type = parts.format === "json" ? "application/json" : "application/xml";
  put("User-Agent", parts.userAgent);
  put("Version", "4");
  put("Content-Type", type);
  put("Accept", type);
  if (!parts.compress) put("Accept-Encoding", "identity");
  put("Authorization", `Bearer ${parts.token}`);
  for (const [n, v] of out) checkHeader(n, v);
  return out;
}

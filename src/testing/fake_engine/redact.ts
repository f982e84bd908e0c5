/**
 * What the FakeEngine keeps of a request in its log: credentials and secret
 * fields replaced by `<redacted>`, so a test can print its log safely. One
 * function per part of a request, called from one place.
 *
 * @module
 */

/** The marker that replaces a secret. */
export const REDACTED = "<redacted>";

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(["x-auth-token", "x-subject-token", "x-service-token"]);
/** Headers that carry `<scheme> <credentials>`: the scheme is kept. */
const SCHEME_HEADERS = new Set(["authorization", "proxy-authorization"]);
/** Element and JSON names whose value is a secret, wherever they appear. */
const SECRET_FIELDS = new Set([
  "root_password",
  "password",
  "windows_license_key",
  "client_secret",
  "private_key",
]);
/** Elements whose `value` child is a secret (console tickets, volume keys). */
const SECRET_VALUE_PARENTS = new Set([
  "ticket",
  "proxy_ticket",
  "openstack_volume_authentication_key",
]);
/** Form fields that are secrets (SSO logins and revokes). */
const SECRET_FORM_FIELDS = new Set([
  "password",
  "token",
  "client_secret",
  "refresh_token",
  "code",
]);

/** Headers as a plain object with lower-case names and credentials redacted. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (SCHEME_HEADERS.has(name)) {
      out[name] = `${value.trim().split(/\s+/)[0] ?? ""} ${REDACTED}`;
    } else if (name === "cookie") {
      // Keep the cookie names (a test may check JSESSIONID was sent), never the values.
      out[name] = value.split(";").map((c) => `${c.split("=")[0]!.trim()}=${REDACTED}`).join("; ");
    } else if (SECRET_HEADERS.has(name) || /token|secret|password/i.test(name)) {
      out[name] = REDACTED;
    } else {
      out[name] = value;
    }
  });
  return out;
}

function redactForm(body: string): string {
  return body.split("&").map((pair) => {
    const name = pair.split("=")[0]!;
    let key = name;
    try {
      key = decodeURIComponent(name.replace(/\+/g, " "));
    } catch {
      // Not valid percent-encoding: compare the raw name.
    }
    return SECRET_FORM_FIELDS.has(key) ? `${name}=${REDACTED}` : pair;
  }).join("&");
}

function redactJson(value: unknown, parent: string): unknown {
  if (Array.isArray(value)) return value.map((v) => redactJson(v, parent));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const secret = SECRET_FIELDS.has(key) || (key === "value" && SECRET_VALUE_PARENTS.has(parent));
    out[key] = secret && v !== null && typeof v !== "object" ? REDACTED : redactJson(v, key);
  }
  return out;
}

const XML_REDACTED = "&lt;redacted&gt;";
const SECRET_XML = new RegExp(
  `<(${[...SECRET_FIELDS].join("|")})(\\s[^>]*)?>([\\s\\S]*?)<\\/\\1\\s*>`,
  "g",
);
const VALUE_PARENT_XML = new RegExp(
  `<(${[...SECRET_VALUE_PARENTS].join("|")})(\\s[^>]*)?>([\\s\\S]*?)<\\/\\1\\s*>`,
  "g",
);

function redactXml(body: string): string {
  // A secret element's content, text or CDATA: `<root_password>x</root_password>`.
  let out = body.replace(
    SECRET_XML,
    (_whole, tag: string, attrs: string | undefined, inner: string) =>
      inner === ""
        ? `<${tag}${attrs ?? ""}></${tag}>`
        : `<${tag}${attrs ?? ""}>${XML_REDACTED}</${tag}>`,
  );
  // `<ticket><value>x</value>…</ticket>`: the value of a ticket-like element.
  out = out.replace(
    VALUE_PARENT_XML,
    (_whole, tag: string, attrs: string | undefined, inner: string) =>
      `<${tag}${attrs ?? ""}>${
        inner.replace(/<value(\s[^>]*)?>[^<]*<\/value\s*>/g, `<value$1>${XML_REDACTED}</value>`)
      }</${tag}>`,
  );
  // JSON sent under another content type: `"password": "x"` pairs.
  return out.replace(
    /"([A-Za-z_]+)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g,
    (whole, key: string, colon: string) =>
      SECRET_FIELDS.has(key) ? `"${key}"${colon}"${REDACTED}"` : whole,
  );
}

/**
 * A request body with its secrets redacted: SSO form passwords and tokens,
 * and secret fields of XML or JSON bodies. A body that is not valid JSON is
 * scrubbed as text (XML elements and JSON pairs).
 */
export function redactBody(body: string, contentType: string): string {
  if (body === "") return body;
  if (/form-urlencoded/i.test(contentType)) return redactForm(body);
  if (/json/i.test(contentType)) {
    try {
      return JSON.stringify(redactJson(JSON.parse(body), ""));
    } catch {
      // Not JSON after all: fall through to the textual scrub.
    }
  }
  return redactXml(body);
}

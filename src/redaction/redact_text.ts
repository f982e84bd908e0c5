/**
 * Secrets redacted by key in structured values and in text: JSON (pretty or
 * not, whole or cut), forms, query strings (also percent-encoded ones inside
 * a console URL), Python reprs and XML.
 *
 * @module
 */
import { HELD_SECRET_KEYS, isSecretHolder, isSecretKey } from "./secret_keys.ts";

/** The default stand-in for a redacted value. */
export const REDACTED = "***";

/**
 * A copy of a parsed JSON value with every secret replaced by `marker`:
 * values under secret keys (in objects and arrays, at any depth), the `id` /
 * `value` of a `token` or `ticket` object, and secret query values inside
 * strings (console URLs).
 *
 * @example
 * ```ts
 * import { redactJson } from "./redact_text.ts";
 * console.log(JSON.stringify(redactJson({ users: [{ name: "a", password: "p" }] })));
 * // {"users":[{"name":"a","password":"***"}]}
 * ```
 */
export function redactJson(value: unknown, marker: string = REDACTED, parentKey = ""): unknown {
  if (typeof value === "string") return redactText(value, marker);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, marker, parentKey));
  if (typeof value !== "object" || value === null) return value;
  const holder = isSecretHolder(parentKey);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const secret = isSecretKey(key) || (holder && HELD_SECRET_KEYS.has(key.toLowerCase()));
    if (secret && item !== null && item !== undefined && typeof item !== "object") {
      out[key] = marker;
    } else if (secret && Array.isArray(item) && item.every((v) => typeof v !== "object")) {
      out[key] = item.map(() => marker);
    } else {
      out[key] = redactJson(item, marker, key);
    }
  }
  return out;
}

const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*(?:"|$)`;
const JSON_SCALAR = String.raw`(?:${JSON_STRING}|-?\d[\w.+-]*|true|false)`;
/** `"key": "value"`, `"key": 12`, `"key": ["a", "b"]`, also cut short at the end. */
const JSON_PAIR = new RegExp(
  String
    .raw`("((?:[^"\\]|\\.){1,128})"\s*:\s*)(${JSON_SCALAR}|\[\s*(?:${JSON_SCALAR}\s*,?\s*)*\]?)`,
  "g",
);
/** `"token": {… "id": "value"` as text (a JSON body cut short, or inside a log line). */
const JSON_HELD = new RegExp(
  String
    .raw`("(?:[\w.-]*ticket|token|auth_token|access_token|[\w.-]*authentication_key)"\s*:\s*\{[^{}]*?"(?:id|value|key)"\s*:\s*)(${JSON_STRING})`,
  "gi",
);
/** `'key': 'value'` (Python reprs, as some services echo). */
const REPR_PAIR = /('([^'\\]{1,128})'\s*:\s*)('(?:[^'\\]|\\.)*(?:'|$))/g;
/** `key=value` in a form or query, the first key too (after `?`, `#`, start, space or quote). */
const FORM_PAIR = /(^|[?&;#\s"'(,])([^=&?;#\s"'<>()]{1,128})=([^&;#\s"'<>]*)/g;
/** `key%3Dvalue` inside an encoded query (`path=%3Ftoken%3D…` of a console URL). */
const ENCODED_PAIR = /(^|%3F|%26|%3B)([\w.-]{1,128})%3D((?:(?!%26|%3B)[^&;#\s"'<>])*)/gi;
/** `<key attr="…">value</key>` (text or CDATA), also cut short at the end. */
const XML_ELEMENT =
  /<([\w.-]+:)?([\w.-]{1,128})(\s[^>]*)?>((?:[^<]|<!\[CDATA\[[\s\S]*?(?:\]\]>|$))*)(?=<\/\1?\2\s*>|$)/g;
/** An XML element that holds its secret in a child: `<ticket>…<value>x</value>…</ticket>`. */
const XML_HOLDER =
  /<([\w.-]+:)?([\w.-]*(?:ticket|token|authentication_key))(\s[^>]*)?>([\s\S]*?)(<\/\1?\2\s*>|$)/gi;
const XML_HELD = /(<(?:[\w.-]+:)?(id|value|key)(?:\s[^>]*)?>)([^<]*)/gi;

function quoted(original: string, marker: string): string {
  if (original.startsWith('"')) return `"${marker}"`;
  if (original.startsWith("'")) return `'${marker}'`;
  if (original.startsWith("[")) return `["${marker}"]`;
  return `"${marker}"`;
}

/**
 * A text with every secret found by its key replaced by `marker`, whatever
 * the format and across lines; a value cut off at the end of the text (a
 * truncated log) is redacted too.
 *
 * @example
 * ```ts
 * import { redactText } from "./redact_text.ts";
 * console.assert(redactText("?password=p&x=1") === "?password=***&x=1");
 * console.log(redactText('{"auth_token":\n  "t"}')); // {"auth_token":\n  "***"}
 * ```
 */
export function redactText(text: string, marker: string = REDACTED): string {
  // Every rule needs one of these characters: most strings (names, ids) skip the regexes.
  if (!/[=:<%]/.test(text)) return text;
  let out = text.replace(
    JSON_PAIR,
    (all, head: string, key: string, value: string) =>
      isSecretKey(key) ? `${head}${quoted(value, marker)}` : all,
  );
  out = out.replace(JSON_HELD, (_all, head: string) => `${head}"${marker}"`);
  out = out.replace(
    REPR_PAIR,
    (all, head: string, key: string) => isSecretKey(key) ? `${head}'${marker}'` : all,
  );
  out = out.replace(FORM_PAIR, (all, lead: string, key: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key.replaceAll("+", " "));
    } catch {
      // A malformed escape: judge the key as written.
    }
    return isSecretKey(name) ? `${lead}${key}=${marker}` : all;
  });
  out = out.replace(
    ENCODED_PAIR,
    (all, lead: string, key: string) =>
      isSecretKey(key) ? `${lead}${key}%3D${encodeURIComponent(marker)}` : all,
  );
  out = out.replace(
    XML_HOLDER,
    (all, ns = "", name: string, attrs = "", inner: string, close: string) =>
      isSecretHolder(name)
        ? `<${ns}${name}${attrs}>${inner.replace(XML_HELD, `$1${marker}`)}${close}`
        : all,
  );
  out = out.replace(
    XML_ELEMENT,
    (all, ns = "", name: string, attrs = "", value: string) =>
      isSecretKey(name) && value.trim() !== "" ? `<${ns}${name}${attrs}>${marker}` : all,
  );
  return out;
}

/**
 * A request or response body with its secrets redacted: JSON is parsed and
 * redacted by structure (a body that does not parse, e.g. one cut short, is
 * redacted as text), anything else as text.
 *
 * @example
 * ```ts
 * import { redactBody } from "./redact_text.ts";
 * console.assert(redactBody('{"adminPass":"p"}', "application/json") === "{\"adminPass\":\"***\"}");
 * ```
 */
export function redactBody(text: string, contentType = "", marker: string = REDACTED): string {
  const type = contentType.toLowerCase();
  const trimmed = text.trimStart();
  if (type.includes("json") || (!type.includes("xml") && /^[{[]/.test(trimmed))) {
    try {
      return JSON.stringify(redactJson(JSON.parse(text), marker));
    } catch {
      // Not (whole) JSON: the text rules still find the keys.
    }
  }
  return redactText(text, marker);
}

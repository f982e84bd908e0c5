/**
 * The secret values a request carries (its password, its token), so that a
 * server echoing them back in a reply cannot leak them into a log or error.
 *
 * @module
 */
import { HELD_SECRET_KEYS, isSecretHolder, isSecretKey } from "./secret_keys.ts";
import { isSecretHeader } from "./secret_headers.ts";

/** `<name>text</name>` of an XML body (no children). */
const XML_TEXT_ELEMENT = /<(?:[\w.-]+:)?([\w.-]{1,128})(?:\s[^>]*)?>([^<]+)</g;

function collectJson(value: unknown, parentKey: string, out: Set<string>, depth: number): void {
  if (depth > 64 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectJson(item, parentKey, out, depth + 1);
    return;
  }
  const holder = isSecretHolder(parentKey);
  for (const [key, item] of Object.entries(value)) {
    const secret = isSecretKey(key) || (holder && HELD_SECRET_KEYS.has(key.toLowerCase()));
    if (secret && (typeof item === "string" || typeof item === "number")) out.add(String(item));
    else collectJson(item, key, out, depth + 1);
  }
}

/**
 * The secret values of a request: credential header values (without their
 * `Bearer`/`Basic` scheme) and the values of secret keys in a JSON or form
 * body.
 *
 * @example
 * ```ts
 * import { secretValues } from "./secret_values.ts";
 * const found = secretValues([["X-Auth-Token", "tok-123"]], '{"auth":{"password":"hunter22"}}');
 * console.log(found); // ["tok-123", "hunter22"]
 * ```
 */
export function secretValues(
  headers: Iterable<[string, string]>,
  body?: unknown,
): string[] {
  const out = new Set<string>();
  for (const [name, value] of headers) {
    if (!isSecretHeader(name)) continue;
    out.add(value);
    const bare = value.replace(/^(Bearer|Basic|Negotiate|Digest)\s+/i, "");
    if (bare !== value) out.add(bare);
  }
  if (typeof body === "string" && body.length > 0) {
    const text = body.trimStart();
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        collectJson(JSON.parse(body), "", out, 0);
      } catch {
        // Not JSON: nothing known to scrub by value; the key rules still apply.
      }
    } else if (text.startsWith("<")) {
      for (const [, name, value] of body.matchAll(XML_TEXT_ELEMENT)) {
        if (name && value && isSecretKey(name)) out.add(value);
      }
    } else {
      for (const [key, value] of new URLSearchParams(body)) {
        if (isSecretKey(key) && value) out.add(value);
      }
    }
  } else if (body instanceof URLSearchParams) {
    for (const [key, value] of body) if (isSecretKey(key) && value) out.add(value);
  }
  return [...out];
}

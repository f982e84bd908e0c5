/**
 * Header checks both clients run before anything is sent.
 *
 * @module
 */

// Control characters other than horizontal tab: CR/LF inject headers, NUL and
// the rest make fetch fail with a message that quotes the value.
// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
/** What RFC 9110 allows in a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether a header name is an HTTP token (RFC 9110). */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** Whether a header value holds CR, LF, NUL or another control character (tab is fine). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * The first header whose name is not an HTTP token or whose value holds CR,
 * LF, NUL or another control character, or `undefined`.
 */
export function findInvalidHeader(
  entries: Iterable<[string, string]>,
): { name: string; value: string } | undefined {
  for (const [name, value] of entries) {
    if (!isHeaderName(name) || hasControlCharacter(value)) return { name, value };
  }
  return undefined;
}

/** The entries of any `HeadersInit`, in order and case as given. */
export function headerEntries(init: HeadersInit | undefined): [string, string][] {
  if (!init) return [];
  if (init instanceof Headers) return [...init.entries()];
  if (Array.isArray(init)) return init.map(([n, v]) => [String(n), String(v)]);
  return Object.entries(init).map(([n, v]) => [n, String(v)]);
}

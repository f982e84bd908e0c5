/**
 * Header checks both clients run before anything is sent.
 *
 * @module
 */

/**
 * The first header whose name or value holds CR or LF (header injection),
 * or `undefined`.
 */
export function findCrlfHeader(
  entries: Iterable<[string, string]>,
): { name: string; value: string } | undefined {
  for (const [name, value] of entries) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) return { name, value };
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

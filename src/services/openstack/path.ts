/**
 * Putting ids and names into URL paths safely.
 *
 * @module
 */
import { ValidationError } from "../../errors/client_exception.ts";

/**
 * One URL path segment: percent-encoded so `/`, `?`, `#` and `%` stay in
 * it. `.` and `..` (and the empty string) are refused: URL parsers fold
 * them away even when percent-encoded, so they would address another
 * resource.
 *
 * @throws {ValidationError} for "", "." and "..".
 *
 * @example Encode an id with a slash
 * ```ts
 * import { pathSegment } from "./path.ts";
 * console.assert(pathSegment("a/b?c") === "a%2Fb%3Fc");
 * ```
 */
export function pathSegment(value: string): string {
  if (value === "" || value === "." || value === "..") {
    throw new ValidationError(`'${value}' cannot be used as an id in a URL path`);
  }
  return encodeURIComponent(value);
}

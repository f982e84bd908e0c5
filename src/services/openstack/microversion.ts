/**
 * The microversion headers a service client adds to its own requests.
 *
 * @module
 */
import type { RequestOptions } from "../../http/options.ts";

/**
 * The request options with the given headers added, unless the caller set
 * them already: a microversion belongs to one client's calls, never to the
 * shared HTTPClient.
 */
export function withDefaultHeaders(
  options: RequestOptions,
  defaults: Record<string, string>,
): RequestOptions {
  const headers = new Headers(options.headers);
  for (const [name, value] of Object.entries(defaults)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return { ...options, headers };
}

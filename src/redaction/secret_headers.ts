/**
 * Which HTTP headers carry credentials: the one list every client, log,
 * error and fake reads.
 *
 * @module
 */

/**
 * Request headers that carry a credential. They never follow a redirect to
 * another origin, and their values never appear in a log, an error or a
 * fake's request log.
 *
 * @example
 * ```ts
 * import { CREDENTIAL_HEADERS } from "./secret_headers.ts";
 * console.assert(CREDENTIAL_HEADERS.includes("x-subject-token"));
 * ```
 */
export const CREDENTIAL_HEADERS: readonly string[] = Object.freeze([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-auth-token",
  "x-subject-token",
  "x-service-token",
]);

/**
 * Every header whose value is a secret, in a request or a response
 * (`Set-Cookie` and `X-Subject-Token` come back from servers).
 *
 * @example
 * ```ts
 * import { SECRET_HEADERS } from "./secret_headers.ts";
 * console.assert(SECRET_HEADERS.has("set-cookie"));
 * ```
 */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  ...CREDENTIAL_HEADERS,
  "set-cookie",
  "x-api-key",
  "x-auth-key",
  "x-storage-token",
  "x-openstack-ec2-signature",
]);

/**
 * Whether a header's value is a secret (case-insensitive).
 *
 * @example
 * ```ts
 * import { isSecretHeader } from "./secret_headers.ts";
 * console.log(isSecretHeader("X-Auth-Token"), isSecretHeader("Accept")); // true false
 * ```
 */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

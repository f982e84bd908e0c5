/**
 * The request headers that carry credentials, in one list: they never follow
 * a redirect to another origin. (The redaction module may take this list
 * over; until then this is the only copy the transport uses.)
 *
 * @module
 */

/**
 * Lower-case names of the headers that carry a credential: HTTP auth, the
 * OpenStack tokens (user, subject and service tokens) and cookies.
 */
export const CREDENTIAL_HEADERS: readonly string[] = Object.freeze([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-auth-token",
  "x-subject-token",
  "x-service-token",
]);

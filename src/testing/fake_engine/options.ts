/**
 * Options and records of {@linkcode FakeEngine}.
 *
 * @module
 */

/**
 * Options of `FakeEngine.start`.
 *
 * @example An engine with one user and short-lived tokens
 * ```ts
 * import type { FakeEngineOptions } from "@nimbus/apiclient/testing";
 * const options: FakeEngineOptions = {
 *   users: { "admin@internal": "s3cret" },
 *   tokenTtlMs: 60_000,
 * };
 * ```
 */
export interface FakeEngineOptions {
  /** Serve HTTPS with this certificate chain and key (PEM). */
  tls?: { cert: string; key: string };
  /** SSO users and their passwords; default `{ "admin@internal": "secret" }`. */
  users?: Record<string, string>;
  /** Lifetime of issued tokens in ms; default 30 minutes. */
  tokenTtlMs?: number;
  /** How long a VM status transition takes in ms (start: down → … → up); default 0. */
  transitionMs?: number;
  /** Kerberos: SPNEGO token → user. Without it any Negotiate token logs in. */
  negotiateTokens?: Record<string, string>;
  /** Start with the seed objects (Default data center…); default true. */
  seed?: boolean;
}

/**
 * A fault or delay to inject into matching requests. Without `status` and
 * `body` the request is only delayed, then handled normally.
 *
 * @example Make the next VM list fail
 * ```ts
 * import type { InjectRule } from "@nimbus/apiclient/testing";
 * const rule: InjectRule = { path: "vms", method: "GET", status: 503, times: 1 };
 * ```
 */
export interface InjectRule {
  /**
   * Which requests: a string is an exact path, either absolute
   * (`/ovirt-engine/sso/oauth/token`) or under the API root (`vms/123`); a
   * RegExp is tested against the absolute path.
   */
  path: string | RegExp;
  /** Only this method (any when absent). */
  method?: string;
  /** Reply with this status instead of handling the request. */
  status?: number;
  /** Wait this long (ms) before answering. */
  delayMs?: number;
  /** Reply with this body. */
  body?: string;
  /** The reply's content type; default `application/xml` for bodies starting with `<`, else `application/json`. */
  contentType?: string;
  /** More reply headers. */
  headers?: Record<string, string>;
  /** Apply to this many requests, then drop the rule; default: forever. */
  times?: number;
}

/**
 * One request the engine received.
 *
 * @example Read the path of the last request
 * ```ts
 * import type { RecordedRequest } from "@nimbus/apiclient/testing";
 * function lastPath(requests: readonly RecordedRequest[]): string | undefined {
 *   return requests.at(-1)?.path;
 * }
 * ```
 */
export interface RecordedRequest {
  /** The method. */
  method: string;
  /** The absolute path, e.g. `/ovirt-engine/api/vms`. */
  path: string;
  /** The raw query string without `?` (keys in the order sent). */
  rawQuery: string;
  /** The query parameters. */
  query: Record<string, string>;
  /** Headers, lower-case names; `authorization` keeps only its scheme. */
  headers: Record<string, string>;
  /** The body; `password` and `token` form values are redacted. */
  body: string;
}

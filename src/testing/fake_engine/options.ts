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
  /** The port to listen on; default 0 (a free port). */
  port?: number;
  /** The loopback address to listen on; default `127.0.0.1`. */
  hostname?: string;
  /**
   * Serve HTTPS with this certificate chain and key (PEM). `ca` is the CA
   * certificate the engine hands out at its `pki-resource` endpoint (and
   * `/ca.crt`); default: the last certificate of `cert`.
   */
  tls?: { cert: string; key: string; ca?: string };
  /** SSO and HTTP Basic users and their passwords; default `{ "admin@internal": "secret" }`. */
  users?: Record<string, string>;
  /**
   * Users that are not administrators, with the ids of the entities they
   * hold a role on. Such a user must send `Filter: true` and then sees only
   * those entities, what they inherit to (a role on a cluster or data center
   * reaches its VMs and hosts) and their sub-collections; everyone else is
   * an administrator and sees everything.
   */
  grants?: Record<string, string[]>;
  /** Lifetime of issued tokens and Basic sessions in ms; default 30 minutes. */
  tokenTtlMs?: number;
  /** How long a VM status transition takes in ms (start: down → … → up); default 0. */
  transitionMs?: number;
  /** Kerberos: SPNEGO token → user. Without it any Negotiate token logs in. */
  negotiateTokens?: Record<string, string>;
  /** Start with the seed objects (Default data center…); default true. */
  seed?: boolean;
  /** How many requests the log keeps (the newest); default 10,000. */
  requestLogLimit?: number;
  /** Largest request body accepted, in bytes (413 above it); default 16 MiB. */
  maxBodyBytes?: number;
}

/**
 * A fault or delay to inject into matching requests. Without `status` and
 * `body` the request is only delayed, then handled normally.
 *
 * @example Make the next VM list fail
 * ```ts
 * import type { FakeEngineInjection } from "@nimbus/apiclient/testing";
 * const rule: FakeEngineInjection = { path: "vms", method: "GET", status: 503, times: 1 };
 * ```
 */
export interface FakeEngineInjection {
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
  /**
   * Apply to this many requests, then drop the rule; default: forever
   * (unlike `FakeCloud.inject`, whose default is once).
   */
  times?: number;
}

/**
 * One request the engine received.
 *
 * @example Read the path of the last request
 * ```ts
 * import type { FakeEngineRequest } from "@nimbus/apiclient/testing";
 * function lastPath(requests: readonly FakeEngineRequest[]): string | undefined {
 *   return requests.at(-1)?.path;
 * }
 * ```
 */
export interface FakeEngineRequest {
  /** The method. */
  method: string;
  /** The absolute path, e.g. `/ovirt-engine/api/vms`. */
  path: string;
  /** The raw query string without `?` (keys in the order sent), secret values redacted. */
  rawQuery: string;
  /** The query parameters, secret values (`password`, `token`…) as `<redacted>`. */
  query: Record<string, string>;
  /**
   * Headers, lower-case names; `authorization` and `proxy-authorization`
   * keep only their scheme, cookies only their names, token headers nothing.
   */
  headers: Record<string, string>;
  /**
   * The body with its secrets as `<redacted>`: SSO form passwords and
   * tokens, `root_password`, `password` and other secret fields of XML and
   * JSON bodies, ticket values.
   */
  body: string;
  /** The user the request authenticated as, when it did. */
  user?: string;
  /** The response status (0 until answered). */
  status: number;
}

/**
 * Options of {@linkcode Connection}.
 *
 * @module
 */
import type { Logger, TlsOptions } from "../types.ts";
import type { TokenCache } from "../token_cache/token_cache.ts";
import type { NegotiateHook } from "../auth/ovirt_sso_auth.ts";

/**
 * Everything a {@linkcode Connection} can be given; only `url` is required.
 * Times are in milliseconds.
 *
 * @example Password login with a private CA
 * ```ts
 * import type { ConnectionOptions } from "@nimbus/apiclient";
 * const options: ConnectionOptions = {
 *   url: "https://engine.example.com/ovirt-engine/api",
 *   username: "admin@internal",
 *   password: "s3cret",
 *   caFile: "/etc/pki/ovirt-engine/ca.pem",
 *   timeout: 30_000,
 * };
 * ```
 */
export interface ConnectionOptions extends TlsOptions {
  /** The API URL, e.g. `https://engine.example.com/ovirt-engine/api`. */
  url: string;
  /** The user of the SSO password login, e.g. `admin@internal`. */
  username?: string;
  /** The password of the SSO password login. */
  password?: string;
  /** A token obtained elsewhere; no login happens while it is accepted. */
  token?: string;
  /** A PEM CA bundle to trust (read once, added to `caCerts`). */
  caFile?: string;
  /** Write the wire traffic to `log.debug`, secrets redacted. */
  debug?: boolean;
  /** Where debug lines go (only `debug` is used); default `console`. */
  log?: Logger;
  /** Log in with Kerberos (HTTP Negotiate) instead of a password. */
  kerberos?: boolean;
  /** Timeout per request in ms, SSO requests included; 0 = none. */
  timeout?: number;
  /** Accept compressed responses (default true); false sends `Accept-Encoding: identity`. */
  compress?: boolean;
  /** The SSO token URL; default derived from `url`. */
  ssoUrl?: string;
  /** The SSO revoke URL; default derived from `url`. */
  ssoRevokeUrl?: string;
  /** The key of the token in the SSO reply; default `access_token`. */
  ssoTokenName?: string;
  /** Headers sent with every API request (a request's own headers win). */
  headers?: Record<string, string>;
  /** Requests that may be queued on one connection besides the running one (≥ 0). */
  pipeline?: number;
  /** At most this many connections; with `pipeline`, bounds the requests in flight (0 = unlimited). */
  connections?: number;
  /** Reuse SSO tokens across processes; see `TokenCache`. */
  tokenCache?: TokenCache;
  /** The body format of API requests: "xml" (default) or "json". */
  format?: "xml" | "json";
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /**
   * Kerberos: returns the base64 SPNEGO token for a service such as
   * `HTTP@engine.example.com`, or `{ token, principal }`. Default:
   * `gssapiNegotiate`, the system GSSAPI library (`libgssapi_krb5.so.2`)
   * through Deno FFI (needs `--allow-ffi`), which names the principal. The
   * SSO token is cached only under a known client principal.
   */
  negotiate?: NegotiateHook;
  /**
   * The most decoded body bytes a reply may have (gzip replies are counted
   * inflated); over it a request fails with `BodyTooLarge` (an `SdkError`).
   * `0`/`Infinity` = no limit; default 128 MiB. A request's own
   * `maxBodyBytes` wins.
   */
  maxBodyBytes?: number;
}

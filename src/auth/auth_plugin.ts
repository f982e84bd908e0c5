/**
 * The contract every auth plugin implements.
 *
 * @module
 */
import type { HTTPClient } from "../http/http_client.ts";
import type { CachedToken } from "../token_cache/cached_token.ts";

/**
 * What a token and an endpoint lookup answer. Either may be missing: then
 * the client authenticates.
 */
export interface TokenAndEndpoint {
  /** The token to send as `X-Auth-Token`. */
  token?: string;
  /** The service endpoint (base URL). */
  endpoint?: string;
}

/**
 * An auth plugin: logs in through the {@linkcode HTTPClient} it is given and
 * answers which token and endpoint a service client should use. Any object
 * of this shape works; no base class is needed.
 *
 * @example A plugin for a fixed token
 * ```ts
 * import type { AuthPlugin } from "@nimbus/apiclient/auth";
 * const plugin: AuthPlugin = {
 *   authSystem: "static",
 *   authenticate: () => Promise.resolve(),
 *   tokenAndEndpoint: () => ({ token: "t", endpoint: "http://127.0.0.1:8774/v2.1" }),
 *   invalidate: () => {},
 * };
 * ```
 */
export interface AuthPlugin {
  /** The plugin's registry name, e.g. "v3password". */
  readonly authSystem: string;
  /** Fetches a fresh token, always. */
  authenticate(http: HTTPClient): Promise<void>;
  /** The token and the endpoint of a service; may throw `EndpointException`. */
  tokenAndEndpoint(
    endpointType: string,
    serviceType: string,
    regionName?: string,
  ): TokenAndEndpoint;
  /** Forgets the current token, so the next call authenticates. */
  invalidate(): void;
  /** When the current token expires, epoch ms. */
  expiresAt?(): number | undefined;
  /** What identifies the token for a token cache (never a secret). */
  cacheScope?(): Record<string, string>;
  /** The state to cache after a login. */
  saveState?(): CachedToken | undefined;
  /** Restores a cached state: afterwards `tokenAndEndpoint` answers without a login. */
  restoreState?(state: CachedToken): void;
}

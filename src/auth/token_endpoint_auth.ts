/**
 * A plugin for a token and an endpoint the caller already has.
 *
 * @module
 */
import type { AuthPlugin, TokenAndEndpoint } from "./auth_plugin.ts";

/** Options of {@linkcode TokenEndpointAuth}. */
export interface TokenEndpointAuthOptions {
  /** The token to send as `X-Auth-Token`. */
  token: string;
  /** The endpoint every service client uses. */
  endpoint: string;
}

/**
 * Sends a fixed token to a fixed endpoint (keystoneauth's `token_endpoint`,
 * alias `admin_token`). It cannot log in again: after a 401 the request
 * fails with `Unauthorized`. It has no cache scope: the token is given, so
 * there is nothing a token cache could save, and a cached token must never
 * replace the one you gave.
 *
 * @example
 * ```ts
 * import { HTTPClient } from "@nimbus/apiclient";
 * import { TokenEndpointAuth } from "@nimbus/apiclient/auth";
 * const auth = new TokenEndpointAuth({ token: "t0k3n", endpoint: "http://127.0.0.1:8774/v2.1" });
 * const http = new HTTPClient(auth);
 * await http.close();
 * ```
 */
export class TokenEndpointAuth implements AuthPlugin {
  /** Always "token_endpoint". */
  readonly authSystem: string = "token_endpoint";
  /** The fixed endpoint. */
  readonly endpoint: string;
  #token: string;

  /**
   * Creates the plugin.
   *
   * @param options the token and the endpoint (see {@linkcode TokenEndpointAuthOptions}); the token stays private.
   */
  constructor(options: TokenEndpointAuthOptions) {
    this.#token = options.token;
    this.endpoint = options.endpoint;
  }

  /**
   * Nothing to fetch: the token is given.
   *
   * @returns a promise that resolves at once.
   */
  authenticate(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * The fixed token and endpoint, whatever the service.
   *
   * @returns the token and endpoint given to the constructor.
   */
  tokenAndEndpoint(): TokenAndEndpoint {
    return { token: this.#token, endpoint: this.endpoint };
  }

  /** A fixed token cannot be renewed; nothing to forget. */
  invalidate(): void {}
}

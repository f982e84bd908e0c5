/**
 * Placeholder with the final public surface; the implementation follows.
 *
 * @module
 */
import type { AuthPlugin } from "../auth/auth_plugin.ts";
import type { HTTPClientOptions, RequestOptions, Timing } from "./options.ts";
import type { BaseClient } from "./base_client.ts";

/** The OpenStack client core. */
export class HTTPClient {
  /** The default User-Agent. */
  static userAgent: string = "nimbus-apiclient/0.1.0";
  /** The auth plugin. */
  readonly authPlugin: AuthPlugin | null;
  /** Creates the client. */
  constructor(authPlugin: AuthPlugin | null, _options: HTTPClientOptions = {}) {
    this.authPlugin = authPlugin;
  }
  /** Sends one request. */
  request(_method: string, _url: string, _options?: RequestOptions): Promise<Response> {
    throw new Error("not implemented");
  }
  /** Sends an authenticated request for a service client. */
  clientRequest(
    _client: BaseClient,
    _method: string,
    _url: string,
    _options?: RequestOptions,
  ): Promise<Response> {
    throw new Error("not implemented");
  }
  /** Logs in through the plugin. */
  authenticate(): Promise<void> {
    throw new Error("not implemented");
  }
  /** Joins an endpoint and a path. */
  static concatUrl(endpoint: string, url: string): string {
    return `${endpoint.replace(/\/+$/, "")}/${url.replace(/^\/+|\/+$/g, "")}`;
  }
  /** The timings. */
  getTimings(): readonly Timing[] {
    return [];
  }
  /** Clears the timings. */
  resetTimings(): void {}
  /** Registers a service client. */
  addClient(_client: BaseClient): void {}
  /** A registered service client. */
  getClient<T extends BaseClient>(_serviceType: string): T | undefined {
    return undefined;
  }
  /** The last request id. */
  get lastRequestId(): string | undefined {
    return undefined;
  }
  /** The cached token. */
  cachedToken: string | undefined;
  /** Releases resources. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

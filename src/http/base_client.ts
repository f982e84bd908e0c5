/**
 * Placeholder with the public surface; the implementation follows.
 *
 * @module
 */
import type { HTTPClient } from "./http_client.ts";
import type { RequestOptions } from "./options.ts";

/** An extension: a manager class set as `client[name]`. */
export interface Extension {
  /** The property name. */
  name: string;
  /** The manager class, constructed with the client. */
  managerClass?: new (client: BaseClient) => unknown;
}

/** Base of the service clients. */
export class BaseClient {
  /** The service type in the catalog. */
  static serviceType?: string;
  /** The endpoint type, when the client overrides the HTTPClient's. */
  static endpointType?: string;
  /** The shared HTTPClient. */
  readonly httpClient: HTTPClient;
  /** The endpoint last used. */
  cachedEndpoint: string | undefined;
  /** Creates the client and registers it. */
  constructor(httpClient: HTTPClient, _extensions?: Extension[]) {
    this.httpClient = httpClient;
  }
  /** Sends a request through the HTTPClient. */
  clientRequest(method: string, url: string, options?: RequestOptions): Promise<Response> {
    return this.httpClient.clientRequest(this, method, url, options);
  }
}

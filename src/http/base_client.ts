/**
 * `BaseClient`: the base of every service client (the keystoneauth adapter
 * role): a service type, an endpoint cached per client, and the verbs.
 *
 * @module
 */
import { UnsupportedVersion } from "../errors/client_exception.ts";
import type { HTTPClient } from "./http_client.ts";
import type { RequestOptions } from "./options.ts";

/**
 * An extension: a manager class constructed with the client and set as
 * `client[name]`.
 */
export interface Extension {
  /** The property name. */
  name: string;
  /** The manager class, constructed with the client. */
  managerClass?: new (client: BaseClient) => unknown;
}

/**
 * Base of the service clients. Subclasses set `static serviceType`; all of
 * them share one {@linkcode HTTPClient} and so one token, each caching its
 * own endpoint.
 *
 * @example A minimal compute client
 * ```ts
 * import { BaseClient, HTTPClient } from "@nimbus/apiclient";
 * import { TokenEndpointAuth } from "@nimbus/apiclient/auth";
 *
 * class ComputeLite extends BaseClient {
 *   static override serviceType = "compute";
 *   async servers(): Promise<unknown[]> {
 *     const reply = await (await this.get("/servers")).json();
 *     return reply.servers;
 *   }
 * }
 * const http = new HTTPClient(new TokenEndpointAuth({ token: "t", endpoint: "http://127.0.0.1:8774/v2.1" }));
 * const compute = new ComputeLite(http);
 * console.assert(http.getClient("compute") === compute);
 * await http.close();
 * ```
 */
export class BaseClient {
  /** The service type in the catalog, e.g. "compute". */
  static serviceType?: string;
  /** The interface, when this client overrides the HTTPClient's. */
  static endpointType?: string;

  /** The shared HTTPClient. */
  readonly httpClient: HTTPClient;
  /** The endpoint last used; cleared after a 401. */
  cachedEndpoint: string | undefined;

  /**
   * Creates the client, registers it with the HTTPClient and adds the extensions.
   *
   * @param httpClient the session the client sends through (shared with other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(httpClient: HTTPClient, extensions: Extension[] = []) {
    this.httpClient = httpClient;
    httpClient.addClient(this);
    for (const extension of extensions) {
      if (!extension.managerClass) continue;
      Object.defineProperty(this, extension.name, {
        value: new extension.managerClass(this),
        enumerable: true,
        configurable: true,
      });
    }
  }

  /** The class's service type. */
  get serviceType(): string | undefined {
    return (this.constructor as typeof BaseClient).serviceType;
  }

  /** The class's endpoint type, if it overrides the HTTPClient's. */
  get endpointType(): string | undefined {
    return (this.constructor as typeof BaseClient).endpointType;
  }

  /** The request id of the shared client's last response. */
  get lastRequestId(): string | undefined {
    return this.httpClient.lastRequestId;
  }

  /**
   * Sends an authenticated request to this client's service.
   *
   * @param method the HTTP method.
   * @param url the path below this service's endpoint.
   * @param options headers, `json` or `body`, query, timeout, signal; default none.
   * @returns the response, its body already read.
   */
  clientRequest(method: string, url: string, options?: RequestOptions): Promise<Response> {
    return this.httpClient.clientRequest(this, method, url, options);
  }

  /**
   * GET.
   *
   * @param url the path below this service's endpoint.
   * @param options headers, query, timeout, signal; default none.
   * @returns the response, its body already read.
   */
  get(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("GET", url, options);
  }

  /**
   * HEAD.
   *
   * @param url the path below this service's endpoint.
   * @param options headers, query, timeout, signal; default none.
   * @returns the response (no body).
   */
  head(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("HEAD", url, options);
  }

  /**
   * DELETE.
   *
   * @param url the path below this service's endpoint.
   * @param options headers, query, timeout, signal; default none.
   * @returns the response, its body already read.
   */
  delete(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("DELETE", url, options);
  }

  /**
   * POST.
   *
   * @param url the path below this service's endpoint.
   * @param options `json` or `body`, headers, query, timeout, signal, `idempotent`; default none.
   * @returns the response, its body already read.
   */
  post(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("POST", url, options);
  }

  /**
   * PUT.
   *
   * @param url the path below this service's endpoint.
   * @param options `json` or `body`, headers, query, timeout, signal; default none.
   * @returns the response, its body already read.
   */
  put(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("PUT", url, options);
  }

  /**
   * PATCH.
   *
   * @param url the path below this service's endpoint.
   * @param options `json` or `body`, headers, query, timeout, signal, `idempotent`; default none.
   * @returns the response, its body already read.
   */
  patch(url: string, options?: RequestOptions): Promise<Response> {
    return this.clientRequest("PATCH", url, options);
  }

  /**
   * Picks a client class from a version map: `1` and `"1"` are the same key.
   *
   * @throws {UnsupportedVersion} `Invalid <api> client version '<v>'. Must be one of: <sorted keys>`
   * @param apiName the API's name, used in the error (`identity`).
   * @param version the wanted version (`"3"`, `2.1`).
   * @param versionMap the versions this module provides (`identityVersions`...).
   * @returns the client class of that version.
   */
  static getClass<C>(apiName: string, version: string | number, versionMap: Record<string, C>): C {
    const key = String(version);
    if (Object.hasOwn(versionMap, key)) return versionMap[key] as C;
    const known = Object.keys(versionMap).sort().join(", ");
    throw new UnsupportedVersion(
      `Invalid ${apiName} client version '${key}'. Must be one of: ${known}`,
    );
  }
}

/**
 * What a service needs from its connection: the one contract between the
 * connection layer and the services built on it.
 *
 * @module
 */
import type { HttpRequest, HttpResponse } from "./http_request.ts";

/**
 * What a service needs from its connection. `Connection` implements it; tests
 * may pass anything that sends requests.
 *
 * @example
 * ```ts
 * import type { ServiceConnection } from "@nimbus/apiclient/services/ovirt";
 * const offline: ServiceConnection = {
 *   format: "xml",
 *   send: () => Promise.reject(new Error("offline")),
 * };
 * ```
 */
export interface ServiceConnection {
  /** Sends one request and reads the whole response. */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** The body format the connection negotiates. */
  readonly format: "xml" | "json";
  /** The API URL, for the hint in content-type errors. */
  readonly url?: string;
}

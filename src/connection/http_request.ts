/**
 * The low-level request and response of {@linkcode Connection.send}, used by
 * the oVirt services.
 *
 * @module
 */

/**
 * One request to the engine API, relative to the connection URL.
 *
 * @example Search the VMs
 * ```ts
 * import type { HttpRequest } from "@nimbus/apiclient";
 * const request: HttpRequest = { method: "GET", path: "/vms", query: { search: "name=web*" } };
 * ```
 */
export interface HttpRequest {
  /** The HTTP method: GET, POST, PUT, DELETE. */
  method: string;
  /** The path after the connection URL, e.g. `/vms/123`; empty for the API root. */
  path?: string;
  /** Query parameters, already rendered as strings; sent with sorted keys. */
  query?: Record<string, string>;
  /** Headers of this request; they win over the connection's `headers`. */
  headers?: Record<string, string>;
  /** The body, sent for POST and PUT. */
  body?: string;
  /** Timeout in ms for this request; the connection's `timeout` otherwise. */
  timeout?: number;
  /** Body size limit for this reply (decoded bytes; `0`/`Infinity` = none); the connection's otherwise. */
  maxBodyBytes?: number;
}

/**
 * The engine's answer to an {@linkcode HttpRequest}, body fully read.
 *
 * @example Decode a response body
 * ```ts
 * import type { HttpResponse } from "@nimbus/apiclient";
 * function text(response: HttpResponse): string {
 *   return new TextDecoder().decode(response.body);
 * }
 * ```
 */
export interface HttpResponse {
  /** The HTTP status code. */
  code: number;
  /** The whole response body. */
  body: Uint8Array;
  /** The response headers. */
  headers: Headers;
  /** The status text, e.g. "Not Found" (may be empty). */
  message: string;
}

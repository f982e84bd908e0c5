/**
 * Transport failures that are neither a network error nor a status: a body
 * past its size limit, and a request on a closed client. Both extend
 * `SdkError` (so `ClientException` too): `HTTPClient` and `Connection` throw
 * the same classes, as they do for `ConnectionError` and `TimeoutError`.
 *
 * @module
 */
import { SdkError } from "./sdk_error.ts";

/** What {@linkcode BodyTooLarge} knows about the refused body. */
export interface BodyTooLargeOptions {
  /** The limit in bytes (decoded bytes). */
  limit: number;
  /** The request method. */
  method: string;
  /** The request URL. */
  url: string;
  /** The HTTP status of the response whose body was refused. */
  status?: number;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * A response body grew past `maxBodyBytes` (counted on the decoded bytes, so
 * a small gzip body that inflates to gigabytes is refused too). Reading
 * stopped at the limit and the connection was released.
 *
 * @example Refuse replies over 1 MiB
 * ```ts
 * import { BodyTooLarge, HTTPClient } from "@nimbus/apiclient";
 * const http = new HTTPClient(null, { maxBodyBytes: 1024 * 1024 });
 * try {
 *   await http.request("GET", "http://127.0.0.1:9/huge");
 * } catch (e) {
 *   if (e instanceof BodyTooLarge) console.log(e.limit, e.method, e.url);
 * }
 * await http.close();
 * ```
 */
export class BodyTooLarge extends SdkError {
  /** The limit in bytes that the body went past. */
  readonly limit: number;
  /** The request method. */
  readonly method: string;
  /** The request URL. */
  readonly url: string;
  /** The HTTP status of the response, when known. */
  readonly status?: number;

  /** Creates the error; the message names the limit, the method and the URL. */
  constructor(options: BodyTooLargeOptions) {
    super(
      `The response body of ${options.method} ${options.url}${
        options.status === undefined ? "" : ` (HTTP ${options.status})`
      } is larger than the limit of ${options.limit} bytes (maxBodyBytes)`,
      { code: options.status, cause: options.cause },
    );
    this.limit = options.limit;
    this.method = options.method;
    this.url = options.url;
    if (options.status !== undefined) this.status = options.status;
  }
}

/**
 * A request was made on a client after its `close()`: its TLS settings and
 * pooled sockets are gone, so sending would silently drop `caCerts`/`cert`.
 *
 * @example
 * ```ts
 * import { ClientClosed, HTTPClient } from "@nimbus/apiclient";
 * const http = new HTTPClient(null);
 * await http.close();
 * try {
 *   await http.request("GET", "http://127.0.0.1:9/");
 * } catch (e) {
 *   console.assert(e instanceof ClientClosed);
 * }
 * ```
 */
export class ClientClosed extends SdkError {}

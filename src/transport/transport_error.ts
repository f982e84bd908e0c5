/**
 * Maps what fetch throws to this package's connection errors.
 *
 * @module
 */
import { ConnectionError, ConnectionRefused, TimeoutError } from "../errors/sdk_error.ts";
import { classifyNetworkError } from "../_runtime/network_error.ts";
import { displayUrl } from "../redaction/url_credentials.ts";

/**
 * Wraps a transport failure as `ConnectionRefused` (refused), `TimeoutError`
 * (the runtime's own connect/read timeout, e.g. Node's `ETIMEDOUT`) or
 * `ConnectionError` (DNS, reset, TLS, anything else), keeping it as `cause`.
 * The kind is read by the runtime module from the error's code (Node, Bun)
 * or Deno's error classes and messages; TLS failures say what to do.
 */
export function toConnectionError(
  error: unknown,
  method: string,
  url: string,
): ConnectionError | TimeoutError {
  const failure = classifyNetworkError(error);
  // The URL may carry user:password@ or a ?token=: the message never shows them.
  const where = `${method} ${displayUrl(url)}`;
  switch (failure.kind) {
    case "refused":
      return new ConnectionRefused(`Connection refused: ${where}`, { cause: error });
    case "timeout":
      return new TimeoutError(`${where} timed out: ${failure.detail}`, { cause: error });
    case "dns":
      return new ConnectionError(`Cannot resolve host: ${where}`, { cause: error });
    case "reset":
      return new ConnectionError(`Connection reset: ${where}: ${failure.detail}`, {
        cause: error,
      });
    case "tls": {
      const advice = failure.advice ? ` (${failure.advice})` : "";
      return new ConnectionError(`TLS error: ${where}: ${failure.detail}${advice}`, {
        cause: error,
      });
    }
    default:
      return new ConnectionError(`Connection failed: ${where}: ${failure.detail}`, {
        cause: error,
      });
  }
}

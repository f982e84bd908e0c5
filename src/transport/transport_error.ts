/**
 * Maps what fetch throws to this package's connection errors.
 *
 * @module
 */
import { ConnectionError, ConnectionRefused } from "../errors/mod.ts";
import { displayUrl } from "../redaction/url_credentials.ts";

// fetch reports every network failure as a TypeError; the kind of failure is
// only in the message or the error code, so it is read here and nowhere else.
const REFUSED = /connection refused|ECONNREFUSED|os error 111/i;
const DNS = /dns error|failed to lookup|ENOTFOUND|EAI_AGAIN|name or service not known/i;
const TLS = /certificate|tls|ssl|handshake|UnknownIssuer|self.signed/i;

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    parts.push(current.message);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") parts.push(code);
    current = current.cause;
  }
  return parts.join(": ");
}

/**
 * Wraps a transport failure as `ConnectionRefused` (refused) or
 * `ConnectionError` (DNS, reset, TLS, anything else), keeping it as `cause`.
 */
export function toConnectionError(error: unknown, method: string, url: string): ConnectionError {
  const text = describe(error);
  // The URL may carry user:password@ or a ?token=: the message never shows them.
  const where = `${method} ${displayUrl(url)}`;
  if (REFUSED.test(text) || error instanceof Deno.errors.ConnectionRefused) {
    return new ConnectionRefused(`Connection refused: ${where}`, { cause: error });
  }
  if (DNS.test(text)) {
    return new ConnectionError(`Cannot resolve host: ${where}`, { cause: error });
  }
  if (TLS.test(text)) {
    return new ConnectionError(`TLS error: ${where}: ${text}`, { cause: error });
  }
  return new ConnectionError(`Connection failed: ${where}: ${text}`, { cause: error });
}

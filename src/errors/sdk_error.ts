/**
 * The oVirt-style error family (`ovirtsdk4.Error` and its subclasses), also
 * used by both clients for transport failures.
 *
 * @module
 */
import { ClientException } from "./client_exception.ts";

/** The parts of an oVirt `<fault>` an error carries. */
export interface FaultLike {
  /** The short reason, e.g. "Operation Failed". */
  reason?: string;
  /** The longer detail text. */
  detail?: string;
}

/** Options of {@linkcode SdkError}. */
export interface SdkErrorOptions {
  /** The HTTP status of the response that failed, if any. */
  code?: number;
  /** The fault the server sent, if any. */
  fault?: FaultLike;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The oVirt SDK error (`ovirtsdk4.Error`): a message, the HTTP `code` and the
 * server's `fault` when there was one.
 *
 * @example Branch on the HTTP code of a failed oVirt call
 * ```ts
 * import { SdkError } from "@nimbus/apiclient";
 * const e = new SdkError('Fault reason is "R". HTTP response code is 400.', { code: 400 });
 * console.assert(e.code === 400);
 * ```
 */
export class SdkError extends ClientException {
  /** The HTTP status code, when the error comes from a response. */
  declare code?: number;
  /** The fault sent by the server, when there was one. */
  declare fault?: FaultLike;
  /** Creates the error. */
  constructor(message: string, options?: SdkErrorOptions) {
    super(message, { cause: options?.cause });
    if (options?.code !== undefined) this.code = options.code;
    if (options?.fault !== undefined) this.fault = options.fault;
  }
}

/**
 * Authentication failed: a 401/403 response or an SSO error.
 *
 * @example
 * ```ts
 * import { AuthError } from "@nimbus/apiclient";
 * const e = new AuthError("Error during SSO authentication access_denied : Bad password");
 * console.assert(e instanceof Error);
 * ```
 */
export class AuthError extends SdkError {}

/**
 * The server answered 404.
 *
 * @example
 * ```ts
 * import { NotFoundError } from "@nimbus/apiclient";
 * console.log(new NotFoundError("HTTP response code is 404.", { code: 404 }).code);
 * ```
 */
export class NotFoundError extends SdkError {}

/**
 * The request never got a response: DNS failure, connection refused or reset,
 * TLS failure. The transport error is the `cause`.
 *
 * @example
 * ```ts
 * import { ConnectionError } from "@nimbus/apiclient";
 * const e = new ConnectionError("Connection refused: GET http://127.0.0.1:9/");
 * console.assert(String(e.name) === "ConnectionError");
 * ```
 */
export class ConnectionError extends SdkError {}

/**
 * The server refused the connection, or it could not be set up.
 *
 * @example
 * ```ts
 * import { ConnectionError, ConnectionRefused } from "@nimbus/apiclient";
 * console.assert(new ConnectionRefused("refused") instanceof ConnectionError);
 * ```
 */
export class ConnectionRefused extends ConnectionError {}

/**
 * A request ran past its timeout (the timeout covers reading the body).
 *
 * @example
 * ```ts
 * import { TimeoutError } from "@nimbus/apiclient";
 * console.log(new TimeoutError("GET http://h/x timed out after 50 ms").message);
 * ```
 */
export class TimeoutError extends SdkError {}

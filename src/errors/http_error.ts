/**
 * HTTP status errors: one class per status the OpenStack clients know, in
 * the hierarchy of `troveclient.apiclient.exceptions`.
 *
 * @module
 */
import { ClientException } from "./client_exception.ts";

/** What an {@linkcode HttpError} knows about the failed exchange. */
export interface HttpErrorOptions {
  /** The server's message; the class's default when absent. */
  message?: string;
  /** Longer details: the server's `details`, the JSON body, or a text body. */
  details?: string;
  /** The HTTP status; the class's own status when absent. */
  status?: number;
  /** From `x-openstack-request-id`, else `x-compute-request-id`. */
  requestId?: string;
  /** The request method. */
  method?: string;
  /** The request URL. */
  url?: string;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfter?: number;
  /** The response headers (sensitive ones removed). */
  headers?: Headers;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * An HTTP response with a failure status. `String(err)` reads
 * `Not Found (HTTP 404) (Request-ID: req-1)`.
 *
 * @example Inspect a failed call
 * ```ts
 * import { HttpError, NotFound } from "@nimbus/apiclient";
 * const e = new NotFound({ requestId: "req-1", method: "GET", url: "http://h/x" });
 * console.assert(String(e) === "Not Found (HTTP 404) (Request-ID: req-1)");
 * console.log(e instanceof HttpError, e.status); // true 404
 * ```
 */
export class HttpError extends ClientException {
  /** The status this class stands for (0 for the generic classes). */
  static readonly httpStatus: number = 0;
  /** The message used when the server gives none. */
  static readonly defaultMessage: string = "HTTP Error";
  /** The HTTP status of the response. */
  status: number;
  /** Longer details from the body, when there were any. */
  declare details?: string;
  /** The request id the server assigned. */
  declare requestId?: string;
  /** The request method. */
  declare method?: string;
  /** The request URL. */
  declare url?: string;
  /** Seconds to wait before retrying, from `Retry-After`. */
  declare retryAfter?: number;
  /** The response headers, without cookies or tokens. Not enumerable. */
  declare readonly headers: Headers;

  /**
   * Creates the error from a message, an options object, or both.
   */
  constructor(messageOrOptions?: string | HttpErrorOptions, options?: HttpErrorOptions) {
    const opts: HttpErrorOptions = typeof messageOrOptions === "string"
      ? { ...options, message: messageOrOptions }
      : { ...messageOrOptions, ...options };
    const cls = new.target as unknown as typeof HttpError;
    super(opts.message ?? cls.defaultMessage, { cause: opts.cause });
    this.status = opts.status ?? cls.httpStatus;
    if (opts.details !== undefined) this.details = opts.details;
    if (opts.requestId !== undefined) this.requestId = opts.requestId;
    if (opts.method !== undefined) this.method = opts.method;
    if (opts.url !== undefined) this.url = opts.url;
    if (opts.retryAfter !== undefined) this.retryAfter = opts.retryAfter;
    Object.defineProperty(this, "headers", {
      value: opts.headers ?? new Headers(),
      enumerable: false,
    });
    const where = this.method && this.url ? `${this.method} ${this.url} ` : "";
    const id = this.requestId ? ` (Request-ID: ${this.requestId})` : "";
    this.setStackDetail(`${where}(HTTP ${this.status})${id}`, new.target);
  }

  /** The HTTP status (the Python SDK's `http_status`). */
  get httpStatus(): number {
    return this.status;
  }

  /** `<message> (HTTP <status>)`, with ` (Request-ID: <id>)` when known. */
  override toString(): string {
    const id = this.requestId ? ` (Request-ID: ${this.requestId})` : "";
    return `${this.message} (HTTP ${this.status})${id}`;
  }
}

/** 3xx responses the client did not follow. @example `new MultipleChoices()` */
export class HTTPRedirection extends HttpError {
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "HTTP Redirection";
}
/** 300. @example `new MultipleChoices()` */
export class MultipleChoices extends HTTPRedirection {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 300;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Multiple Choices";
}

/** Any 4xx; unknown 4xx statuses use this class. @example `new HTTPClientError({ status: 499 })` */
export class HTTPClientError extends HttpError {
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "HTTP Client Error";
}
/** 400. @example `new BadRequest("name is required")` */
export class BadRequest extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 400;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Bad Request";
}
/** 401: the token is missing, expired or revoked. @example `new Unauthorized()` */
export class Unauthorized extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 401;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Unauthorized";
}
/** 402. @example `new PaymentRequired()` */
export class PaymentRequired extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 402;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Payment Required";
}
/** 403. @example `new Forbidden()` */
export class Forbidden extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 403;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Forbidden";
}
/** 404. @example `new NotFound()` */
export class NotFound extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 404;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Not Found";
}
/** 405. @example `new MethodNotAllowed()` */
export class MethodNotAllowed extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 405;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Method Not Allowed";
}
/** 406. @example `new NotAcceptable()` */
export class NotAcceptable extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 406;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Not Acceptable";
}
/** 407. @example `new ProxyAuthenticationRequired()` */
export class ProxyAuthenticationRequired extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 407;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Proxy Authentication Required";
}
/** 408. @example `new RequestTimeout()` */
export class RequestTimeout extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 408;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Request Timeout";
}
/** 409. @example `new Conflict()` */
export class Conflict extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 409;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Conflict";
}
/** 410. @example `new Gone()` */
export class Gone extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 410;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Gone";
}
/** 411. @example `new LengthRequired()` */
export class LengthRequired extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 411;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Length Required";
}
/** 412. @example `new PreconditionFailed()` */
export class PreconditionFailed extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 412;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Precondition Failed";
}
/** 413. @example `new RequestEntityTooLarge({ retryAfter: 5 })` */
export class RequestEntityTooLarge extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 413;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Request Entity Too Large";
}
/** 414. @example `new RequestUriTooLong()` */
export class RequestUriTooLong extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 414;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Request-URI Too Long";
}
/** 415. @example `new UnsupportedMediaType()` */
export class UnsupportedMediaType extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 415;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Unsupported Media Type";
}
/** 416. @example `new RequestedRangeNotSatisfiable()` */
export class RequestedRangeNotSatisfiable extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 416;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Requested Range Not Satisfiable";
}
/** 417. @example `new ExpectationFailed()` */
export class ExpectationFailed extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 417;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Expectation Failed";
}
/** 422. @example `new UnprocessableEntity()` */
export class UnprocessableEntity extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 422;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Unprocessable Entity";
}
/** 429: rate limited; `retryAfter` says how long to wait. @example `new TooManyRequests({ retryAfter: 1 })` */
export class TooManyRequests extends HTTPClientError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 429;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Too Many Requests";
}

/** Any 5xx; unknown 5xx statuses use this class. @example `new HttpServerError({ status: 599 })` */
export class HttpServerError extends HttpError {
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "HTTP Server Error";
}
/** 500. @example `new InternalServerError()` */
export class InternalServerError extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 500;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Internal Server Error";
}
/** 501. @example `new HttpNotImplemented()` */
export class HttpNotImplemented extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 501;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Not Implemented";
}
/** 502. @example `new BadGateway()` */
export class BadGateway extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 502;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Bad Gateway";
}
/** 503. @example `new ServiceUnavailable()` */
export class ServiceUnavailable extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 503;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Service Unavailable";
}
/** 504. @example `new GatewayTimeout()` */
export class GatewayTimeout extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 504;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "Gateway Timeout";
}
/** 505. @example `new HttpVersionNotSupported()` */
export class HttpVersionNotSupported extends HttpServerError {
  /** The status this class stands for. */
  static override readonly httpStatus: number = 505;
  /** The message used when the server gives none. */
  static override readonly defaultMessage: string = "HTTP Version Not Supported";
}

/** Every class with its own status, by status. */
export const HTTP_ERROR_CLASSES: ReadonlyMap<number, typeof HttpError> = new Map(
  [
    MultipleChoices,
    BadRequest,
    Unauthorized,
    PaymentRequired,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    NotAcceptable,
    ProxyAuthenticationRequired,
    RequestTimeout,
    Conflict,
    Gone,
    LengthRequired,
    PreconditionFailed,
    RequestEntityTooLarge,
    RequestUriTooLong,
    UnsupportedMediaType,
    RequestedRangeNotSatisfiable,
    ExpectationFailed,
    UnprocessableEntity,
    TooManyRequests,
    InternalServerError,
    HttpNotImplemented,
    BadGateway,
    ServiceUnavailable,
    GatewayTimeout,
    HttpVersionNotSupported,
  ].map((cls) => [cls.httpStatus, cls]),
);

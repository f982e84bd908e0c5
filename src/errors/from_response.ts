/**
 * Turns a failed HTTP response into the matching {@linkcode HttpError}.
 *
 * @module
 */
import { displayUrl } from "../redaction/url_credentials.ts";
import { isSecretHeader } from "../redaction/secret_headers.ts";
import { redactText } from "../redaction/redact_text.ts";
import { scrubSecrets } from "../redaction/scrub_secrets.ts";
import { HTTP_ERROR_CLASSES, HTTPClientError, HttpError, HttpServerError } from "./http_error.ts";

/** Text bodies longer than this are cut in `details`. */
const MAX_DETAILS = 16 * 1024;

/**
 * Reads `Retry-After` as seconds: a number of seconds or an HTTP date
 * (seconds from now, never negative). Unparsable values give `undefined`.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "./from_response.ts";
 * console.assert(parseRetryAfter("3") === 3);
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, Math.ceil((when - now) / 1000));
}

/** The request id of a response: `x-openstack-request-id`, else `x-compute-request-id`. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-openstack-request-id") ?? headers.get("x-compute-request-id") ?? undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Message and details from the JSON error shapes OpenStack services use. */
function fromJsonBody(body: unknown): { message?: string; details?: string } {
  if (!isRecord(body)) return {};
  if ("message" in body) {
    return { message: asText(body.message), details: asText(body.details) };
  }
  if (Array.isArray(body.errors) && isRecord(body.errors[0])) {
    const first = body.errors[0];
    return { message: asText(first.title ?? first.message), details: asText(first.detail) };
  }
  const first = Object.values(body)[0];
  if (!isRecord(first)) return {};
  const message = asText(first.message ?? first.faultstring);
  const details = asText(first.details) ?? JSON.stringify(body);
  return { message, details };
}

function parseBody(
  contentType: string,
  body: unknown,
): { message?: string; details?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body !== "string" && !(body instanceof Uint8Array)) return fromJsonBody(body);
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  const type = contentType.toLowerCase();
  const looksJson = type.includes("json") || (!type && /^\s*[{[]/.test(text));
  if (looksJson) {
    try {
      return fromJsonBody(JSON.parse(text));
    } catch {
      // A broken JSON body is still worth showing to a person.
      return { details: text.slice(0, MAX_DETAILS) };
    }
  }
  if (type.startsWith("text/") || !type) {
    return text ? { details: text.slice(0, MAX_DETAILS) } : { details: "" };
  }
  return {};
}

function safeHeaders(headers: Headers): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    if (!isSecretHeader(name)) copy.append(name, value);
  });
  return copy;
}

/** A message or details text with secrets redacted by key and echoed secrets scrubbed. */
function scrub(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? undefined : scrubSecrets(redactText(text), secrets);
}

/** The class for a status: its own, else the 4xx/5xx family, else `HttpError`. */
export function errorClassFor(status: number): typeof HttpError {
  const own = HTTP_ERROR_CLASSES.get(status);
  if (own) return own;
  if (status >= 400 && status < 500) return HTTPClientError;
  if (status >= 500 && status < 600) return HttpServerError;
  return HttpError;
}

/**
 * Builds the typed error for a failed response. `body` is the response body
 * already read (text, bytes or parsed JSON); without it only the status and
 * headers are used. `secrets` are values the request carried (a password,
 * a token): a server echoing them back, in any encoding, has them scrubbed
 * from the message and details, as are values under secret keys. It never
 * throws, whatever the body holds.
 *
 * @param response the failed response.
 * @param method the request's method, kept on the error.
 * @param url the request's URL, kept on the error (credentials removed).
 * @param body the response body when already read.
 * @param secrets values to scrub from the message and details.
 * @returns the error of the status's class, never throwing on odd bodies.
 *
 * @example Map a 404 to NotFound
 * ```ts
 * import { fromResponse, NotFound } from "@nimbus/apiclient";
 * const response = new Response('{"itemNotFound": {"message": "No server", "code": 404}}', {
 *   status: 404,
 *   headers: { "content-type": "application/json", "x-openstack-request-id": "req-1" },
 * });
 * const e = fromResponse(response, "GET", "http://h/servers/1", await response.text());
 * console.log(e instanceof NotFound, String(e)); // true "No server (HTTP 404) (Request-ID: req-1)"
 * ```
 */
export function fromResponse(
  response: Response,
  method: string,
  url: string,
  body?: unknown,
  secrets: readonly string[] = [],
): HttpError {
  const cls = errorClassFor(response.status);
  let parsed: { message?: string; details?: string } = {};
  try {
    parsed = parseBody(response.headers.get("content-type") ?? "", body);
  } catch {
    // An odd body must never hide the status error itself.
  }
  return new cls({
    status: response.status,
    message: scrub(parsed.message, secrets),
    details: scrub(parsed.details, secrets),
    requestId: requestIdOf(response.headers),
    method,
    url: displayUrl(url),
    retryAfter: parseRetryAfter(response.headers.get("retry-after")),
    headers: safeHeaders(response.headers),
  });
}

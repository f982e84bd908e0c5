/**
 * Options of {@linkcode HTTPClient} and its requests.
 *
 * @module
 */
import type { Logger, TlsOptions } from "../types.ts";
import type { TokenCache } from "../token_cache/token_cache.ts";
import type { HTTPClient } from "./http_client.ts";

/**
 * When and how `HTTPClient` retries. Retries are off unless this is given;
 * only idempotent methods (or calls marked `idempotent: true`) are retried.
 *
 * @example Retry GETs three times on 503
 * ```ts
 * import { HTTPClient } from "@nimbus/apiclient";
 * const http = new HTTPClient(null, { retry: { retries: 3, statusCodes: [503] } });
 * await http.close();
 * ```
 */
export interface RetryOptions {
  /** How many times to retry (default 3 when `retry` is given). */
  retries?: number;
  /** Statuses that are retried (default 429, 502, 503, 504). */
  statusCodes?: number[];
  /** First back-off in ms, doubled each time (default 500). */
  backoffMs?: number;
  /** Longest back-off or `Retry-After` wait in ms (default 60 000). */
  maxBackoffMs?: number;
}

/** Options of one request. */
export interface RequestOptions {
  /** Extra headers; they win over the client's own except User-Agent. */
  headers?: HeadersInit;
  /** A value sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body, when `json` is not used. */
  body?: BodyInit;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Timeout in ms for this call, covering the body; 0 = none. */
  timeout?: number;
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Allow retries of this POST/PATCH. */
  idempotent?: boolean;
  /**
   * Return the body unread, as a stream (large downloads). The timeout keeps
   * running until the body is read or cancelled; read failures are
   * `ConnectionError`/`TimeoutError`. Error statuses are still read whole.
   * A stream is limited only by a `maxBodyBytes` set explicitly (here or on
   * the client); the default limit does not apply to it.
   */
  stream?: boolean;
  /**
   * The most decoded body bytes to accept for this call; `0`/`Infinity` = no
   * limit. Default: the client's `maxBodyBytes`.
   */
  maxBodyBytes?: number;
}

/** One request's timing, epoch ms. */
export interface Timing {
  /** The method. */
  method: string;
  /** The URL. */
  url: string;
  /** The status, when a response came. */
  status?: number;
  /** When the request was sent. */
  start: number;
  /** When the response (with its body) was read. */
  end: number;
}

/** Saves the auth state after each login (the seed's keyring saver). */
export interface KeyringSaver {
  /** Called with the client after each authentication. */
  save(client: HTTPClient): void | Promise<void>;
}

/** Options of {@linkcode HTTPClient}. */
export interface HTTPClientOptions extends TlsOptions {
  /** The region handed to the plugin's endpoint lookup. */
  regionName?: string;
  /** "publicURL" (default), "internalURL", "adminURL", "public", "internal" or "admin". */
  endpointType?: string;
  /** Adds `Forwarded: for=<ip>;by=<userAgent>`. */
  originalIp?: string;
  /** Default timeout per request in ms; 0/undefined = none. */
  timeout?: number;
  /** Record a {@linkcode Timing} per request. */
  timings?: boolean;
  /** Where tokens are kept between runs. */
  tokenCache?: TokenCache;
  /** Called after each authentication. */
  keyringSaver?: KeyringSaver;
  /** Write curl-style request/response lines to `logger`. */
  debug?: boolean;
  /** Where debug lines go (default: console). */
  logger?: Logger;
  /** The User-Agent (default {@linkcode HTTPClient.userAgent}). */
  userAgent?: string;
  /** A transport to use instead of `fetch`. */
  fetch?: typeof fetch;
  /** Retry policy; off when absent. */
  retry?: RetryOptions;
  /**
   * Log in again before a request when the token expires within this many ms
   * (default 120 000, keystoneauth's). The margin used is
   * `min(expiryMarginMs, 25 % of the token's lifetime)`, so a token that lives
   * less than the margin, or a server clock behind ours, does not cause a
   * login before every request. A token whose expiry has already passed when
   * it arrives (skewed clock) is used until the server answers 401.
   */
  expiryMarginMs?: number;
  /** Show secrets in debug lines. Never do this outside a lab. */
  redact?: boolean;
  /**
   * The most decoded body bytes a response may have (gzip bodies are counted
   * inflated); over it the call throws `BodyTooLarge`. `0`/`Infinity` = no
   * limit. Default 128 MiB (`DEFAULT_MAX_BODY_BYTES`), which no normal API
   * reply reaches; `stream: true` bodies are limited only when this (or the
   * request's own `maxBodyBytes`) is set.
   */
  maxBodyBytes?: number;
}

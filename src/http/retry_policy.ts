/**
 * Which failures `HTTPClient` retries, and how long it waits.
 *
 * @module
 */
import { ConnectionError, TimeoutError } from "../errors/sdk_error.ts";
import { HttpError } from "../errors/http_error.ts";
import { ValidationError } from "../errors/client_exception.ts";
import type { RetryOptions } from "./options.ts";
export { sleep } from "../_util/sleep.ts";

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

/** The resolved retry settings. */
export class RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** Statuses worth retrying. */
  readonly statusCodes: ReadonlySet<number>;
  /** First back-off, ms. */
  readonly backoffMs: number;
  /** Longest wait, ms. */
  readonly maxBackoffMs: number;

  /**
   * Resolves the options; no options means no retries.
   *
   * @throws {ValidationError} for `retries` that is not a finite integer ≥ 0,
   * a back-off that is not a finite number ≥ 0, or a status outside 100–599:
   * a typo must not turn into endless retries or none at all.
   */
  constructor(options?: RetryOptions) {
    this.retries = options ? wholeNumber("retries", options.retries ?? 3) : 0;
    const codes = options?.statusCodes ?? [429, 502, 503, 504];
    if (!Array.isArray(codes)) {
      throw new ValidationError(`retry.statusCodes must be an array of HTTP statuses`);
    }
    for (const code of codes) {
      if (!Number.isInteger(code) || code < 100 || code > 599) {
        throw new ValidationError(`retry.statusCodes holds ${code}, not an HTTP status (100–599)`);
      }
    }
    this.statusCodes = new Set(codes);
    this.backoffMs = milliseconds("backoffMs", options?.backoffMs ?? 500);
    this.maxBackoffMs = milliseconds("maxBackoffMs", options?.maxBackoffMs ?? 60_000);
  }

  /**
   * Whether attempt number `attempt` (0 = the first) may be followed by
   * another. A non-idempotent request is never sent twice unless the caller
   * marked it `idempotent`.
   */
  shouldRetry(
    error: unknown,
    method: string,
    idempotent: boolean | undefined,
    attempt: number,
  ): boolean {
    if (attempt >= this.retries) return false;
    if (!(idempotent ?? IDEMPOTENT.has(method))) return false;
    if (error instanceof HttpError) return this.statusCodes.has(error.status);
    return error instanceof ConnectionError || error instanceof TimeoutError;
  }

  /** Waits `Retry-After` when the server said so, else backs off exponentially with jitter. */
  delayMs(error: unknown, attempt: number): number {
    if (error instanceof HttpError && error.retryAfter !== undefined) {
      // A negative or past Retry-After means "now"; the retry count still bounds the attempts.
      const wait = error.retryAfter * 1000;
      return Number.isFinite(wait) && wait > 0 ? Math.min(wait, this.maxBackoffMs) : 0;
    }
    const ceiling = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }
}

function wholeNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ValidationError(`retry.${name} must be a finite integer ≥ 0, got ${String(value)}`);
  }
  return value;
}

function milliseconds(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ValidationError(
      `retry.${name} must be a finite number of ms ≥ 0, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Which failures `HTTPClient` retries, and how long it waits.
 *
 * @module
 */
import { ConnectionError, HttpError, TimeoutError } from "../errors/mod.ts";
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

  /** Resolves the options; no options means no retries. */
  constructor(options?: RetryOptions) {
    this.retries = options ? Math.max(0, options.retries ?? 3) : 0;
    this.statusCodes = new Set(options?.statusCodes ?? [429, 502, 503, 504]);
    this.backoffMs = options?.backoffMs ?? 500;
    this.maxBackoffMs = options?.maxBackoffMs ?? 60_000;
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
      return Math.min(error.retryAfter * 1000, this.maxBackoffMs);
    }
    const ceiling = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }
}

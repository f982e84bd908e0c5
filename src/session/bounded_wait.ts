/**
 * Waiting for a shared promise (a login several requests wait for) within
 * one caller's own timeout and abort signal, without cancelling it for the
 * others.
 *
 * @module
 */
import { TimeoutError } from "../errors/sdk_error.ts";

/**
 * How long one caller may wait, and for what.
 *
 * @example
 * ```ts
 * import type { WaitLimit } from "./bounded_wait.ts";
 * const limit: WaitLimit = { timeoutMs: 5_000, what: "the login to Keystone" };
 * ```
 */
export interface WaitLimit {
  /** The most ms to wait; 0/undefined = no limit. */
  timeoutMs?: number;
  /** The caller's abort signal. */
  signal?: AbortSignal;
  /** What is waited for, for the error: "the login to …". */
  what?: string;
}

/**
 * `promise`, or a `TimeoutError` once `limit.timeoutMs` has passed, or the
 * signal's reason once it aborts. The promise keeps running for others.
 *
 * @example
 * ```ts
 * import { boundedWait } from "./bounded_wait.ts";
 * console.assert(await boundedWait(Promise.resolve(1), { timeoutMs: 1_000 }) === 1);
 * ```
 */
export function boundedWait<T>(promise: Promise<T>, limit: WaitLimit = {}): Promise<T> {
  const { timeoutMs, signal } = limit;
  const timed = timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0;
  if (!timed && !signal) return promise;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    if (timed) {
      timer = setTimeout(() => {
        done();
        reject(
          new TimeoutError(
            `Timed out after ${timeoutMs} ms waiting for ${limit.what ?? "the login"}`,
          ),
        );
      }, timeoutMs);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    promise.then((value) => {
      done();
      resolve(value);
    }, (error) => {
      done();
      reject(error);
    });
  });
}

/**
 * A sleep that an abort signal can cut short.
 *
 * @module
 */

/** The longest delay setTimeout can wait; longer ones would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Sleeps (at most ~24.8 days; NaN or negative = 0), unless the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const delay = Number.isNaN(ms) ? 0 : Math.min(Math.max(0, ms), MAX_TIMER_MS);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delay);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

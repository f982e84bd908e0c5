/**
 * Polling a service until its object reaches a state, e.g. a VM that was
 * started until it is `up`. Bounded by a timeout; each poll is one `get`.
 *
 * @module
 */
import { TimeoutError } from "../../errors/sdk_error.ts";
import type { ServiceRequestOptions } from "./service.ts";
import { sleep } from "../../_util/sleep.ts";

/**
 * Options of {@linkcode waitFor}.
 *
 * @example
 * ```ts
 * import type { WaitForOptions } from "@nimbus/apiclient/services/ovirt";
 * const o: WaitForOptions<unknown> = { timeoutMs: 60_000, intervalMs: 2_000 };
 * ```
 */
export interface WaitForOptions<T> {
  /** Give up after this many milliseconds (default 300 000). */
  timeoutMs?: number;
  /** Pause between polls in milliseconds (default 1 000). */
  intervalMs?: number;
  /** Called with every object read and the 1-based attempt number. */
  onProgress?: (value: T, attempt: number) => void;
  /**
   * Stops waiting early, also while a poll is in flight: the promise rejects
   * with the signal's reason at once (the poll's answer is then ignored).
   */
  signal?: AbortSignal;
  /** Options passed to every `get` (headers, query, per-request timeout). */
  getOptions?: ServiceRequestOptions;
}

// Settles with the poll, or rejects with the signal's reason as soon as it
// aborts, even while the poll is in flight; the abandoned poll's own outcome
// is then dropped (never an unhandled rejection).
function abortable<T>(poll: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return poll;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    poll.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Polls `service.get()` until `predicate` accepts the object, and returns
 * that object. Errors from `get` are not retried. On timeout throws
 * `TimeoutError` naming the service and the last value seen.
 *
 * @param service anything with `get()`: an entity service (`vmService(id)`).
 * @param predicate true when the object is in the wanted state.
 * @param options timeout, interval, progress callback, abort signal, options of each `get`.
 * @returns the first object the predicate accepts.
 *
 * @example Start a VM and wait until it is up
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import { VmStatus, waitFor } from "@nimbus/apiclient/services/ovirt";
 * import { FakeEngine, SEED_IDS } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ transitionMs: 50 });
 * await using connection = new Connection({
 *   url: engine.url,
 *   token: engine.issueToken("admin@internal"),
 * });
 * const vmService = connection.systemService().vmsService().vmService(SEED_IDS.web2);
 * await vmService.start();
 * const seen: string[] = [];
 * const vm = await waitFor(vmService, (vm) => vm.status === VmStatus.UP, {
 *   timeoutMs: 120_000,
 *   intervalMs: 10,
 *   onProgress: (vm) => seen.push(vm.status ?? ""),
 * });
 * console.assert(vm.status === VmStatus.UP && seen.length > 0);
 * ```
 */
export async function waitFor<T>(
  service: { get(options?: ServiceRequestOptions): Promise<T> },
  predicate: (value: T) => boolean,
  options: WaitForOptions<T> = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const intervalMs = Math.max(1, options.intervalMs ?? 1_000);
  if (!(timeoutMs >= 0) || !Number.isFinite(intervalMs)) {
    throw new RangeError(
      `waitFor needs timeoutMs ≥ 0 and a finite intervalMs, got ${timeoutMs} and ${intervalMs}`,
    );
  }
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  // The attempt cap keeps the loop bounded even if the clock misbehaves.
  const maxAttempts = Math.ceil(timeoutMs / intervalMs) + 2;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    options.signal?.throwIfAborted();
    // Each poll gets what is left of the deadline, so a slow engine cannot hold the wait past it.
    // The first poll always happens, even with timeoutMs 0.
    const remaining = Math.max(1, deadline - Date.now());
    if (attempt > 1 && Date.now() >= deadline) break;
    const own = options.getOptions?.timeout;
    const capped = own === undefined || remaining < own;
    try {
      last = await abortable(
        service.get({ ...options.getOptions, timeout: capped ? remaining : own }),
        options.signal,
      );
    } catch (error) {
      // A poll cut short by the wait's own deadline is the wait timing out,
      // not a failure of the request: say so, with the last status seen.
      if (capped && error instanceof TimeoutError) throw timedOut(service, timeoutMs, last, error);
      throw error;
    }
    options.onProgress?.(last, attempt);
    if (predicate(last)) return last;
    const left = deadline - Date.now();
    if (left <= 0) break;
    await sleep(Math.min(intervalMs, left), options.signal);
  }
  throw timedOut(service, timeoutMs, last);
}

function timedOut(
  service: object,
  timeoutMs: number,
  last: unknown,
  cause?: unknown,
): TimeoutError {
  const state = (last as { status?: unknown } | undefined)?.status;
  return new TimeoutError(
    `Timed out after ${timeoutMs} ms waiting for ${String(service)}${
      state === undefined ? "" : `; the last status was '${String(state)}'`
    }`,
    cause === undefined ? undefined : { cause },
  );
}

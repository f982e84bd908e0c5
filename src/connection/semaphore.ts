/**
 * A small counting semaphore: at most `limit` holders at once, the others
 * wait in order.
 *
 * @module
 */

import { TimeoutError } from "../errors/sdk_error.ts";

/** Limits how many requests a connection has in flight. */
export class Semaphore {
  /** The limit; 0 means unlimited. */
  readonly limit: number;
  #active = 0;
  #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  /** How many holders there are now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Waits for a free slot; call the returned function exactly once to free
   * it. With `timeoutMs`, gives up waiting after that long and rejects with
   * `TimeoutError`.
   */
  async acquire(timeoutMs?: number): Promise<() => void> {
    if (this.limit > 0 && this.#active >= this.limit) {
      await this.#wait(timeoutMs);
    } else {
      this.#active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so the count stays.
      if (next) next();
      else this.#active--;
    };
  }

  #wait(timeoutMs: number | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const granted = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiting.push(granted);
      if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0) {
        timer = setTimeout(() => {
          const at = this.#waiting.indexOf(granted);
          if (at < 0) return; // Granted at the same moment: keep the slot.
          this.#waiting.splice(at, 1);
          reject(new TimeoutError(`Timed out after ${timeoutMs} ms waiting for a free connection`));
        }, Math.min(timeoutMs, 2 ** 31 - 1));
      }
    });
  }
}

/**
 * A small counting semaphore: at most `limit` holders at once, the others
 * wait in order.
 *
 * @module
 */

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

  /** Waits for a free slot; call the returned function exactly once to free it. */
  async acquire(): Promise<() => void> {
    if (this.limit > 0 && this.#active >= this.limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
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
}

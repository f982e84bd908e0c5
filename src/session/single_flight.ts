/**
 * Shares one in-flight promise between concurrent callers.
 *
 * @module
 */

/**
 * Runs a task once for every caller that arrives while it is running.
 *
 * @example
 * ```ts
 * import { SingleFlight } from "./single_flight.ts";
 * const flight = new SingleFlight();
 * let runs = 0;
 * const task = async () => { runs++; };
 * await Promise.all([flight.run(task), flight.run(task)]);
 * console.assert(runs === 1);
 * ```
 */
export class SingleFlight {
  #current: Promise<void> | undefined;

  /** The run in progress, if any. */
  get current(): Promise<void> | undefined {
    return this.#current;
  }

  /** Joins the run in progress, or starts one. */
  run(task: () => Promise<void>): Promise<void> {
    if (this.#current) return this.#current;
    const current = task().finally(() => {
      if (this.#current === current) this.#current = undefined;
    });
    this.#current = current;
    return current;
  }
}

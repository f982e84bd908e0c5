/**
 * Shares one in-flight promise between concurrent callers.
 *
 * @module
 */

/** Runs `task` once for every caller that arrives while it is running. */
export class SingleFlight {
  #current: Promise<void> | undefined;

  /** Whether a run is in progress. */
  get running(): boolean {
    return this.#current !== undefined;
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

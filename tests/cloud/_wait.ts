/**
 * Polling settings for contract tests: the real cloud takes seconds where
 * the fake takes none, so it is polled less often and given more time. The
 * assertions are the same on both targets.
 *
 * @module
 */
import type { CloudTarget } from "./_targets.ts";

/** `interval`/`timeout` for `waitFor` on a target. */
export function polling(target: CloudTarget): { interval: number; timeout: number } {
  return target.name === "real"
    ? { interval: 500, timeout: 180_000 }
    : { interval: 10, timeout: 30_000 };
}

/** Runs every cleanup step, even when one fails, and rethrows the first failure. */
export async function cleanup(steps: (() => Promise<unknown>)[]): Promise<void> {
  let first: unknown;
  for (const step of steps.reverse()) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}

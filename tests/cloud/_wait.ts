/**
 * Helpers of the contract tests: polling settings per target (the real
 * cloud takes seconds where the fake takes none, so it is polled less often
 * and given more time; the assertions are the same on both), and cleanup
 * that never hides the test's own failure.
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

/**
 * Runs `body` with a list it pushes undo steps to; the steps then run in
 * reverse, each even when another failed. The body's failure wins; a
 * cleanup failure after a passing body fails the test.
 */
export async function withCleanup(
  body: (undo: (() => Promise<unknown>)[]) => Promise<void>,
): Promise<void> {
  const undo: (() => Promise<unknown>)[] = [];
  let failure: { error: unknown } | undefined;
  try {
    await body(undo);
  } catch (error) {
    failure = { error };
  }
  let cleanupError: { error: unknown } | undefined;
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (error) {
      cleanupError ??= { error };
      if (failure) console.error(`cleanup after a failure also failed: ${error}`);
    }
  }
  if (failure) throw failure.error;
  if (cleanupError) throw cleanupError.error;
}

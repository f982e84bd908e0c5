/** Small helpers of the contract tests (no target-specific code). */

/** Collects an async iterator into an array (bounded). */
export async function collect<T>(it: AsyncIterable<T>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of it) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Polls `probe` until it returns a value other than `undefined`: at most
 * `tries` times, `everyMs` apart (real services take seconds to build a
 * server). Throws naming `what` when it never does.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { tries = 240, everyMs = 250 }: { tries?: number; everyMs?: number } = {},
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`never reached: ${what}${last ? ` (last error: ${last})` : ""}`);
}

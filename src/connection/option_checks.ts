/**
 * Checks of Connection options done in the constructor.
 *
 * @module
 */
import { SdkError } from "../errors/mod.ts";

/** A count option (`pipeline`, `connections`): an integer ≥ 0, default 0. */
export function count(name: string, value: number | undefined): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`The '${name}' option must be an integer, minimum is 0, got ${n}`);
  }
  return n;
}

/** The PEM text of `caFile`; `SdkError` when it doesn't exist. */
export function readCaFile(path: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new SdkError(`The CA file '${path}' doesn't exist`, { cause: error });
    }
    throw new SdkError(`The CA file '${path}' can't be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Checks of Connection options done in the constructor.
 *
 * @module
 */
import { PermissionRequired } from "../errors/permission_required.ts";
import { SdkError } from "../errors/sdk_error.ts";
import { isNotFound, readTextFileSync } from "../_runtime/files.ts";
import { isByteLimit } from "../transport/read_body.ts";
import { isHeaderName } from "../transport/headers_check.ts";

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
    return readTextFileSync(path);
  } catch (error) {
    if (error instanceof PermissionRequired) throw error;
    if (isNotFound(error)) {
      throw new SdkError(`The CA file '${path}' doesn't exist`, { cause: error });
    }
    throw new SdkError(`The CA file '${path}' can't be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A timeout in ms: a number ≥ 0 (`undefined` = not given); NaN or negative is a `RangeError`. */
export function timeoutMs(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0)) {
    throw new RangeError(`The 'timeout' option must be a number of ms ≥ 0, got ${value}`);
  }
  return value;
}

/** A `maxBodyBytes`: an integer ≥ 0 or Infinity (`undefined` = the default); else `RangeError`. */
export function byteLimit(value: number | undefined): number | undefined {
  if (value !== undefined && !isByteLimit(value)) {
    throw new RangeError(
      `The 'maxBodyBytes' option must be an integer ≥ 0 or Infinity, got ${value}`,
    );
  }
  return value;
}

/** Throws `SdkError` unless the method is an HTTP token (a typo never reaches the network). */
export function checkMethod(method: unknown): void {
  if (typeof method !== "string" || !isHeaderName(method)) {
    // deno-lint-ignore no-control-regex
    const shown = String(method).replace(/[\x00-\x1f\x7f]/g, "?");
    throw new SdkError(`The HTTP method '${shown}' isn't valid`);
  }
}

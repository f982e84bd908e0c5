/**
 * The stable stand-in for a secret in the curl-style log.
 *
 * @module
 */
import { sha256Hex } from "../_runtime/sha256.ts";

/**
 * A stable, irreversible stand-in for a secret: `{SHA256}<hex>`, so two log
 * lines can be compared without showing the value.
 *
 * @example
 * ```ts
 * import { fingerprint } from "./fingerprint.ts";
 * console.assert(fingerprint("t0k3n").startsWith("{SHA256}"));
 * ```
 */
export function fingerprint(value: string): string {
  return `{SHA256}${sha256Hex(value)}`;
}

/**
 * The current directory, when the process may know it.
 *
 * @module
 */
import { isPermissionError } from "./permissions.ts";
import { denoNamespace, nodeProcess } from "./runtime.ts";

/**
 * The current directory, or `"."` when Deno may not read it (a script run
 * with `--allow-read=./clouds.yaml` only): relative paths still work then,
 * and no extra permission is asked for.
 *
 * @example
 * ```ts
 * import { currentDir } from "./cwd.ts";
 * console.assert(currentDir().length > 0);
 * ```
 */
export function currentDir(): string {
  const deno = denoNamespace();
  if (!deno) return nodeProcess()?.cwd() ?? ".";
  try {
    return deno.cwd();
  } catch (error) {
    if (isPermissionError(error)) return ".";
    throw error;
  }
}

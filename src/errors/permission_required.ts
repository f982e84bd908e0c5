/**
 * A Deno permission the package needs and the process was not given.
 *
 * @module
 */
import { ClientException, type ClientExceptionOptions } from "./client_exception.ts";

/**
 * Deno did not grant a permission the package needs. The message names the
 * flag to add, e.g. `run with --allow-env=OS_AUTH_URL`; `flag` holds it.
 *
 * @example Show the user the flag to add
 * ```ts
 * import { PermissionRequired } from "@nimbus/apiclient";
 * const e = new PermissionRequired("read OS_AUTH_URL", "--allow-env=OS_AUTH_URL");
 * console.assert(e.message === "Cannot read OS_AUTH_URL without permission: run with --allow-env=OS_AUTH_URL");
 * console.assert(e.flag === "--allow-env=OS_AUTH_URL");
 * ```
 */
export class PermissionRequired extends ClientException {
  /** The command-line flag that grants the permission. */
  readonly flag: string;
  /** Creates the error from what was attempted ("read OS_AUTH_URL") and the flag. */
  constructor(what: string, flag: string, options?: ClientExceptionOptions) {
    super(`Cannot ${what} without permission: run with ${flag}`, options);
    this.flag = flag;
  }
}

/**
 * Deno's permissions, asked about without prompting, and the flag that
 * grants each one. On Node and Bun everything is granted.
 *
 * @module
 */
import { PermissionRequired } from "../errors/permission_required.ts";
import { denoNamespace } from "./runtime.ts";

/** A permission, in the shape of `Deno.PermissionDescriptor`. */
export type Permission =
  | { name: "env"; variable?: string }
  | { name: "read"; path: string }
  | { name: "write"; path: string }
  | { name: "net"; host: string }
  | { name: "sys"; kind: string }
  | { name: "ffi"; path: string }
  | { name: "run"; command: string };

/**
 * Whether the process holds `permission` now. Never prompts: a script that
 * was given scoped flags is not interrupted for every variable it might read.
 *
 * @example
 * ```ts
 * import { isGranted } from "./permissions.ts";
 * console.assert(String(typeof isGranted({ name: "env", variable: "HOME" })) === "boolean");
 * ```
 */
export function isGranted(permission: Permission): boolean {
  const deno = denoNamespace();
  if (!deno?.permissions?.querySync) return true;
  try {
    return deno.permissions.querySync(permission as Deno.PermissionDescriptor).state === "granted";
  } catch {
    // An odd name or path the query rejects: let the real call report it.
    return true;
  }
}

/**
 * The command-line flag that grants `permission`, e.g. `--allow-env=OS_AUTH_URL`.
 *
 * @example
 * ```ts
 * import { flagFor } from "./permissions.ts";
 * console.log(flagFor({ name: "read", path: "/etc/openstack/clouds.yaml" }));
 * // --allow-read=/etc/openstack/clouds.yaml
 * ```
 */
export function flagFor(permission: Permission): string {
  switch (permission.name) {
    case "env":
      return permission.variable ? `--allow-env=${permission.variable}` : "--allow-env";
    case "read":
    case "write":
    case "ffi":
      return `--allow-${permission.name}=${permission.path}`;
    case "net":
      return `--allow-net=${permission.host}`;
    case "sys":
      return `--allow-sys=${permission.kind}`;
    case "run":
      return `--allow-run=${permission.command}`;
  }
}

/**
 * Whether `error` is Deno refusing an operation for lack of a permission
 * (`NotCapable`; `PermissionDenied` on runtimes before Deno 2 — on Deno 2
 * that class means the operating system said no, which no flag fixes).
 *
 * @example
 * ```ts
 * import { isPermissionError } from "./permissions.ts";
 * console.assert(!(isPermissionError(new Error("x"))));
 * ```
 */
export function isPermissionError(error: unknown): boolean {
  const errors = denoNamespace()?.errors as Record<string, unknown> | undefined;
  if (!errors) return false;
  const notCapable = errors.NotCapable as (new () => Error) | undefined;
  if (notCapable) return error instanceof notCapable;
  return error instanceof (errors.PermissionDenied as new () => Error);
}

/**
 * `error` as a {@linkcode PermissionRequired} naming the flag to add when it
 * is a permission refusal, else `error` unchanged.
 *
 * @example
 * ```ts
 * import { explainPermission } from "./permissions.ts";
 * const e = new Error("disk full");
 * console.assert(explainPermission(e, "read x", { name: "read", path: "x" }) === e);
 * ```
 */
export function explainPermission(error: unknown, what: string, permission: Permission): unknown {
  if (!isPermissionError(error)) return error;
  return new PermissionRequired(what, flagFor(permission), { cause: error });
}

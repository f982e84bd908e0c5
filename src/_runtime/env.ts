/**
 * Environment variables, read one name at a time, so that Deno's scoped
 * `--allow-env=OS_AUTH_URL,…` is enough (no `Deno.env.toObject()`, which
 * needs every variable).
 *
 * @module
 */
import { PermissionRequired } from "../errors/permission_required.ts";
import { flagFor, isGranted } from "./permissions.ts";
import { denoNamespace, nodeProcess } from "./runtime.ts";

/**
 * The value of `name`, or undefined when it is unset.
 *
 * @throws {PermissionRequired} Deno was not given `--allow-env=<name>`.
 *
 * @example
 * ```ts
 * import { readEnv } from "./env.ts";
 * console.assert(String(typeof (readEnv("HOME") ?? "")) === "string");
 * ```
 */
export function readEnv(name: string): string | undefined {
  const deno = denoNamespace();
  if (!deno) return nodeProcess()?.env[name];
  const permission = { name: "env", variable: name } as const;
  if (!isGranted(permission)) throw new PermissionRequired(`read ${name}`, flagFor(permission));
  return deno.env.get(name);
}

/** A read-only view of the environment and the names it was not allowed to read. */
export interface EnvView {
  /** The variables, each read when first looked up; an unreadable one reads as unset. */
  readonly values: Readonly<Record<string, string | undefined>>;
  /** The names looked up that Deno did not let this process read. */
  readonly denied: ReadonlySet<string>;
}

/**
 * The process environment as a record that reads each variable when it is
 * first looked up. A variable the process may not read looks unset and is
 * recorded in `denied`, so the caller can name the flag when it turns out to
 * be needed (an optional one stays quietly absent).
 *
 * @example
 * ```ts
 * import { environment } from "./env.ts";
 * const env = environment();
 * console.log(env.values.NIMBUS_NO_SUCH_VARIABLE, env.denied.size >= 0); // undefined true
 * ```
 */
export function environment(): EnvView {
  const denied = new Set<string>();
  const deno = denoNamespace();
  const process = nodeProcess();
  if (!deno) return { values: process?.env ?? {}, denied };
  const cache = new Map<string, string | undefined>();
  // One query when the whole environment is allowed (the common case): a
  // query per variable costs a few ms of start-up over some 35 OS_* names.
  const everything = isGranted({ name: "env" });
  const read = (name: string): string | undefined => {
    if (cache.has(name)) return cache.get(name);
    let value: string | undefined;
    if (everything || isGranted({ name: "env", variable: name })) value = deno.env.get(name);
    else denied.add(name);
    cache.set(name, value);
    return value;
  };
  const values = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, key) => typeof key === "string" ? read(key) : undefined,
    has: (_target, key) => typeof key === "string" && read(key) !== undefined,
    // Enumerating would need every variable: only the ones looked up are listed.
    ownKeys: () => [...cache].filter(([, v]) => v !== undefined).map(([k]) => k),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === "string" ? read(key) : undefined;
      return value === undefined
        ? undefined
        : { value, enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    deleteProperty: () => false,
  });
  return { values, denied };
}

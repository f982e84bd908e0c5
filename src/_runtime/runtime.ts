/**
 * Which JavaScript runtime this is, and the way to its APIs: the `Deno`
 * namespace on Deno, `process.getBuiltinModule` on Node and Bun. Everything
 * else in the package reaches the runtime through the files of this folder,
 * so that one import of the package never touches a `Deno.*` global that
 * Node or Bun lacks.
 *
 * @module
 */
import { ClientException } from "../errors/client_exception.ts";

/** The parts of Node's / Bun's `process` this package reads. */
export interface NodeProcess {
  /** The environment. */
  env: Record<string, string | undefined>;
  /** The process id. */
  pid: number;
  /** `"linux"`, `"darwin"`, `"win32"`... */
  platform: string;
  /** The current directory. */
  cwd(): string;
  /** A built-in module, loaded synchronously (Node ≥ 20.16, Bun). */
  getBuiltinModule?: (name: string) => unknown;
  /** Runtime versions (`bun` is set on Bun). */
  versions?: Record<string, string | undefined>;
}

/**
 * The `Deno` namespace, or undefined on Node and Bun.
 *
 * @example
 * ```ts
 * import { denoNamespace } from "./runtime.ts";
 * console.log(denoNamespace()?.version.deno !== undefined); // true on Deno
 * ```
 */
export function denoNamespace(): typeof Deno | undefined {
  const deno = (globalThis as { Deno?: typeof Deno }).Deno;
  // Node's test runners sometimes define a partial `Deno` shim: require the APIs used.
  return typeof deno?.readTextFileSync === "function" ? deno : undefined;
}

/**
 * Node's / Bun's `process`, or undefined on Deno (whose `process` is only a
 * compatibility layer: the Deno namespace is used there instead).
 *
 * @example
 * ```ts
 * import { nodeProcess } from "./runtime.ts";
 * console.log(nodeProcess() === undefined); // true on Deno
 * ```
 */
export function nodeProcess(): NodeProcess | undefined {
  if (denoNamespace()) return undefined;
  return (globalThis as { process?: NodeProcess }).process;
}

/**
 * `"deno"`, `"bun"`, `"node"` or `"other"` (a browser, a worker).
 *
 * @example
 * ```ts
 * import { runtimeName } from "./runtime.ts";
 * console.assert(String(runtimeName()) === "deno");
 * ```
 */
export function runtimeName(): "deno" | "node" | "bun" | "other" {
  if (denoNamespace()) return "deno";
  const process = nodeProcess();
  if (process?.versions?.bun) return "bun";
  if (process?.versions?.node) return "node";
  return "other";
}

/**
 * A Node built-in module (`"node:fs"`...), loaded synchronously where the
 * runtime can (`process.getBuiltinModule`: Deno 2, Node ≥ 20.16 and Bun),
 * else undefined. Loading is deferred to first use, which keeps start-up
 * cheap: `node:crypto` alone costs a Deno script about 20 ms.
 *
 * @example
 * ```ts
 * import { nodeBuiltin } from "./runtime.ts";
 * const crypto = nodeBuiltin<typeof import("node:crypto")>("node:crypto");
 * console.assert(String(typeof crypto?.createHash) === "function");
 * ```
 */
export function nodeBuiltin<T>(name: string): T | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  return process?.getBuiltinModule?.(name) as T | undefined;
}

/**
 * Like {@linkcode nodeBuiltin}, but a runtime without the module (or without
 * `getBuiltinModule`) is an error that says what is needed.
 *
 * @example
 * ```ts
 * import { requireNodeBuiltin } from "./runtime.ts";
 * const fs = requireNodeBuiltin<typeof import("node:fs")>("node:fs", "reading clouds.yaml");
 * console.assert(typeof fs.readFileSync === "function");
 * ```
 */
export function requireNodeBuiltin<T>(name: string, forWhat: string): T {
  const module = nodeBuiltin<T>(name);
  if (module === undefined) {
    throw new ClientException(
      `${forWhat} needs ${name}: run on Deno 2, Node 20.16 or newer, or Bun ` +
        `(this runtime has no process.getBuiltinModule)`,
    );
  }
  return module;
}

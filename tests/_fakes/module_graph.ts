/**
 * The modules `deno run` loads at start-up from an entry point, read from
 * `deno info --json`: code edges only (type-only imports are erased), and
 * dynamic imports only when asked for (they load when first called).
 */
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

interface InfoModule {
  specifier: string;
  dependencies?: {
    code?: { specifier: string };
    type?: { specifier: string };
    isDynamic?: boolean;
  }[];
}

/** Options of {@linkcode runtimeGraph}. */
export interface RuntimeGraphOptions {
  /** Follow dynamic `import()` edges too (default true: everything the entry can load). */
  dynamic?: boolean;
}

/**
 * The specifiers of the modules `entry` (a path from the repository root)
 * loads at run time.
 */
export async function runtimeGraph(
  entry: string,
  options: RuntimeGraphOptions = {},
): Promise<Set<string>> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: root.pathname,
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.ok(out.success, "deno info runs");
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    roots: string[];
    modules: InfoModule[];
    redirects: Record<string, string>;
  };
  const modules = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const stack = [...info.roots];
  for (let i = 0; stack.length > 0 && i < 100_000; i++) {
    const at = stack.pop()!;
    const specifier = info.redirects[at] ?? at;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    for (const dep of modules.get(specifier)?.dependencies ?? []) {
      if (dep.code && (options.dynamic !== false || !dep.isDynamic)) {
        stack.push(dep.code.specifier);
      }
    }
  }
  return seen;
}

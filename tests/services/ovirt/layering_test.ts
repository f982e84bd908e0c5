/**
 * One-way layering: `src/connection` never loads `src/services/ovirt`.
 * Importing the package root (for `HTTPClient`, `TokenCache`, an error
 * class) loads neither the generated model nor the XML parser; the model
 * plugs its service tree into `Connection` when its entry is imported.
 */
import assert from "node:assert/strict";

const root = new URL("../../../", import.meta.url);

interface InfoModule {
  specifier: string;
  size?: number;
  dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[];
}

/** The modules `deno run` loads from `entry`: code edges only (type-only imports are erased). */
async function runtimeGraph(entry: string): Promise<Set<string>> {
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
      if (dep.code) stack.push(dep.code.specifier);
    }
  }
  return seen;
}

Deno.test("layering: the package root loads neither the oVirt model nor the XML parser", async () => {
  const loaded = [...await runtimeGraph("mod.ts")];
  assert.ok(loaded.some((s) => s.endsWith("/src/connection/connection.ts")), "Connection is there");
  assert.deepEqual(loaded.filter((s) => s.includes("/src/services/ovirt/")), []);
  assert.deepEqual(loaded.filter((s) => s.includes("fast-xml-parser")), []);
  // The oVirt entry does load them.
  const ovirt = [...await runtimeGraph("src/services/ovirt/mod.ts")];
  assert.ok(ovirt.some((s) => s.endsWith("/_generated/services.ts")));
  assert.ok(ovirt.some((s) => s.endsWith("/src/services/ovirt/xml_reader.ts")));
});

Deno.test("layering: src/connection has no run-time import of src/services", async () => {
  const dir = new URL("src/connection/", root);
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.endsWith(".ts")) continue;
    const text = await Deno.readTextFile(new URL(entry.name, dir));
    for (const m of text.matchAll(/^(import|export)\s+([^;]*?)\s+from\s+"([^"]+)"/gms)) {
      if (!m[3]!.includes("/services/")) continue;
      assert.match(m[0], /^(import|export) type /, `${entry.name}: ${m[0]}`);
    }
    assert.doesNotMatch(text, /import\(\s*"[^"]*\/services\//, `${entry.name}: dynamic import`);
  }
});

Deno.test("layering: systemService() without the oVirt entry names the import to add", async () => {
  const script = `
    import { Connection, SdkError } from "./mod.ts";
    const connection = new Connection({ url: "http://127.0.0.1:1/ovirt-engine/api", token: "t" });
    try {
      connection.systemService();
      console.log("no error");
    } catch (e) {
      console.log(e instanceof SdkError ? "SdkError: " + e.message : "other: " + e);
    }
    await import("./src/services/ovirt/mod.ts");
    console.log(String(connection.systemService().vmsService()));
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", script],
    cwd: root.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  assert.match(lines[0]!, /^SdkError: .*@nimbus\/apiclient\/services\/ovirt/);
  assert.equal(lines[1], "VmsService:/vms");
});

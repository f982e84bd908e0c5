/**
 * One-way layering: `src/connection` never loads `src/services/ovirt`.
 * Importing the package root (for `HTTPClient`, `TokenCache`, an error
 * class) loads neither the generated model nor the XML parser; the model
 * plugs its service tree into `Connection` when its entry is imported.
 */
import assert from "node:assert/strict";

import { runtimeGraph } from "../../_fakes/module_graph.ts";

const root = new URL("../../../", import.meta.url);

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

import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Connection, HTTPClient, TokenCache } from "../../mod.ts";
import { OvirtSsoAuth } from "../../src/auth/mod.ts";
import { Host } from "../../src/services/ovirt/mod.ts";

const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");

function nodeInspect(value: object): string {
  const custom = (value as Record<symbol, unknown>)[NODE_INSPECT];
  assert.equal(typeof custom, "function", `${value.constructor.name} has no Node inspect`);
  // Node calls it as (depth, options, inspect).
  return (custom as (d: number, o: unknown, i: typeof inspect) => string).call(
    value,
    2,
    {},
    inspect,
  );
}

Deno.test("Node/Bun inspect: an oVirt struct's rootPassword and client secrets are hidden", () => {
  const host = new Host({ name: "h1", rootPassword: "node-root-secret" });
  const shown = [
    nodeInspect(host),
    nodeInspect(
      new Connection({ url: "http://127.0.0.1:1/api", username: "u", password: "node-pw-1" }),
    ),
    nodeInspect(
      new OvirtSsoAuth({ url: "http://127.0.0.1:1/api", username: "u", password: "node-pw-2" }),
    ),
    nodeInspect(new HTTPClient(null)),
    nodeInspect(new TokenCache({ secret: "node-cache-secret" })),
  ].join("\n");
  assert.match(shown, /h1/);
  for (const secret of ["node-root-secret", "node-pw-1", "node-pw-2", "node-cache-secret"]) {
    assert.ok(!shown.includes(secret), `${secret} in ${shown}`);
  }
});

Deno.test("every Deno.customInspect in src/ has a nodejs.util.inspect.custom beside it", async () => {
  const missing: string[] = [];
  async function walk(dir: string): Promise<void> {
    for await (const entry of Deno.readDir(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        const text = await Deno.readTextFile(path);
        const deno = text.split('Symbol.for("Deno.customInspect")]').length - 1;
        const node = text.split('Symbol.for("nodejs.util.inspect.custom")]').length - 1;
        if (node < deno) missing.push(`${path} (${deno} Deno, ${node} Node)`);
      }
    }
  }
  await walk(new URL("../../src", import.meta.url).pathname);
  assert.deepEqual(missing, []);
});

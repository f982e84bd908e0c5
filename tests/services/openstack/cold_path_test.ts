/**
 * What an OpenStack script loads before its first line runs. Every module
 * on that path costs start-up time (bench/cold_start measures it), so code
 * only some scripts need loads when first used: the node:https transport,
 * image transfers, the oVirt model, any npm package.
 */
import assert from "node:assert/strict";
import { runtimeGraph } from "../../_fakes/module_graph.ts";

const ENTRY = "src/services/openstack/mod.ts";

Deno.test("cold path: the OpenStack entry loads no npm package, no node: built-in and no oVirt code", async () => {
  const loaded = [...await runtimeGraph(ENTRY, { dynamic: false })];
  assert.ok(loaded.some((s) => s.endsWith("/src/http/http_client.ts")), "the core is there");
  assert.deepEqual(loaded.filter((s) => s.startsWith("npm:")), []);
  assert.deepEqual(loaded.filter((s) => s.startsWith("node:")), []);
  assert.deepEqual(
    loaded.filter((s) => /\/src\/(services\/ovirt|connection|testing)\//.test(s)),
    [],
  );
});

Deno.test("cold path: the node:https transport and image transfers load when first used", async () => {
  const eager = await runtimeGraph(ENTRY, { dynamic: false });
  const all = await runtimeGraph(ENTRY);
  for (
    const lazy of ["/src/transport/node_fetch.ts", "/src/services/openstack/image_transfer.ts"]
  ) {
    assert.ok(![...eager].some((s) => s.endsWith(lazy)), `${lazy} is not loaded at start-up`);
    assert.ok([...all].some((s) => s.endsWith(lazy)), `${lazy} is still reachable`);
  }
});

Deno.test("cold path: no internal barrel (src/*/mod.ts) is loaded by the OpenStack entry", async () => {
  const loaded = [...await runtimeGraph(ENTRY, { dynamic: false })];
  const barrels = loaded.filter((s) =>
    /\/src\/(errors|redaction|transport|session|http|auth|token_cache)\/mod\.ts$/.test(s)
  );
  assert.deepEqual(barrels, []);
});

import assert from "node:assert/strict";
import { MemoryTokenStore } from "../../mod.ts";

Deno.test("MemoryTokenStore round trip, delete, and copies in and out", async () => {
  const store = new MemoryTokenStore();
  const value = new Uint8Array([1, 2, 3]);
  await store.set("k", value, Date.now() + 60_000);
  value[0] = 9;
  const got = await store.get("k");
  assert.deepEqual(got, new Uint8Array([1, 2, 3]));
  got![1] = 9;
  assert.deepEqual(await store.get("k"), new Uint8Array([1, 2, 3]));
  assert.equal(await store.get("other"), undefined);
  await store.delete("k");
  await store.delete("k");
  assert.equal(await store.get("k"), undefined);
});

Deno.test("MemoryTokenStore drops entries past their expiry", async () => {
  const store = new MemoryTokenStore();
  await store.set("old", new Uint8Array([1]), Date.now() - 1);
  await store.set("forever", new Uint8Array([2]));
  assert.equal(await store.get("old"), undefined);
  assert.deepEqual(await store.get("forever"), new Uint8Array([2]));
  assert.equal(Deno.inspect(store), "MemoryTokenStore { entries: 1 }");
});

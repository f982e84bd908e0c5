import assert from "node:assert/strict";
import { KvTokenStore, TokenCache } from "../../mod.ts";
import { HOUR, TOKEN } from "./helpers.ts";

async function withKv(fn: (kv: Deno.Kv, path: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/tokens.kv`;
  const kv = await Deno.openKv(path);
  try {
    await fn(kv, path);
  } finally {
    kv.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("KvTokenStore round trip under the default prefix", async () => {
  await withKv(async (kv) => {
    const store = new KvTokenStore(kv);
    await store.set("k", new Uint8Array([1, 2, 3]), Date.now() + HOUR);
    assert.deepEqual(await store.get("k"), new Uint8Array([1, 2, 3]));
    const raw = await kv.get<{ value: Uint8Array; expiresAt: number }>(["nimbus", "tokens", "k"]);
    assert.deepEqual(raw.value?.value, new Uint8Array([1, 2, 3]));
    assert.equal(typeof raw.value?.expiresAt, "number");
    await store.delete("k");
    assert.equal(await store.get("k"), undefined);
  });
});

Deno.test("KvTokenStore checks its own expiry, not KV's lazy expireIn", async () => {
  await withKv(async (kv) => {
    const store = new KvTokenStore(kv);
    // Written directly so KV surely still holds it: only the recorded expiry says it is dead.
    await kv.set(["nimbus", "tokens", "old"], {
      value: new Uint8Array([1]),
      expiresAt: Date.now() - 1,
    });
    assert.equal(await store.get("old"), undefined);
    await store.set("forever", new Uint8Array([2]));
    assert.deepEqual(await store.get("forever"), new Uint8Array([2]));
    await kv.set(["nimbus", "tokens", "junk"], "not an entry");
    assert.equal(await store.get("junk"), undefined);
  });
});

Deno.test("KvTokenStore prefixes keep caches apart", async () => {
  await withKv(async (kv) => {
    const a = new KvTokenStore(kv, ["app", "a"]);
    const b = new KvTokenStore(kv, ["app", "b"]);
    await a.set("k", new Uint8Array([1]));
    assert.equal(await b.get("k"), undefined);
    assert.match(Deno.inspect(a), /KvTokenStore \{ prefix: \["app","a"\] \}/);
  });
});

Deno.test("KvTokenStore under TokenCache survives reopening the database", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/tokens.kv`;
  const secret = "kv test secret";
  const scope = { authUrl: "http://127.0.0.1:5000/v3", username: "alice" };
  try {
    const kv1 = await Deno.openKv(path);
    await new TokenCache({ store: new KvTokenStore(kv1), secret }).set(scope, {
      token: TOKEN,
      expiresAt: Date.now() + HOUR,
      data: { project: "demo" },
    });
    kv1.close();
    const kv2 = await Deno.openKv(path);
    try {
      const cache = new TokenCache({ store: new KvTokenStore(kv2), secret });
      const got = await cache.get(scope);
      assert.equal(got?.token, TOKEN);
      assert.deepEqual(got?.data, { project: "demo" });
      assert.equal(await cache.get({ ...scope, username: "bob" }), undefined);
    } finally {
      kv2.close();
    }
    const bytes = await Deno.readFile(path);
    const text = new TextDecoder("latin1").decode(bytes);
    assert.ok(!text.includes(TOKEN));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

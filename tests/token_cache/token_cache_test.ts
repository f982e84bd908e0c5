import assert from "node:assert/strict";
import { MemoryTokenStore, TokenCache, ValidationError } from "../../mod.ts";
import { HOUR, recordingLogger, SpyStore, TOKEN } from "./helpers.ts";

const SECRET = "test secret: correct horse battery staple";
const alice = { authUrl: "http://127.0.0.1:5000/v3", username: "alice", project: "demo" };
const bob = { authUrl: "http://127.0.0.1:5000/v3", username: "bob", project: "demo" };
const aliceElsewhere = { ...alice, authUrl: "http://127.0.0.1:5001/v3" };

Deno.test("TokenCache round trip keeps token, expiry and data", async () => {
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret: SECRET });
  const expiresAt = Date.now() + HOUR;
  const data = { catalog: [{ type: "compute" }], user: { id: "u1" } };
  await cache.set(alice, { token: TOKEN, expiresAt, data });
  assert.deepEqual(await cache.get(alice), { token: TOKEN, expiresAt, data });
  await cache.delete(alice);
  assert.equal(await cache.get(alice), undefined);
});

Deno.test("TokenCache entry without expiry is kept", async () => {
  const cache = new TokenCache({ secret: SECRET });
  await cache.set(alice, { token: TOKEN });
  assert.deepEqual(await cache.get(alice), { token: TOKEN });
});

Deno.test("TokenCache scope key ignores key order and undefined values", async () => {
  const store = new SpyStore();
  const cache = new TokenCache({ store, secret: SECRET });
  await cache.set({ a: "1", b: "2" }, { token: TOKEN });
  const reordered = { b: "2", a: "1", c: undefined } as unknown as Record<string, string>;
  assert.equal((await cache.get(reordered))?.token, TOKEN);
  assert.equal(store.entries.size, 1);
});

Deno.test("TokenCache isolates users and auth URLs", async () => {
  const cache = new TokenCache({ secret: SECRET });
  await cache.set(alice, { token: "alice-token", expiresAt: Date.now() + HOUR });
  assert.equal(await cache.get(bob), undefined);
  assert.equal(await cache.get(aliceElsewhere), undefined);
  await cache.set(bob, { token: "bob-token", expiresAt: Date.now() + HOUR });
  assert.equal((await cache.get(alice))?.token, "alice-token");
  assert.equal((await cache.get(bob))?.token, "bob-token");
  // Values that only differ in where a separator falls must not collide.
  await cache.set({ a: "bc", d: "" }, { token: "one" });
  assert.equal(await cache.get({ ab: "c", d: "" }), undefined);
  assert.equal(await cache.get({ a: "b", cd: "" }), undefined);
});

Deno.test("TokenCache store keys and values reveal neither scope nor token", async () => {
  const store = new SpyStore();
  const cache = new TokenCache({ store, secret: SECRET });
  await cache.set(alice, { token: TOKEN, expiresAt: Date.now() + HOUR });
  const key = store.onlyKey();
  assert.match(key, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(!key.includes("alice"));
  const text = new TextDecoder("latin1").decode(store.entries.get(key)!);
  assert.ok(!text.includes(TOKEN) && !text.includes("alice"));
});

Deno.test("TokenCache every tampered byte is a miss, and is logged", async () => {
  const store = new SpyStore();
  const { logger, lines } = recordingLogger();
  const cache = new TokenCache({ store, secret: SECRET, logger });
  await cache.set(alice, { token: TOKEN, expiresAt: Date.now() + HOUR });
  const key = store.onlyKey();
  const good = store.entries.get(key)!;
  for (let i = 0; i < good.length; i++) {
    const bad = good.slice();
    bad[i] = bad[i]! ^ 0x01;
    store.entries.set(key, bad);
    assert.equal(await cache.get(alice), undefined, `byte ${i} flipped`);
  }
  store.entries.set(key, good);
  assert.equal((await cache.get(alice))?.token, TOKEN);
  assert.ok(lines.some((l) => l.includes("does not open")));
  assert.ok(lines.some((l) => l.includes("unknown entry version")));
  assert.ok(lines.every((l) => !l.includes(TOKEN)));
});

Deno.test("TokenCache truncated, empty and garbage entries are misses", async () => {
  const store = new SpyStore();
  const { logger, lines } = recordingLogger();
  const cache = new TokenCache({ store, secret: SECRET, logger });
  await cache.set(alice, { token: TOKEN });
  const key = store.onlyKey();
  const good = store.entries.get(key)!;
  for (
    const bad of [
      new Uint8Array(0),
      good.slice(0, 20),
      good.slice(0, good.length - 1),
      new Uint8Array(200),
    ]
  ) {
    store.entries.set(key, bad);
    assert.equal(await cache.get(alice), undefined);
  }
  assert.ok(lines.some((l) => l.includes("too short")));
});

Deno.test("TokenCache sealed bytes copied under another key are a miss", async () => {
  const store = new SpyStore();
  const cache = new TokenCache({ store, secret: SECRET });
  await cache.set(alice, { token: "alice-token" });
  const aliceKey = store.onlyKey();
  await cache.set(bob, { token: "bob-token" });
  const bobKey = [...store.entries.keys()].find((k) => k !== aliceKey)!;
  store.entries.set(bobKey, store.entries.get(aliceKey)!);
  assert.equal(await cache.get(bob), undefined);
  assert.equal((await cache.get(alice))?.token, "alice-token");
});

Deno.test("TokenCache with another secret misses, with the same secret hits", async () => {
  const store = new MemoryTokenStore();
  await new TokenCache({ store, secret: SECRET }).set(alice, { token: TOKEN });
  assert.equal(await new TokenCache({ store, secret: SECRET + "!" }).get(alice), undefined);
  assert.equal(await new TokenCache({ store }).get(alice), undefined);
  assert.equal((await new TokenCache({ store, secret: SECRET }).get(alice))?.token, TOKEN);
});

Deno.test("TokenCache: bytes sealed with another secret do not open under our key", async () => {
  const store = new SpyStore();
  await new TokenCache({ store, secret: "one" }).set(alice, { token: TOKEN });
  const foreignKey = store.onlyKey();
  const other = new TokenCache({ store, secret: "two" });
  await other.set(alice, { token: "placeholder" });
  const ourKey = [...store.entries.keys()].find((k) => k !== foreignKey)!;
  assert.notEqual(ourKey, foreignKey);
  store.entries.set(ourKey, store.entries.get(foreignKey)!);
  assert.equal(await other.get(alice), undefined);
});

Deno.test("TokenCache accepts an HKDF CryptoKey secret", async () => {
  const bytes = new TextEncoder().encode(SECRET);
  const key = await crypto.subtle.importKey("raw", bytes, "HKDF", false, [
    "deriveKey",
    "deriveBits",
  ]);
  const store = new MemoryTokenStore();
  await new TokenCache({ store, secret: key }).set(alice, { token: TOKEN });
  // A string secret is the same material as a CryptoKey of its UTF-8 bytes.
  assert.equal((await new TokenCache({ store, secret: SECRET }).get(alice))?.token, TOKEN);
  assert.equal((await new TokenCache({ store, secret: key }).get(alice))?.token, TOKEN);
});

Deno.test("TokenCache without secret shares one random key within the process", async () => {
  const store = new MemoryTokenStore();
  await new TokenCache({ store }).set(alice, { token: TOKEN });
  assert.equal((await new TokenCache({ store }).get(alice))?.token, TOKEN);
  assert.equal(await new TokenCache({ store, secret: SECRET }).get(alice), undefined);
});

Deno.test("TokenCache expired and soon-expiring tokens are misses", async () => {
  const { logger, lines } = recordingLogger();
  // A store that ignores expiry, so the cache's own check is what is tested.
  const store = new SpyStore();
  const cache = new TokenCache({ store, secret: SECRET, refreshMarginMs: 60_000, logger });
  const now = Date.now();
  await cache.set(alice, { token: "expired", expiresAt: now - 1_000 });
  assert.equal(await cache.get(alice), undefined);
  await cache.set(alice, { token: "soon", expiresAt: now + 30_000 });
  assert.equal(await cache.get(alice), undefined);
  await cache.set(alice, { token: "fresh", expiresAt: now + 5 * 60_000 });
  assert.equal((await cache.get(alice))?.token, "fresh");
  assert.ok(lines.some((l) => l.includes("refresh margin")));
  assert.ok(lines.some((l) => l.includes("token expired")));
});

Deno.test("TokenCache default margin is 120 s, a zero margin keeps near-expiry tokens", async () => {
  const store = new MemoryTokenStore();
  const byDefault = new TokenCache({ store, secret: SECRET });
  await byDefault.set(alice, { token: TOKEN, expiresAt: Date.now() + 90_000 });
  assert.equal(await byDefault.get(alice), undefined);
  const noMargin = new TokenCache({ store, secret: SECRET, refreshMarginMs: 0 });
  assert.equal((await noMargin.get(alice))?.token, TOKEN);
  await byDefault.set(bob, { token: TOKEN, expiresAt: Date.now() + 150_000 });
  assert.equal((await byDefault.get(bob))?.token, TOKEN);
});

Deno.test("TokenCache get never throws when the store fails", async () => {
  const { logger, lines } = recordingLogger();
  const broken = {
    get: () => Promise.reject(new Error("disk on fire")),
    set: () => Promise.reject(new Error("disk on fire")),
    delete: () => Promise.resolve(),
  };
  const cache = new TokenCache({ store: broken, secret: SECRET, logger });
  assert.equal(await cache.get(alice), undefined);
  assert.ok(lines.some((l) => l.includes("store failed") && l.includes("disk on fire")));
  await assert.rejects(cache.set(alice, { token: TOKEN }), /disk on fire/);
});

Deno.test("TokenCache rejects bad options and tokens with ValidationError", async () => {
  assert.throws(() => new TokenCache({ secret: "" }), ValidationError);
  assert.throws(() => new TokenCache({ refreshMarginMs: -1 }), ValidationError);
  assert.throws(() => new TokenCache({ refreshMarginMs: NaN }), ValidationError);
  const aes = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt"]);
  assert.throws(() => new TokenCache({ secret: aes }), ValidationError);
  const cache = new TokenCache({ secret: SECRET });
  await assert.rejects(cache.set(alice, { token: "" }), ValidationError);
  await assert.rejects(cache.set(alice, { token: TOKEN, expiresAt: Infinity }), ValidationError);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const err = await cache.set(alice, { token: TOKEN, data: cyclic }).catch((e) => e);
  assert.ok(err instanceof ValidationError);
  assert.ok(!String(err.message).includes(TOKEN));
});

Deno.test("TokenCache inspect and JSON show no key material nor tokens", async () => {
  const secret = "inspect-me-not-0123456789";
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret });
  await cache.set(alice, { token: TOKEN });
  for (
    const text of [Deno.inspect(cache, { depth: 10, showHidden: true }), JSON.stringify(cache)]
  ) {
    assert.ok(!text.includes(secret), text);
    assert.ok(!text.includes(TOKEN), text);
  }
  assert.match(Deno.inspect(cache), /TokenCache \{ store: MemoryTokenStore \{ entries: 1 \}/);
});

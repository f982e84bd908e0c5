// RedisTokenStore against a real redis-server: run as
//   bash scripts/redis.sh run deno task test:redis
import assert from "node:assert/strict";
import { createClient } from "redis";
import { RedisTokenStore, TokenCache } from "../../mod.ts";

function redisUrl(): string {
  const url = Deno.env.get("NIMBUS_REDIS_URL");
  if (!url) {
    throw new Error(
      "NIMBUS_REDIS_URL is not set: run as `bash scripts/redis.sh run deno task test:redis`",
    );
  }
  return url;
}

/** A raw client, to look at what the store wrote. */
type RawClient = ReturnType<typeof rawClient>;
function rawClient() {
  return createClient({ url: redisUrl() });
}
async function withRaw<T>(fn: (raw: RawClient) => Promise<T>): Promise<T> {
  const raw = rawClient();
  raw.on("error", () => {});
  await raw.connect();
  try {
    return await fn(raw);
  } finally {
    await raw.close();
  }
}

function prefix(): string {
  return `nimbus-test:${crypto.randomUUID()}:`;
}

Deno.test("RedisTokenStore round trip of raw bytes, with the expiry as TTL", async () => {
  const p = prefix();
  await using store = new RedisTokenStore({ url: redisUrl(), prefix: p });
  const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
  await store.set("k", bytes, Date.now() + 60_000);
  assert.deepEqual(await store.get("k"), bytes);
  const ttl = await withRaw((raw) => raw.pTTL(`${p}k`));
  assert.ok(ttl > 50_000 && ttl <= 60_000, `TTL ${ttl}`);
  await store.set("forever", new Uint8Array([7]));
  assert.equal(await withRaw((raw) => raw.pTTL(`${p}forever`)), -1);
  await store.delete("k");
  assert.equal(await store.get("k"), undefined);
  await store.delete("missing");
  await store.delete("forever");
});

Deno.test("RedisTokenStore: an entry already expired is not written", async () => {
  const p = prefix();
  await using store = new RedisTokenStore({ url: redisUrl(), prefix: p });
  await store.set("k", new Uint8Array([1]), Date.now() + 60_000);
  await store.set("k", new Uint8Array([2]), Date.now() - 1);
  assert.equal(await store.get("k"), undefined);
});

Deno.test("RedisTokenStore: the default prefix, and prefixes keep caches apart", async () => {
  await using a = new RedisTokenStore({ url: redisUrl() });
  await using b = new RedisTokenStore({ url: redisUrl(), prefix: prefix() });
  const key = `k-${crypto.randomUUID()}`;
  await a.set(key, new Uint8Array([1]), Date.now() + 10_000);
  assert.equal(await b.get(key), undefined);
  assert.equal(await withRaw((raw) => raw.exists(`nimbus:token:${key}`)), 1);
  await a.delete(key);
});

Deno.test("RedisTokenStore under TokenCache: Redis holds sealed bytes only", async () => {
  const p = prefix();
  await using store = new RedisTokenStore({ url: redisUrl(), prefix: p });
  const scope = { authUrl: "http://127.0.0.1:5000/v3", username: "alice" };
  const token = "gAAAAA-a-token-that-must-not-be-in-redis";
  await new TokenCache({ store, secret: "redis itest secret" }).set(scope, {
    token,
    expiresAt: Date.now() + 3_600_000,
  });
  const keys = await withRaw((raw) => raw.keys(`${p}*`));
  assert.equal(keys.length, 1);
  const stored = await withRaw((raw) => raw.get(keys[0]!));
  assert.ok(stored && !stored.includes(token) && !stored.includes("alice"));
  assert.ok(!keys[0]!.includes("alice"));
  // Another process with the same secret reads it back.
  await using again = new RedisTokenStore({ url: redisUrl(), prefix: p });
  const hit = await new TokenCache({ store: again, secret: "redis itest secret" }).get(scope);
  assert.equal(hit?.token, token);
  // Another secret cannot.
  assert.equal(await new TokenCache({ store: again, secret: "other" }).get(scope), undefined);
});

Deno.test("RedisTokenStore.lock: one holder at a time, released by its owner only", async () => {
  const p = prefix();
  await using store = new RedisTokenStore({ url: redisUrl(), prefix: p });
  const release = await store.lock("login", 5_000);
  assert.ok(release);
  assert.equal(await store.lock("login", 5_000), undefined);
  await release();
  const again = await store.lock("login", 5_000);
  assert.ok(again);
  await again();
});

Deno.test("RedisTokenStore.lock expires by itself; a stale release frees nothing", async () => {
  const p = prefix();
  await using store = new RedisTokenStore({ url: redisUrl(), prefix: p });
  const stale = await store.lock("login", 50);
  assert.ok(stale);
  await new Promise((r) => setTimeout(r, 120));
  const fresh = await store.lock("login", 5_000);
  assert.ok(fresh, "the expired lock is free");
  await stale(); // must not free the fresh holder's lock
  assert.equal(await store.lock("login", 5_000), undefined);
  await fresh();
});

Deno.test("RedisTokenStore: a wrong password is a ConnectionError without the password", async () => {
  const u = new URL(redisUrl());
  u.password = "wrong-password-xyz";
  await using store = new RedisTokenStore({ url: u.href, timeout: 1_000 });
  const error = await store.get("k").then(() => undefined, (e) => e);
  assert.ok(error instanceof Error && error.name === "ConnectionError", String(error));
  assert.ok(!error.message.includes("wrong-password-xyz"), error.message);
});

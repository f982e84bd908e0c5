import assert from "node:assert/strict";
import { FileTokenStore, KvTokenStore, TokenCache, type TokenStore } from "../../mod.ts";
import { KeystonePasswordAuth } from "../../src/auth/mod.ts";
import { FakeCloud } from "../../src/testing/mod.ts";

const SECRET = "cross-process test secret"; // as in fixtures/keystone_run.ts
const fixture = new URL("./fixtures/keystone_run.ts", import.meta.url).pathname;

/** Runs the fixture as a separate process; returns the status it printed. */
async function runOnce(cloud: FakeCloud, cachePath: string): Promise<number> {
  const { demo } = cloud;
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--unstable-kv",
      fixture,
      cloud.authUrl,
      cachePath,
      demo.username,
      demo.password,
      demo.projectName,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  assert.ok(!stderr.includes(demo.password));
  return JSON.parse(new TextDecoder().decode(out.stdout)).status;
}

/** The cache entry the fixture's client wrote, read back with the same secret. */
async function cachedToken(cloud: FakeCloud, cachePath: string): Promise<string | undefined> {
  const { demo } = cloud;
  const auth = new KeystonePasswordAuth({
    authUrl: cloud.authUrl,
    username: demo.username,
    userDomainName: "Default",
    password: demo.password,
    projectName: demo.projectName,
    projectDomainName: "Default",
  });
  const kv = cachePath.startsWith("kv:") ? await Deno.openKv(cachePath.slice(3)) : undefined;
  try {
    const store: TokenStore = kv ? new KvTokenStore(kv) : new FileTokenStore(cachePath);
    const cache = new TokenCache({ store, secret: SECRET });
    return (await cache.get(auth.cacheScope()))?.token;
  } finally {
    kv?.close();
  }
}

async function withCloud(fn: (cloud: FakeCloud, cachePath: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  await using cloud = await FakeCloud.start();
  try {
    await fn(cloud, `${dir}/tokens.json`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("HTTPClient + FileTokenStore: the second process makes zero auth requests", async () => {
  await withCloud(async (cloud, cachePath) => {
    assert.equal(await runOnce(cloud, cachePath), 200);
    assert.equal(cloud.authCount, 1);
    const first = await cachedToken(cloud, cachePath);
    assert.ok(first, "the first run stored its token");

    assert.equal(await runOnce(cloud, cachePath), 200);
    assert.equal(cloud.authCount, 1, "second run: no POST /v3/auth/tokens");
    assert.equal(await cachedToken(cloud, cachePath), first);

    const text = await Deno.readTextFile(cachePath);
    assert.ok(!text.includes(first), "the file never holds the token");
    assert.ok(!text.includes(cloud.demo.password));
    if (Deno.build.os !== "windows") {
      assert.equal((await Deno.stat(cachePath)).mode! & 0o777, 0o600);
    }
  });
});

Deno.test("HTTPClient + FileTokenStore: a revoked cached token → 401 → re-login, cache updated", async () => {
  await withCloud(async (cloud, cachePath) => {
    assert.equal(await runOnce(cloud, cachePath), 200);
    const first = await cachedToken(cloud, cachePath);
    assert.ok(first);
    cloud.revokeAll();
    cloud.clearRequests();

    assert.equal(await runOnce(cloud, cachePath), 200, "transparent re-login");
    assert.equal(cloud.authCount, 2);
    // No login before the request: the cached token was tried first and refused.
    assert.deepEqual(
      cloud.requests.map((r) => `${r.method} ${r.service} ${r.status}`),
      ["GET compute 401", "POST identity 201", "GET compute 200"],
    );
    const second = await cachedToken(cloud, cachePath);
    assert.ok(second);
    assert.notEqual(second, first, "the cache holds the new token");

    assert.equal(await runOnce(cloud, cachePath), 200);
    assert.equal(cloud.authCount, 2, "the new token is reused");
  });
});

Deno.test("HTTPClient + KvTokenStore: the second process makes zero auth requests", async () => {
  await withCloud(async (cloud, cachePath) => {
    const kvPath = `kv:${cachePath}.kv`;
    assert.equal(await runOnce(cloud, kvPath), 200);
    assert.equal(cloud.authCount, 1);
    const first = await cachedToken(cloud, kvPath);
    assert.ok(first);
    assert.equal(await runOnce(cloud, kvPath), 200);
    assert.equal(cloud.authCount, 1, "second run: no POST /v3/auth/tokens");
    assert.equal(await cachedToken(cloud, kvPath), first);
  });
});

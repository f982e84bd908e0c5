import { OvirtSsoAuth } from "../../src/auth/ovirt_sso_auth.ts";
import assert from "node:assert/strict";
import { FileTokenStore, TokenCache } from "../../mod.ts";
import { FakeEngine } from "../../src/testing/mod.ts";

const SECRET = "cross-process engine test secret"; // as in fixtures/engine_run.ts
const USER = "admin@internal";
const PASSWORD = "engine-test-password";
const SSO_LOGIN = "/ovirt-engine/sso/oauth/token";
const fixture = new URL("./fixtures/engine_run.ts", import.meta.url).pathname;

async function runOnce(engine: FakeEngine, cachePath: string, logout = false): Promise<number> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      fixture,
      engine.url,
      cachePath,
      USER,
      PASSWORD,
      ...(logout ? ["logout"] : []),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  assert.ok(!stderr.includes(PASSWORD));
  return JSON.parse(new TextDecoder().decode(out.stdout)).status;
}

function logins(engine: FakeEngine): number {
  return engine.requests.filter((r) => r.method === "POST" && r.path === SSO_LOGIN).length;
}

/** The cached SSO token, read with the fixture's secret and the Connection's scope. */
async function cachedToken(engine: FakeEngine, cachePath: string): Promise<string | undefined> {
  const cache = new TokenCache({ store: new FileTokenStore(cachePath), secret: SECRET });
  const scope = new OvirtSsoAuth({ url: engine.url, username: USER, password: PASSWORD })
    .cacheScope()!;
  return (await cache.get(scope))?.token;
}

async function withEngine(fn: (engine: FakeEngine, cachePath: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  await using engine = await FakeEngine.start({ users: { [USER]: PASSWORD } });
  try {
    await fn(engine, `${dir}/tokens.json`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("Connection + FileTokenStore: the second process makes zero SSO logins", async () => {
  await withEngine(async (engine, cachePath) => {
    assert.equal(await runOnce(engine, cachePath), 200);
    assert.equal(logins(engine), 1);
    assert.equal(await runOnce(engine, cachePath), 200);
    assert.equal(logins(engine), 1, "second run: no SSO login");
    const token = await cachedToken(engine, cachePath);
    assert.ok(token);
    const text = await Deno.readTextFile(cachePath);
    for (const secret of [token, PASSWORD, USER]) assert.ok(!text.includes(secret));
  });
});

Deno.test("Connection + FileTokenStore: a revoked cached token → 401 → re-login, cache updated", async () => {
  await withEngine(async (engine, cachePath) => {
    assert.equal(await runOnce(engine, cachePath), 200);
    const first = await cachedToken(engine, cachePath);
    assert.ok(first);
    engine.revokeAll();
    engine.clearRequests();
    assert.equal(await runOnce(engine, cachePath), 200, "transparent re-login");
    assert.deepEqual(
      engine.requests.map((r) => `${r.method} ${r.path}`),
      ["GET /ovirt-engine/api/vms", `POST ${SSO_LOGIN}`, "GET /ovirt-engine/api/vms"],
    );
    const second = await cachedToken(engine, cachePath);
    assert.ok(second);
    assert.notEqual(second, first, "the cache holds the new token");
    engine.clearRequests();
    assert.equal(await runOnce(engine, cachePath), 200);
    assert.equal(logins(engine), 0, "the new token was cached and is reused");
  });
});

Deno.test("Connection: close with logout revokes the token and deletes the cache entry", async () => {
  await withEngine(async (engine, cachePath) => {
    assert.equal(await runOnce(engine, cachePath), 200);
    assert.equal(engine.activeTokens, 1);
    assert.equal(await runOnce(engine, cachePath, true), 200);
    assert.equal(logins(engine), 1);
    assert.equal(engine.activeTokens, 0, "revoked at the SSO");
    assert.equal(await cachedToken(engine, cachePath), undefined);
    assert.equal(await runOnce(engine, cachePath), 200);
    assert.equal(logins(engine), 2, "no cache entry left: a new login");
  });
});

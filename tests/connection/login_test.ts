/**
 * The shared login lifecycle as Connection uses it.
 */
import assert from "node:assert/strict";
import { AuthError, Connection, FileTokenStore, TimeoutError, TokenCache } from "../../mod.ts";
import { OvirtSsoAuth } from "../../src/auth/ovirt_sso_auth.ts";
import { PASSWORD, requestsTo, SSO_TOKEN_PATH, startEngine, USER } from "./helpers.ts";

function scope(url: string): Record<string, string> {
  return new OvirtSsoAuth({ url, username: USER, password: PASSWORD }).cacheScope()!;
}

Deno.test("Connection lifecycle: after a 401, 80 concurrent requests never read the rejected token back", async () => {
  await using engine = await startEngine();
  // A file store: its delete takes long enough for the old race to show.
  const dir = await Deno.makeTempDir();
  const store = new FileTokenStore(`${dir}/tokens.json`);
  const tokenCache = new TokenCache({ store, secret: "login-test-secret" });
  const options = { url: engine.url, username: USER, password: PASSWORD, tokenCache };
  await using connection = new Connection(options);
  const rejected = await connection.authenticate();
  engine.expireTokens();
  const replies = await Promise.all(
    Array.from({ length: 80 }, (_, i) => connection.send({ method: "GET", path: `/vms?i=${i}` })),
  );
  assert.deepEqual(replies.map((r) => r.code), Array(80).fill(200));
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2, "one re-login for all");
  assert.notEqual((await tokenCache.get(scope(engine.url)))?.token, rejected);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("Connection lifecycle: an SSO token that cannot be sent as a header is refused, not cached", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  engine.inject({
    path: SSO_TOKEN_PATH,
    times: 1,
    body: JSON.stringify({ access_token: "tok\r\nX-Injected: yes", token_type: "bearer" }),
  });
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    tokenCache,
  });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof AuthError, String(e));
    assert.match(e.message, /cannot be sent in an HTTP header/);
    return true;
  });
  assert.equal(await tokenCache.get(scope(engine.url)), undefined);
  // The SSO is fixed: the next request logs in and caches the good token.
  assert.equal((await connection.send({ method: "GET", path: "/vms" })).code, 200);
  assert.equal((await tokenCache.get(scope(engine.url)))?.token, await connection.authenticate());
});

Deno.test("Connection lifecycle: a poisoned cache entry never outlives a fixed SSO", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  await tokenCache.set(scope(engine.url), { token: "poisoned\u00e9token" });
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    tokenCache,
  });
  assert.equal((await connection.send({ method: "GET", path: "/vms" })).code, 200);
  const good = await connection.authenticate();
  assert.notEqual(good, "poisoned\u00e9token");
  assert.equal((await tokenCache.get(scope(engine.url)))?.token, good);
});

Deno.test("Connection lifecycle: a request's timeout covers the SSO login it waits for", async () => {
  await using engine = await startEngine();
  engine.inject({ path: SSO_TOKEN_PATH, times: 1, delayMs: 1_500 });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(connection.send({ method: "GET", path: "/vms", timeout: 100 }), (e) => {
    assert.ok(e instanceof TimeoutError, String(e));
    // It timed out waiting for the login, not after it.
    assert.match(e.message, /Timed out after 100 ms waiting for the login/);
    return true;
  });
});

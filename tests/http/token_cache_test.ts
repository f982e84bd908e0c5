import assert from "node:assert/strict";
import { BaseClient, HTTPClient, MemoryTokenStore, TokenCache } from "../../mod.ts";
import { CountingAuth, tokenChecker } from "../_fakes/counting_auth.ts";
import { TestServer } from "../_fakes/test_server.ts";

class TestClient extends BaseClient {
  static override serviceType = "test";
}

Deno.test("HTTPClient + TokenCache: a second client reuses the cached token without a login", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret: "test-secret" });

  const firstAuth = new CountingAuth(server);
  await using first = new HTTPClient(firstAuth, { tokenCache: cache });
  await new TestClient(first).get("/a");
  assert.equal(server.count("/login"), 1);

  const secondAuth = new CountingAuth(server);
  await using second = new HTTPClient(secondAuth, { tokenCache: cache });
  const reply = await new TestClient(second).get("/b");
  assert.equal(reply.status, 200);
  assert.equal(server.count("/login"), 1, "no second login");
  assert.equal(secondAuth.restored, 1);
  assert.equal(server.requests.at(-1)!.headers.get("x-auth-token"), firstAuth.token);
});

Deno.test("HTTPClient + TokenCache: another user's scope never gets the token", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret: "test-secret" });
  await using alice = new HTTPClient(new CountingAuth(server), { tokenCache: cache });
  await new TestClient(alice).get("/a");
  const bobAuth = new CountingAuth(server);
  bobAuth.user = "bob";
  await using bob = new HTTPClient(bobAuth, { tokenCache: cache });
  await new TestClient(bob).get("/a");
  assert.equal(server.count("/login"), 2);
  assert.equal(bobAuth.restored, 0);
});

Deno.test("HTTPClient + TokenCache: a revoked cached token → 401 → re-login, and the cache holds the new token", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret: "test-secret" });
  const auth = new CountingAuth(server);
  await using first = new HTTPClient(auth, { tokenCache: cache });
  await new TestClient(first).get("/a");
  const stale = auth.token!;
  valid.clear();

  const againAuth = new CountingAuth(server);
  await using again = new HTTPClient(againAuth, { tokenCache: cache });
  const reply = await new TestClient(again).get("/a");
  assert.equal(reply.status, 200);
  assert.equal(server.count("/login"), 2);
  const entry = await cache.get(againAuth.cacheScope());
  assert.ok(entry);
  assert.notEqual(entry.token, stale);
  assert.equal(entry.token, againAuth.token);
});

import assert from "node:assert/strict";
import {
  AuthorizationFailure,
  BaseClient,
  Forbidden,
  HTTPClient,
  type HTTPClientOptions,
  Unauthorized,
} from "../../mod.ts";
import { CountingAuth, tokenChecker } from "../_fakes/counting_auth.ts";
import { TestServer } from "../_fakes/test_server.ts";

class TestClient extends BaseClient {
  static override serviceType = "test";
}

async function setup(options: HTTPClientOptions = {}) {
  const valid = new Set<string>();
  const server = await TestServer.start(tokenChecker(valid));
  const auth = new CountingAuth(server);
  const http = new HTTPClient(auth, options);
  const client = new TestClient(http);
  return {
    valid,
    server,
    auth,
    http,
    client,
    async [Symbol.asyncDispose]() {
      await http.close();
      await server.close();
    },
  };
}

Deno.test("clientRequest(): no token → authenticate, then send X-Auth-Token to the plugin's endpoint", async () => {
  await using t = await setup();
  const response = await t.client.get("/resource");
  assert.deepEqual(await response.json(), { path: "/endpoint-0/resource" });
  assert.equal(t.auth.logins, 1);
  const sent = t.server.requests.at(-1)!;
  assert.equal(sent.headers.get("x-auth-token"), t.auth.token);
  assert.equal(t.http.cachedToken, t.auth.token);
  assert.equal(t.client.cachedEndpoint, `${t.server.url}/endpoint-0`);
  assert.equal(t.http.lastRequestId, "req-/endpoint-0/resource");
});

Deno.test("clientRequest(): a cached token and endpoint are reused without asking the plugin", async () => {
  await using t = await setup();
  await t.client.get("/a");
  const lookups = t.auth.lookups;
  await t.client.post("/b", { json: { x: 1 } });
  assert.equal(t.auth.lookups, lookups);
  assert.equal(t.auth.logins, 1);
});

Deno.test("clientRequest(): a plugin that already holds a token serves a new client without a login", async () => {
  await using t = await setup();
  await t.client.get("/a");
  class Other extends BaseClient {
    static override serviceType = "other";
  }
  const other = new Other(t.http);
  await other.get("/b");
  assert.equal(t.auth.logins, 1);
  assert.equal(t.http.getClient("other"), other);
});

Deno.test("clientRequest(): on 401 it re-authenticates once and resends once", async () => {
  await using t = await setup();
  await t.client.get("/resource");
  t.valid.clear();
  const response = await t.client.get("/resource");
  assert.deepEqual(await response.json(), { path: "/endpoint-1/resource" });
  assert.equal(t.auth.logins, 2);
  assert.equal(t.auth.invalidations, 1);
  assert.equal(t.client.cachedEndpoint, `${t.server.url}/endpoint-1`);
});

Deno.test("clientRequest(): a 401 right after a login is raised, with no second login", async () => {
  await using t = await setup();
  t.server.handler = (seen) =>
    seen.path === "/login"
      ? Response.json({ token: "never-valid" })
      : Response.json({ error: { message: "nope" } }, { status: 401 });
  await assert.rejects(t.client.get("/resource"), Unauthorized);
  assert.equal(t.auth.logins, 1);
  assert.equal(t.server.count("/endpoint"), 1);
});

Deno.test("clientRequest(): no resend when the new token and endpoint equal the old", async () => {
  await using t = await setup();
  t.auth.fixedToken = "same-token";
  t.auth.endpoints = [`${t.server.url}/endpoint-x`];
  t.valid.add("same-token");
  await t.client.get("/a");
  t.valid.clear();
  await assert.rejects(t.client.get("/a"), Unauthorized);
  assert.equal(t.auth.logins, 2);
  assert.equal(t.server.count("/endpoint-x"), 2, "one first try before, one 401, no resend");
});

Deno.test("clientRequest(): a route that always answers 401 does not loop", async () => {
  await using t = await setup();
  await t.client.get("/a");
  t.server.handler = (seen) =>
    seen.path === "/login"
      ? Response.json({ token: `t-${crypto.randomUUID()}` })
      : new Response("denied", { status: 401 });
  await assert.rejects(t.client.get("/a"), Unauthorized);
  assert.equal(t.auth.logins, 2);
  assert.equal(t.server.count("/endpoint"), 3, "1 earlier success + 1 401 + 1 resend");
});

Deno.test("clientRequest(): 403 never re-authenticates", async () => {
  await using t = await setup();
  await t.client.get("/a");
  t.server.handler = () => new Response("no", { status: 403 });
  await assert.rejects(t.client.get("/a"), Forbidden);
  assert.equal(t.auth.logins, 1);
});

Deno.test("clientRequest(): an endpoint lookup failure after the re-login raises the original 401", async () => {
  await using t = await setup();
  await t.client.get("/a");
  t.valid.clear();
  t.auth.failLookups.add(t.auth.lookups);
  await assert.rejects(t.client.get("/a"), (e: unknown) => {
    assert.ok(e instanceof Unauthorized);
    assert.equal(e.requestId, "req-401");
    return true;
  });
});

Deno.test("clientRequest(): an endpoint lookup failure before the login is ignored, after it raised", async () => {
  await using t = await setup();
  t.auth.failLookups.add(0);
  const response = await t.client.get("/a");
  assert.equal(response.status, 200);
  t.http.cachedToken = undefined;
  t.client.cachedEndpoint = undefined;
  await using u = await setup();
  u.auth.failLookups.add(0).add(1);
  await assert.rejects(u.client.get("/a"), /no endpoint/);
});

Deno.test("clientRequest(): no token or endpoint after a login is AuthorizationFailure", async () => {
  await using t = await setup();
  t.auth.endpoints = [undefined];
  await assert.rejects(t.client.get("/a"), (e: unknown) => {
    assert.ok(e instanceof AuthorizationFailure);
    assert.equal(e.message, "Cannot find endpoint or token for request");
    return true;
  });
  await using http = new HTTPClient(null);
  await assert.rejects(new TestClient(http).get("/a"), AuthorizationFailure);
});

Deno.test("clientRequest(): 50 parallel first calls share one login", async () => {
  await using t = await setup();
  const replies = await Promise.all(Array.from({ length: 50 }, () => t.client.get("/p")));
  assert.ok(replies.every((r) => r.status === 200));
  assert.equal(t.server.count("/login"), 1);
});

Deno.test("clientRequest(): 50 parallel 401s lead to exactly one re-login", async () => {
  await using t = await setup();
  await t.client.get("/warm");
  t.valid.clear();
  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => t.client.get(`/p${i}`)));
  assert.ok(replies.every((r) => r.status === 200));
  assert.equal(t.server.count("/login"), 2);
  assert.equal(t.auth.logins, 2);
});

Deno.test("clientRequest(): re-authenticates before the request when the token is past min(margin, 25 % of its life)", async () => {
  await using t = await setup({ expiryMarginMs: 120_000 });
  await t.client.get("/a");
  // An expired token is always due, whatever its lifetime.
  t.auth.expiry = Date.now() - 1;
  await t.client.get("/b");
  assert.equal(t.auth.logins, 2);
  assert.equal(t.server.count("/endpoint-0"), 1);
  assert.equal(
    t.server.requests.filter((r) => r.path.endsWith("/b")).length,
    1,
    "no 401 round trip",
  );
  t.auth.expiry = Date.now() + 3_600_000;
  await t.client.get("/c");
  assert.equal(t.auth.logins, 2);
});

Deno.test("clientRequest(): keyringSaver.save() runs after each authentication", async () => {
  const saved: (string | undefined)[] = [];
  await using t = await setup({
    keyringSaver: {
      save(client) {
        assert.ok(client instanceof HTTPClient);
        saved.push((client.authPlugin as CountingAuth).token);
      },
    },
  });
  await t.client.get("/a");
  t.valid.clear();
  await t.client.get("/a");
  assert.equal(saved.length, 2);
  assert.notEqual(saved[0], saved[1]);
  await t.http.authenticate();
  assert.equal(saved.length, 3);
});

import { OvirtSsoAuth } from "../../src/auth/ovirt_sso_auth.ts";
import assert from "node:assert/strict";
import { AuthError, Connection, TokenCache } from "../../mod.ts";
import { checkFault } from "../../src/services/ovirt/fault_error.ts";
import {
  PASSWORD,
  requestsTo,
  SSO_LOGOUT_PATH,
  SSO_TOKEN_PATH,
  startEngine,
  USER,
} from "./helpers.ts";

Deno.test("a 401 triggers one fresh login and one resend", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const first = await connection.authenticate();
  engine.expireTokens();
  const response = await connection.send({ method: "GET", path: "/vms" });
  assert.equal(response.code, 200);
  const second = await connection.authenticate();
  assert.notEqual(second, first);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2);
  assert.deepEqual(
    engine.requests.filter((r) => r.path === "/ovirt-engine/api/vms").map((r) => r.method),
    ["GET", "GET"],
  );
});

Deno.test("a second 401 is returned, and the services' error path makes it an AuthError", async () => {
  await using engine = await startEngine();
  engine.inject({ path: "vms", status: 401 });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const response = await connection.send({ method: "GET", path: "/vms" });
  assert.equal(response.code, 401);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2, "one login, one re-login");
  assert.equal(requestsTo(engine, "/ovirt-engine/api/vms").length, 2, "one send, one resend");
  assert.throws(
    () => checkFault(response),
    (e: unknown) =>
      e instanceof AuthError && e.code === 401 && e.message === "HTTP response code is 401.",
  );
});

Deno.test("a token-only connection gets AuthError on 401 without posting empty credentials", async () => {
  await using engine = await startEngine();
  const token = engine.issueToken(USER);
  const connection = new Connection({ url: engine.url, token });
  engine.expireTokens();
  await assert.rejects(
    connection.send({ method: "GET", path: "/vms" }),
    (e: unknown) => e instanceof AuthError && e.code === 401 && !e.message.includes(token),
  );
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 0);
  await connection.close({ logout: false });
});

Deno.test("concurrent 401s share one re-login", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await connection.authenticate();
  engine.expireTokens();
  const codes = await Promise.all(
    Array.from({ length: 4 }, () => connection.send({ method: "GET", path: "/hosts" })),
  );
  assert.deepEqual(codes.map((r) => r.code), [200, 200, 200, 200]);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2);
});

Deno.test("tokenCache: a second connection reuses the cached token; 401 deletes it", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  const options = { url: engine.url, username: USER, password: PASSWORD, tokenCache };
  const a = new Connection(options);
  const token = await a.authenticate();
  const scope = new OvirtSsoAuth({ url: engine.url, username: USER, password: PASSWORD })
    .cacheScope()!;
  assert.ok(scope.credential, "the scope carries a fingerprint of the password");
  assert.ok(!JSON.stringify(scope).includes(PASSWORD));
  const cached = await tokenCache.get(scope);
  assert.equal(cached?.token, token);
  assert.ok(cached?.expiresAt && cached.expiresAt > Date.now(), "expiresAt comes from exp");
  assert.equal(cached.expiresAt % 1000, 0, "exp is epoch seconds");
  await a.close({ logout: false });

  const b = new Connection(options);
  assert.equal(await b.authenticate(), token, "no login: the cached token");
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 1);

  engine.expireTokens();
  assert.equal((await b.send({ method: "GET", path: "/vms" })).code, 200);
  const fresh = await b.authenticate();
  assert.notEqual(fresh, token);
  assert.equal((await tokenCache.get(scope))?.token, fresh, "the new token is cached");

  await b.close({ logout: true });
  assert.equal(await tokenCache.get(scope), undefined, "logout deletes the entry");
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
});

Deno.test("tokenCache: close() and await using keep the cached token; close({ logout: true }) revokes it", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  const options = { url: engine.url, username: USER, password: PASSWORD, tokenCache };
  let token: string;
  {
    await using a = new Connection(options);
    token = await a.authenticate();
  }
  const b = new Connection(options);
  assert.equal(await b.authenticate(), token, "the token outlived `await using`");
  await b.close();
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 0, "no revoke with a tokenCache");
  const c = new Connection(options);
  assert.equal((await c.send({ method: "GET", path: "/vms" })).code, 200);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 1, "three connections, one login");
  await c.close({ logout: true });
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
  const d = new Connection(options);
  assert.notEqual(await d.authenticate(), token, "the revoked token is not read back");
  await d.close({ logout: true });
});

Deno.test("tokenCache: kerberos logins are cached under the client principal, never without one", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  const url = `${engine.origin}/ovirt-engine/sso/oauth/token-http-auth`;
  const scopeOf = (principal: string) => ({ kind: "ovirt-sso", url, user: "kerberos", principal });
  const login = (principal?: string) =>
    new Connection({
      url: engine.url,
      kerberos: true,
      negotiate: () => Promise.resolve(principal ? { token: "dG9r", principal } : "dG9r"),
      tokenCache,
    });
  const alice = login("alice@EXAMPLE.COM");
  const aliceToken = await alice.authenticate();
  assert.equal((await tokenCache.get(scopeOf("alice@EXAMPLE.COM")))?.token, aliceToken);
  const bob = login("bob@EXAMPLE.COM");
  const bobToken = await bob.authenticate();
  assert.notEqual(bobToken, aliceToken, "bob never gets alice's cached token");
  assert.equal((await tokenCache.get(scopeOf("bob@EXAMPLE.COM")))?.token, bobToken);
  const unknown = login();
  const unknownToken = await unknown.authenticate();
  assert.ok(![aliceToken, bobToken].includes(unknownToken), "no principal: no cache read");
  assert.equal(requestsTo(engine, "/ovirt-engine/sso/oauth/token-http-auth").length, 3);
  const shared = { kind: "ovirt-sso", url, user: "kerberos" };
  assert.equal(await tokenCache.get(shared), undefined, "no entry shared by every principal");
  for (const c of [alice, bob, unknown]) await c.close({ logout: false });
});

Deno.test("kerberos: a negotiate hook that rejects is an AuthError with its reason; nothing is sent", async () => {
  await using engine = await startEngine();
  const connection = new Connection({
    url: engine.url,
    kerberos: true,
    negotiate: () => Promise.reject(new Error("no ticket for alice: run kinit")),
    tokenCache: new TokenCache(),
  });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof AuthError, String(e));
    assert.match(e.message, /no ticket for alice: run kinit/);
    return true;
  });
  assert.equal(engine.requests.length, 0, "no SSO request and no API request");
  await connection.close({ logout: false });
});

Deno.test("an exp already past when the token arrives (engine clock behind) is ignored", async () => {
  await using engine = await startEngine();
  // The engine's clock runs 2 minutes behind: its exp is already past for us.
  const token = engine.issueToken(USER);
  const exp = String(Math.floor(Date.now() / 1000) - 120);
  engine.inject({
    path: SSO_TOKEN_PATH,
    times: 1,
    body: JSON.stringify({ access_token: token, exp }),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  assert.equal(await connection.authenticate(), token);
  for (let i = 0; i < 3; i++) {
    assert.equal((await connection.send({ method: "GET", path: "/vms" })).code, 200);
  }
  assert.equal(await connection.authenticate(), token);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 1, "no login per request");
});

Deno.test("a token whose exp passes is replaced before the next request, without a 401", async () => {
  await using engine = await startEngine();
  const token = engine.issueToken(USER);
  const exp = String(Math.floor(Date.now() / 1000) + 1);
  engine.inject({
    path: SSO_TOKEN_PATH,
    times: 1,
    body: JSON.stringify({ access_token: token, exp }),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  assert.equal(await connection.authenticate(), token);
  for (let i = 0; i < 30 && Date.now() < Number(exp) * 1000 + 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await connection.send({ method: "GET", path: "/vms" })).code, 200);
  assert.notEqual(await connection.authenticate(), token);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2);
  assert.equal(requestsTo(engine, "/ovirt-engine/api/vms").length, 1, "no 401 round trip");
});

Deno.test("tokenCache: a connection with another password never gets the cached token", async () => {
  await using engine = await startEngine();
  const tokenCache = new TokenCache();
  const good = new Connection({ url: engine.url, username: USER, password: PASSWORD, tokenCache });
  await good.authenticate();
  await good.close({ logout: false });
  const wrong = new Connection({
    url: engine.url,
    username: USER,
    password: "not-the-password",
    tokenCache,
  });
  await assert.rejects(wrong.authenticate(), AuthError);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 2, "the wrong password had to log in");
  await wrong.close({ logout: false });
});

import assert from "node:assert/strict";
import { Connection } from "../../mod.ts";
import { PASSWORD, requestsTo, SSO_LOGOUT_PATH, startEngine, USER } from "./helpers.ts";

Deno.test("close() revokes the token", async () => {
  await using engine = await startEngine();
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await connection.send({ method: "GET" });
  assert.equal(engine.activeTokens, 1);
  await connection.close();
  const revokes = requestsTo(engine, SSO_LOGOUT_PATH);
  assert.equal(revokes.length, 1);
  assert.equal(revokes[0]!.body, "scope=ovirt-app-api&token=<redacted>");
  assert.equal(revokes[0]!.headers["accept"], "application/json");
  assert.equal(engine.activeTokens, 0);
});

Deno.test("close({ logout: false }) keeps the token valid", async () => {
  await using engine = await startEngine();
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const token = await connection.authenticate();
  await connection.close({ logout: false });
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 0);
  await using again = new Connection({ url: engine.url, token });
  assert.equal((await again.send({ method: "GET" })).code, 200);
});

Deno.test("a given token is revoked by default (as ovirtsdk4 does)", async () => {
  await using engine = await startEngine();
  const token = engine.issueToken(USER);
  const connection = new Connection({ url: engine.url, token });
  await connection.close();
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
  assert.equal(engine.activeTokens, 0);
});

Deno.test("await using closes and revokes", async () => {
  await using engine = await startEngine();
  {
    await using connection = new Connection({
      url: engine.url,
      username: USER,
      password: PASSWORD,
    });
    await connection.authenticate();
  }
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
  assert.equal(engine.activeTokens, 0);
});

Deno.test("close() during a login waits for it and revokes the new token", async () => {
  await using engine = await startEngine();
  engine.inject({ path: "/ovirt-engine/sso/oauth/token", delayMs: 50, times: 1 });
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const login = connection.authenticate();
  await connection.close();
  assert.ok(await login);
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
  assert.equal(engine.activeTokens, 0);
});

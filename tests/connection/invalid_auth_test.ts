import assert from "node:assert/strict";
import { AuthError, Connection } from "../../mod.ts";
import { PASSWORD, SSO_TOKEN_PATH, startEngine, USER } from "./helpers.ts";

const MESSAGE = "Error during SSO authentication access_denied : Cannot authenticate user " +
  "'admin@internal': The username or password is incorrect..";

Deno.test("a wrong password gives the SSO error message (FakeEngine)", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: "nope" });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && e.message === MESSAGE,
  );
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), AuthError);
});

Deno.test("oauth-style error: (error, error_description)", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: SSO_TOKEN_PATH,
    status: 401,
    body: JSON.stringify({
      error: "access_denied",
      error_description:
        "Cannot authenticate user 'admin@internal': The username or password is incorrect..",
    }),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && e.message === MESSAGE,
  );
});

Deno.test("openid-style error: (error_code, error)", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: SSO_TOKEN_PATH,
    status: 401,
    body: JSON.stringify({
      error: "Cannot authenticate user 'admin@internal': The username or password is incorrect..",
      error_code: "access_denied",
    }),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && e.message === MESSAGE,
  );
});

Deno.test("a list reply uses its first element", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: SSO_TOKEN_PATH,
    body: JSON.stringify([{ error: "access_denied", error_description: "nope" }]),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) =>
      e instanceof AuthError &&
      e.message === "Error during SSO authentication access_denied : nope",
  );
});

Deno.test("an HTML 401 from the SSO is a clear AuthError, not a parse crash", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: SSO_TOKEN_PATH,
    status: 401,
    body: "<html><head><title>401 Unauthorized</title></head><body>Unauthorized</body></html>",
    contentType: "text/html; charset=iso-8859-1",
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(connection.authenticate(), (e: unknown) => {
    assert.ok(e instanceof AuthError);
    assert.equal(e.code, 401);
    assert.match(e.message, /HTTP 401/);
    assert.match(e.message, /'text\/html; charset=iso-8859-1' instead of JSON/);
    assert.ok(!e.message.includes(PASSWORD));
    return true;
  });
});

Deno.test("invalid JSON with a JSON content type is a clear AuthError", async () => {
  await using engine = await startEngine();
  engine.inject({ path: SSO_TOKEN_PATH, body: "{not json", contentType: "application/json" });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && /isn't valid JSON/.test(e.message),
  );
});

Deno.test("a reply without the token key is an AuthError naming the key", async () => {
  await using engine = await startEngine();
  engine.inject({ path: SSO_TOKEN_PATH, body: JSON.stringify({ token_type: "bearer" }) });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && /'access_token'/.test(e.message),
  );
});

Deno.test("ssoUrl, ssoRevokeUrl and ssoTokenName overrides", async () => {
  await using engine = await startEngine();
  engine.inject({ path: "/custom/token", body: JSON.stringify({ my_token: "abcdefgh" }) });
  engine.inject({ path: "/custom/logout", body: "{}" });
  const connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    ssoUrl: `${engine.origin}/custom/token`,
    ssoRevokeUrl: `${engine.origin}/custom/logout`,
    ssoTokenName: "my_token",
  });
  assert.equal(await connection.authenticate(), "abcdefgh");
  await connection.close();
  assert.deepEqual(engine.requests.map((r) => r.path), ["/custom/token", "/custom/logout"]);
  assert.equal(engine.requests[1]!.body, "scope=ovirt-app-api&token=<redacted>");
});

Deno.test("a revoke error is an AuthError with the SSO message", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: "/ovirt-engine/services/sso-logout",
    body: JSON.stringify({ error: "server_error", error_description: "boom" }),
  });
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await connection.authenticate();
  await assert.rejects(
    connection.close(),
    (e: unknown) =>
      e instanceof AuthError && e.message === "Error during SSO revoke server_error : boom",
  );
});

import assert from "node:assert/strict";
import { AuthError, Connection, ConnectionBuilder, SdkError } from "../../mod.ts";
import {
  PASSWORD,
  requestsTo,
  SSO_HTTP_PATH,
  SSO_LOGOUT_PATH,
  SSO_TOKEN_PATH,
  startEngine,
  USER,
} from "./helpers.ts";

Deno.test("url is mandatory", () => {
  assert.throws(
    () => new Connection({ url: "" }),
    (e: unknown) => e instanceof SdkError && e.message === "The 'url' parameter is mandatory",
  );
});

Deno.test("nothing is sent until the first request (lazy login)", async () => {
  await using engine = await startEngine();
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  assert.equal(connection.url, engine.url);
  assert.equal(engine.requests.length, 0);
  await connection.close();
  assert.equal(engine.requests.length, 0, "never authenticated: no revoke either");
});

Deno.test("authenticate() logs in with the password grant and returns the token", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const token = await connection.authenticate();
  assert.ok(token.length > 10);
  assert.equal(await connection.authenticate(), token, "the token is kept");
  const logins = requestsTo(engine, SSO_TOKEN_PATH);
  assert.equal(logins.length, 1);
  const login = logins[0]!;
  assert.equal(login.method, "POST");
  assert.equal(login.rawQuery, "", "every parameter goes in the body");
  assert.equal(login.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(login.headers["accept"], "application/json");
  assert.equal(
    login.body,
    "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=<redacted>",
  );
  assert.equal(engine.activeTokens, 1);
});

Deno.test("concurrent first requests share one login", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const responses = await Promise.all(
    Array.from({ length: 5 }, () => connection.send({ method: "GET", path: "/vms" })),
  );
  assert.deepEqual(responses.map((r) => r.code), [200, 200, 200, 200, 200]);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 1);
});

Deno.test("a token-only connection sends the token without a login", async () => {
  await using engine = await startEngine();
  const token = engine.issueToken(USER);
  await using connection = new Connection({ url: engine.url, token });
  assert.equal(await connection.authenticate(), token);
  const response = await connection.send({ method: "GET", path: "" });
  assert.equal(response.code, 200);
  assert.equal(requestsTo(engine, SSO_TOKEN_PATH).length, 0);
});

Deno.test("kerberos uses token-http-auth with the negotiate hook's token", async () => {
  await using engine = await startEngine({ negotiateTokens: { "c3BuZWdv": "user@EXAMPLE.COM" } });
  const services: string[] = [];
  const connection = new Connection({
    url: engine.url,
    kerberos: true,
    negotiate: (service) => {
      services.push(service);
      return Promise.resolve("c3BuZWdv");
    },
  });
  const token = await connection.authenticate();
  assert.ok(token);
  assert.deepEqual(services, ["HTTP@127.0.0.1"]);
  const [login] = requestsTo(engine, SSO_HTTP_PATH);
  assert.ok(login);
  assert.equal(
    login.body,
    "grant_type=urn%3Aovirt%3Aparams%3Aoauth%3Agrant-type%3Ahttp&scope=ovirt-app-api",
  );
  assert.equal(login.headers["authorization"], "Negotiate <redacted>");
  await connection.close();
  assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
  assert.equal(engine.activeTokens, 0);
});

Deno.test("kerberos without a negotiate hook is a clear AuthError, nothing sent", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, kerberos: true });
  await assert.rejects(
    connection.authenticate(),
    (e: unknown) => e instanceof AuthError && /negotiate/.test(e.message),
  );
  assert.equal(engine.requests.length, 0);
});

Deno.test("a non-ASCII header value is refused before anything is sent", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.send({ method: "GET", headers: { "X-header": "žčě" } }),
    (e: unknown) =>
      e instanceof SdkError &&
      e.message ===
        "The value 'žčě' of header 'X-header' contains characters that can't be encoded using ASCII, as required by the HTTP protocol.",
  );
  assert.equal(engine.requests.length, 0);
});

Deno.test("CR or LF in a header name or value is refused", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const bad: Record<string, string>[] = [{ "X-a": "v\r\nX-Injected: 1" }, { "X-a\nb": "v" }];
  for (const headers of bad) {
    await assert.rejects(
      connection.send({ method: "GET", headers }),
      (e: unknown) => e instanceof SdkError && /CR or LF/.test(e.message),
    );
  }
  assert.throws(
    () => new Connection({ url: engine.url, headers: { "X-a": "1\n2" } }),
    SdkError,
  );
  assert.equal(engine.requests.length, 0);
});

Deno.test("valid custom headers are sent", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const response = await connection.send({
    method: "GET",
    headers: { "X-header1": "ABCDEF123", "X-header2": "value" },
  });
  assert.equal(response.code, 200);
  const last = engine.requests.at(-1)!;
  assert.equal(last.headers["x-header1"], "ABCDEF123");
  assert.equal(last.headers["x-header2"], "value");
});

Deno.test("pipeline and connections must be integers ≥ 0", () => {
  for (const bad of [{ pipeline: -1 }, { connections: -1 }, { pipeline: 1.5 }]) {
    assert.throws(
      () => new Connection({ url: "http://127.0.0.1:9/ovirt-engine/api", ...bad }),
      (e: unknown) => e instanceof RangeError && /minimum is 0/.test(e.message),
    );
  }
  const ok = new Connection({
    url: "http://127.0.0.1:9/ovirt-engine/api",
    pipeline: 0,
    connections: 0,
  });
  assert.equal(ok.maxInFlight, 0);
  return ok.close();
});

Deno.test("ConnectionBuilder builds a fresh connection each time", async () => {
  await using engine = await startEngine();
  const builder = new ConnectionBuilder({ url: engine.url, username: USER, password: PASSWORD });
  const a = builder.build();
  const b = builder.build();
  assert.notEqual(a, b);
  const [ta, tb] = [await a.authenticate(), await b.authenticate()];
  assert.notEqual(ta, tb, "each connection logs in on its own");
  await a.close();
  assert.equal(await b.test(), true, "closing one does not touch the other");
  await b.close();
  assert.ok(!Deno.inspect(builder).includes(PASSWORD));
  assert.ok(!JSON.stringify(builder).includes(PASSWORD));
});

Deno.test("a closed connection refuses to send", async () => {
  await using engine = await startEngine();
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await connection.close();
  await assert.rejects(connection.send({ method: "GET" }), SdkError);
  await connection.close(); // a second close does nothing
});

Deno.test("format must be xml or json", () => {
  assert.throws(
    () =>
      new Connection({
        url: "http://127.0.0.1:9/ovirt-engine/api",
        format: "yaml" as unknown as "xml",
      }),
    RangeError,
  );
});

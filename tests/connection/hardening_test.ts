import assert from "node:assert/strict";
import { Connection, ConnectionError, SdkError, TimeoutError } from "../../mod.ts";
import { FakeEngine } from "../../src/testing/mod.ts";

Deno.test("a token with a control character is refused before sending, without showing it", async () => {
  await using engine = await FakeEngine.start();
  const connection = new Connection({ url: engine.url, token: "USER\u0000SUPPLIED-SECRET" });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof SdkError && !(e instanceof ConnectionError));
    assert.ok(!e.message.includes("SUPPLIED-SECRET"));
    assert.ok(!Deno.inspect(e).includes("SUPPLIED-SECRET"));
    return true;
  });
  await assert.rejects(
    connection.send({ method: "GET", path: "/vms", headers: { "X h(": "v" } }),
    /isn't a valid HTTP header name/,
  );
  assert.equal(engine.requests.length, 0);
  await connection.close({ logout: false });
});

Deno.test("a URL with a password is refused, and the password is not in the message", () => {
  assert.throws(
    () => new Connection({ url: "http://admin:PwInUrl@127.0.0.1:1/ovirt-engine/api", token: "t" }),
    (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.ok(!e.message.includes("PwInUrl"));
      assert.match(e.message, /must not contain a user name or password/);
      return true;
    },
  );
});

Deno.test("a 307 from the SSO to another origin never carries the password there", async () => {
  const seen: string[] = [];
  const other = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    seen.push(await req.text());
    return Response.json({ access_token: "x" });
  });
  const sso = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () =>
      new Response(null, {
        status: 307,
        headers: { location: `http://127.0.0.1:${other.addr.port}/steal` },
      }),
  );
  try {
    const connection = new Connection({
      url: `http://127.0.0.1:${sso.addr.port}/ovirt-engine/api`,
      username: "admin@internal",
      password: "TopSecretPW",
    });
    await assert.rejects(connection.authenticate(), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.ok(!String(e.message).includes("TopSecretPW"));
      return true;
    });
    assert.deepEqual(seen, []);
    await connection.close({ logout: false });
  } finally {
    await other.shutdown();
    await sso.shutdown();
  }
});

Deno.test("a request's timeout also covers waiting for a free connection slot", async () => {
  await using engine = await FakeEngine.start({ users: { "admin@internal": "pw" } });
  engine.inject({ path: "vms", delayMs: 800, times: 1 });
  await using connection = new Connection({
    url: engine.url,
    username: "admin@internal",
    password: "pw",
    connections: 1,
  });
  await connection.authenticate();
  let slowDone = false;
  const slow = connection.send({ method: "GET", path: "/vms" }).finally(() => slowDone = true);
  await assert.rejects(
    connection.send({ method: "GET", path: "/hosts", timeout: 100 }),
    (e: unknown) => e instanceof TimeoutError && /waiting for a free connection/.test(e.message),
  );
  assert.equal(slowDone, false, "it gave up before the slow request ended");
  assert.equal((await slow).code, 200);
  assert.equal((await connection.send({ method: "GET", path: "/hosts" })).code, 200, "slot freed");
});

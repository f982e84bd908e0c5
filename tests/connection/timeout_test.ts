import assert from "node:assert/strict";
import { Connection, TimeoutError } from "../../mod.ts";
import { PASSWORD, SSO_TOKEN_PATH, startEngine, USER } from "./helpers.ts";

Deno.test("an API request past the connection timeout is a TimeoutError", async () => {
  await using engine = await startEngine();
  engine.inject({ path: "vms", delayMs: 2_000 });
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    timeout: 100,
  });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof TimeoutError);
    assert.match(e.message, /timed out after 100 ms/);
    assert.ok(e.cause !== undefined);
    return true;
  });
  assert.equal(
    (await connection.send({ method: "GET", path: "/hosts" })).code,
    200,
    "other paths are fine",
  );
});

Deno.test("a request's own timeout wins over the connection's", async () => {
  await using engine = await startEngine();
  engine.inject({ path: "vms", delayMs: 2_000, times: 1 });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await assert.rejects(
    connection.send({ method: "GET", path: "/vms", timeout: 100 }),
    TimeoutError,
  );
});

Deno.test("the timeout also covers SSO requests", async () => {
  await using engine = await startEngine();
  engine.inject({ path: SSO_TOKEN_PATH, delayMs: 2_000 });
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    timeout: 100,
  });
  await assert.rejects(connection.authenticate(), TimeoutError);
  await assert.rejects(connection.test({ raiseException: true }), TimeoutError);
});

Deno.test("a negative timeout is a RangeError", () => {
  assert.throws(
    () => new Connection({ url: "http://127.0.0.1:9/ovirt-engine/api", timeout: -1 }),
    RangeError,
  );
});

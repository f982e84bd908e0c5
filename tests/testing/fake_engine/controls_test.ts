import assert from "node:assert/strict";
import { FakeEngine } from "../../../src/testing/mod.ts";
import { call, USERS } from "./_helpers.ts";

Deno.test("FakeEngine.inject returns a handle like FakeCloud's: hits, remaining, remove", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const twice = engine.inject({ path: "vms", method: "GET", status: 503, times: 2 });
  assert.equal(twice.remaining, 2);
  assert.equal((await call(engine, "/vms")).status, 503);
  assert.equal(twice.hits, 1);
  assert.equal(twice.remaining, 1);
  assert.equal((await call(engine, "/vms")).status, 503);
  assert.equal((await call(engine, "/vms")).status, 200);
  assert.equal(twice.remaining, 0);
  const forever = engine.inject({ path: /\/hosts$/, status: 500, body: "<fault/>" });
  assert.equal(forever.remaining, Infinity);
  assert.equal((await call(engine, "/hosts")).status, 500);
  assert.equal((await call(engine, "/hosts")).status, 500);
  forever.remove();
  assert.equal((await call(engine, "/hosts")).status, 200);
  assert.equal(forever.hits, 2);
});

Deno.test("FakeEngine: env(), toJSON and inspect never show a password or token", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  assert.deepEqual(engine.env(), {
    OVIRT_URL: engine.url,
    OVIRT_USERNAME: "admin@internal",
    OVIRT_PASSWORD: USERS["admin@internal"],
  });
  assert.equal(engine.env("user1@internal").OVIRT_PASSWORD, USERS["user1@internal"]);
  assert.throws(() => engine.env("ghost@internal"), RangeError);
  const token = engine.issueToken("admin@internal");
  assert.equal(engine.validTokenCount, 1);
  assert.equal(engine.activeTokens, 1);
  for (const shown of [JSON.stringify(engine), Deno.inspect(engine)]) {
    assert.ok(shown.includes(engine.url));
    for (const secret of [...Object.values(USERS), token]) assert.ok(!shown.includes(secret));
  }
});

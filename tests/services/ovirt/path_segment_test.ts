import assert from "node:assert/strict";
import { Connection, SdkError } from "../../../mod.ts";
import { FakeEngine } from "../../../src/testing/mod.ts";

Deno.test("ids never leave their path segment: '.', '..' and encoded dots are refused before any request", async () => {
  await using engine = await FakeEngine.start({ users: { "admin@internal": "pw" } });
  await using connection = new Connection({
    url: engine.url,
    username: "admin@internal",
    password: "pw",
  });
  const vms = connection.systemService().vmsService();
  for (const id of ["..", ".", "", "%2e%2e", "%2E."]) {
    assert.throws(() => vms.vmService(id), SdkError, JSON.stringify(id));
  }
  assert.throws(() => connection.service("vms/%2e%2e/permissions"), SdkError);
  assert.equal(engine.requests.length, 0, "nothing was sent, not even a login");
  assert.equal(String(vms.vmService("a/b?c")), "VmService:/vms/a%2Fb%3Fc");
});

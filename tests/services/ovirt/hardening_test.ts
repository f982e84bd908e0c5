import assert from "node:assert/strict";
import { Connection, SdkError } from "../../../mod.ts";
import { FakeEngine } from "../../../src/testing/mod.ts";
// The oVirt entry registers the service tree behind connection.systemService().
import "../../../src/services/ovirt/mod.ts";

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

Deno.test("dates without an offset read as UTC whatever the host's zone", async () => {
  const { parseDate } = await import("../../../src/services/ovirt/primitives.ts");
  assert.equal(parseDate("2015-12-10T22:00:30").toISOString(), "2015-12-10T22:00:30.000Z");
  assert.equal(parseDate("2015-12-10 22:00:30").toISOString(), "2015-12-10T22:00:30.000Z");
  assert.equal(parseDate("2015-12-10T22:00:30+01:00").toISOString(), "2015-12-10T21:00:30.000Z");
});

Deno.test("a service answered with HTML says the URL path may be wrong", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response("<html>login page</html>", { headers: { "content-type": "text/html" } }),
  );
  try {
    const connection = new Connection({
      url: `http://127.0.0.1:${server.addr.port}/api`,
      token: "t",
    });
    await assert.rejects(connection.systemService().get(), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.equal(
        e.message,
        "The response content type 'text/html' isn't the expected XML. Is the path '/api' included " +
          "in the 'url' parameter correct? The typical one is '/ovirt-engine/api'",
      );
      return true;
    });
    await connection.close({ logout: false });
  } finally {
    await server.shutdown();
  }
});

Deno.test("an action answered 200 without a body is an error, as in ovirtsdk4", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(null, { status: 200 }),
  );
  try {
    const connection = new Connection({
      url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
      token: "t",
    });
    const vm = connection.systemService().vmsService().vmService("1");
    await assert.rejects(vm.start(), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.equal(e.message, "HTTP response code is 200.");
      return true;
    });
    await connection.close({ logout: false });
  } finally {
    await server.shutdown();
  }
});

Deno.test("JSON 64-bit numbers keep every digit", async () => {
  const { readJson, Vm } = await import("../../../src/services/ovirt/mod.ts");
  const vm = readJson('{"id": "1", "memory": 9223372036854775807}', Vm) as InstanceType<typeof Vm>;
  assert.equal(vm.memory, 9223372036854775807n);
  const small = readJson('{"id": "1", "memory": "1073741824"}', Vm) as InstanceType<typeof Vm>;
  assert.equal(small.memory, 1073741824n);
});

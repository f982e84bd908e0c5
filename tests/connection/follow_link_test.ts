import assert from "node:assert/strict";
import { Connection, List, SdkError, Struct } from "../../mod.ts";
import {
  Cluster,
  DiskAttachmentsService,
  SystemService,
  type Vm,
  VmService,
  VmsService,
} from "../../src/services/ovirt/mod.ts";
import { SEED_IDS } from "../../src/testing/mod.ts";
import { PASSWORD, startEngine, USER } from "./helpers.ts";

Deno.test("service() walks the tree; unknown paths name the failing rest", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  assert.ok(connection.systemService() instanceof SystemService);
  assert.equal(connection.systemService(), connection.systemService(), "cached");
  assert.ok(connection.service("") instanceof SystemService);
  assert.ok(connection.service("vms") instanceof VmsService);
  assert.ok(connection.service("vms/123") instanceof VmService);
  assert.ok(connection.service("vms/123/diskattachments") instanceof DiskAttachmentsService);
  assert.throws(
    () => connection.service("vms/123/junk"),
    (e: unknown) =>
      e instanceof SdkError && e.message === `The path "junk" doesn't correspond to any service`,
  );
  assert.equal(engine.requests.length, 0, "locating services sends nothing");
});

Deno.test("typed calls through the connection: list, get, and a fault", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const vms = connection.systemService().vmsService();
  const found = await vms.list({ search: "name=web*" });
  assert.deepEqual(found.map((v) => v.name).sort(), ["web1", "web2"]);
  const vm = await vms.vmService(SEED_IDS.db1).get();
  assert.equal(vm.name, "db1");
  await assert.rejects(vms.vmService(SEED_IDS.web1).start(), (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.code, 409);
    assert.equal(e.fault?.detail, "[Cannot run VM. VM web1 is running.]");
    return true;
  });
});

for (const format of ["xml", "json"] as const) {
  Deno.test(`followLink resolves a struct link with get() and a list link with list() (${format})`, async () => {
    await using engine = await startEngine();
    await using connection = new Connection({
      url: engine.url,
      username: USER,
      password: PASSWORD,
      format,
    });
    const vm: Vm = await connection.systemService().vmsService().vmService(SEED_IDS.web1).get();
    assert.ok(connection.isLink(vm.cluster));
    const cluster = await connection.followLink<Cluster>(vm.cluster!);
    assert.ok(cluster instanceof Cluster);
    assert.equal(cluster.name, "Default");
    assert.ok(vm.nics instanceof List);
    assert.equal(vm.nics.href, `/ovirt-engine/api/vms/${SEED_IDS.web1}/nics`);
    const nics = await connection.followLink<List<{ name?: string }>>(vm.nics);
    assert.deepEqual(nics.map((n) => n.name), ["nic1"]);
    assert.equal(engine.requests.at(-1)!.path, `/ovirt-engine/api/vms/${SEED_IDS.web1}/nics`);
  });
}

Deno.test("followLink refuses foreign hrefs before any request or token is sent", async () => {
  await using engine = await startEngine();
  let foreignHits = 0;
  const foreign = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () => {
    foreignHits++;
    return new Response("<cluster/>", { headers: { "content-type": "application/xml" } });
  });
  const connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const hrefs = [
    `http://127.0.0.1:${foreign.addr.port}/ovirt-engine/api/clusters/1`,
    `https://${new URL(engine.url).host}/ovirt-engine/api/clusters/1`,
    "//evil.example/ovirt-engine/api/clusters/1",
    "/ovirt-engine/sso/oauth/token",
    "/ovirt-engine/api/../services/sso-logout",
    "/ovirt-engine/apiclusters/1",
  ];
  for (const href of hrefs) {
    await assert.rejects(
      connection.followLink(new Struct({ href })),
      (e: unknown) =>
        e instanceof SdkError &&
        e.message === `The URL '${href}' isn't compatible with the base URL of the connection`,
      href,
    );
  }
  await assert.rejects(
    connection.followLink(
      List.create([], `http://127.0.0.1:${foreign.addr.port}/ovirt-engine/api/vms`),
    ),
    SdkError,
  );
  await assert.rejects(
    connection.followLink(new Struct({ id: "1" })),
    (e: unknown) =>
      e instanceof SdkError &&
      e.message === "Can't follow link because the 'href' attribute does't have a value",
  );
  assert.equal(foreignHits, 0);
  assert.equal(engine.requests.length, 0, "no login either");
  await connection.close();
  await foreign.shutdown();
});

Deno.test("isLink is true only for objects with an href", async () => {
  await using connection = new Connection({ url: "http://127.0.0.1:9/ovirt-engine/api" });
  assert.equal(connection.isLink(new Struct({ href: "/ovirt-engine/api/vms/1" })), true);
  assert.equal(connection.isLink(List.create([], "/ovirt-engine/api/vms")), true);
  assert.equal(connection.isLink(new Struct({ id: "1" })), false);
  assert.equal(connection.isLink(null), false);
  assert.equal(connection.isLink("href"), false);
});

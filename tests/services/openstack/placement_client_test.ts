import assert from "node:assert/strict";
import { Conflict, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { ComputeClient, PlacementClient } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("PlacementClient: providers, inventories and usages", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const placement = new PlacementClient(http);
  const [node] = await collect(placement.resourceProviders.list());
  assert.equal(node?.name, "compute-0");
  const inventories = await placement.inventories(node!.uuid);
  assert.equal(inventories.VCPU?.total, 16);
  assert.equal(inventories.MEMORY_MB?.allocation_ratio, 1.5);
  await new ComputeClient(http).servers.create({ name: "s", flavorRef: "4" });
  assert.deepEqual(await placement.usages(node!.uuid), { VCPU: 4, MEMORY_MB: 8192, DISK_GB: 80 });
  await assert.rejects(placement.resourceProviders.delete(node!.uuid), Conflict);
  await assert.rejects(placement.resourceProviders.get("nope"), NotFound);
});

Deno.test("PlacementClient: create before 1.20 fetches the new provider; after 1.20 reads the reply", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const old = new PlacementClient(http);
  const a = await old.resourceProviders.create({ name: "rp-a" });
  assert.equal(a.name, "rp-a");
  assert.equal(a.generation, 0);
  assert.ok(
    cloud.requests.some((r) =>
      r.method === "GET" && r.path === `/placement/resource_providers/${a.uuid}`
    ),
  );

  const modern = new PlacementClient(http, { microversion: "1.20" });
  const before = cloud.requests.length;
  const b = await modern.resourceProviders.create({ name: "rp-b" });
  assert.equal(b.name, "rp-b");
  const mine = cloud.requests.slice(before);
  assert.equal(mine.length, 1, "no follow-up GET");
  assert.equal(mine[0]?.headers["openstack-api-version"], "placement 1.20");
  const renamed = await modern.resourceProviders.update(b.uuid, { name: "rp-b2" });
  assert.equal(renamed.name, "rp-b2");
  assert.equal(renamed.generation, 0); // a rename leaves the generation, as Placement does
  await modern.resourceProviders.delete(b.uuid);
  assert.deepEqual((await collect(modern.resourceProviders.list())).map((p) => p.name).sort(), [
    "compute-0",
    "rp-a",
  ]);
});

Deno.test("PlacementClient: limit is never sent (Placement answers 400 to it)", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const placement = new PlacementClient(http);
  const providers = await collect(
    placement.resourceProviders.list({ limit: 1, name: "compute-0" }),
  );
  assert.equal(providers.length, 1);
  const call = cloud.requests.find((r) => r.path === "/placement/resource_providers");
  assert.equal(call?.query.limit, undefined);
  assert.equal(call?.query.name, "compute-0");
});

import assert from "node:assert/strict";
import { BadRequest, ClientException, Conflict, Forbidden, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { ComputeClient, openCloud } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

async function activeServer(cloud: ReturnType<typeof openCloud>, name = "ct-ops") {
  const { id } = await cloud.compute.servers.create({ name, flavorRef: "1" });
  return await cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: 10 });
}

Deno.test("ComputeClient: pause/unpause, suspend/resume, lock/unlock change the server as Nova does", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const servers = cloud.compute.servers;
  const s = await activeServer(cloud);
  await servers.pause(s.id);
  const paused = await servers.get(s.id);
  assert.equal(paused.status, "PAUSED");
  assert.equal(paused["OS-EXT-STS:vm_state"], "paused");
  await assert.rejects(servers.pause(s.id), (e: unknown) => {
    assert.ok(e instanceof Conflict);
    assert.match(e.message, /Cannot 'pause' instance .* while it is in vm_state paused/);
    return true;
  });
  await servers.unpause(s.id);
  await servers.suspend(s.id);
  assert.equal((await servers.get(s.id)).status, "SUSPENDED");
  await servers.resume(s.id);
  assert.equal((await servers.get(s.id)).status, "ACTIVE");

  await servers.lock(s.id);
  await assert.rejects(
    servers.pause(s.id),
    (e: unknown) => e instanceof Conflict && /locked/.test(e.message),
  );
  const locked = await new ComputeClient(httpFor(fake, "demo"), { microversion: "2.9" }).servers
    .get(s.id);
  assert.equal(locked.locked, true);
  await servers.unlock(s.id);
  await servers.pause(s.id);
  await servers.unpause(s.id);
  await servers.delete(s.id);
});

Deno.test("ComputeClient: rebuild, resize with confirm and revert", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const servers = cloud.compute.servers;
  const image = await cloud.image.images.find({ name: "cirros-0.6.2-x86_64-disk" });
  const s = await activeServer(cloud);
  const rebuilt = await servers.rebuild(s.id, { imageRef: image.id, name: "ct-rebuilt" });
  assert.equal(rebuilt.name, "ct-rebuilt");
  assert.equal(typeof rebuilt.adminPass, "string");
  await servers.waitFor(s.id, { status: "ACTIVE", interval: 10 });
  await assert.rejects(servers.rebuild(s.id, { imageRef: crypto.randomUUID() }), BadRequest);

  await servers.resize(s.id, "2");
  const verify = await servers.waitFor(s.id, { status: "VERIFY_RESIZE", interval: 10 });
  assert.equal(verify.flavor.id, "2");
  await servers.confirmResize(s.id);
  assert.equal((await servers.get(s.id)).status, "ACTIVE");
  await assert.rejects(servers.confirmResize(s.id), Conflict);
  await assert.rejects(
    servers.resize(s.id, "2"),
    (e: unknown) => e instanceof BadRequest && /must change flavor/.test(e.message),
  );

  await servers.resize(s.id, "3");
  await servers.waitFor(s.id, { status: "VERIFY_RESIZE", interval: 10 });
  await servers.revertResize(s.id);
  const reverted = await servers.waitFor(s.id, { status: "ACTIVE", interval: 10 });
  assert.equal(reverted.flavor.id, "2");
  await servers.delete(s.id);
});

Deno.test("ComputeClient: createImage gives the image id (body from 2.45, Location before); console output", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const s = await activeServer(cloud);
  const oldId = await cloud.compute.servers.createImage(s.id, "ct-snap-old", { purpose: "t" });
  const snap = await cloud.image.images.get(oldId);
  assert.equal(snap.name, "ct-snap-old");
  assert.equal(snap.purpose, "t");
  assert.equal(snap.instance_uuid, s.id);
  const modern = new ComputeClient(httpFor(fake, "demo"), { microversion: "2.45" });
  const newId = await modern.servers.createImage(s.id, "ct-snap-new");
  assert.equal((await cloud.image.images.get(newId)).name, "ct-snap-new");

  const whole = await cloud.compute.servers.consoleOutput(s.id);
  assert.ok(whole.split("\n").length > 1);
  const tail = await cloud.compute.servers.consoleOutput(s.id, { length: 1 });
  assert.equal(tail, whole.split("\n").at(-1));
  await cloud.image.images.delete(oldId);
  await cloud.image.images.delete(newId);
  await cloud.compute.servers.delete(s.id);
});

Deno.test("ComputeClient: server metadata set, update, read and delete", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const servers = cloud.compute.servers;
  const s = await activeServer(cloud);
  assert.deepEqual(await servers.setMetadata(s.id, { a: "1", b: "2" }), { a: "1", b: "2" });
  assert.deepEqual(await servers.updateMetadata(s.id, { b: "3", c: "4" }), {
    a: "1",
    b: "3",
    c: "4",
  });
  await servers.deleteMetadata(s.id, "a");
  assert.deepEqual(await servers.metadata(s.id), { b: "3", c: "4" });
  await assert.rejects(servers.deleteMetadata(s.id, "a"), NotFound);
  await assert.rejects(
    servers.setMetadata(s.id, { n: 1 as unknown as string }),
    BadRequest,
  );
  await servers.delete(s.id);
});

Deno.test("ComputeClient: server groups by microversion; limits, quota sets, availability zones", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const old = await cloud.compute.serverGroups.create({
    name: "ct-g1",
    policies: ["anti-affinity"],
  });
  assert.deepEqual(old.policies, ["anti-affinity"]);
  assert.deepEqual(old.members, []);
  const modern = new ComputeClient(httpFor(fake), { microversion: "2.64" });
  const g2 = await modern.serverGroups.create({ name: "ct-g2", policy: "soft-affinity" });
  assert.equal(g2.policy, "soft-affinity");
  assert.equal(g2.policies, undefined);
  assert.deepEqual(g2.rules, {});
  await assert.rejects(
    cloud.compute.serverGroups.create({ name: "ct-bad", policies: ["x"] }),
    BadRequest,
  );
  assert.equal((await cloud.compute.serverGroups.find({ name: "ct-g2" })).id, g2.id);
  await cloud.compute.serverGroups.delete(old.id);
  await modern.serverGroups.delete(g2.id);
  await assert.rejects(cloud.compute.serverGroups.get(g2.id), NotFound);

  const limits = await cloud.compute.limits();
  assert.equal(typeof limits.absolute.maxTotalInstances, "number");
  assert.equal(typeof limits.absolute.totalInstancesUsed, "number");
  const project = fake.demo.projectId;
  const quotas = await cloud.compute.quotaSet(project);
  assert.equal(quotas.id, project);
  const changed = await cloud.compute.updateQuotaSet(project, { instances: 3 });
  assert.equal(changed.instances, 3);
  assert.equal((await cloud.compute.quotaSet(project)).instances, 3);
  assert.equal(
    (await cloud.compute.quotaSet(project, { defaults: true })).instances,
    quotas.instances,
  );
  await cloud.compute.deleteQuotaSet(project);
  assert.equal((await cloud.compute.quotaSet(project)).instances, quotas.instances);
  await using demo = openCloud({ env: fake.env("demo") });
  await assert.rejects(demo.compute.updateQuotaSet(project, { instances: 50 }), Forbidden);

  const zones = await demo.compute.availabilityZones();
  assert.deepEqual(zones.map((z) => z.zoneName), ["nova"]);
  assert.equal(zones[0]?.zoneState.available, true);
  const detail = await cloud.compute.availabilityZones({ detail: true });
  assert.ok(detail.some((z) => z.hosts !== null));
});

Deno.test("ComputeClient: flavor extra specs and access to a private flavor", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const flavors = cloud.compute.flavors;
  const f = await flavors.create({
    name: "ct-private",
    ram: 256,
    vcpus: 1,
    disk: 1,
    "os-flavor-access:is_public": false,
  });
  assert.deepEqual(await flavors.extraSpecs(f.id), {});
  assert.deepEqual(await flavors.setExtraSpecs(f.id, { "hw:cpu_policy": "dedicated" }), {
    "hw:cpu_policy": "dedicated",
  });
  await flavors.setExtraSpecs(f.id, { "hw:numa_nodes": "1" });
  assert.deepEqual(await flavors.extraSpecs(f.id), {
    "hw:cpu_policy": "dedicated",
    "hw:numa_nodes": "1",
  });
  await flavors.deleteExtraSpec(f.id, "hw:numa_nodes");
  await assert.rejects(flavors.deleteExtraSpec(f.id, "hw:numa_nodes"), NotFound);

  assert.deepEqual(await flavors.access(f.id), []);
  const added = await flavors.addAccess(f.id, fake.demo.projectId);
  assert.deepEqual(added, [{ flavor_id: f.id, tenant_id: fake.demo.projectId }]);
  await assert.rejects(flavors.addAccess(f.id, fake.demo.projectId), Conflict);
  assert.deepEqual(await flavors.removeAccess(f.id, fake.demo.projectId), []);
  await assert.rejects(
    flavors.access("1"),
    (e: unknown) => e instanceof NotFound && /public flavors/.test(e.message),
  );
  await using demo = openCloud({ env: fake.env("demo") });
  await assert.rejects(demo.compute.flavors.setExtraSpecs("1", { a: "b" }), Forbidden);
  await flavors.delete(f.id);
  assert.equal((await collect(flavors.list())).some((x) => x.id === f.id), false);
});

Deno.test("limits and quota sets: a reply without the documented member is a typed error, not a TypeError", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  fake.inject({ path: "/compute/v2.1/limits", method: "GET", status: 200, body: "" });
  await assert.rejects(cloud.compute.limits(), (e: unknown) => {
    assert.ok(e instanceof ClientException && !(e instanceof TypeError));
    assert.match(e.message, /GET \/limits: the reply \(HTTP 200\) has no "limits" member/);
    return true;
  });
  fake.inject({ path: /\/os-quota-sets\//, method: "GET", status: 200, body: { other: 1 } });
  await assert.rejects(cloud.compute.quotaSet("p1"), /has no "quota_set" member/);
  fake.inject({ path: "/compute/v2.1/os-availability-zone", method: "GET", status: 200, body: "" });
  assert.deepEqual(await cloud.compute.availabilityZones(), []);
  // The real replies still read.
  assert.equal(typeof (await cloud.compute.limits()).absolute, "object");
});

/**
 * Contract tests of the Nova operations beyond CRUD: server actions,
 * metadata, console output, createImage, rebuild, server groups, limits,
 * quota sets, availability zones, flavor extra specs and access. (Resize is
 * covered in tests/services: the real cloud has one compute host and Nova
 * refuses to resize onto the same host by default.)
 */
import assert from "node:assert/strict";
import { BadRequest, Conflict, NotFound } from "../../mod.ts";
import { type Cloud, ComputeClient, openCloud } from "../../src/services/openstack/mod.ts";
import { type CloudTarget, contractTest, uniqueName } from "./_targets.ts";
import { polling, withCleanup } from "./_wait.ts";

async function bootServer(cloud: Cloud, target: CloudTarget, undo: (() => Promise<unknown>)[]) {
  const created = await cloud.compute.servers.create({
    name: uniqueName("vm"),
    flavorRef: target.fixtures.flavorId,
    imageRef: target.fixtures.imageId,
  });
  undo.push(() => cloud.compute.servers.delete(created.id));
  return await cloud.compute.servers.waitFor(created.id, { status: "ACTIVE", ...polling(target) });
}

/** Waits until no task runs on the server (Nova refuses most actions meanwhile). */
async function idle(cloud: Cloud, target: CloudTarget, id: string, status: string): Promise<void> {
  const { interval, timeout } = polling(target);
  const until = Date.now() + timeout;
  for (let i = 0; i < 10_000 && Date.now() < until; i++) {
    const s = await cloud.compute.servers.get(id);
    if (s.status === status && s["OS-EXT-STS:task_state"] === null) return;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`server ${id} did not settle in ${status}`);
}

contractTest("compute: pause, suspend and lock actions", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const servers = cloud.compute.servers;
  const wait = polling(target);
  await withCleanup(async (undo) => {
    const s = await bootServer(cloud, target, undo);
    await servers.pause(s.id);
    const paused = await servers.waitFor(s.id, { status: "PAUSED", ...wait });
    assert.equal(paused["OS-EXT-STS:vm_state"], "paused");
    await assert.rejects(
      servers.pause(s.id),
      (e: unknown) => e instanceof Conflict && /while it is in vm_state paused/.test(e.message),
    );
    await servers.unpause(s.id);
    await servers.waitFor(s.id, { status: "ACTIVE", ...wait });
    await servers.suspend(s.id);
    const suspended = await servers.waitFor(s.id, { status: "SUSPENDED", ...wait });
    assert.equal(suspended["OS-EXT-STS:vm_state"], "suspended");
    await servers.resume(s.id);
    await servers.waitFor(s.id, { status: "ACTIVE", ...wait });
    await idle(cloud, target, s.id, "ACTIVE");
    await servers.lock(s.id);
    const modern = new ComputeClient(cloud.http, { microversion: "2.9" });
    assert.equal((await modern.servers.get(s.id)).locked, true);
    await assert.rejects(
      servers.pause(s.id),
      (e: unknown) => e instanceof Conflict && /is locked/.test(e.message),
    );
    await servers.unlock(s.id);
    assert.equal((await modern.servers.get(s.id)).locked, false);
  });
});

contractTest("compute: metadata, console output, rebuild and createImage", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const servers = cloud.compute.servers;
  await withCleanup(async (undo) => {
    const s = await bootServer(cloud, target, undo);
    assert.deepEqual(await servers.setMetadata(s.id, { a: "1", b: "2" }), { a: "1", b: "2" });
    assert.deepEqual(await servers.updateMetadata(s.id, { b: "3" }), { a: "1", b: "3" });
    await servers.deleteMetadata(s.id, "a");
    assert.deepEqual(await servers.metadata(s.id), { b: "3" });
    await assert.rejects(
      servers.deleteMetadata(s.id, "a"),
      (e: unknown) => e instanceof NotFound && /Metadata item was not found/.test(e.message),
    );
    await assert.rejects(
      servers.setMetadata(s.id, { n: 1 as unknown as string }),
      (e: unknown) => e instanceof BadRequest && /is not of type 'string'/.test(e.message),
    );

    const output = await servers.consoleOutput(s.id);
    assert.ok(output.length > 0);
    assert.equal(await servers.consoleOutput(s.id, { length: 1 }), output.split("\n").at(-1));

    const name = uniqueName("rebuilt");
    const rebuilt = await servers.rebuild(s.id, { imageRef: target.fixtures.imageId, name });
    assert.equal(rebuilt.name, name);
    assert.equal(typeof rebuilt.adminPass, "string");
    assert.equal((rebuilt.image as { id?: string }).id, target.fixtures.imageId);
    await idle(cloud, target, s.id, "ACTIVE");
    await assert.rejects(servers.rebuild(s.id, { imageRef: crypto.randomUUID() }), BadRequest);

    const imageId = await servers.createImage(s.id, uniqueName("snap"), { ct: "yes" });
    undo.push(() => cloud.image.images.delete(imageId));
    const image = await cloud.image.images.get(imageId);
    assert.equal(image.image_type, "snapshot");
    assert.equal(image.instance_uuid, s.id);
    assert.equal(image.ct, "yes");
    assert.equal(image.visibility, "private");
  });
});

contractTest("compute: server groups, limits, quota sets, availability zones", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  await withCleanup(async (undo) => {
    const groups = cloud.compute.serverGroups;
    const g = await groups.create({ name: uniqueName("group"), policies: ["anti-affinity"] });
    undo.push(() => groups.delete(g.id));
    assert.deepEqual(g.policies, ["anti-affinity"]);
    assert.deepEqual(g.members, []);
    assert.deepEqual(g.metadata, {});
    assert.equal((await groups.get(g.id)).name, g.name);
    assert.equal((await groups.find({ name: g.name })).id, g.id);
    const modern = new ComputeClient(cloud.http, { microversion: "2.64" });
    const g2 = await modern.serverGroups.create({ name: uniqueName("group"), policy: "affinity" });
    undo.push(() => modern.serverGroups.delete(g2.id));
    assert.equal(g2.policy, "affinity");
    assert.deepEqual(g2.rules, {});
    assert.equal(g2.policies, undefined);
    assert.equal(typeof g2.project_id, "string");
    await assert.rejects(
      groups.create({ name: uniqueName("group"), policies: ["nope"] }),
      BadRequest,
    );
    undo.pop();
    await modern.serverGroups.delete(g2.id);
    await assert.rejects(groups.get(g2.id), NotFound);

    const limits = await cloud.compute.limits();
    assert.deepEqual(limits.rate, []);
    for (
      const key of ["maxTotalInstances", "maxTotalCores", "maxTotalRAMSize", "totalInstancesUsed"]
    ) {
      assert.equal(typeof limits.absolute[key], "number", key);
    }
    // The caller's project, as Nova recorded it (a member may not list Keystone projects).
    const me = { id: String(g2.project_id) };
    const quotas = await cloud.compute.quotaSet(me.id);
    assert.equal(quotas.id, me.id);
    assert.equal(typeof quotas.instances, "number");
    assert.equal(typeof quotas.cores, "number");
    const defaults = await cloud.compute.quotaSet(me.id, { defaults: true });
    assert.equal(typeof defaults.instances, "number");

    const zones = await cloud.compute.availabilityZones();
    const nova = zones.find((z) => z.zoneName === "nova");
    assert.ok(nova);
    assert.equal(nova.zoneState.available, true);
    assert.equal(nova.hosts, null);
  });
});

contractTest("compute: flavor extra specs and access (admin)", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const flavors = cloud.compute.flavors;
  await withCleanup(async (undo) => {
    const f = await flavors.create({
      name: uniqueName("flavor"),
      ram: 128,
      vcpus: 1,
      disk: 1,
      "os-flavor-access:is_public": false,
    });
    undo.push(() => flavors.delete(f.id));
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
    assert.deepEqual(await flavors.extraSpecs(f.id), { "hw:cpu_policy": "dedicated" });
    await assert.rejects(flavors.deleteExtraSpec(f.id, "hw:numa_nodes"), NotFound);

    const demo = await cloud.identity.projects.find({ name: target.demoEnv.OS_PROJECT_NAME });
    assert.deepEqual(await flavors.access(f.id), []);
    assert.deepEqual(await flavors.addAccess(f.id, demo.id), [{
      flavor_id: f.id,
      tenant_id: demo.id,
    }]);
    await assert.rejects(flavors.addAccess(f.id, demo.id), Conflict);
    assert.deepEqual(await flavors.access(f.id), [{ flavor_id: f.id, tenant_id: demo.id }]);
    assert.deepEqual(await flavors.removeAccess(f.id, demo.id), []);
    await assert.rejects(
      flavors.access(target.fixtures.flavorId),
      (e: unknown) => e instanceof NotFound && /public flavors/.test(e.message),
    );
  });
});

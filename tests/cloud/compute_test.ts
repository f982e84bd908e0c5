/** Contract tests of ComputeClient (servers, flavors, keypairs) against FakeCloud and a real Nova. */
import assert from "node:assert/strict";
import { BadRequest, Conflict, Forbidden, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import type { Server } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { collect, eventually } from "./_util.ts";

type Cloud = ReturnType<typeof openCloud>;

/** Waits until the server leaves transitional states, and returns it in `status`. */
function settle(cloud: Cloud, id: string, status: string): Promise<Server> {
  return eventually(`server ${id} ${status}`, async () => {
    const s = await cloud.compute.servers.get(id);
    if (s.status === "ERROR") throw new Error(`server ${id} went to ERROR`);
    const task = (s as unknown as Record<string, unknown>)["OS-EXT-STS:task_state"];
    return s.status === status && task === null ? s : undefined;
  });
}

function gone(cloud: Cloud, id: string): Promise<true> {
  return eventually(`server ${id} deleted`, async () => {
    try {
      await cloud.compute.servers.get(id);
      return undefined;
    } catch (e) {
      if (e instanceof NotFound) return true;
      throw e;
    }
  });
}

contractTest(
  "compute: flavors list, get, find; 2.1 bodies carry no extra_specs",
  async (target) => {
    await using cloud = openCloud({ env: target.demoEnv });
    const flavors = await collect(cloud.compute.flavors.list());
    const tiny = flavors.find((f) => f.id === target.fixtures.flavorId);
    assert.ok(tiny, "the fixture flavor is listed");
    assert.equal(tiny.name, "m1.tiny");
    assert.equal(tiny.ram, 512);
    assert.equal(tiny.vcpus, 1);
    assert.equal(tiny.disk, 1);
    const raw = tiny as unknown as Record<string, unknown>;
    // extra_specs (2.61) and description (2.55) are not in a 2.1 body: osc's
    // `flavor list` breaks on them.
    assert.equal("extra_specs" in raw, false);
    assert.equal("description" in raw, false);
    assert.equal(raw["os-flavor-access:is_public"], true);
    assert.equal(raw["OS-FLV-EXT-DATA:ephemeral"], 0);
    assert.equal((await cloud.compute.flavors.get("1")).name, "m1.tiny");
    assert.equal((await cloud.compute.flavors.find({ name: "m1.small" })).id, "2");
    await assert.rejects(cloud.compute.flavors.get("no-such-flavor"), NotFound);
    // A member may not create flavors.
    await assert.rejects(
      cloud.compute.flavors.create({ name: uniqueName("flavor"), ram: 64, vcpus: 1, disk: 0 }),
      Forbidden,
    );
  },
);

contractTest(
  "compute: flavors create and delete as admin; 2.61 shows extra_specs",
  async (target) => {
    await using cloud = openCloud({ env: target.adminEnv });
    const name = uniqueName("flavor");
    const flavor = await cloud.compute.flavors.create({ name, ram: 128, vcpus: 1, disk: 1 });
    try {
      assert.equal(flavor.name, name);
      assert.equal(flavor.ram, 128);
      assert.equal((await cloud.compute.flavors.find({ name })).id, flavor.id);
      await assert.rejects(
        cloud.compute.flavors.create({ name, ram: 128, vcpus: 1, disk: 1 }),
        Conflict,
      );
      await assert.rejects(
        cloud.compute.flavors.create({ name: uniqueName("bad"), ram: 0, vcpus: 1, disk: 1 }),
        BadRequest,
      );
      await using v261 = openCloud({ env: target.adminEnv, microversions: { compute: "2.61" } });
      const shown = await v261.compute.flavors.get(flavor.id) as unknown as Record<string, unknown>;
      assert.deepEqual(shown.extra_specs, {});
      assert.equal(shown.description, null);
    } finally {
      await cloud.compute.flavors.delete(flavor.id);
    }
    await assert.rejects(cloud.compute.flavors.get(flavor.id), NotFound);
  },
);

contractTest("compute: keypairs generate, import, list, get, delete", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const keypairs = cloud.compute.keypairs;
  const name = uniqueName("kp");
  const generated = await keypairs.create({ name });
  let imported: string | undefined;
  try {
    assert.equal(generated.name, name);
    assert.match(generated.private_key ?? "", /PRIVATE KEY/);
    assert.match(generated.public_key, /^ssh-rsa /);
    assert.match(generated.fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    // No key type before microversion 2.2.
    assert.equal("type" in generated, false);
    const listed = await collect(keypairs.list());
    const item = listed.find((k) => k.name === name) as unknown as Record<string, unknown>;
    assert.ok(item);
    assert.deepEqual(Object.keys(item).sort(), ["fingerprint", "name", "public_key"]);
    const got = await keypairs.get(name);
    assert.equal(got.fingerprint, generated.fingerprint);
    assert.equal("private_key" in got, false);
    await assert.rejects(keypairs.create({ name }), Conflict);

    imported = uniqueName("kp-import");
    const copy = await keypairs.create({ name: imported, public_key: generated.public_key });
    assert.equal(copy.fingerprint, generated.fingerprint);
    assert.equal("private_key" in copy, false);
    await assert.rejects(
      keypairs.create({ name: uniqueName("kp-bad"), public_key: "not a key" }),
      BadRequest,
    );
  } finally {
    await keypairs.delete(name);
    if (imported) await keypairs.delete(imported);
  }
  await assert.rejects(keypairs.get(name), NotFound);
  await assert.rejects(keypairs.delete(name), NotFound);
});

contractTest(
  "compute: servers create, list, get, update, stop/start/reboot, delete",
  async (target) => {
    await using cloud = openCloud({ env: target.demoEnv });
    const servers = cloud.compute.servers;
    const name = uniqueName("server");
    const created = await servers.create({
      name,
      flavorRef: target.fixtures.flavorId,
      imageRef: target.fixtures.imageId,
      metadata: { role: "contract" },
    });
    try {
      assert.match(created.id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof created.adminPass, "string");
      const active = await settle(cloud, created.id, "ACTIVE");
      const raw = active as unknown as Record<string, unknown>;
      assert.equal(active.name, name);
      assert.deepEqual(active.metadata, { role: "contract" });
      assert.equal((raw.flavor as { id: string }).id, target.fixtures.flavorId);
      assert.equal((raw.image as { id: string }).id, target.fixtures.imageId);
      assert.equal(raw.tenant_id, target.fixtures.demoProjectId);
      assert.equal(raw.user_id, target.fixtures.demoUserId);
      assert.equal(raw["OS-EXT-STS:vm_state"], "active");
      assert.equal(raw["OS-EXT-STS:power_state"], 1);
      assert.equal(typeof raw["OS-SRV-USG:launched_at"], "string");
      assert.equal(raw["OS-SRV-USG:terminated_at"], null);
      // 2.1 bodies: no description (2.19), no locked (2.9); no network, no addresses.
      assert.equal("description" in raw, false);
      assert.equal("locked" in raw, false);
      assert.deepEqual(raw.addresses, {});

      const listed = await collect(servers.list({ name }));
      assert.deepEqual(listed.map((s) => s.id), [created.id]);
      assert.equal((await servers.find({ name })).id, created.id);

      const renamed = await servers.update(created.id, { name: `${name}-2` });
      assert.equal(renamed.name, `${name}-2`);

      await servers.stop(created.id);
      const stopped = await settle(cloud, created.id, "SHUTOFF");
      assert.equal(
        (stopped as unknown as Record<string, unknown>)["OS-EXT-STS:vm_state"],
        "stopped",
      );
      await assert.rejects(servers.stop(created.id), Conflict);
      await assert.rejects(servers.reboot(created.id, { type: "SOFT" }), Conflict);
      await servers.start(created.id);
      await settle(cloud, created.id, "ACTIVE");
      await assert.rejects(servers.start(created.id), Conflict);
      await servers.reboot(created.id);
      await settle(cloud, created.id, "ACTIVE");
      await servers.reboot(created.id, { type: "HARD" });
      await settle(cloud, created.id, "ACTIVE");
      const res = await servers.action(created.id, { "os-stop": null });
      assert.equal(res.status, 202);
      await res.body?.cancel();
      await settle(cloud, created.id, "SHUTOFF");
      await assert.rejects(servers.action(created.id, { "no-such-action": null }), BadRequest);
    } finally {
      await servers.delete(created.id);
    }
    await gone(cloud, created.id);
    await assert.rejects(servers.delete(created.id), NotFound);
  },
);

contractTest("compute: server create refuses what Nova refuses", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const servers = cloud.compute.servers;
  const base = { flavorRef: target.fixtures.flavorId, imageRef: target.fixtures.imageId };
  await assert.rejects(servers.create({ ...base, name: "" }), BadRequest);
  await assert.rejects(
    servers.create({ ...base, name: uniqueName("s"), flavorRef: "nope" }),
    BadRequest,
  );
  await assert.rejects(
    servers.create({ ...base, name: uniqueName("s"), imageRef: crypto.randomUUID() }),
    BadRequest,
  );
  await assert.rejects(
    servers.create({ ...base, name: uniqueName("s"), key_name: uniqueName("nokey") }),
    BadRequest,
  );
  await assert.rejects(servers.get(crypto.randomUUID()), NotFound);
  // Another project's server: Nova finds it, then policy refuses the member (403).
  await using admin = openCloud({ env: target.adminEnv });
  const other = await admin.compute.servers.create({ ...base, name: uniqueName("admin-s") });
  try {
    await assert.rejects(servers.get(other.id), Forbidden);
  } finally {
    await admin.compute.servers.delete(other.id);
  }
});

/** Contract tests of PlacementClient against FakeCloud and a real Placement. */
import assert from "node:assert/strict";
import { BadRequest, Conflict, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { collect } from "./_util.ts";

type Cloud = ReturnType<typeof openCloud>;

async function jsonOf(response: Promise<Response>): Promise<Record<string, unknown>> {
  const res = await response;
  return res.status === 204 ? {} : await res.json();
}

/** Raw placement calls at a microversion, through the client's own session. */
function at(cloud: Cloud, version: string) {
  const headers = { "OpenStack-API-Version": `placement ${version}` };
  const p = cloud.placement;
  return {
    get: (path: string) => jsonOf(p.get(path, { headers })),
    put: (path: string, json: unknown) => jsonOf(p.put(path, { json, headers })),
    post: (path: string, json: unknown) => p.post(path, { json, headers }),
    delete: (path: string) => p.delete(path, { headers }),
  };
}

contractTest("placement: resource providers CRUD; 1.0 bodies; limit is refused", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const rps = cloud.placement.resourceProviders;
  const name = uniqueName("rp");
  const created = await rps.create({ name });
  try {
    assert.equal(created.name, name);
    assert.match(created.uuid, /^[0-9a-f-]{36}$/);
    const got = await rps.get(created.uuid);
    assert.equal(got.generation, 0);
    // 1.0 shows no tree fields and three links.
    assert.equal("parent_provider_uuid" in got, false);
    assert.deepEqual(
      (got.links as { rel: string }[]).map((l) => l.rel),
      ["self", "inventories", "usages"],
    );
    assert.deepEqual((await collect(rps.list({ name }))).map((r) => r.uuid), [created.uuid]);
    assert.equal((await rps.find({ name })).uuid, created.uuid);
    const renamed = await rps.update(created.uuid, { name: `${name}-2` });
    assert.equal(renamed.name, `${name}-2`);
    assert.equal(renamed.generation, 0);
    await assert.rejects(rps.create({ name: `${name}-2` }), Conflict);
    // Placement refuses `limit` (400), so the manager never sends it: the list still works.
    await assert.rejects(
      cloud.placement.get("/resource_providers", { query: { limit: 1 } }),
      BadRequest,
    );
    const listed = await collect(cloud.placement.resourceProviders.list({ limit: 1 }));
    assert.ok(listed.some((rp) => rp.uuid === created.uuid));
  } finally {
    await rps.delete(created.uuid);
  }
  await assert.rejects(rps.get(created.uuid), NotFound);
});

contractTest(
  "placement: trees and in_tree at 1.14; 1.20 create returns the provider",
  async (target) => {
    await using cloud = openCloud({ env: target.adminEnv, microversions: { placement: "1.20" } });
    const rps = cloud.placement.resourceProviders;
    const root = await rps.create({ name: uniqueName("root") });
    const child = await rps.create({ name: uniqueName("child"), parent_provider_uuid: root.uuid });
    try {
      assert.equal(root.root_provider_uuid, root.uuid);
      assert.equal(child.parent_provider_uuid, root.uuid);
      assert.equal(child.root_provider_uuid, root.uuid);
      const tree = await collect(rps.list({ in_tree: child.uuid }));
      assert.deepEqual(tree.map((r) => r.uuid).sort(), [root.uuid, child.uuid].sort());
      await assert.rejects(rps.delete(root.uuid), Conflict);
    } finally {
      await rps.delete(child.uuid);
      await rps.delete(root.uuid);
    }
  },
);

contractTest("placement: inventories whole and per class, usages", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const placement = cloud.placement;
  const rp = await placement.resourceProviders.create({ name: uniqueName("inv") });
  const raw = at(cloud, "1.0");
  const base = `/resource_providers/${rp.uuid}`;
  try {
    assert.deepEqual(await placement.inventories(rp.uuid), {});
    const set = await raw.put(`${base}/inventories`, {
      resource_provider_generation: 0,
      inventories: { VCPU: { total: 8, allocation_ratio: 2.0 }, MEMORY_MB: { total: 4096 } },
    });
    assert.equal(set.resource_provider_generation, 1);
    const inv = await placement.inventories(rp.uuid);
    assert.deepEqual(inv.VCPU, {
      total: 8,
      reserved: 0,
      min_unit: 1,
      max_unit: 2147483647,
      step_size: 1,
      allocation_ratio: 2.0,
    });
    // A stale generation is a conflict.
    await assert.rejects(
      raw.put(`${base}/inventories`, { resource_provider_generation: 0, inventories: {} }),
      Conflict,
    );
    await assert.rejects(
      raw.put(`${base}/inventories`, {
        resource_provider_generation: 1,
        inventories: { NO_SUCH_CLASS: { total: 1 } },
      }),
      BadRequest,
    );
    await assert.rejects(
      raw.put(`${base}/inventories`, {
        resource_provider_generation: 1,
        inventories: { VCPU: { total: 0 } },
      }),
      BadRequest,
    );
    const one = await raw.put(`${base}/inventories/VCPU`, {
      resource_provider_generation: 1,
      total: 16,
    });
    assert.equal(one.total, 16);
    assert.equal(one.resource_provider_generation, 2);
    assert.equal((await raw.get(`${base}/inventories/VCPU`)).total, 16);
    const gone = await raw.delete(`${base}/inventories/MEMORY_MB`);
    assert.equal(gone.status, 204);
    await gone.body?.cancel();
    await assert.rejects(raw.get(`${base}/inventories/MEMORY_MB`), NotFound);
    assert.deepEqual(await placement.usages(rp.uuid), { VCPU: 0 });
  } finally {
    await placement.resourceProviders.delete(rp.uuid);
  }
});

contractTest("placement: allocations, provider and project usages", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const placement = cloud.placement;
  const rp = await placement.resourceProviders.create({ name: uniqueName("alloc") });
  const raw = at(cloud, "1.28");
  const consumer = crypto.randomUUID();
  const project = crypto.randomUUID();
  const user = crypto.randomUUID();
  try {
    await raw.put(`/resource_providers/${rp.uuid}/inventories`, {
      resource_provider_generation: 0,
      inventories: { VCPU: { total: 4 }, MEMORY_MB: { total: 1024 } },
    });
    await raw.put(`/allocations/${consumer}`, {
      allocations: { [rp.uuid]: { resources: { VCPU: 2, MEMORY_MB: 512 } } },
      project_id: project,
      user_id: user,
      consumer_generation: null,
    });
    const got = await raw.get(`/allocations/${consumer}`);
    assert.deepEqual(
      (got.allocations as Record<string, { resources: unknown }>)[rp.uuid]?.resources,
      {
        VCPU: 2,
        MEMORY_MB: 512,
      },
    );
    assert.equal(got.project_id, project);
    assert.equal(got.consumer_generation, 1);
    assert.deepEqual(await placement.usages(rp.uuid), { VCPU: 2, MEMORY_MB: 512 });
    assert.deepEqual((await raw.get(`/usages?project_id=${project}`)).usages, {
      VCPU: 2,
      MEMORY_MB: 512,
    });
    const byRp = await raw.get(`/resource_providers/${rp.uuid}/allocations`);
    assert.deepEqual(Object.keys(byRp.allocations as object), [consumer]);
    // Over capacity, and a stale consumer generation: 409.
    await assert.rejects(
      raw.put(`/allocations/${crypto.randomUUID()}`, {
        allocations: { [rp.uuid]: { resources: { VCPU: 3 } } },
        project_id: project,
        user_id: user,
        consumer_generation: null,
      }),
      Conflict,
    );
    await assert.rejects(
      raw.put(`/allocations/${consumer}`, {
        allocations: { [rp.uuid]: { resources: { VCPU: 1 } } },
        project_id: project,
        user_id: user,
        consumer_generation: null,
      }),
      Conflict,
    );
    // A provider with allocations cannot be deleted.
    await assert.rejects(placement.resourceProviders.delete(rp.uuid), Conflict);
    const freed = await raw.delete(`/allocations/${consumer}`);
    assert.equal(freed.status, 204);
    await freed.body?.cancel();
    assert.deepEqual((await raw.get(`/allocations/${consumer}`)).allocations, {});
    assert.deepEqual(await placement.usages(rp.uuid), { VCPU: 0, MEMORY_MB: 0 });
  } finally {
    await placement.resourceProviders.delete(rp.uuid);
  }
});

contractTest("placement: aggregates, traits, resource classes", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const placement = cloud.placement;
  const rp = await placement.resourceProviders.create({ name: uniqueName("tagged") });
  const raw = at(cloud, "1.19");
  const trait = `CUSTOM_CT_${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const rc = `CUSTOM_CT_${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const agg = crypto.randomUUID();
  try {
    const aggs = await raw.put(`/resource_providers/${rp.uuid}/aggregates`, {
      aggregates: [agg],
      resource_provider_generation: 0,
    });
    assert.deepEqual(aggs.aggregates, [agg]);
    assert.equal(aggs.resource_provider_generation, 1);
    // member_of is not a 1.0 query parameter: the client's default microversion gets 400.
    await assert.rejects(
      collect(placement.resourceProviders.list({ member_of: agg })),
      BadRequest,
    );
    const members = await raw.get(`/resource_providers?member_of=${agg}`);
    assert.deepEqual(
      (members.resource_providers as { uuid: string }[]).map((r) => r.uuid),
      [rp.uuid],
    );

    const traitPath = `/traits/${trait}`;
    const v16 = { headers: { "OpenStack-API-Version": "placement 1.6" } };
    // Traits came with 1.6: before it the route does not exist.
    await assert.rejects(cloud.placement.put(traitPath), NotFound);
    const made = await cloud.placement.put(traitPath, v16);
    assert.equal(made.status, 201);
    await made.body?.cancel();
    const again = await cloud.placement.put(traitPath, v16);
    assert.equal(again.status, 204);
    await again.body?.cancel();
    const custom = await raw.get(`/traits?name=startswith:${trait}`);
    assert.deepEqual(custom.traits, [trait]);
    const traits = await raw.put(`/resource_providers/${rp.uuid}/traits`, {
      traits: [trait, "HW_CPU_X86_AVX2"],
      resource_provider_generation: 1,
    });
    assert.deepEqual((traits.traits as string[]).sort(), ["HW_CPU_X86_AVX2", trait].sort());
    await assert.rejects(
      raw.put(`/resource_providers/${rp.uuid}/traits`, {
        traits: ["CUSTOM_NO_SUCH_TRAIT_CT"],
        resource_provider_generation: 2,
      }),
      BadRequest,
    );
    const withTrait = await raw.get(`/resource_providers?required=${trait}`);
    assert.deepEqual(
      (withTrait.resource_providers as { uuid: string }[]).map((r) => r.uuid),
      [rp.uuid],
    );
    await assert.rejects(cloud.placement.delete(traitPath, v16), Conflict);

    const created = await raw.post("/resource_classes", { name: rc });
    assert.equal(created.status, 201);
    await created.body?.cancel();
    const classes = await raw.get("/resource_classes");
    const names = (classes.resource_classes as { name: string }[]).map((c) => c.name);
    assert.ok(names.includes("VCPU") && names.includes(rc));
    assert.equal((await raw.get(`/resource_classes/${rc}`)).name, rc);
    await assert.rejects(raw.post("/resource_classes", { name: "NOT_CUSTOM" }), BadRequest);
    await assert.rejects(raw.delete("/resource_classes/VCPU"), BadRequest);
    const dropped = await raw.delete(`/resource_classes/${rc}`);
    assert.equal(dropped.status, 204);
    await dropped.body?.cancel();
    await assert.rejects(raw.get(`/resource_classes/${rc}`), NotFound);
  } finally {
    await placement.resourceProviders.delete(rp.uuid);
    const res = await cloud.placement.delete(`/traits/${trait}`, {
      headers: { "OpenStack-API-Version": "placement 1.6" },
    }).catch(() => undefined);
    await res?.body?.cancel();
  }
});

contractTest("placement: the compute node is a provider with inventory", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const rps = await collect(cloud.placement.resourceProviders.list());
  const withVcpu = [];
  for (const rp of rps) {
    const inv = await cloud.placement.inventories(rp.uuid);
    if (inv.VCPU && inv.MEMORY_MB && inv.DISK_GB) withVcpu.push(rp.uuid);
  }
  assert.ok(withVcpu.length >= 1, "a compute node reports VCPU, MEMORY_MB and DISK_GB");
});

/** Contract tests of IdentityClient: the same calls against FakeCloud and a real Keystone. */
import assert from "node:assert/strict";
import { BadRequest, Conflict, Forbidden, NotFound, Unauthorized } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { collect, eventually } from "./_util.ts";

contractTest("identity: projects CRUD, tags filter, find", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const projects = cloud.identity.projects;
  const name = uniqueName("project");
  const tag = uniqueName("tag");
  const created = await projects.create({ name, description: "contract", tags: [tag] });
  try {
    assert.equal(created.name, name);
    assert.equal(created.domain_id, "default");
    assert.equal(created.enabled, true);
    assert.deepEqual(created.tags, [tag]);
    assert.deepEqual((await projects.get(created.id)).description, "contract");
    const byTag = await collect(projects.list({ tags: tag }));
    assert.deepEqual(byTag.map((p) => p.id), [created.id]);
    const byName = await collect(projects.list({ name }));
    assert.deepEqual(byName.map((p) => p.id), [created.id]);
    assert.equal((await projects.find({ name })).id, created.id);
    const updated = await projects.update(created.id, { description: "changed" });
    assert.equal(updated.description, "changed");
    await assert.rejects(projects.create({ name }), Conflict);
  } finally {
    await projects.delete(created.id);
  }
  await assert.rejects(projects.get(created.id), NotFound);
  await assert.rejects(projects.delete(created.id), NotFound);
});

contractTest("identity: a member may not list projects (default policy: 403)", async (target) => {
  await using demo = openCloud({ env: target.demoEnv });
  await assert.rejects(collect(demo.identity.projects.list()), Forbidden);
  // …but may read the project its token is scoped to.
  const own = await demo.identity.projects.get(target.fixtures.demoProjectId ?? "");
  assert.equal(own.name, "demo");
});

contractTest("identity: users CRUD, password change, login as the new user", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const users = cloud.identity.users;
  const name = uniqueName("user");
  const user = await users.create({ name, password: "first-pw-1", enabled: true });
  try {
    assert.equal(user.name, name);
    assert.equal(user.domain_id, "default");
    assert.equal("password" in user, false);
    assert.equal((await users.find({ name })).id, user.id);

    const member = await cloud.identity.roles.find({ name: "member" });
    const demoProject = target.fixtures.demoProjectId ?? "";
    await cloud.identity.roleAssignments.grant({
      role: member.id,
      user: user.id,
      project: demoProject,
    });
    const env = { ...target.demoEnv, OS_USERNAME: name, OS_PASSWORD: "first-pw-1" };
    {
      await using asUser = openCloud({ env });
      assert.equal((await asUser.identity.projects.get(demoProject)).name, "demo");
      // The user changes its own password: the old one is asked for.
      const wrong = await asUser.identity.post(`/users/${user.id}/password`, {
        json: { user: { original_password: "not-it", password: "second-pw-2" } },
      }).catch((e) => e);
      assert.equal(wrong.status, 401);
      const res = await asUser.identity.post(`/users/${user.id}/password`, {
        json: { user: { original_password: "first-pw-1", password: "second-pw-2" } },
      });
      assert.equal(res.status, 204);
      await res.body?.cancel();
    }
    // Keystone revokes the user's tokens issued up to the change, to the second: a
    // token from the same second is refused, so log in afresh until one works.
    const name2 = await eventually("a login with the new password", async () => {
      await using again = openCloud({ env: { ...env, OS_PASSWORD: "second-pw-2" } });
      return (await again.identity.projects.get(demoProject)).name;
    }, { tries: 20 });
    assert.equal(name2, "demo");
    {
      await using old = openCloud({ env });
      await assert.rejects(old.identity.projects.get(demoProject), Unauthorized);
    }
    // Disabling a user (it also revokes its tokens) and enabling it again.
    const updated = await users.update(user.id, { enabled: false });
    assert.equal(updated.enabled, false);
    assert.equal((await users.update(user.id, { enabled: true })).enabled, true);
  } finally {
    await users.delete(user.id);
  }
  await assert.rejects(users.get(user.id), NotFound);
});

contractTest("identity: domains CRUD (delete needs disable first)", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const domains = cloud.identity.domains;
  const name = uniqueName("domain");
  const domain = await domains.create({ name, description: "d" });
  try {
    assert.equal(domain.enabled, true);
    assert.equal((await domains.get(domain.id)).name, name);
    assert.equal((await domains.find({ name })).id, domain.id);
    await assert.rejects(domains.delete(domain.id), Forbidden);
  } finally {
    await domains.update(domain.id, { enabled: false });
    await domains.delete(domain.id);
  }
  await assert.rejects(domains.get(domain.id), NotFound);
});

contractTest("identity: roles CRUD", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const roles = cloud.identity.roles;
  const name = uniqueName("role");
  const role = await roles.create({ name, description: "r" });
  try {
    assert.equal(role.name, name);
    assert.equal(role.domain_id, null);
    assert.equal((await roles.get(role.id)).description, "r");
    const updated = await roles.update(role.id, { description: "r2" });
    assert.equal(updated.description, "r2");
    assert.equal((await roles.find({ name })).id, role.id);
    const admin = await roles.find({ name: "admin" });
    assert.equal(admin.name, "admin");
  } finally {
    await roles.delete(role.id);
  }
  await assert.rejects(roles.get(role.id), NotFound);
});

contractTest("identity: regions CRUD with a parent", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const regions = cloud.identity.regions;
  const id = uniqueName("region");
  const parent = await regions.create({ id, description: "parent" });
  const child = await regions.create({ id: `${id}-child`, parent_region_id: id });
  try {
    assert.equal(parent.id, id);
    assert.equal(child.parent_region_id, id);
    assert.equal((await regions.get(id)).description, "parent");
    const kids = await collect(regions.list({ parent_region_id: id }));
    assert.deepEqual(kids.map((r) => r.id), [`${id}-child`]);
    assert.equal((await regions.update(id, { description: "p2" })).description, "p2");
  } finally {
    // Keystone deletes a region's children with it.
    await regions.delete(id);
  }
  await assert.rejects(regions.get(`${id}-child`), NotFound);
  await assert.rejects(regions.get(id), NotFound);
});

contractTest("identity: services and endpoints CRUD, filters", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const { services, endpoints } = cloud.identity;
  const type = uniqueName("type");
  const service = await services.create({ type, name: uniqueName("svc"), enabled: true });
  try {
    assert.equal(service.type, type);
    assert.equal((await services.get(service.id)).type, type);
    assert.deepEqual((await collect(services.list({ type }))).map((s) => s.id), [service.id]);
    const updated = await services.update(service.id, { description: "described" });
    assert.equal(updated.description, "described");
    const region = target.fixtures.region ?? "RegionOne";
    const endpoint = await endpoints.create({
      service_id: service.id,
      interface: "public",
      url: "http://127.0.0.1:9/ct",
      region_id: region,
    });
    try {
      assert.equal(endpoint.region_id, region);
      assert.equal(endpoint.enabled, true);
      assert.equal((await endpoints.get(endpoint.id)).url, "http://127.0.0.1:9/ct");
      const listed = await collect(endpoints.list({ service_id: service.id }));
      assert.deepEqual(listed.map((e) => e.id), [endpoint.id]);
      const none = await collect(endpoints.list({ service_id: service.id, interface: "admin" }));
      assert.deepEqual(none, []);
      const moved = await endpoints.update(endpoint.id, { url: "http://127.0.0.1:9/ct2" });
      assert.equal(moved.url, "http://127.0.0.1:9/ct2");
      await assert.rejects(
        endpoints.create({ service_id: service.id, interface: "sideways", url: "http://x" }),
        BadRequest,
      );
    } finally {
      await endpoints.delete(endpoint.id);
    }
    await assert.rejects(endpoints.get(endpoint.id), NotFound);
  } finally {
    await services.delete(service.id);
  }
  await assert.rejects(services.get(service.id), NotFound);
});

contractTest("identity: application credentials create, list, get, delete", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const userId = target.fixtures.adminUserId ?? "";
  const creds = cloud.identity.applicationCredentials(userId);
  const name = uniqueName("appcred");
  const created = await creds.create({ name, description: "ct" });
  try {
    assert.equal(created.name, name);
    assert.equal(typeof created.secret, "string");
    assert.equal(created.project_id, target.fixtures.adminProjectId);
    const got = await creds.get(created.id);
    assert.equal(got.name, name);
    assert.equal("secret" in got, false);
    const listed = await creds.findAll({ name });
    assert.deepEqual(listed.map((c) => c.id), [created.id]);
    await assert.rejects(creds.create({ name }), Conflict);
  } finally {
    await creds.delete(created.id);
  }
  await assert.rejects(creds.get(created.id), NotFound);
});

contractTest("identity: role assignments grant, list include_names, revoke", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const identity = cloud.identity;
  const user = await identity.users.create({ name: uniqueName("grantee") });
  try {
    const member = await identity.roles.find({ name: "member" });
    const project = target.fixtures.demoProjectId ?? "";
    const grant = { role: member.id, user: user.id, project };
    await identity.roleAssignments.grant(grant);
    const listed = await collect(
      identity.roleAssignments.list({ "user.id": user.id, include_names: "true" }),
    );
    assert.equal(listed.length, 1);
    const [a] = listed as unknown as Record<string, unknown>[];
    assert.equal("id" in a!, false);
    assert.deepEqual(a!.role, { id: member.id, name: "member" });
    assert.deepEqual(a!.user, {
      id: user.id,
      name: user.name,
      domain: { id: "default", name: "Default" },
    });
    assert.deepEqual(a!.scope, {
      project: { id: project, name: "demo", domain: { id: "default", name: "Default" } },
    });
    const plain = await collect(identity.roleAssignments.list({ "user.id": user.id }));
    assert.deepEqual((plain[0] as unknown as Record<string, unknown>).user, { id: user.id });
    const byProject = await collect(
      identity.roleAssignments.list({ "scope.project.id": project, "role.id": member.id }),
    );
    assert.ok(byProject.some((r) => r.user?.id === user.id));
    // A grant check is HEAD/GET on the grant path: 204 when present.
    const check = await identity.get(`/projects/${project}/users/${user.id}/roles/${member.id}`);
    assert.equal(check.status, 204);
    await check.body?.cancel();
    await identity.roleAssignments.revoke(grant);
    assert.deepEqual(await collect(identity.roleAssignments.list({ "user.id": user.id })), []);
    await assert.rejects(identity.roleAssignments.revoke(grant), NotFound);
  } finally {
    await identity.users.delete(user.id);
  }
});

contractTest("identity: 400 for a body Keystone rejects, with its message", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const err = await cloud.identity.post("/projects", { json: { project: { name: 7 } } })
    .catch((e) => e);
  assert.ok(err instanceof BadRequest);
  assert.equal(err.status, 400);
  assert.equal(err.method, "POST");
  assert.match(err.message, /\S/);
  await assert.rejects(cloud.identity.users.create({ name: "" }), BadRequest);
});

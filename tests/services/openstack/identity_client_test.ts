import assert from "node:assert/strict";
import { grantPath } from "../../../src/services/openstack/identity_client.ts";
import { Forbidden, NotFound, Unauthorized, ValidationError } from "../../../mod.ts";
import { KeystoneApplicationCredentialAuth, KeystonePasswordAuth } from "../../../src/auth/mod.ts";
import { HTTPClient } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { ComputeClient, IdentityClient } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("IdentityClient: projects and users CRUD with Keystone's PATCH", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const identity = new IdentityClient(http);
  const project = await identity.projects.create({ name: "team", description: "first" });
  assert.equal(project.name, "team");
  assert.equal(project.domain_id, "default");
  const updated = await identity.projects.update(project.id, { description: "second" });
  assert.equal(updated.description, "second");
  assert.equal((await identity.projects.get(project.id)).description, "second");
  assert.deepEqual(
    (await collect(identity.projects.list())).map((p) => p.name).sort(),
    ["admin", "demo", "service", "team"],
  );
  assert.equal((await identity.projects.find({ name: "team" })).id, project.id);
  const patch = cloud.requests.find((r) => r.method === "PATCH");
  assert.deepEqual(patch?.body, { project: { description: "second" } });

  const user = await identity.users.create({ name: "alice", password: "alice-pw-123" });
  assert.equal(user.name, "alice");
  assert.equal("password" in user, false);
  assert.ok(!JSON.stringify(cloud.requests).includes("alice-pw-123"));
  await identity.projects.delete(project.id);
  await assert.rejects(identity.projects.get(project.id), NotFound);
  assert.equal((await identity.domains.get("default")).name, "Default");
});

Deno.test("IdentityClient: Keystone ignores limit: one reply holds every project", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const identity = new IdentityClient(http);
  const names = (await collect(identity.projects.list({ limit: 2 }))).map((p) => p.name).sort();
  assert.deepEqual(names, ["admin", "demo", "service"]);
  const lists = cloud.requests.filter((r) => r.path === "/identity/v3/projects");
  assert.equal(lists.length, 1);
  assert.equal(lists[0]?.query.limit, undefined, "limit is not sent to Keystone");
});

Deno.test("IdentityClient: grant, list and revoke role assignments", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const identity = new IdentityClient(http);
  const member = await identity.roles.find({ name: "member" });
  const grant = { role: member.id, user: cloud.demo.userId, project: cloud.admin.projectId };
  await identity.roleAssignments.grant(grant);
  const found = await collect(identity.roleAssignments.list({ "user.id": cloud.demo.userId }));
  assert.deepEqual(
    found.map((a) => a.scope.project?.id).sort(),
    [cloud.admin.projectId, cloud.demo.projectId].sort(),
  );
  // demo can now log in to the admin project.
  await using demoHttp = new HTTPClient(
    new KeystonePasswordAuth({
      authUrl: cloud.authUrl,
      username: "demo",
      password: FakeCloud.DEMO_PASSWORD,
      userDomainName: "Default",
      projectId: cloud.admin.projectId,
    }),
  );
  await new ComputeClient(demoHttp).flavors.get("1");
  await identity.roleAssignments.revoke(grant);
  await assert.rejects(identity.roleAssignments.revoke(grant), NotFound);
  await identity.roleAssignments.grant({ role: member.id, user: cloud.demo.userId, system: "all" });
  const system = await collect(identity.roleAssignments.list({ "scope.system": "all" }));
  assert.ok(system.some((a) => a.user?.id === cloud.demo.userId));
});

Deno.test("grantPath builds each target's path and refuses ambiguous grants", () => {
  assert.equal(grantPath({ role: "r", user: "u", project: "p" }), "/projects/p/users/u/roles/r");
  assert.equal(grantPath({ role: "r", group: "g", domain: "d" }), "/domains/d/groups/g/roles/r");
  assert.equal(grantPath({ role: "r", user: "u/x", system: "all" }), "/system/users/u%2Fx/roles/r");
  assert.throws(
    () => grantPath({ role: "r", user: "u", group: "g", project: "p" }),
    ValidationError,
  );
  assert.throws(
    () => grantPath({ role: "r", user: "u", project: "p", domain: "d" }),
    ValidationError,
  );
  assert.throws(() => grantPath({ role: "r", user: "u" }), ValidationError);
});

Deno.test("IdentityClient: a member cannot create projects (403, no re-auth)", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud, "demo");
  const identity = new IdentityClient(http);
  await assert.rejects(identity.projects.create({ name: "x" }), Forbidden);
  assert.equal(cloud.authCount, 1);
});

Deno.test("IdentityClient: application credentials: secret once, then a login with it", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud, "demo");
  const identity = new IdentityClient(http);
  const creds = identity.applicationCredentials(cloud.demo.userId);
  const cred = await creds.create({ name: "ci", description: "for CI" });
  const secret = cred.secret;
  assert.equal(typeof secret, "string");
  const again = await creds.get(cred.id);
  assert.equal(again.secret, undefined);
  assert.equal((await creds.find({ name: "ci" })).id, cred.id);

  await using appHttp = new HTTPClient(
    new KeystoneApplicationCredentialAuth({
      authUrl: cloud.authUrl,
      applicationCredentialId: cred.id,
      applicationCredentialSecret: secret!,
    }),
  );
  const flavors = await collect(new ComputeClient(appHttp).flavors.list());
  assert.equal(flavors.length, 5);
  assert.ok(!JSON.stringify(cloud.requests).includes(secret!), "secret in the request log");
  await creds.delete(cred.id);
  assert.equal((await collect(creds.list())).length, 0);
});

Deno.test("IdentityClient: a role granted to a group reaches its members", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const identity = new IdentityClient(http);
  const group = await identity.groups.create({ name: "ops" });
  const user = await identity.users.create({ name: "carol", password: "carol-pw-1" });
  const reader = await identity.roles.find({ name: "reader" });
  await identity.roleAssignments.grant({
    role: reader.id,
    group: group.id,
    project: cloud.demo.projectId,
  });
  const login = () =>
    new HTTPClient(
      new KeystonePasswordAuth({
        authUrl: cloud.authUrl,
        userId: user.id,
        password: "carol-pw-1",
        projectId: cloud.demo.projectId,
      }),
    );
  {
    await using carol = login();
    await assert.rejects(
      new ComputeClient(carol).flavors.get("1"),
      Unauthorized,
      "not a member yet",
    );
  }
  await identity.addUserToGroup(group.id, user.id);
  {
    await using carol = login();
    assert.equal((await new ComputeClient(carol).flavors.get("1")).name, "m1.tiny");
  }
  const direct = await collect(identity.roleAssignments.list({ "group.id": group.id }));
  assert.deepEqual(direct.map((a) => a.group?.id), [group.id]);
  const effective = await collect(
    identity.roleAssignments.list({ "user.id": user.id, effective: "" }),
  );
  assert.deepEqual(effective.map((a) => [a.user?.id, a.scope.project?.id]), [[
    user.id,
    cloud.demo.projectId,
  ]]);
  await identity.removeUserFromGroup(group.id, user.id);
  await assert.rejects(identity.removeUserFromGroup(group.id, user.id), NotFound);
  await identity.roleAssignments.revoke({
    role: reader.id,
    group: group.id,
    project: cloud.demo.projectId,
  });
  await identity.groups.delete(group.id);
});

import assert from "node:assert/strict";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { call, type Json, login, passwordAuth, post, projectScope } from "./_helpers.ts";

Deno.test("FakeCloud: v3 password login by name returns a scoped token with a catalog", async () => {
  await using cloud = await FakeCloud.start();
  const { res, body } = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth(
      { name: "admin", domain: { name: "Default" } },
      FakeCloud.ADMIN_PASSWORD,
      projectScope("admin"),
    ),
  );
  assert.equal(res.status, 201);
  assert.match(res.headers.get("x-subject-token") ?? "", /^gAAAA/);
  assert.match(res.headers.get("x-openstack-request-id") ?? "", /^req-[0-9a-f-]{36}$/);
  const token = body?.token as Json;
  assert.deepEqual(token.methods, ["password"]);
  assert.equal((token.project as Json).name, "admin");
  assert.equal((token.user as Json).name, "admin");
  assert.ok(Date.parse(String(token.expires_at)) > Date.now());
  assert.deepEqual((token.roles as Json[]).map((r) => r.name), ["admin"]);
  const catalog = token.catalog as Json[];
  assert.deepEqual(catalog.map((s) => s.type).sort(), [
    "block-storage",
    "compute",
    "database",
    "identity",
    "image",
    "network",
    "placement",
    "volumev3",
  ]);
  const db = catalog.find((s) => s.type === "database")!;
  const pub = (db.endpoints as Json[]).find((e) => e.interface === "public")!;
  assert.equal(pub.url, `${cloud.url}/database/v1.0/${cloud.admin.projectId}`);
  assert.equal(pub.region_id, "RegionOne");
  assert.equal((db.endpoints as Json[]).length, 3);
  assert.equal(cloud.authCount, 1);
});

Deno.test("FakeCloud: bad credentials get Keystone's 401 body", async () => {
  await using cloud = await FakeCloud.start();
  const expected = {
    error: {
      code: 401,
      title: "Unauthorized",
      message: "The request you have made requires authentication.",
    },
  };
  for (
    const body of [
      passwordAuth({ name: "admin", domain: { name: "Default" } }, "wrong"),
      passwordAuth({ name: "nobody", domain: { name: "Default" } }, "x"),
      passwordAuth({ id: cloud.demo.userId }, FakeCloud.DEMO_PASSWORD, projectScope("admin")),
    ]
  ) {
    const r = await post(`${cloud.authUrl}/auth/tokens`, body);
    assert.equal(r.res.status, 401);
    assert.deepEqual(r.body, expected);
    assert.equal(r.res.headers.get("x-subject-token"), null);
  }
  assert.equal(cloud.authCount, 3);
});

Deno.test("FakeCloud: user id, token, domain, system and unscoped logins", async () => {
  await using cloud = await FakeCloud.start();
  const url = `${cloud.authUrl}/auth/tokens`;
  const byId = await post(url, passwordAuth({ id: cloud.demo.userId }, FakeCloud.DEMO_PASSWORD));
  assert.equal(byId.res.status, 201);
  assert.equal(
    ((byId.body?.token as Json).project as Json).id,
    cloud.demo.projectId,
    "default project",
  );

  const unscoped = await post(
    url,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD, "unscoped"),
  );
  const ut = unscoped.body?.token as Json;
  assert.equal(ut.catalog, undefined);
  assert.equal(ut.project, undefined);
  const raw = unscoped.res.headers.get("x-subject-token")!;

  const rescoped = await post(url, {
    auth: {
      identity: { methods: ["token"], token: { id: raw } },
      scope: { project: { id: cloud.demo.projectId } },
    },
  });
  assert.equal(rescoped.res.status, 201);
  assert.equal(((rescoped.body?.token as Json).project as Json).name, "demo");

  const domain = await post(
    url,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD, {
      domain: { name: "Default" },
    }),
  );
  assert.deepEqual((domain.body?.token as Json).domain, { id: "default", name: "Default" });
  const catalogTypes = ((domain.body?.token as Json).catalog as Json[]).map((s) => s.type);
  assert.ok(!catalogTypes.includes("database"), "no project id to put in Trove's URL");

  const system = await post(
    url,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD, { system: { all: true } }),
  );
  assert.deepEqual((system.body?.token as Json).system, { all: true });
  const demoSystem = await post(
    url,
    passwordAuth({ id: cloud.demo.userId }, FakeCloud.DEMO_PASSWORD, { system: { all: true } }),
  );
  assert.equal(demoSystem.res.status, 401);
});

Deno.test("FakeCloud: validate, check and revoke tokens", async () => {
  await using cloud = await FakeCloud.start();
  const admin = await login(cloud);
  const demo = await login(cloud, "demo");
  const url = `${cloud.authUrl}/auth/tokens`;
  const got = await call("GET", url, admin, undefined, { "x-subject-token": demo });
  assert.equal(got.res.status, 200);
  assert.equal(got.res.headers.get("x-subject-token"), demo);
  assert.equal(((got.body?.token as Json).user as Json).name, "demo");
  const head = await call("HEAD", url, admin, undefined, { "x-subject-token": demo });
  assert.equal(head.res.status, 200);
  const del = await call("DELETE", url, admin, undefined, { "x-subject-token": demo });
  assert.equal(del.res.status, 204);
  assert.equal(
    (await call("HEAD", url, admin, undefined, { "x-subject-token": demo })).res.status,
    404,
  );
  assert.equal((await call("GET", `${cloud.url}/compute/v2.1/servers`, demo)).res.status, 401);
  assert.equal(
    (await call("GET", url, undefined, undefined, { "x-subject-token": admin })).res.status,
    401,
  );
});

Deno.test("FakeCloud: v2.0 tokens", async () => {
  await using cloud = await FakeCloud.start();
  const { res, body } = await post(`${cloud.url}/identity/v2.0/tokens`, {
    auth: {
      passwordCredentials: { username: "demo", password: FakeCloud.DEMO_PASSWORD },
      tenantName: "demo",
    },
  });
  assert.equal(res.status, 200);
  const access = body?.access as Json;
  const token = access.token as Json;
  assert.equal((token.tenant as Json).id, cloud.demo.projectId);
  assert.ok(Date.parse(String(token.expires)) > Date.now());
  const compute = (access.serviceCatalog as Json[]).find((s) => s.type === "compute")!;
  assert.deepEqual(compute.endpoints, [{
    region: "RegionOne",
    id: (compute.endpoints as Json[])[0]!.id,
    publicURL: `${cloud.url}/compute/v2.1`,
    internalURL: `${cloud.url}/internal/compute/v2.1`,
    adminURL: `${cloud.url}/admin/compute/v2.1`,
  }]);
  assert.equal((access.user as Json).name, "demo");
  const servers = await call("GET", `${cloud.url}/compute/v2.1/servers`, String(token.id));
  assert.equal(servers.res.status, 200);
  const bad = await post(`${cloud.url}/identity/v2.0/tokens`, {
    auth: { passwordCredentials: { username: "demo", password: "nope" }, tenantName: "demo" },
  });
  assert.equal(bad.res.status, 401);
  assert.equal(cloud.authCount, 2);
});

Deno.test("FakeCloud: every API path needs a valid token", async () => {
  await using cloud = await FakeCloud.start();
  const paths = [
    "/compute/v2.1/servers",
    "/image/v2/images",
    "/placement/resource_providers",
    `/database/v1.0/${cloud.admin.projectId}/instances`,
    "/identity/v3/projects",
  ];
  for (const path of paths) {
    for (const token of [undefined, "not-a-token"]) {
      const r = await call("GET", `${cloud.url}${path}`, token);
      assert.equal(r.res.status, 401, path);
      assert.equal(
        (r.body?.error as Json).message,
        "The request you have made requires authentication.",
      );
      assert.equal(r.res.headers.get("www-authenticate"), `Keystone uri="${cloud.authUrl}"`);
    }
  }
  const token = await login(cloud);
  for (const path of paths) {
    assert.equal((await call("GET", `${cloud.url}${path}`, token)).res.status, 200, path);
  }
  cloud.expireTokens();
  assert.equal((await call("GET", `${cloud.url}${paths[0]}`, token)).res.status, 401);
  const fresh = await login(cloud);
  assert.equal((await call("GET", `${cloud.url}${paths[0]}`, fresh)).res.status, 200);
  cloud.revokeAll();
  assert.equal((await call("GET", `${cloud.url}${paths[0]}`, fresh)).res.status, 401);
  assert.equal(cloud.validTokenCount, 0);
});

Deno.test("FakeCloud: tokenTtlMs bounds new tokens", async () => {
  await using cloud = await FakeCloud.start({ tokenTtlMs: 60_000 });
  assert.equal(cloud.tokenTtlMs, 60_000);
  const r = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD),
  );
  const expires = Date.parse(String((r.body?.token as Json).expires_at));
  assert.ok(expires <= Date.now() + 60_000 && expires > Date.now() + 30_000);
});

Deno.test("FakeCloud: application credentials are created once with a secret and log in", async () => {
  await using cloud = await FakeCloud.start();
  const demo = await login(cloud, "demo");
  const base = `${cloud.authUrl}/users/${cloud.demo.userId}/application_credentials`;
  const created = await call("POST", base, demo, { application_credential: { name: "ci" } });
  assert.equal(created.res.status, 201);
  const cred = created.body?.application_credential as Json;
  assert.equal(typeof cred.secret, "string");
  assert.equal(cred.project_id, cloud.demo.projectId);
  const listed = await call("GET", base, demo);
  const items = listed.body?.application_credentials as Json[];
  assert.equal(items.length, 1);
  assert.equal(items[0]!.secret, undefined);
  assert.equal(
    (await call("GET", `${base}/${cred.id}`, demo)).body?.application_credential !== undefined,
    true,
  );

  const url = `${cloud.authUrl}/auth/tokens`;
  const byId = await post(url, {
    auth: {
      identity: {
        methods: ["application_credential"],
        application_credential: { id: cred.id, secret: cred.secret },
      },
    },
  });
  assert.equal(byId.res.status, 201);
  assert.equal(((byId.body?.token as Json).project as Json).id, cloud.demo.projectId);
  assert.deepEqual((byId.body?.token as Json).methods, ["application_credential"]);
  const byName = await post(url, {
    auth: {
      identity: {
        methods: ["application_credential"],
        application_credential: {
          name: "ci",
          secret: cred.secret,
          user: { name: "demo", domain: { name: "Default" } },
        },
      },
    },
  });
  assert.equal(byName.res.status, 201);
  const wrong = await post(url, {
    auth: {
      identity: {
        methods: ["application_credential"],
        application_credential: { id: cred.id, secret: "x" },
      },
    },
  });
  assert.equal(wrong.res.status, 401);
  // Somebody else's credentials cannot be made.
  const other = await call(
    "POST",
    `${cloud.authUrl}/users/${cloud.admin.userId}/application_credentials`,
    demo,
    {
      application_credential: { name: "steal" },
    },
  );
  assert.equal(other.res.status, 403);
  assert.equal((await call("DELETE", `${base}/${cred.id}`, demo)).res.status, 204);
  const after = await post(url, {
    auth: {
      identity: {
        methods: ["application_credential"],
        application_credential: { id: cred.id, secret: cred.secret },
      },
    },
  });
  assert.equal(after.res.status, 401);
});

Deno.test("FakeCloud: identity CRUD, grants and role assignments", async () => {
  await using cloud = await FakeCloud.start();
  const admin = await login(cloud);
  const demo = await login(cloud, "demo");
  const v3 = cloud.authUrl;
  const made = await call("POST", `${v3}/projects`, admin, {
    project: { name: "p1", description: "d" },
  });
  assert.equal(made.res.status, 201);
  const project = made.body?.project as Json;
  assert.equal(project.domain_id, "default");
  assert.equal(
    (await call("POST", `${v3}/projects`, admin, { project: { name: "p1" } })).res.status,
    409,
  );
  assert.equal(
    (await call("POST", `${v3}/projects`, demo, { project: { name: "p2" } })).res.status,
    403,
  );
  const patched = await call("PATCH", `${v3}/projects/${project.id}`, admin, {
    project: { description: "new" },
  });
  assert.equal((patched.body?.project as Json).description, "new");
  const user =
    (await call("POST", `${v3}/users`, admin, { user: { name: "u1", password: "pw-u1" } })).body
      ?.user as Json;
  assert.equal(user.password, undefined);
  const roles = (await call("GET", `${v3}/roles?name=member`, admin)).body?.roles as Json[];
  const member = roles[0]!;
  const grant = `${v3}/projects/${project.id}/users/${user.id}/roles/${member.id}`;
  assert.equal((await call("PUT", grant, admin)).res.status, 204);
  assert.equal((await call("HEAD", grant, admin)).res.status, 204);
  const assignments = await call(
    "GET",
    `${v3}/role_assignments?user.id=${user.id}&include_names`,
    admin,
  );
  const list = assignments.body?.role_assignments as Json[];
  assert.equal(list.length, 1);
  assert.deepEqual((list[0]!.scope as Json).project, {
    id: project.id,
    name: "p1",
    domain: { id: "default", name: "Default" },
  });
  const u1 = await post(
    `${v3}/auth/tokens`,
    passwordAuth({ id: user.id }, "pw-u1", { project: { id: project.id } }),
  );
  assert.equal(u1.res.status, 201);
  assert.equal((await call("DELETE", grant, admin)).res.status, 204);
  assert.equal((await call("DELETE", grant, admin)).res.status, 404);
  const missing = await call("GET", `${v3}/projects/nope`, admin);
  assert.equal(missing.res.status, 404);
  assert.equal((missing.body?.error as Json).message, "Could not find project: nope.");
  assert.equal((await call("DELETE", `${v3}/projects/${project.id}`, admin)).res.status, 204);
});

Deno.test("FakeCloud: Keystone ignores limit and marker, as Keystone does", async () => {
  await using cloud = await FakeCloud.start();
  const admin = await login(cloud);
  for (let i = 0; i < 4; i++) {
    await call("POST", `${cloud.authUrl}/projects`, admin, { project: { name: `pg${i}` } });
  }
  const r = await call("GET", `${cloud.authUrl}/projects?limit=3&marker=x`, admin);
  const names = (r.body?.projects as Json[]).map((p) => String(p.name));
  assert.deepEqual(names.sort(), ["admin", "demo", "pg0", "pg1", "pg2", "pg3", "service"]);
  assert.equal((r.body?.links as Json).next, null);
});

Deno.test("FakeCloud: what a user can scope to", async () => {
  await using cloud = await FakeCloud.start();
  const demo = await login(cloud, "demo");
  const projects = await call("GET", `${cloud.authUrl}/auth/projects`, demo);
  assert.deepEqual((projects.body?.projects as Json[]).map((p) => p.name), ["demo"]);
  const admin = await login(cloud);
  const adminProjects = await call(
    "GET",
    `${cloud.authUrl}/users/${cloud.admin.userId}/projects`,
    admin,
  );
  assert.deepEqual((adminProjects.body?.projects as Json[]).map((p) => p.name).sort(), [
    "admin",
    "demo",
  ]);
  assert.equal(
    (await call("GET", `${cloud.authUrl}/users/${cloud.admin.userId}/projects`, demo)).res.status,
    403,
  );
  const system = await call("GET", `${cloud.authUrl}/auth/system`, admin);
  assert.deepEqual(system.body?.system, [{ all: true }]);
  const domains = await call("GET", `${cloud.authUrl}/auth/domains`, demo);
  assert.deepEqual(domains.body?.domains, []);
});

Deno.test("FakeCloud: groups carry roles to their members", async () => {
  await using cloud = await FakeCloud.start();
  const admin = await login(cloud);
  const v3 = cloud.authUrl;
  const group = (await call("POST", `${v3}/groups`, admin, { group: { name: "g" } })).body
    ?.group as Json;
  const roles = (await call("GET", `${v3}/roles?name=member`, admin)).body?.roles as Json[];
  const grant = `${v3}/projects/${cloud.admin.projectId}/groups/${group.id}/roles/${roles[0]!.id}`;
  assert.equal((await call("PUT", grant, admin)).res.status, 204);
  const demoLogin = () =>
    post(
      `${v3}/auth/tokens`,
      passwordAuth({ id: cloud.demo.userId }, FakeCloud.DEMO_PASSWORD, {
        project: { id: cloud.admin.projectId },
      }),
    );
  assert.equal((await demoLogin()).res.status, 401);
  const member = `${v3}/groups/${group.id}/users/${cloud.demo.userId}`;
  assert.equal((await call("PUT", member, admin)).res.status, 204);
  assert.equal((await call("HEAD", member, admin)).res.status, 204);
  assert.equal((await demoLogin()).res.status, 201);
  const listed = await call("GET", `${v3}/groups/${group.id}/users`, admin);
  assert.deepEqual((listed.body?.users as Json[]).map((u) => u.name), ["demo"]);
  assert.equal((await call("DELETE", `${v3}/groups/${group.id}`, admin)).res.status, 204);
  assert.equal((await demoLogin()).res.status, 401);
});

Deno.test("FakeCloud: version documents need no token and link to the service", async () => {
  await using cloud = await FakeCloud.start();
  const compute = await call("GET", `${cloud.url}/compute`);
  assert.equal(compute.res.status, 200);
  assert.deepEqual(
    ((compute.body?.versions as Json[])[0]!.links as Json[])[0]!.href,
    `${cloud.url}/compute/v2.1/`,
  );
  const v21 = await call("GET", `${cloud.url}/compute/v2.1/`);
  assert.equal((v21.body?.version as Json).version, "2.96");
  const identity = await call("GET", `${cloud.authUrl}`);
  assert.equal(
    (((identity.body?.version as Json).links as Json[])[0]!).href,
    `${cloud.url}/identity/v3/`,
  );
  const internal = await call("GET", `${cloud.url}/internal/image/versions`);
  assert.equal(
    (((internal.body?.versions as Json[])[0]!.links as Json[])[0]!).href,
    `${cloud.url}/internal/image/v2/`,
  );
  assert.equal((await call("GET", `${cloud.url}/nothing/here`)).res.status, 404);
  const token = cloud.issueToken();
  const wrongMethod = await call("PATCH", `${cloud.url}/compute/v2.1/flavors/detail`, token, {});
  assert.equal(wrongMethod.res.status, 405);
});

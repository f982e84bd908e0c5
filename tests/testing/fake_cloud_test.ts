import assert from "node:assert/strict";
import { FakeCloud } from "../../src/testing/mod.ts";

type Json = Record<string, unknown>;

function passwordAuth(
  user: Json,
  password: string,
  scope?: unknown,
): Json {
  return {
    auth: {
      identity: { methods: ["password"], password: { user: { ...user, password } } },
      ...(scope === undefined ? {} : { scope }),
    },
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) as Json : undefined };
}

async function call(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { "x-auth-token": token } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Json | undefined;
  try {
    parsed = text ? JSON.parse(text) as Json : undefined;
  } catch {
    parsed = { text };
  }
  return { res, body: parsed };
}

const projectScope = (name: string) => ({ project: { name, domain: { name: "Default" } } });

async function login(cloud: FakeCloud, who: "admin" | "demo" = "admin"): Promise<string> {
  const u = who === "admin" ? cloud.admin : cloud.demo;
  const { res } = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth(
      { name: u.username, domain: { name: "Default" } },
      u.password,
      projectScope(u.projectName),
    ),
  );
  assert.equal(res.status, 201);
  return res.headers.get("x-subject-token") ?? "";
}

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
    "compute",
    "database",
    "identity",
    "image",
    "placement",
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
  assert.deepEqual((list[0]!.scope as Json).project, { id: project.id, name: "p1" });
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

Deno.test("FakeCloud: Keystone lists page with limit, marker and links.next", async () => {
  await using cloud = await FakeCloud.start();
  const admin = await login(cloud);
  for (let i = 0; i < 4; i++) {
    await call("POST", `${cloud.authUrl}/projects`, admin, { project: { name: `pg${i}` } });
  }
  const names: string[] = [];
  let next: string | null = `${cloud.authUrl}/projects?limit=3`;
  for (let pages = 0; next && pages < 10; pages++) {
    const r: { body?: Json } = await call("GET", next, admin);
    names.push(...(r.body?.projects as Json[]).map((p) => String(p.name)));
    next = (r.body?.links as Json).next as string | null;
  }
  assert.deepEqual(names.sort(), ["admin", "demo", "pg0", "pg1", "pg2", "pg3", "service"]);
});

Deno.test("FakeCloud: servers page with servers_links, actions change state", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const compute = `${cloud.url}/compute/v2.1`;
  const images = (await call("GET", `${cloud.url}/image/v2/images`, token)).body?.images as Json[];
  const imageRef = images[0]!.id;
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await call("POST", `${compute}/servers`, token, {
      server: { name: `vm${i}`, flavorRef: "1", imageRef },
    });
    assert.equal(r.res.status, 202);
    const server = r.body?.server as Json;
    assert.equal(typeof server.adminPass, "string");
    ids.push(String(server.id));
  }
  const seen: string[] = [];
  let url: string | undefined = `${compute}/servers/detail?limit=2`;
  let pages = 0;
  while (url && pages < 10) {
    const r: { res: Response; body?: Json } = await call("GET", url, token);
    assert.equal(
      r.res.headers.get("x-compute-request-id"),
      r.res.headers.get("x-openstack-request-id"),
    );
    const servers = r.body?.servers as Json[];
    seen.push(...servers.map((s) => String(s.id)));
    const links = r.body?.servers_links as Json[] | undefined;
    url = links?.find((l) => l.rel === "next")?.href as string | undefined;
    pages++;
  }
  assert.deepEqual(seen, ids);
  assert.equal(pages, 3);
  const one = await call("GET", `${compute}/servers/${ids[0]}`, token);
  assert.equal((one.body?.server as Json).status, "ACTIVE");
  const act = (body: Json) => call("POST", `${compute}/servers/${ids[0]}/action`, token, body);
  assert.equal((await act({ "os-start": null })).res.status, 409);
  assert.equal((await act({ "os-stop": null })).res.status, 202);
  assert.equal(
    ((await call("GET", `${compute}/servers/${ids[0]}`, token)).body?.server as Json).status,
    "SHUTOFF",
  );
  assert.equal((await act({ "os-start": null })).res.status, 202);
  assert.equal((await act({ reboot: { type: "HARD" } })).res.status, 202);
  const missing = await call("GET", `${compute}/servers/nope`, token);
  assert.equal(missing.res.status, 404);
  assert.deepEqual(missing.body, {
    itemNotFound: { code: 404, message: "Instance nope could not be found." },
  });
  const named = await call("GET", `${compute}/servers?name=^vm[12]$`, token);
  assert.equal((named.body?.servers as Json[]).length, 2);
});

Deno.test("FakeCloud: compute echoes microversions and refuses unknown ones", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const r = await call("GET", `${cloud.url}/compute/v2.1/flavors/detail`, token, undefined, {
    "openstack-api-version": "compute 2.53",
  });
  assert.equal(r.res.headers.get("openstack-api-version"), "compute 2.53");
  assert.equal(r.res.headers.get("x-openstack-nova-api-version"), "2.53");
  assert.equal((r.body?.flavors as Json[]).length, 5);
  const plain = await call("GET", `${cloud.url}/compute/v2.1/flavors`, token);
  assert.equal(plain.res.headers.get("openstack-api-version"), "compute 2.1");
  const bad = await call("GET", `${cloud.url}/compute/v2.1/flavors`, token, undefined, {
    "x-openstack-nova-api-version": "2.999",
  });
  assert.equal(bad.res.status, 406);
});

Deno.test("FakeCloud: keypairs are name-keyed and wrapped in lists", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const base = `${cloud.url}/compute/v2.1/os-keypairs`;
  const made = await call("POST", base, token, { keypair: { name: "k 1" } });
  assert.equal(made.res.status, 201);
  assert.match(String((made.body?.keypair as Json).private_key), /PRIVATE KEY/);
  assert.equal((await call("POST", base, token, { keypair: { name: "k 1" } })).res.status, 409);
  const list = await call("GET", base, token);
  assert.equal(((list.body?.keypairs as Json[])[0]!.keypair as Json).name, "k 1");
  assert.equal((await call("GET", `${base}/${encodeURIComponent("k 1")}`, token)).res.status, 200);
  assert.equal(
    (await call("DELETE", `${base}/${encodeURIComponent("k 1")}`, token)).res.status,
    204,
  );
});

Deno.test("FakeCloud: images page with next links and take JSON patches", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const image = `${cloud.url}/image`;
  for (let i = 0; i < 4; i++) {
    const r = await call("POST", `${image}/v2/images`, token, {
      name: `img${i}`,
      disk_format: "raw",
      container_format: "bare",
    });
    assert.equal(r.res.status, 201);
    assert.equal(r.body?.status, "queued");
  }
  const names: string[] = [];
  let next: string | undefined = "/v2/images?limit=2";
  let pages = 0;
  while (next && pages < 10) {
    const r: { body?: Json } = await call("GET", `${image}${next}`, token);
    names.push(...(r.body?.images as Json[]).map((i) => String(i.name)));
    next = r.body?.next as string | undefined;
    pages++;
  }
  assert.deepEqual(names, ["img3", "img2", "img1", "img0", "cirros-0.6.2-x86_64-disk"]);
  const id = (await call("GET", `${image}/v2/images?name=img0`, token)).body?.images as Json[];
  const url = `${image}/v2/images/${id[0]!.id}`;
  const patch = (ops: unknown, type = "application/openstack-images-v2.1-json-patch") =>
    fetch(url, {
      method: "PATCH",
      headers: { "x-auth-token": token, "content-type": type },
      body: JSON.stringify(ops),
    });
  const ok = await patch([{ op: "replace", path: "/name", value: "renamed" }, {
    op: "add",
    path: "/os_distro",
    value: "cirros",
  }]);
  assert.equal(ok.status, 200);
  const patched = await ok.json();
  assert.equal(patched.name, "renamed");
  assert.equal(patched.os_distro, "cirros");
  const wrongType = await patch([], "application/json");
  assert.equal(wrongType.status, 415);
  await wrongType.body?.cancel();
  const readOnly = await patch([{ op: "replace", path: "/status", value: "active" }]);
  assert.equal(readOnly.status, 403);
  assert.match(await readOnly.text(), /read-only/);
  const upload = await fetch(`${url}/file`, {
    method: "PUT",
    headers: { "x-auth-token": token, "content-type": "application/octet-stream" },
    body: new Uint8Array([1, 2, 3]),
  });
  assert.equal(upload.status, 204);
  const after = await call("GET", url, token);
  assert.equal(after.body?.status, "active");
  assert.equal(after.body?.size, 3);
  const missing = await call("GET", `${image}/v2/images/nope`, token);
  assert.equal(missing.res.status, 404);
  assert.match(String(missing.body?.text), /No image found with ID nope/);
});

Deno.test("FakeCloud: placement providers, inventories, usages and microversions", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const p = `${cloud.url}/placement`;
  const list = await call("GET", `${p}/resource_providers`, token);
  const node = (list.body?.resource_providers as Json[])[0]!;
  assert.equal(node.name, "compute-0");
  assert.equal(list.res.headers.get("openstack-api-version"), "placement 1.0");
  const inv = await call("GET", `${p}/resource_providers/${node.uuid}/inventories`, token);
  assert.equal(((inv.body?.inventories as Json).VCPU as Json).total, 16);
  await call("POST", `${cloud.url}/compute/v2.1/servers`, token, {
    server: { name: "u", flavorRef: "3" },
  });
  const usages = await call("GET", `${p}/resource_providers/${node.uuid}/usages`, token);
  assert.deepEqual(usages.body?.usages, { VCPU: 2, MEMORY_MB: 4096, DISK_GB: 40 });
  const old = await call("POST", `${p}/resource_providers`, token, { name: "rp-old" });
  assert.equal(old.res.status, 201);
  assert.match(old.res.headers.get("location") ?? "", /\/placement\/resource_providers\//);
  const v120 = await call("POST", `${p}/resource_providers`, token, { name: "rp-new" }, {
    "openstack-api-version": "placement 1.20",
  });
  assert.equal(v120.res.status, 200);
  assert.equal(v120.body?.name, "rp-new");
  const put = await call("PUT", `${p}/resource_providers/${v120.body?.uuid}/inventories`, token, {
    resource_provider_generation: 99,
    inventories: { VCPU: { total: 2 } },
  });
  assert.equal(put.res.status, 409);
  assert.equal(((put.body?.errors as Json[])[0]!).title, "Conflict");
  const missing = await call("GET", `${p}/resource_providers/nope`, token);
  assert.equal(missing.res.status, 404);
});

Deno.test("FakeCloud: Trove instances, actions, databases and users", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const t = `${cloud.url}/database/v1.0/${cloud.admin.projectId}`;
  const made = await call("POST", `${t}/instances`, token, {
    instance: {
      name: "db1",
      flavorRef: "2",
      volume: { size: 2 },
      datastore: { type: "mysql", version: "8.0" },
    },
  });
  assert.equal(made.res.status, 200);
  const id = (made.body?.instance as Json).id;
  const inst = await call("GET", `${t}/instances/${id}`, token);
  assert.equal((inst.body?.instance as Json).status, "ACTIVE");
  assert.equal(
    (await call("POST", `${t}/instances/${id}/action`, token, { restart: {} })).res.status,
    202,
  );
  assert.equal(
    (await call("POST", `${t}/instances/${id}/action`, token, { resize: { volume: { size: 1 } } }))
      .res.status,
    400,
  );
  assert.equal(
    (await call("POST", `${t}/instances/${id}/action`, token, { resize: { volume: { size: 5 } } }))
      .res.status,
    202,
  );
  assert.deepEqual(
    ((await call("GET", `${t}/instances/${id}`, token)).body?.instance as Json).volume,
    { size: 5 },
  );
  const dbs = await call("POST", `${t}/instances/${id}/databases`, token, {
    databases: [{ name: "app" }, { name: "log" }],
  });
  assert.equal(dbs.res.status, 202);
  assert.equal(dbs.body, undefined);
  const listed = await call("GET", `${t}/instances/${id}/databases?limit=1`, token);
  assert.deepEqual(listed.body?.databases, [{ name: "app" }]);
  assert.equal(((listed.body?.links as Json[])[0]!).rel, "next");
  const users = await call("POST", `${t}/instances/${id}/users`, token, {
    users: [{ name: "bob", password: "pw-bob" }],
  });
  assert.equal(users.res.status, 202);
  const bob = await call("GET", `${t}/instances/${id}/users/bob`, token);
  assert.equal((bob.body?.user as Json).password, undefined);
  assert.equal((await call("DELETE", `${t}/instances/${id}/databases/app`, token)).res.status, 202);
  const ds = await call("GET", `${t}/datastores`, token);
  assert.deepEqual((ds.body?.datastores as Json[]).map((d) => d.name), ["mysql", "postgresql"]);
  const backup = await call("POST", `${t}/backups`, token, {
    backup: { name: "b1", instance: id },
  });
  assert.equal(backup.res.status, 202);
  const cfg = await call("POST", `${t}/configurations`, token, {
    configuration: { name: "c1", values: { max_connections: 10 } },
  });
  const cfgId = (cfg.body?.configuration as Json).id;
  const patch = await call("PATCH", `${t}/configurations/${cfgId}`, token, {
    configuration: { values: { wait_timeout: 5 } },
  });
  assert.equal(patch.res.status, 200);
  const shown = await call("GET", `${t}/configurations/${cfgId}`, token);
  assert.deepEqual((shown.body?.configuration as Json).values, {
    max_connections: 10,
    wait_timeout: 5,
  });
  const demo = await login(cloud, "demo");
  assert.equal((await call("GET", `${t}/instances`, demo)).res.status, 403);
});

Deno.test("FakeCloud: injected faults, Retry-After and delays", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const path = "/compute/v2.1/servers";
  const handle = cloud.inject({
    path,
    status: 503,
    headers: { "retry-after": "2" },
    body: { error: "busy" },
    times: 2,
  });
  for (let i = 0; i < 2; i++) {
    const r = await call("GET", `${cloud.url}${path}`, token);
    assert.equal(r.res.status, 503);
    assert.equal(r.res.headers.get("retry-after"), "2");
    assert.match(r.res.headers.get("x-openstack-request-id") ?? "", /^req-/);
    assert.deepEqual(r.body, { error: "busy" });
  }
  assert.equal(handle.hits, 2);
  assert.equal(handle.remaining, 0);
  assert.equal((await call("GET", `${cloud.url}${path}`, token)).res.status, 200);

  cloud.inject({ path: /\/auth\/tokens$/, method: "POST", status: 500, body: "boom" });
  const failed = await call("POST", `${cloud.authUrl}/auth/tokens`, undefined, {});
  assert.equal(failed.body?.text, "boom");
  assert.equal(failed.res.status, 500);

  cloud.inject({ path, delayMs: 30 });
  const delayed = await call("GET", `${cloud.url}${path}`, token);
  assert.equal(delayed.res.status, 200, "a delay alone lets the real handler answer");

  // A long delay is cut short when the client gives up and when the cloud closes.
  cloud.inject({ path, delayMs: 60_000 });
  const abort = new AbortController();
  const pending = fetch(`${cloud.url}${path}`, {
    headers: { "x-auth-token": token },
    signal: abort.signal,
  });
  setTimeout(() => abort.abort(), 20);
  await assert.rejects(pending);
});

Deno.test("FakeCloud: the request log hashes tokens and masks secrets", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  await call("GET", `${cloud.url}/compute/v2.1/servers?limit=1`, token);
  await post(`${cloud.authUrl}/auth/tokens`, {
    auth: { identity: { methods: ["token"], token: { id: token } } },
  });
  const dump = JSON.stringify(cloud.requests) + Deno.inspect(cloud.requests, { depth: 10 });
  assert.ok(!dump.includes(token), "raw token in the request log");
  assert.ok(!dump.includes(FakeCloud.ADMIN_PASSWORD), "password in the request log");
  const get = cloud.requests.find((r) => r.method === "GET")!;
  assert.match(get.headers["x-auth-token"] ?? "", /^\{SHA256\}[0-9a-f]{64}$/);
  assert.deepEqual(get.query, { limit: "1" });
  assert.equal(get.service, "compute");
  assert.equal(get.status, 200);
  const first = cloud.requests[0]!;
  assert.equal(
    (((first.body as Json).auth as Json).identity as Json).methods instanceof Array,
    true,
  );
  assert.match(JSON.stringify(first.body), /"password":"\*\*\*"/);
  cloud.clearRequests();
  assert.equal(cloud.requests.length, 0);
});

Deno.test("FakeCloud: a second region has its own endpoints", async () => {
  await using cloud = await FakeCloud.start({ regions: ["RegionOne", "RegionTwo"] });
  const { body } = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD, projectScope("admin")),
  );
  const compute = ((body?.token as Json).catalog as Json[]).find((s) => s.type === "compute")!;
  const publics = (compute.endpoints as Json[]).filter((e) => e.interface === "public");
  assert.deepEqual(publics.map((e) => [e.region_id, e.url]), [
    ["RegionOne", `${cloud.url}/compute/v2.1`],
    ["RegionTwo", `${cloud.url}/regions/RegionTwo/compute/v2.1`],
  ]);
  assert.equal(
    cloud.endpoint("compute", { region: "RegionTwo" }),
    `${cloud.url}/regions/RegionTwo/compute/v2.1`,
  );
  const token = await login(cloud);
  const r = await call("GET", `${cloud.url}/regions/RegionTwo/compute/v2.1/servers`, token);
  assert.equal(r.res.status, 200);
  assert.equal(cloud.requests.at(-1)?.region, "RegionTwo");
  const regions = await call("GET", `${cloud.authUrl}/regions`, token);
  assert.deepEqual((regions.body?.regions as Json[]).map((x) => x.id), ["RegionOne", "RegionTwo"]);
});

Deno.test("FakeCloud: issueToken and env help other tests", async () => {
  await using cloud = await FakeCloud.start();
  const token = cloud.issueToken("demo");
  assert.equal(cloud.authCount, 0);
  const r = await call(
    "GET",
    `${cloud.endpoint("database", { projectId: cloud.demo.projectId })}/instances`,
    token,
  );
  assert.equal(r.res.status, 200);
  const env = cloud.env();
  assert.equal(env.OS_AUTH_URL, cloud.authUrl);
  assert.equal(env.OS_PASSWORD, FakeCloud.ADMIN_PASSWORD);
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

Deno.test("FakeCloud: buildTimeMs keeps new servers and instances in BUILD", async () => {
  await using cloud = await FakeCloud.start({ buildTimeMs: 3_600_000 });
  const token = await login(cloud);
  const made = await call("POST", `${cloud.url}/compute/v2.1/servers`, token, {
    server: { name: "slow", flavorRef: "1" },
  });
  const id = (made.body?.server as Json).id;
  const get = async () =>
    ((await call("GET", `${cloud.url}/compute/v2.1/servers/${id}`, token)).body?.server as Json)
      .status;
  assert.equal(await get(), "BUILD");
  const stop = await call("POST", `${cloud.url}/compute/v2.1/servers/${id}/action`, token, {
    "os-stop": null,
  });
  assert.equal(stop.res.status, 409);
  const t = `${cloud.url}/database/v1.0/${cloud.admin.projectId}`;
  const inst = await call("POST", `${t}/instances`, token, {
    instance: { name: "db", flavorRef: "1", volume: { size: 1 } },
  });
  const instId = (inst.body?.instance as Json).id;
  const restart = await call("POST", `${t}/instances/${instId}/action`, token, { restart: {} });
  assert.equal(restart.res.status, 422);
  cloud.buildTimeMs = 0;
  assert.equal(await get(), "ACTIVE");
  assert.equal(
    (await call("POST", `${t}/instances/${instId}/action`, token, { restart: {} })).res.status,
    202,
  );
});

Deno.test("FakeCloud: requestLogLimit keeps the newest entries", async () => {
  await using cloud = await FakeCloud.start({ requestLogLimit: 3 });
  const token = cloud.issueToken();
  for (let i = 0; i < 5; i++) {
    await call("GET", `${cloud.url}/compute/v2.1/flavors/${i + 1}`, token);
  }
  assert.deepEqual(cloud.requests.map((r) => r.path.split("/").pop()), ["3", "4", "5"]);
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

Deno.test("FakeCloud: inspect and JSON show no password", async () => {
  await using cloud = await FakeCloud.start();
  const dump = Deno.inspect(cloud, { depth: 10 }) + JSON.stringify(cloud) +
    Deno.inspect(cloud.admin) + JSON.stringify(cloud.demo);
  assert.ok(!dump.includes(FakeCloud.ADMIN_PASSWORD));
  assert.ok(!dump.includes(FakeCloud.DEMO_PASSWORD));
  assert.equal(cloud.admin.password, FakeCloud.ADMIN_PASSWORD);
  assert.ok(dump.includes(cloud.url));
});

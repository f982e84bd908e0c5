import assert from "node:assert/strict";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { call, type Json, login } from "./_helpers.ts";

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
  // 200 before microversion 2.2, as Nova answers.
  assert.equal(made.res.status, 200);
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

Deno.test("FakeCloud: Trove bodies as troveclient reads them (no null configuration, backup version_id)", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const t = `${cloud.url}/database/v1.0/${cloud.admin.projectId}`;
  const made = await call("POST", `${t}/instances`, token, {
    instance: { name: "db1", flavorRef: "2", volume: { size: 1 }, datastore: { type: "mysql" } },
  });
  const id = String((made.body?.instance as Json).id);
  const inst = (await call("GET", `${t}/instances/${id}`, token)).body?.instance as Json;
  assert.equal("configuration" in inst, false);
  const listed = (await call("GET", `${t}/instances`, token)).body?.instances as Json[];
  assert.equal("configuration" in listed[0]!, false);
  const ds = (await call("GET", `${t}/datastores/mysql`, token)).body?.datastore as Json;
  const version = (ds.versions as Json[]).find((v) => v.name === "8.0");
  const backup = await call("POST", `${t}/backups`, token, {
    backup: { name: "b1", instance: id },
  });
  assert.deepEqual((backup.body?.backup as Json).datastore, {
    type: "mysql",
    version: "8.0",
    version_id: version?.id,
  });
});

Deno.test("FakeCloud: Keystone serves the v2.0 version document", async () => {
  await using cloud = await FakeCloud.start();
  const res = await fetch(`${cloud.url}/identity/v2.0`);
  assert.equal(res.status, 200);
  const version = (await res.json()).version;
  assert.equal(version.id, "v2.0");
  assert.equal(version.links[0].href, `${cloud.url}/identity/v2.0/`);
});

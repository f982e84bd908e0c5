import assert from "node:assert/strict";
import { versionSegment } from "../../../src/services/openstack/service_client.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { type Cloud, openCloud } from "../../../src/services/openstack/mod.ts";
import { collect } from "./helpers.ts";

/** Points a service's catalog endpoints at a new URL (what a devstack catalog looks like). */
async function moveEndpoints(cloud: Cloud, type: string, url: string): Promise<void> {
  const service = await cloud.identity.services.find({ type });
  for (const endpoint of await cloud.identity.endpoints.findAll({ service_id: service.id })) {
    await cloud.identity.endpoints.update(endpoint.id, { url });
  }
}

Deno.test("Version discovery: unversioned identity and compute endpoints work through the root document", async () => {
  await using fake = await FakeCloud.start();
  await using admin = openCloud({ env: fake.env() });
  await moveEndpoints(admin, "compute", `${fake.url}/compute`);
  await moveEndpoints(admin, "identity", `${fake.url}/identity`);

  await using cloud = openCloud({ env: fake.env() });
  fake.clearRequests();
  const projects = await collect(cloud.identity.projects.list());
  assert.ok(projects.some((p) => p.name === "demo"));
  const flavor = await cloud.compute.flavors.get("1");
  assert.equal(flavor.name, "m1.tiny");
  const post = await cloud.compute.servers.create({ name: "ct-disc", flavorRef: "1" });
  const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.ok(paths.includes("GET /identity/"), "identity root asked");
  assert.ok(paths.includes("GET /identity/v3/projects"));
  assert.ok(paths.includes("GET /compute/"), "compute root asked once");
  assert.ok(paths.includes("GET /compute/v2.1/flavors/1"));
  assert.ok(paths.includes("POST /compute/v2.1/servers"));
  assert.equal(paths.filter((p) => p === "GET /compute/").length, 1);
  assert.equal(paths.filter((p) => p === "POST /compute/v2.1/servers").length, 1);
  await cloud.compute.servers.delete(post.id);
});

Deno.test("Version discovery: a versioned catalog costs no extra request", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  await cloud.compute.flavors.get("1");
  await collect(cloud.identity.projects.list());
  const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(paths, [
    "POST /identity/v3/auth/tokens",
    "GET /compute/v2.1/flavors/1",
    "GET /identity/v3/projects",
  ]);
});

Deno.test("versionSegment: picks the wanted major version's own path segment, never another host", () => {
  const doc = {
    versions: [
      {
        id: "v2.0",
        status: "SUPPORTED",
        links: [{ rel: "self", href: "http://evil.example/v2/" }],
      },
      {
        id: "v2.1",
        status: "CURRENT",
        links: [{ rel: "self", href: "http://evil.example/compute/v2.1/" }],
      },
    ],
  };
  assert.equal(versionSegment(doc, "v2.1"), "v2.1");
  assert.equal(versionSegment({ versions: { values: [{ id: "v3.14", links: [] }] } }, "v3"), "v3");
  assert.equal(versionSegment({ version: { id: "v3" } }, "v3"), undefined);
  assert.equal(versionSegment("junk", "v3"), undefined);
});

Deno.test("Every service call sends Accept: application/json; errors carry the server's reason", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  await cloud.compute.flavors.get("1");
  await collect(cloud.image.images.list());
  await collect(cloud.network.networks.list());
  await collect(cloud.blockStorage.volumes.list());
  await collect(cloud.placement.resourceProviders.list());
  await collect(cloud.database.datastores.list());
  await collect(cloud.identity.projects.list());
  const calls = fake.requests.filter((r) => !r.path.endsWith("/auth/tokens"));
  assert.equal(new Set(calls.map((r) => r.service)).size, 7);
  for (const r of calls) assert.equal(r.headers["accept"], "application/json", r.path);
});

Deno.test("Trove flavors are DatabaseFlavor: str_id and an integer or null id", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const flavors = await collect(cloud.database.flavors.list());
  assert.ok(flavors.length > 0);
  for (const f of flavors) {
    assert.equal(typeof f.str_id, "string");
    assert.ok(f.id === null || Number.isInteger(f.id));
  }
});

Deno.test("Version discovery: a first call whose login failed does not turn discovery off", async () => {
  await using fake = await FakeCloud.start();
  await using admin = openCloud({ env: fake.env() });
  await moveEndpoints(admin, "compute", `${fake.url}/compute`);

  await using cloud = openCloud({ env: fake.env() });
  // The first login is refused by an unavailable Keystone: no endpoint is known yet.
  fake.inject({ path: "/identity/v3/auth/tokens", method: "POST", status: 503 });
  await assert.rejects(cloud.compute.flavors.get("1"));
  fake.clearRequests();
  // The next call logs in, sees the unversioned endpoint and discovers v2.1.
  const flavor = await cloud.compute.flavors.get("1");
  assert.equal(flavor.name, "m1.tiny");
  const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.ok(paths.includes("GET /compute/v2.1/flavors/1"), paths.join(", "));
});

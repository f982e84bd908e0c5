import assert from "node:assert/strict";
import { Conflict, ServiceUnavailable, Unauthorized } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import {
  ComputeClient,
  computeVersions,
  ImageClient,
} from "../../../src/services/openstack/mod.ts";
import { BaseClient } from "../../../mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("ComputeClient: create returns id and adminPass, actions drive the state", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  const created = await compute.servers.create({
    name: "web",
    flavorRef: "2",
    metadata: { role: "web" },
  });
  assert.match(created.id, /^[0-9a-f-]{36}$/);
  assert.equal(typeof created.adminPass, "string");
  const sent = cloud.requests.find((r) =>
    r.method === "POST" && r.path === "/compute/v2.1/servers"
  );
  assert.deepEqual(sent?.body, {
    server: { name: "web", flavorRef: "2", metadata: { role: "web" } },
  });
  assert.ok(!JSON.stringify(cloud.requests).includes(created.adminPass!));

  await compute.servers.stop(created.id);
  assert.equal((await compute.servers.get(created.id)).status, "SHUTOFF");
  await assert.rejects(compute.servers.stop(created.id), Conflict);
  await compute.servers.start(created.id);
  await compute.servers.reboot(created.id, { type: "HARD" });
  await compute.servers.reboot(created.id);
  const actions = cloud.requests.filter((r) => r.path.endsWith("/action")).map((r) => r.body);
  assert.deepEqual(actions, [
    { "os-stop": null },
    { "os-stop": null },
    { "os-start": null },
    { reboot: { type: "HARD" } },
    { reboot: { type: "SOFT" } },
  ]);
  const raw = await compute.servers.action(created.id, { "os-stop": null });
  assert.equal(raw.status, 202);

  const renamed = await compute.servers.update(created.id, { name: "web-2" });
  assert.equal(renamed.name, "web-2");
  assert.equal(
    cloud.requests.find((r) => r.method === "PUT")?.path,
    `/compute/v2.1/servers/${created.id}`,
  );
  await compute.servers.delete(created.id);
  assert.deepEqual(await collect(compute.servers.list()), []);
});

Deno.test("ComputeClient: microversion headers go only on its own requests", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http, { microversion: "2.79" });
  const image = new ImageClient(http);
  await collect(compute.flavors.list());
  await collect(image.images.list());
  const flavorsReq = cloud.requests.find((r) => r.path === "/compute/v2.1/flavors/detail");
  assert.equal(flavorsReq?.headers["openstack-api-version"], "compute 2.79");
  assert.equal(flavorsReq?.headers["x-openstack-nova-api-version"], "2.79");
  const imagesReq = cloud.requests.find((r) => r.path === "/image/v2/images");
  assert.equal(imagesReq?.headers["openstack-api-version"], undefined);
  const auth = cloud.requests.find((r) => r.path === "/identity/v3/auth/tokens");
  assert.equal(auth?.headers["openstack-api-version"], undefined);
  // A second compute client without a microversion on the same session sends none.
  const plain = new ComputeClient(http);
  await plain.flavors.get("1");
  const last = cloud.requests.at(-1);
  assert.equal(last?.headers["openstack-api-version"], undefined);
});

Deno.test("ComputeClient: flavors, keypairs by name, wrapped list items", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  const flavors = await collect(compute.flavors.list({ limit: 2 }));
  assert.deepEqual(flavors.map((f) => f.name), [
    "m1.tiny",
    "m1.small",
    "m1.medium",
    "m1.large",
    "m1.xlarge",
  ]);
  assert.equal((await compute.flavors.find({ vcpus: 2 })).name, "m1.medium");
  const made = await compute.flavors.create({ name: "c1.big", ram: 1024, vcpus: 16, disk: 10 });
  assert.equal(made.vcpus, 16);

  const key = await compute.keypairs.create({
    name: "laptop key",
    public_key:
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f test",
  });
  assert.equal(key.name, "laptop key");
  const listed = await collect(compute.keypairs.list());
  assert.deepEqual(listed.map((k) => k.name), ["laptop key"]);
  assert.equal(listed[0]!.public_key, key.public_key);
  assert.equal((await compute.keypairs.get("laptop key")).name, "laptop key");
  assert.ok(cloud.requests.some((r) => r.path === "/compute/v2.1/os-keypairs/laptop%20key"));
  await compute.keypairs.delete("laptop key");
  assert.deepEqual(await collect(compute.keypairs.list()), []);
});

Deno.test("ComputeClient: a revoked token is renewed once and the call succeeds", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  await compute.flavors.get("1");
  cloud.revokeAll();
  assert.equal((await compute.flavors.get("1")).name, "m1.tiny");
  assert.equal(cloud.authCount, 2);
  // A cloud that keeps refusing ends in Unauthorized after one re-login.
  cloud.inject({
    path: "/compute/v2.1/flavors/1",
    status: 401,
    times: 5,
    body: { error: { code: 401, message: "no" } },
  });
  await assert.rejects(compute.flavors.get("1"), Unauthorized);
  assert.equal(cloud.authCount, 3);
});

Deno.test("computeVersions picks ComputeClient; unknown versions are refused", () => {
  assert.equal(BaseClient.getClass("compute", "2.1", computeVersions), ComputeClient);
  assert.throws(
    () => BaseClient.getClass("compute", "3", computeVersions),
    /Invalid compute client version '3'. Must be one of: 2.1/,
  );
});

Deno.test("ComputeClient: the HTTPClient retry policy rides over injected 503s", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud, "admin", {
    retry: { retries: 2, statusCodes: [503], backoffMs: 1 },
  });
  const compute = new ComputeClient(http);
  cloud.inject({
    path: "/compute/v2.1/flavors/1",
    status: 503,
    headers: { "retry-after": "0" },
    times: 2,
  });
  assert.equal((await compute.flavors.get("1")).name, "m1.tiny");
  assert.equal(cloud.requests.filter((r) => r.path === "/compute/v2.1/flavors/1").length, 3);
  cloud.inject({
    path: "/compute/v2.1/flavors/1",
    status: 503,
    headers: { "retry-after": "0" },
    times: 3,
  });
  await assert.rejects(compute.flavors.get("1"), ServiceUnavailable);
});

import assert from "node:assert/strict";
import {
  ClientException,
  NotFound,
  ResourceFailed,
  ValidationError,
  WaitTimeout,
} from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { openCloud } from "../../../src/services/openstack/mod.ts";

Deno.test("waitFor: resolves once the status is reached and reports every poll", async () => {
  await using fake = await FakeCloud.start({ buildTimeMs: 3_600_000 });
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-wait", flavorRef: "1" });
  const seen: [string, number][] = [];
  const server = await cloud.compute.servers.waitFor(id, {
    status: ["ACTIVE"],
    interval: 5,
    onProgress: (s, elapsed) => {
      seen.push([s.status, elapsed]);
      if (seen.length === 2) fake.buildTimeMs = 0; // two polls in BUILD, then let it boot
    },
  });
  assert.equal(server.status, "ACTIVE");
  assert.deepEqual(seen.slice(0, 2).map(([status]) => status), ["BUILD", "BUILD"]);
  assert.equal(seen.at(-1)?.[0], "ACTIVE");
  assert.ok(seen.every(([, ms], i) => i === 0 || ms >= seen[i - 1]![1]));
});

Deno.test("waitFor: an error status rejects with ResourceFailed carrying the resource and Nova's fault", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-fail", flavorRef: "1" });
  fake.inject({
    path: `/compute/v2.1/servers/${id}`,
    method: "GET",
    status: 200,
    body: {
      server: { id, status: "ERROR", fault: { code: 500, message: "No valid host was found." } },
    },
  });
  await assert.rejects(
    cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: 5 }),
    (e: unknown) => {
      assert.ok(e instanceof ResourceFailed);
      assert.ok(e instanceof ClientException);
      assert.equal(e.status, "ERROR");
      assert.equal((e.resource as { id: string }).id, id);
      assert.match(e.message, /Server .* went to status ERROR: No valid host was found\./);
      return true;
    },
  );
});

Deno.test("waitFor: the timeout rejects with WaitTimeout naming the last status", async () => {
  await using fake = await FakeCloud.start({ buildTimeMs: 3_600_000 });
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-slow", flavorRef: "1" });
  await assert.rejects(
    cloud.compute.servers.waitFor(id, { status: "ACTIVE", timeout: 1_000, interval: 10 }),
    (e: unknown) => {
      assert.ok(e instanceof WaitTimeout);
      assert.ok(e instanceof ClientException);
      assert.equal(e.lastStatus, "BUILD");
      assert.deepEqual(e.wanted, ["ACTIVE"]);
      assert.match(e.message, new RegExp(`Server ${id} did not reach ACTIVE`));
      return true;
    },
  );
});

Deno.test("waitFor: a hung poll is cut by the timeout", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-hung", flavorRef: "1" });
  await cloud.compute.servers.get(id); // log in first: the delay is on the poll only
  fake.inject({ path: `/compute/v2.1/servers/${id}`, method: "GET", delayMs: 60_000 });
  await assert.rejects(
    cloud.compute.servers.waitFor(id, { status: "ACTIVE", timeout: 50, interval: 10 }),
    WaitTimeout,
  );
});

Deno.test("waitFor: DELETED resolves when the resource goes; otherwise disappearing is NotFound", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-del", flavorRef: "1" });
  await cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: 5 });
  await cloud.compute.servers.delete(id);
  const gone = await cloud.compute.servers.waitFor(id, { status: "DELETED", interval: 5 });
  assert.equal(gone.status, "DELETED");
  await assert.rejects(
    cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: 5 }),
    NotFound,
  );
});

Deno.test("waitFor: abortable; bad options are refused before any request", async () => {
  await using fake = await FakeCloud.start({ buildTimeMs: 3_600_000 });
  await using cloud = openCloud({ env: fake.env() });
  const { id } = await cloud.compute.servers.create({ name: "ct-abort", flavorRef: "1" });
  const controller = new AbortController();
  const waiting = cloud.compute.servers.waitFor(id, {
    status: "ACTIVE",
    interval: 5,
    signal: controller.signal,
    onProgress: () => controller.abort(new Error("stop waiting")),
  });
  await assert.rejects(waiting, /stop waiting/);
  fake.clearRequests();
  await assert.rejects(
    cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: -1 }),
    ValidationError,
  );
  await assert.rejects(cloud.compute.servers.waitFor(id, { status: [] }), ValidationError);
  assert.equal(fake.requests.length, 0);
});

Deno.test("waitFor: images, volume snapshots and Trove instances share the waiter", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const image = await cloud.image.images.create({
    name: "ct-img",
    disk_format: "raw",
    container_format: "bare",
  });
  await cloud.image.images.upload(image.id, new Uint8Array([1, 2, 3]));
  assert.equal(
    (await cloud.image.images.waitFor(image.id, { status: "active", interval: 5 })).size,
    3,
  );
  const volume = await cloud.blockStorage.volumes.create({ size: 1 });
  await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", interval: 5 });
  const snap = await cloud.blockStorage.snapshots.create({ volume_id: volume.id });
  assert.equal(
    (await cloud.blockStorage.snapshots.waitFor(snap.id, { status: "available", interval: 5 }))
      .volume_id,
    volume.id,
  );
  const datastore = await cloud.database.datastores.find({ name: "mysql" });
  const instance = await cloud.database.instances.create({
    name: "ct-db",
    flavorRef: "1",
    volume: { size: 1 },
    datastore: { type: datastore.name, version: "8.0" },
  });
  const ready = await cloud.database.instances.waitFor(instance.id, {
    status: "ACTIVE",
    interval: 5,
  });
  assert.equal(ready.id, instance.id);
});

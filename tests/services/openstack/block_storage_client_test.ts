import assert from "node:assert/strict";
import { BadRequest, Forbidden, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { BlockStorageClient, openCloud } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("BlockStorageClient: volumes create, wait, update, extend, page and delete under /v3/<project>", async () => {
  await using fake = await FakeCloud.start({ buildTimeMs: 3_600_000 });
  await using cloud = openCloud({ env: fake.env("demo") });
  const volumes = cloud.blockStorage.volumes;
  const created = await volumes.create({ name: "ct-data", size: 1, metadata: { role: "db" } });
  assert.equal(created.status, "creating");
  const seen: string[] = [];
  const ready = await volumes.waitFor(created.id, {
    status: "available",
    interval: 10,
    onProgress: (v) => {
      seen.push(v.status);
      fake.buildTimeMs = 0; // seen creating once: let it finish
    },
  });
  assert.equal(ready.status, "available");
  assert.ok(seen.includes("creating") && seen.at(-1) === "available");
  const path = fake.requests.find((r) => r.method === "POST" && r.service === "block-storage")
    ?.path;
  assert.equal(path, `/volume/v3/${fake.demo.projectId}/volumes`);

  const renamed = await volumes.update(created.id, { name: "ct-data2", description: "d" });
  assert.equal(renamed.name, "ct-data2");
  await volumes.extend(created.id, 2);
  const grown = await volumes.waitFor(created.id, { status: "available", interval: 10 });
  assert.equal(grown.size, 2);
  await assert.rejects(volumes.extend(created.id, 1), (e: unknown) => {
    assert.ok(e instanceof BadRequest);
    assert.match(e.message, /New size for extend must be greater than current size/);
    return true;
  });

  for (let i = 0; i < 3; i++) await volumes.create({ name: `ct-page-${i}`, size: 1 });
  fake.clearRequests();
  const all = await collect(volumes.list({ limit: 2 }));
  assert.equal(all.length, 4);
  assert.equal(fake.requests.filter((r) => r.path.endsWith("/volumes/detail")).length, 3);
  const byName = await volumes.find({ name: "ct-page-1" });
  assert.equal(fake.requests.at(-1)?.query.name, "ct-page-1");
  assert.equal(byName.size, 1);

  await volumes.delete(created.id);
  const gone = await volumes.waitFor(created.id, { status: "DELETED", interval: 10 });
  assert.equal(gone.status, "DELETED");
  assert.equal(gone.id, created.id);
  await assert.rejects(volumes.get(created.id), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.match(e.message, new RegExp(`Volume ${created.id} could not be found`));
    return true;
  });
});

Deno.test("BlockStorageClient: snapshots, types (admin), backups; a volume with snapshots cannot go", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const bs = cloud.blockStorage;
  const volume = await bs.volumes.create({ name: "ct-src", size: 1 });
  await bs.volumes.waitFor(volume.id, { status: "available", interval: 10 });
  const snap = await bs.snapshots.create({ volume_id: volume.id, name: "ct-snap" });
  const done = await bs.snapshots.waitFor(snap.id, { status: "available", interval: 10 });
  assert.equal(done.volume_id, volume.id);
  assert.equal(done.size, 1);
  await assert.rejects(bs.volumes.delete(volume.id), (e: unknown) => {
    assert.ok(e instanceof BadRequest);
    assert.match(e.message, /have snapshots/);
    return true;
  });
  const clone = await bs.volumes.create({ snapshot_id: snap.id, name: "ct-clone" });
  assert.equal(clone.size, 1);
  assert.equal(clone.snapshot_id, snap.id);

  const types = await collect(bs.volumeTypes.list());
  assert.ok(types.some((t) => t.name === "__DEFAULT__"));
  const gold = await bs.volumeTypes.create({ name: "ct-gold", description: "fast" });
  assert.equal(gold.is_public, true);
  const typed = await bs.volumes.create({ name: "ct-typed", size: 1, volume_type: "ct-gold" });
  assert.equal(typed.volume_type, "ct-gold");

  const backup = await bs.backups.create({ volume_id: volume.id, name: "ct-backup" });
  const full = await bs.backups.get(backup.id);
  assert.equal(full.volume_id, volume.id);
  assert.equal((await collect(bs.backups.list())).length, 1);
  await bs.backups.delete(backup.id);

  await bs.volumes.delete(typed.id);
  await bs.volumeTypes.delete(gold.id);
  await bs.volumes.delete(clone.id);
  await bs.snapshots.delete(snap.id);
  await bs.snapshots.waitFor(snap.id, { status: "DELETED", interval: 10 });
  await bs.volumes.delete(volume.id);

  await using demo = openCloud({ env: fake.env("demo") });
  await assert.rejects(demo.blockStorage.volumeTypes.create({ name: "ct-x" }), Forbidden);
});

Deno.test("BlockStorageClient: the microversion header is sent by this client only", async () => {
  await using fake = await FakeCloud.start();
  await using http = httpFor(fake);
  const bs = new BlockStorageClient(http, { microversion: "3.60" });
  const v = await bs.volumes.create({ name: "ct-mv", size: 1 });
  const got = await bs.volumes.get(v.id);
  assert.equal(got.group_id, null, "3.13+ fields shown");
  assert.equal(got.shared_targets, true, "3.48+ fields shown");
  const volumeCalls = fake.requests.filter((r) => r.service === "block-storage");
  assert.ok(volumeCalls.length >= 2);
  for (const r of volumeCalls) {
    assert.equal(r.headers["openstack-api-version"], "volume 3.60");
    assert.equal(r.headers["accept"], "application/json");
  }
  await assert.rejects(
    new BlockStorageClient(http, { microversion: "3.99" }).volumes.get(v.id),
    (e: unknown) => (e as { status?: number }).status === 406,
  );
});

Deno.test("BlockStorageClient: a catalog with only volumev3 is used through the alias", async () => {
  await using fake = await FakeCloud.start();
  await using admin = openCloud({ env: fake.env() });
  const service = await admin.identity.services.find({ type: "block-storage" });
  await admin.identity.services.delete(service.id);
  await using cloud = openCloud({ env: fake.env() });
  const v = await cloud.blockStorage.volumes.create({ name: "ct-alias", size: 1 });
  assert.equal((await cloud.blockStorage.volumes.get(v.id)).name, "ct-alias");
  assert.equal(cloud.blockStorage.serviceType, "volumev3");
});

Deno.test("BlockStorageClient: volumes attach and detach through Nova os-volume_attachments", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const server = await cloud.compute.servers.create({ name: "ct-vm", flavorRef: "1" });
  await cloud.compute.servers.waitFor(server.id, { status: "ACTIVE", interval: 10 });
  const volume = await cloud.blockStorage.volumes.create({ name: "ct-disk", size: 1 });
  await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", interval: 10 });
  const attachments = cloud.compute.servers.volumeAttachments(server.id);
  const attached = await attachments.create({ volumeId: volume.id });
  assert.equal(attached.volumeId, volume.id);
  assert.equal(attached.serverId, server.id);
  assert.equal(attached.device, "/dev/vdb");
  const inUse = await cloud.blockStorage.volumes.waitFor(volume.id, {
    status: "in-use",
    interval: 10,
  });
  assert.equal(inUse.attachments[0]?.server_id, server.id);
  assert.deepEqual((await collect(attachments.list())).map((a) => a.volumeId), [volume.id]);
  assert.equal((await attachments.get(volume.id)).device, "/dev/vdb");
  const shown = await cloud.compute.servers.get(server.id);
  assert.deepEqual(shown["os-extended-volumes:volumes_attached"], [{ id: volume.id }]);
  await assert.rejects(cloud.blockStorage.volumes.delete(volume.id), BadRequest);
  await attachments.delete(volume.id);
  await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", interval: 10 });
  await assert.rejects(attachments.get(volume.id), NotFound);
  await cloud.blockStorage.volumes.delete(volume.id);
  await cloud.compute.servers.delete(server.id);
});

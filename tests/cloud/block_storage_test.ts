/**
 * Contract tests of `BlockStorageClient` (Cinder v3) and Nova volume
 * attachments: the same assertions against FakeCloud and the real Cinder.
 * (Extend is checked by its validation only: the real cloud's fake volume
 * driver fails every extend with error_extending; tests/services covers the
 * successful path.)
 */
import assert from "node:assert/strict";
import { BadRequest, Forbidden, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { polling, withCleanup } from "./_wait.ts";

contractTest("block-storage: volumes, snapshots and volume types", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const bs = cloud.blockStorage;
  const wait = polling(target);
  await withCleanup(async (undo) => {
    const name = uniqueName("vol");
    const created = await bs.volumes.create({ name, size: 1, metadata: { role: "ct" } });
    undo.push(() => bs.volumes.delete(created.id));
    assert.equal(created.status, "creating");
    assert.equal(created.updated_at, null);
    assert.equal(created.size, 1);
    assert.equal(created.volume_type, "__DEFAULT__");
    assert.equal(created.bootable, "false");
    assert.deepEqual(created.attachments, []);
    assert.deepEqual(created.metadata, { role: "ct" });
    const ready = await bs.volumes.waitFor(created.id, { status: "available", ...wait });
    assert.match(String(ready["os-vol-tenant-attr:tenant_id"]), /^[0-9a-f]{32}$/);
    assert.equal(ready["os-vol-host-attr:host"], undefined, "host is admin-only");
    assert.match(ready.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const renamed = await bs.volumes.update(created.id, { name: `${name}-x`, description: "d" });
    assert.equal(renamed.name, `${name}-x`);
    assert.equal(renamed.description, "d");
    await assert.rejects(
      bs.volumes.extend(created.id, 1),
      (e: unknown) =>
        e instanceof BadRequest &&
        /New size for extend must be greater than current size/.test(e.message),
    );
    const found = await bs.volumes.find({ name: `${name}-x` });
    assert.equal(found.id, created.id);

    const snap = await bs.snapshots.create({ volume_id: created.id, name: uniqueName("snap") });
    undo.push(() => bs.snapshots.delete(snap.id));
    assert.equal(snap.status, "creating");
    assert.equal(snap.volume_id, created.id);
    const snapReady = await bs.snapshots.waitFor(snap.id, { status: "available", ...wait });
    assert.equal(snapReady.size, 1);
    assert.equal(snapReady["os-extended-snapshot-attributes:progress"], "100%");
    await assert.rejects(
      bs.volumes.delete(created.id),
      (e: unknown) => e instanceof BadRequest && /have snapshots/.test(e.message),
    );

    const types = [];
    for await (const t of bs.volumeTypes.list()) types.push(t);
    const def = types.find((t) => t.name === "__DEFAULT__");
    assert.ok(def);
    assert.equal(def.is_public, true);
    assert.deepEqual(def.extra_specs, {});
    assert.equal((await bs.volumeTypes.get(def.id)).name, "__DEFAULT__");
    await assert.rejects(
      bs.volumeTypes.create({ name: uniqueName("type") }),
      (e: unknown) => e instanceof Forbidden && /type_create/.test(e.message),
    );

    undo.pop();
    await bs.snapshots.delete(snap.id);
    assert.equal(
      (await bs.snapshots.waitFor(snap.id, { status: "DELETED", ...wait })).status,
      "DELETED",
    );
    undo.pop();
    await bs.volumes.delete(created.id);
    await bs.volumes.waitFor(created.id, { status: "DELETED", ...wait });
    await assert.rejects(
      bs.volumes.get(created.id),
      (e: unknown) => e instanceof NotFound && /Volume .* could not be found/.test(e.message),
    );
  });
});

contractTest(
  "block-storage: attach and detach through Nova os-volume_attachments",
  async (target) => {
    await using cloud = openCloud({ env: target.demoEnv });
    const wait = polling(target);
    await withCleanup(async (undo) => {
      const server = await cloud.compute.servers.create({
        name: uniqueName("vm"),
        flavorRef: target.fixtures.flavorId,
        imageRef: target.fixtures.imageId,
      });
      undo.push(() => cloud.compute.servers.delete(server.id));
      const volume = await cloud.blockStorage.volumes.create({ name: uniqueName("disk"), size: 1 });
      undo.push(async () => {
        await cloud.blockStorage.volumes.waitFor(volume.id, {
          status: ["available", "error"],
          ...wait,
        });
        await cloud.blockStorage.volumes.delete(volume.id);
      });
      await cloud.compute.servers.waitFor(server.id, { status: "ACTIVE", ...wait });
      await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", ...wait });
      const attachments = cloud.compute.servers.volumeAttachments(server.id);
      const attached = await attachments.create({ volumeId: volume.id });
      undo.push(async () => {
        await attachments.delete(volume.id).catch(() => undefined);
      });
      assert.equal(attached.volumeId, volume.id);
      assert.equal(attached.serverId, server.id);
      assert.equal(attached.id, volume.id);
      assert.match(attached.device ?? "", /^\/dev\/[sv]d[b-z]$/);
      const inUse = await cloud.blockStorage.volumes.waitFor(volume.id, {
        status: "in-use",
        ...wait,
      });
      assert.equal(inUse.attachments.length, 1);
      assert.equal(inUse.attachments[0]?.server_id, server.id);
      const listed = [];
      for await (const a of attachments.list()) listed.push(a);
      assert.deepEqual(listed.map((a) => a.volumeId), [volume.id]);
      assert.equal((await attachments.get(volume.id)).serverId, server.id);
      const shown = await cloud.compute.servers.get(server.id);
      assert.deepEqual(shown["os-extended-volumes:volumes_attached"], [{ id: volume.id }]);
      await assert.rejects(cloud.blockStorage.volumes.delete(volume.id), BadRequest);
      undo.pop();
      await attachments.delete(volume.id);
      await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", ...wait });
      await assert.rejects(
        attachments.get(volume.id),
        (e: unknown) => e instanceof NotFound && /is not attached to volume/.test(e.message),
      );
    });
  },
);

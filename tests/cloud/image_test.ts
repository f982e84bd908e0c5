/** Contract tests of ImageClient (Glance v2) against FakeCloud and a real Glance. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { BadRequest, Conflict, Forbidden, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { collect, eventually } from "./_util.ts";

const DATA = new TextEncoder().encode("contract image bytes\n".repeat(100));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

contractTest("image: create, get, update, upload, download, delete", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const images = cloud.image.images;
  const name = uniqueName("image");
  const image = await images.create({
    name,
    disk_format: "raw",
    container_format: "bare",
    visibility: "private",
  });
  try {
    assert.equal(image.status, "queued");
    assert.equal(image.name, name);
    assert.equal(image.size, null);
    assert.equal(image.owner, target.fixtures.adminProjectId);
    assert.deepEqual(image.tags, []);
    assert.equal((await images.get(image.id)).name, name);
    assert.equal((await images.find({ name })).id, image.id);

    const updated = await images.update(image.id, { min_ram: 64, os_distro: "cirros" });
    assert.equal(updated.min_ram, 64);
    assert.equal(updated.os_distro, "cirros");

    await images.upload(image.id, DATA);
    const active = await eventually("the image active", async () => {
      const got = await images.get(image.id);
      return got.status === "active" ? got : undefined;
    });
    assert.equal(active.size, DATA.length);
    assert.equal(active.checksum, createHash("md5").update(DATA).digest("hex"));
    assert.equal(active.os_hash_algo, "sha512");
    assert.equal(active.os_hash_value, createHash("sha512").update(DATA).digest("hex"));
    const body = await images.download(image.id);
    assert.ok(body);
    assert.deepEqual(await readAll(body), DATA);
    // The data of an active image is immutable.
    await assert.rejects(images.upload(image.id, DATA), Conflict);
  } finally {
    await images.delete(image.id);
  }
  await assert.rejects(images.get(image.id), NotFound);
  await assert.rejects(images.delete(image.id), NotFound);
});

contractTest("image: tags, tag filter, sort_key/sort_dir", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const images = cloud.image.images;
  const tag = uniqueName("tag");
  const names = [uniqueName("b"), uniqueName("a"), uniqueName("c")];
  const made = [];
  try {
    for (const name of names) {
      made.push(await images.create({ name, disk_format: "raw", container_format: "bare" }));
    }
    for (const image of made) {
      const res = await cloud.image.put(`/v2/images/${image.id}/tags/${tag}`);
      assert.equal(res.status, 204);
      await res.body?.cancel();
    }
    assert.deepEqual((await images.get(made[0]!.id)).tags, [tag]);
    const asc = await collect(images.list({ tag, sort_key: "name", sort_dir: "asc" }));
    assert.deepEqual(asc.map((i) => i.name), [...names].sort());
    const desc = await collect(images.list({ tag, sort_key: "name", sort_dir: "desc" }));
    assert.deepEqual(desc.map((i) => i.name), [...names].sort().reverse());
    const sorted = await collect(images.list({ tag, sort: "name:asc" }));
    assert.deepEqual(sorted.map((i) => i.name), [...names].sort());
    await assert.rejects(collect(images.list({ sort_dir: "sideways" })), BadRequest);
    await assert.rejects(collect(images.list({ sort_key: "no_such_key" })), BadRequest);

    const untag = await cloud.image.delete(`/v2/images/${made[0]!.id}/tags/${tag}`);
    assert.equal(untag.status, 204);
    await untag.body?.cancel();
    assert.deepEqual((await images.get(made[0]!.id)).tags, []);
    assert.equal((await collect(images.list({ tag }))).length, 2);
  } finally {
    for (const image of made) await images.delete(image.id);
  }
});

contractTest("image: 400 with Glance's message for bodies it rejects", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const err = await cloud.image.images.create({ name: uniqueName("bad"), disk_format: "bogus" })
    .catch((e) => e);
  assert.ok(err instanceof BadRequest);
  // Sent with Accept: application/json, the reason survives into the error.
  assert.match(String(err.message), /bogus/);
  await assert.rejects(
    cloud.image.images.create({ name: uniqueName("bad"), container_format: "crate" }),
    BadRequest,
  );
  await assert.rejects(cloud.image.images.get(crypto.randomUUID()), NotFound);
});

contractTest("image: members share a private image with the demo project", async (target) => {
  await using admin = openCloud({ env: target.adminEnv });
  await using demo = openCloud({ env: target.demoEnv });
  const demoProject = target.fixtures.demoProjectId ?? "";
  const image = await admin.image.images.create({
    name: uniqueName("shared"),
    disk_format: "raw",
    container_format: "bare",
    visibility: "private",
  });
  try {
    const members = `/v2/images/${image.id}/members`;
    // A private image has no members.
    await assert.rejects(admin.image.post(members, { json: { member: demoProject } }), Forbidden);
    await admin.image.images.update(image.id, { visibility: "shared" });
    await assert.rejects(demo.image.images.get(image.id), NotFound);

    const added = await (await admin.image.post(members, { json: { member: demoProject } }))
      .json();
    assert.equal(added.member_id, demoProject);
    assert.equal(added.image_id, image.id);
    assert.equal(added.status, "pending");
    await assert.rejects(admin.image.post(members, { json: { member: demoProject } }), Conflict);
    const listed = await (await admin.image.get(members)).json();
    assert.deepEqual(listed.members.map((m: { member_id: string }) => m.member_id), [demoProject]);

    // The member sees it by id, but lists it only once it accepted it.
    assert.equal((await demo.image.images.get(image.id)).id, image.id);
    assert.equal((await collect(demo.image.images.list())).some((i) => i.id === image.id), false);
    const accepted = await (await demo.image.put(`${members}/${demoProject}`, {
      json: { status: "accepted" },
    })).json();
    assert.equal(accepted.status, "accepted");
    assert.equal((await collect(demo.image.images.list())).some((i) => i.id === image.id), true);

    const removed = await admin.image.delete(`${members}/${demoProject}`);
    assert.equal(removed.status, 204);
    await removed.body?.cancel();
    await assert.rejects(demo.image.images.get(image.id), NotFound);
  } finally {
    await admin.image.images.delete(image.id);
  }
});

contractTest("image: glance-direct import (stage, then import)", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  const info = await (await cloud.image.get("/v2/info/import")).json();
  assert.ok(info["import-methods"].value.includes("glance-direct"));
  const image = await cloud.image.images.create({
    name: uniqueName("import"),
    disk_format: "raw",
    container_format: "bare",
  });
  try {
    const early = cloud.image.post(`/v2/images/${image.id}/import`, {
      json: { method: { name: "glance-direct" } },
    });
    await assert.rejects(early, Conflict);
    const staged = await cloud.image.put(`/v2/images/${image.id}/stage`, {
      body: DATA,
      headers: { "content-type": "application/octet-stream" },
    });
    assert.equal(staged.status, 204);
    await staged.body?.cancel();
    assert.equal((await cloud.image.images.get(image.id)).status, "uploading");
    const res = await cloud.image.post(`/v2/images/${image.id}/import`, {
      json: { method: { name: "glance-direct" } },
    });
    assert.equal(res.status, 202);
    await res.body?.cancel();
    const active = await eventually("the imported image active", async () => {
      const got = await cloud.image.images.get(image.id);
      return got.status === "active" ? got : undefined;
    });
    assert.equal(active.size, DATA.length);
    const body = await cloud.image.images.download(image.id);
    assert.deepEqual(await readAll(body!), DATA);
  } finally {
    await cloud.image.images.delete(image.id);
  }
});

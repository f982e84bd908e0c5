import assert from "node:assert/strict";
import { Forbidden, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { ImageClient } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("ImageClient: create, page with next links, JSON-patch update, upload, delete", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const image = new ImageClient(http);
  for (let i = 0; i < 3; i++) {
    const made = await image.images.create({
      name: `img${i}`,
      disk_format: "raw",
      container_format: "bare",
    });
    assert.equal(made.status, "queued");
  }
  const all = await collect(image.images.list({ limit: 2 }));
  assert.deepEqual(all.map((i) => i.name), ["img2", "img1", "img0", "cirros-0.6.2-x86_64-disk"]);
  assert.equal(
    cloud.requests.filter((r) => r.path === "/image/v2/images" && r.method === "GET").length,
    3,
  );

  const img0 = await image.images.find({ name: "img0" });
  const updated = await image.images.update(img0.id, {
    name: "renamed",
    os_distro: "debian",
    min_ram: 256,
  });
  assert.equal(updated.name, "renamed");
  assert.equal(updated.os_distro, "debian");
  const patch = cloud.requests.find((r) => r.method === "PATCH");
  assert.equal(patch?.headers["content-type"], "application/openstack-images-v2.1-json-patch");
  assert.deepEqual(patch?.body, [
    { op: "replace", path: "/name", value: "renamed" },
    { op: "add", path: "/os_distro", value: "debian" },
    { op: "replace", path: "/min_ram", value: 256 },
  ]);
  const removed = await image.images.update(img0.id, { os_distro: undefined });
  assert.equal(removed.os_distro, undefined);
  await assert.rejects(image.images.update(img0.id, { status: "active" }), Forbidden);

  await image.images.upload(img0.id, new Uint8Array([7, 8, 9]));
  const after = await image.images.get(img0.id);
  assert.equal(after.status, "active");
  assert.equal(after.size, 3);
  const bytes = (id: string) => image.images.download(id).then((s) => new Response(s).bytes());
  assert.deepEqual(await bytes(img0.id), new Uint8Array([7, 8, 9]));
  // An image without data (Glance's 204) downloads as an empty stream.
  assert.deepEqual(await bytes((await image.images.find({ name: "img1" })).id), new Uint8Array());

  await image.images.delete(img0.id);
  await assert.rejects(image.images.get(img0.id), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.match(String(e.details ?? e.message), /No image found/);
    return true;
  });
});

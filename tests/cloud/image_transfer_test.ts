/**
 * Contract tests of Glance image data: streamed upload (stream, file path,
 * bytes) with progress, streamed download checked against the image's
 * `os_hash_value`, and the image waiter.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Forbidden, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { polling, withCleanup } from "./_wait.ts";

contractTest(
  "image: upload from a stream and a file, download verified by os_hash_value",
  async (target) => {
    await using cloud = openCloud({ env: target.demoEnv });
    const images = cloud.image.images;
    const data = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const sha512 = createHash("sha512").update(data).digest("hex");
    await withCleanup(async (undo) => {
      const make = async () => {
        const image = await images.create({
          name: uniqueName("img"),
          disk_format: "raw",
          container_format: "bare",
        });
        undo.push(() => images.delete(image.id));
        return image;
      };
      const fromStream = await make();
      let sent = 0;
      await images.upload(fromStream.id, new Blob([data]).stream(), {
        onProgress: (bytes) => (sent = bytes),
      });
      assert.equal(sent, data.length);
      const active = await images.waitFor(fromStream.id, { status: "active", ...polling(target) });
      assert.equal(active.size, data.length);
      assert.equal(active.os_hash_algo, "sha512");
      assert.equal(active.os_hash_value, sha512);
      assert.equal(active.checksum, createHash("md5").update(data).digest("hex"));
      let received = 0;
      const back = await new Response(
        await images.download(fromStream.id, { onProgress: (bytes) => (received = bytes) }),
      ).bytes();
      assert.deepEqual(back, data);
      assert.equal(received, data.length);

      const path = await Deno.makeTempFile();
      undo.push(() => Deno.remove(path));
      await Deno.writeFile(path, data);
      const fromFile = await make();
      await images.upload(fromFile.id, path);
      await images.waitFor(fromFile.id, { status: "active", ...polling(target) });
      assert.deepEqual(await new Response(await images.download(fromFile.id)).bytes(), data);

      const empty = await make();
      assert.equal((await new Response(await images.download(empty.id)).bytes()).length, 0);
    });
  },
);

contractTest(
  "image: Glance's reason is the error message (Accept: application/json)",
  async (target) => {
    await using cloud = openCloud({ env: target.demoEnv });
    const id = crypto.randomUUID();
    await assert.rejects(cloud.image.images.get(id), (e: unknown) => {
      assert.ok(e instanceof NotFound);
      assert.match(e.message, new RegExp(`No image found with ID ${id}`));
      assert.match(e.headers.get("content-type") ?? "", /application\/json/);
      return true;
    });
    await assert.rejects(
      cloud.image.images.create({ name: uniqueName("img"), status: "active" }),
      (e: unknown) => e instanceof Forbidden && /Attribute 'status' is read-only/.test(e.message),
    );
  },
);

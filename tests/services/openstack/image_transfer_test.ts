import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ChecksumMismatch, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { openCloud } from "../../../src/services/openstack/mod.ts";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

Deno.test("ImageClient: a 1 GiB download streams with at most 64 MiB RSS growth, checksum verified", async () => {
  await using fake = await FakeCloud.start();
  const id = await fake.addGeneratedImage({ name: "big", size: GiB });
  // The client runs in its own process: its RSS is then the client's alone.
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("./_download_child.ts", import.meta.url).pathname],
    env: { ...fake.env(), NIMBUS_IMAGE_ID: id },
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout, stderr } = await child.output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  const result = JSON.parse(new TextDecoder().decode(stdout).trim().split("\n").at(-1) ?? "{}");
  assert.equal(result.bytes, GiB);
  assert.equal(result.progress, GiB);
  const mib = (n: number) => (n / MiB).toFixed(1);
  console.log(
    `1 GiB download: RSS growth ${mib(result.growth)} MiB after the first 64 MiB, ` +
      `${mib(result.growthFromStart)} MiB from the first byte`,
  );
  assert.ok(result.growth <= 64 * MiB, `RSS grew by ${mib(result.growth)} MiB`);
  // V8 frees external buffers lazily (up to ~64 MiB of them); buffering the body would fail this.
  assert.ok(result.growthFromStart <= 128 * MiB, `RSS grew by ${mib(result.growthFromStart)} MiB`);
});

Deno.test("ImageClient: a download whose bytes differ from os_hash_value errors with ChecksumMismatch", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const image = await cloud.image.images.create({
    name: "ct-tampered",
    disk_format: "raw",
    container_format: "bare",
  });
  await cloud.image.images.upload(image.id, new TextEncoder().encode("original data"));
  fake.inject({
    path: `/image/v2/images/${image.id}/file`,
    method: "GET",
    status: 200,
    body: "tampered data",
    headers: { "content-type": "application/octet-stream" },
  });
  const stream = await cloud.image.images.download(image.id);
  await assert.rejects(new Response(stream).bytes(), (e: unknown) => {
    assert.ok(e instanceof ChecksumMismatch);
    assert.equal(e.algorithm, "sha512");
    assert.equal(e.bytes, 13);
    assert.match(e.message, new RegExp(`Image ${image.id}: sha512`));
    return true;
  });
  // Untampered, the same image verifies.
  const good = await new Response(await cloud.image.images.download(image.id)).text();
  assert.equal(good, "original data");
});

Deno.test("ImageClient: upload from a stream, a file path and bytes, with progress; 204 gives an empty stream", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env() });
  const make = () =>
    cloud.image.images.create({ name: "ct-up", disk_format: "raw", container_format: "bare" });
  const data = new Uint8Array(300_000).map((_, i) => i % 251);
  const sha = createHash("sha512").update(data).digest("hex");

  const fromStream = await make();
  const progress: number[] = [];
  await cloud.image.images.upload(fromStream.id, new Blob([data]).stream(), {
    onProgress: (bytes) => progress.push(bytes),
  });
  assert.equal(progress.at(-1), data.length);
  assert.ok(progress.length >= 1);
  assert.equal((await cloud.image.images.get(fromStream.id)).os_hash_value, sha);

  const path = await Deno.makeTempFile();
  try {
    await Deno.writeFile(path, data);
    const fromFile = await make();
    let total: number | undefined;
    let sent = 0;
    await cloud.image.images.upload(fromFile.id, path, {
      onProgress: (bytes, t) => {
        sent = bytes;
        total = t;
      },
    });
    assert.equal(sent, data.length);
    assert.equal(total, data.length);
    const back = await new Response(await cloud.image.images.download(fromFile.id)).bytes();
    assert.deepEqual(back, data);
  } finally {
    await Deno.remove(path);
  }

  const fromBytes = await make();
  const calls: [number, number | undefined][] = [];
  await cloud.image.images.upload(fromBytes.id, data, { onProgress: (b, t) => calls.push([b, t]) });
  assert.deepEqual(calls, [[data.length, data.length]]);

  const empty = await make();
  const nothing = await new Response(await cloud.image.images.download(empty.id)).bytes();
  assert.equal(nothing.length, 0);
  await assert.rejects(
    cloud.image.images.upload(empty.id, "/nonexistent/file"),
    /Cannot read the image file/,
  );
  await assert.rejects(cloud.image.images.download(crypto.randomUUID()), NotFound);
});

import { openCloud } from "./src/services/openstack/mod.ts";
const real = JSON.parse(Deno.readTextFileSync("/work/briefs/real-cloud.json"));
await using cloud = openCloud({ env: real.demoEnv });
for await (const v of cloud.blockStorage.volumes.list()) {
  if (v.name?.startsWith("ct-")) await cloud.blockStorage.volumes.delete(v.id);
}
const t0 = Date.now();
const log = (...a: unknown[]) => console.log(((Date.now() - t0) / 1000).toFixed(1), ...a);
const w = { interval: 500, timeout: 120000 };
const server = await cloud.compute.servers.create({
  name: "ct-vm",
  flavorRef: "1",
  imageRef: real.fixtures.imageId,
});
const volume = await cloud.blockStorage.volumes.create({ name: "ct-disk", size: 1 });
await cloud.compute.servers.waitFor(server.id, { status: "ACTIVE", ...w });
log("active");
await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", ...w });
log("vol available");
const att = cloud.compute.servers.volumeAttachments(server.id);
log(JSON.stringify(await att.create({ volumeId: volume.id })));
const inUse = await cloud.blockStorage.volumes.waitFor(volume.id, {
  status: "in-use",
  ...w,
  onProgress: (v) => log(v.status),
});
log(JSON.stringify(inUse.attachments));
for await (const a of att.list()) log("list", JSON.stringify(a));
log(
  JSON.stringify(
    (await cloud.compute.servers.get(server.id))["os-extended-volumes:volumes_attached"],
  ),
);
try {
  await cloud.blockStorage.volumes.delete(volume.id);
} catch (e) {
  log(String(e));
}
await att.delete(volume.id);
log("detach sent");
await cloud.blockStorage.volumes.waitFor(volume.id, {
  status: "available",
  ...w,
  onProgress: (v) => log(v.status),
});
try {
  await att.get(volume.id);
} catch (e) {
  log(String(e));
}
await cloud.compute.servers.delete(server.id);
await cloud.blockStorage.volumes.delete(volume.id);

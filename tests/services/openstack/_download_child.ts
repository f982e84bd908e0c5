/**
 * Child process of the 1 GiB download test: downloads one image with a
 * fresh runtime (so the RSS measured is this client's alone, not the test
 * runner's or the fake's) and prints JSON: `bytes`, `progress`, `growth`
 * (peak RSS over the RSS once the first 64 MiB arrived: the steady state,
 * after V8's lazy collection of external buffers has reached its level) and
 * `growthFromStart` (peak RSS over the RSS before the first byte).
 * Env: the `OS_*` login and NIMBUS_IMAGE_ID.
 */
import { openCloud } from "../../../src/services/openstack/mod.ts";

const WARM = 64 * 1024 * 1024;
const id = Deno.env.get("NIMBUS_IMAGE_ID") ?? "";
await using cloud = openCloud({ env: Deno.env.toObject() });
let progress = 0;
const stream = await cloud.image.images.download(id, { onProgress: (b) => (progress = b) });
const start = Deno.memoryUsage().rss;
let warm: number | undefined;
let peak = start;
let bytes = 0;
const reader = stream.getReader();
for (let i = 0; i < 10_000_000; i++) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  if (warm === undefined && bytes >= WARM) warm = Deno.memoryUsage().rss;
  if (i % 64 === 0) peak = Math.max(peak, Deno.memoryUsage().rss);
}
peak = Math.max(peak, Deno.memoryUsage().rss);
console.log(JSON.stringify({
  bytes,
  progress,
  growth: peak - (warm ?? start),
  growthFromStart: peak - start,
}));

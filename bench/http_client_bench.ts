/**
 * HTTPClient against raw fetch on the same local server, in one run.
 * `deno task bench` prints each group's ratio to its raw-fetch baseline.
 */
import { computeFixture } from "./_compute_fixture.ts";

const { base, http, compute, close } = computeFixture("bench-token");

async function rawFetch(): Promise<void> {
  const r = await fetch(`${base}/servers`, { headers: { "X-Auth-Token": "bench-token" } });
  await r.json();
}
async function viaRequest(): Promise<void> {
  const r = await http.request("GET", `${base}/servers`, {
    headers: { "X-Auth-Token": "bench-token" },
  });
  await r.json();
}
async function viaClientRequest(): Promise<void> {
  const r = await compute.get("/servers");
  await r.json();
}
function parallel(n: number, fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    await Promise.all(Array.from({ length: n }, fn));
  };
}

for (
  const [label, n] of [["sequential", 1], ["16 concurrent", 16], ["64 concurrent", 64]] as const
) {
  const run = (fn: () => Promise<void>) => (n === 1 ? fn : parallel(n, fn));
  Deno.bench({ name: `raw fetch (${label})`, group: label, baseline: true, fn: run(rawFetch) });
  Deno.bench({ name: `HTTPClient.request (${label})`, group: label, fn: run(viaRequest) });
  Deno.bench({
    name: `BaseClient → clientRequest (${label})`,
    group: label,
    fn: run(viaClientRequest),
  });
}

globalThis.addEventListener("unload", () => {
  close();
});

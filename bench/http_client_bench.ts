/**
 * HTTPClient against raw fetch on the same local server, in one run.
 * `deno task bench` prints each group's ratio to its raw-fetch baseline.
 */
import { BaseClient, HTTPClient } from "../mod.ts";
import { TokenEndpointAuth } from "../src/auth/token_endpoint_auth.ts";

const payload = JSON.stringify({
  servers: Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `vm-${i}` })),
});
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen() {} },
  () =>
    new Response(payload, {
      headers: { "content-type": "application/json", "x-openstack-request-id": "req-1" },
    }),
);
const base = `http://127.0.0.1:${server.addr.port}`;

class Compute extends BaseClient {
  static override serviceType = "compute";
}
const http = new HTTPClient(
  new TokenEndpointAuth({ token: "bench-token", endpoint: `${base}/v2.1` }),
);
const compute = new Compute(http);

async function rawFetch(): Promise<void> {
  const r = await fetch(`${base}/v2.1/servers`, { headers: { "X-Auth-Token": "bench-token" } });
  await r.json();
}
async function viaRequest(): Promise<void> {
  const r = await http.request("GET", `${base}/v2.1/servers`, {
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
  server.shutdown();
  http.close();
});

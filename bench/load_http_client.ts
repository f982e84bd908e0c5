/**
 * Load script: many requests through raw fetch and through HTTPClient on the
 * same local server, interleaved in rounds so machine noise hits both, then
 * the ratio. Run: deno run -A bench/load_http_client.ts [requests] [concurrency]
 */
import { BaseClient, HTTPClient } from "../src/http/mod.ts";
import { TokenEndpointAuth } from "../src/auth/token_endpoint_auth.ts";

const total = Number(Deno.args[0] ?? 20_000);
const concurrency = Number(Deno.args[1] ?? 16);
const rounds = 5;

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
const base = `http://127.0.0.1:${server.addr.port}/v2.1`;

class Compute extends BaseClient {
  static override serviceType = "compute";
}
const http = new HTTPClient(new TokenEndpointAuth({ token: "load-token", endpoint: base }));
const compute = new Compute(http);

const kinds: Record<string, () => Promise<unknown>> = {
  "raw fetch": async () =>
    await (await fetch(`${base}/servers`, { headers: { "X-Auth-Token": "load-token" } })).json(),
  "HTTPClient.request": async () =>
    await (await http.request("GET", `${base}/servers`, {
      headers: { "X-Auth-Token": "load-token" },
    }))
      .json(),
  "clientRequest": async () => await (await compute.get("/servers")).json(),
};

async function drive(fn: () => Promise<unknown>, count: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < count) await fn();
  }));
  return performance.now() - start;
}

const spent: Record<string, number> = {};
for (const fn of Object.values(kinds)) await drive(fn, 1000);
for (let round = 0; round < rounds; round++) {
  for (const [name, fn] of Object.entries(kinds)) {
    spent[name] = (spent[name] ?? 0) + await drive(fn, total / rounds);
  }
}
const raw = spent["raw fetch"]!;
console.log(`${total} requests, concurrency ${concurrency}`);
for (const [name, ms] of Object.entries(spent)) {
  const rps = Math.round(total / (ms / 1000));
  console.log(
    `${name.padEnd(20)} ${rps.toString().padStart(7)} req/s  ratio ${(ms / raw).toFixed(3)}`,
  );
}
await server.shutdown();
await http.close();

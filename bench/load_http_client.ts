/**
 * Load script: many requests through raw fetch and through HTTPClient on the
 * same local server, interleaved in rounds so machine noise hits both, then
 * the ratio. Run: deno run -A bench/load_http_client.ts [requests] [concurrency]
 */
import { computeFixture } from "./_compute_fixture.ts";

const total = Number(Deno.args[0] ?? 20_000);
const concurrency = Number(Deno.args[1] ?? 16);
const rounds = 5;

const { base, http, compute, close } = computeFixture("load-token");

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
await close();

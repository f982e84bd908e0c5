/**
 * The comparison bench (`deno task bench`): this project's clients against raw
 * `fetch`, ofetch and ky, on one node:http server pinned to one core while the
 * clients run on the other. Rounds are interleaved (the order of the clients
 * rotates each round) and every ratio is taken against raw fetch in the same
 * round, so machine noise hits every client alike. Writes bench/RESULTS.md.
 *
 *   deno task bench [--rounds N] [--quick]
 *   deno run -A --cpu-prof bench/compare.ts --only HTTPClient.request   (one client, for a profile)
 *
 * Each run is timed twice: wall time, and this process's CPU time (user +
 * system): on a machine shared with other work, wall time partly measures the
 * neighbours, CPU time only what the client itself costs.
 */
import { BaseClient, HTTPClient, MemoryTokenStore, TokenCache } from "../mod.ts";
import { Connection } from "../mod.ts";
import { KeystonePasswordAuth } from "../src/auth/mod.ts";
import "../src/services/ovirt/mod.ts";
import { ofetch } from "ofetch";
import ky from "ky";
import process from "node:process";

const args = new Set(Deno.args);
const quick = args.has("--quick");
const onlyArg = Deno.args.indexOf("--only");
const ONLY = onlyArg >= 0 ? Deno.args[onlyArg + 1] : undefined;
const roundsArg = Deno.args.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(Deno.args[roundsArg + 1]) : quick ? 2 : 5;
const HERE = new URL(".", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;

// ---- pinning: the server on core 0, this process on core 1 --------------------------------

async function hasTaskset(): Promise<boolean> {
  try {
    const out = await new Deno.Command("taskset", { args: ["-c", "0", "true"] }).output();
    return out.success;
  } catch {
    return false;
  }
}
// Inside the re-run under `taskset -c 1` this process sees one core: it is pinned, not alone.
const pinnedRun = Deno.env.get("NIMBUS_BENCH_PINNED") === "1";
const taskset = pinnedRun || (await hasTaskset() && navigator.hardwareConcurrency >= 2);
if (taskset && !pinnedRun) {
  const child = new Deno.Command("taskset", {
    args: [
      "-c",
      "1",
      Deno.execPath(),
      "run",
      "-A",
      new URL(import.meta.url).pathname,
      ...Deno.args,
    ],
    env: { NIMBUS_BENCH_PINNED: "1" },
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  Deno.exit((await child.status).code);
}

const server = new Deno.Command(taskset ? "taskset" : "node", {
  args: taskset ? ["-c", "0", "node", `${HERE}compare/server.mjs`] : [`${HERE}compare/server.mjs`],
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
const first = await reader.read();
const port = Number(first.value?.trim());
reader.releaseLock();
server.stdout.cancel().catch(() => {});
if (!Number.isInteger(port) || port <= 0) throw new Error(`server did not start: ${first.value}`);
const BASE = `http://127.0.0.1:${port}`;

// ---- clients -----------------------------------------------------------------------------

class Compute extends BaseClient {
  static override serviceType = "compute";
}

async function login(): Promise<string> {
  const res = await fetch(`${BASE}/v3/auth/tokens`, { method: "POST", body: "{}" });
  await res.body?.cancel();
  return res.headers.get("x-subject-token")!;
}

function keystoneAuth(): KeystonePasswordAuth {
  return new KeystonePasswordAuth({
    authUrl: `${BASE}/v3`,
    username: "bench",
    password: "bench-password",
    userDomainName: "Default",
    projectName: "bench",
    projectDomainName: "Default",
  });
}

const token = await login();
const headers = { "X-Auth-Token": token };
const http = new HTTPClient(null);
const session = new HTTPClient(keystoneAuth());
const compute = new Compute(session);
const connection = (format: "xml" | "json") =>
  new Connection({
    url: `${BASE}/ovirt-engine/api`,
    username: "admin@internal",
    password: "bench-password",
    format,
    connections: 64,
  });
const ovirtXml = connection("xml");
const ovirtJson = connection("json");
const kyClient = ky.create({ retry: 0, timeout: false });
const payload = JSON.stringify({ data: "x".repeat(1000) });

type Op = () => Promise<unknown>;
interface Workload {
  name: string;
  /** operations per client per round */
  count: number;
  concurrency: number;
  clients: Record<string, Op>;
}

const small = `${BASE}/compute/servers`;
const list = `${BASE}/compute/vms10k`;
const getClients: Record<string, Op> = {
  "raw fetch": async () => await (await fetch(small, { headers })).json(),
  "ofetch": () => ofetch(small, { headers }),
  "ky": () => kyClient.get(small, { headers }).json(),
  "HTTPClient.request": async () => await (await http.request("GET", small, { headers })).json(),
  "clientRequest": async () => await (await compute.get("/servers")).json(),
};
const postClients: Record<string, Op> = {
  "raw fetch": async () =>
    await (await fetch(`${BASE}/compute/echo`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: payload,
    })).json(),
  "ofetch": () => ofetch(`${BASE}/compute/echo`, { method: "POST", headers, body: payload }),
  "ky": () => kyClient.post(`${BASE}/compute/echo`, { headers, body: payload }).json(),
  "HTTPClient.request": async () =>
    await (await http.request("POST", `${BASE}/compute/echo`, {
      headers,
      json: JSON.parse(payload),
    })).json(),
  "clientRequest": async () =>
    await (await compute.post("/echo", { json: JSON.parse(payload) })).json(),
};
const listClients: Record<string, Op> = {
  "raw fetch": async () => await (await fetch(list, { headers })).json(),
  "ofetch": () => ofetch(list, { headers }),
  "ky": () => kyClient.get(list, { headers }).json(),
  "HTTPClient.request": async () => await (await http.request("GET", list, { headers })).json(),
  "clientRequest": async () => await (await compute.get("/vms10k")).json(),
  "Connection XML typed": () => ovirtXml.systemService().vmsService().list(),
  "Connection JSON typed": () => ovirtJson.systemService().vmsService().list(),
};

const scale = quick ? 0.25 : 1;
const workloads: Workload[] = [
  { name: "sequential GET, small JSON", count: 1500, concurrency: 1, clients: getClients },
  { name: "16 concurrent GETs", count: 6000, concurrency: 16, clients: getClients },
  { name: "64 concurrent GETs", count: 6000, concurrency: 64, clients: getClients },
  { name: "POST 1 KB JSON", count: 1500, concurrency: 1, clients: postClients },
  { name: "10,000-VM list decode", count: 4, concurrency: 1, clients: listClients },
];

/** Runs `count` operations with `concurrency` in flight: wall and CPU ms spent. */
async function drive(
  op: Op,
  count: number,
  concurrency: number,
): Promise<{ wall: number; cpu: number }> {
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < count) await op();
  }));
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

if (ONLY) {
  // Profiling: one client through every workload, nothing else.
  for (const w of workloads) {
    const op = w.clients[ONLY];
    if (op) await drive(op, Math.round(w.count * scale) * ROUNDS, w.concurrency);
  }
  server.kill("SIGTERM");
  await server.status;
  Deno.exit(0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Row {
  client: string;
  /** wall-time ratios to raw fetch, one per round */
  ratios: number[];
  /** CPU-time ratios to raw fetch, one per round */
  cpuRatios: number[];
  msPerOp: number[];
}
const results: { workload: Workload; rows: Row[] }[] = [];

for (const workload of workloads) {
  const count = Math.max(2, Math.round(workload.count * scale));
  const names = Object.keys(workload.clients);
  // Warm-up: JIT, connection pools, the logins of clientRequest and Connection.
  for (const name of names) {
    await drive(workload.clients[name]!, Math.min(count, 200), workload.concurrency);
  }
  const rows: Row[] = names.map((client) => ({ client, ratios: [], cpuRatios: [], msPerOp: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    const spent: Record<string, { wall: number; cpu: number }> = {};
    for (const name of order) {
      spent[name] = await drive(workload.clients[name]!, count, workload.concurrency);
    }
    const raw = spent["raw fetch"]!;
    for (const row of rows) {
      const mine = spent[row.client]!;
      row.ratios.push(mine.wall / raw.wall);
      row.cpuRatios.push(mine.cpu / raw.cpu);
      row.msPerOp.push(mine.wall / count);
    }
  }
  results.push({ workload, rows });
  console.error(`bench: ${workload.name} done`);
}

// ---- the revoked-token storm: 1,000 concurrent requests right after a revocation ---------

async function stats(): Promise<{ keystoneLogins: number; ssoLogins: number }> {
  return await (await fetch(`${BASE}/_stats`)).json();
}
async function revoke(): Promise<void> {
  await (await fetch(`${BASE}/_revoke`, { method: "POST" })).body?.cancel();
}
async function storm(run: () => Promise<unknown>, field: "keystoneLogins" | "ssoLogins") {
  await run(); // logged in
  await revoke();
  const before = (await stats())[field];
  const outcomes = await Promise.allSettled(Array.from({ length: 1000 }, run));
  const after = (await stats())[field];
  return {
    logins: after - before,
    failed: outcomes.filter((o) => o.status === "rejected").length,
  };
}
const stormHttp = await storm(
  async () => await (await compute.get("/servers")).json(),
  "keystoneLogins",
);
const stormOvirt = await storm(() => ovirtXml.systemService().get(), "ssoLogins");
console.error("bench: storms done");

// ---- token cache hit and miss -----------------------------------------------------------

async function cacheTimes(): Promise<{ hitUs: number; missUs: number }> {
  const cache = new TokenCache({ store: new MemoryTokenStore(), secret: "bench secret" });
  const scope = { authUrl: `${BASE}/v3`, username: "bench", project: "bench" };
  await cache.set(scope, {
    token: "t".repeat(180),
    expiresAt: Date.now() + 3_600_000,
    data: { catalog: [] },
  });
  const n = quick ? 500 : 2000;
  for (let i = 0; i < 200; i++) await cache.get(scope);
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    if ((await cache.get(scope)) === undefined) throw new Error("expected a hit");
  }
  const hitUs = (performance.now() - start) * 1000 / n;
  const other = { ...scope, username: "nobody" };
  start = performance.now();
  for (let i = 0; i < n; i++) await cache.get(other);
  const missUs = (performance.now() - start) * 1000 / n;
  return { hitUs, missUs };
}
const cacheResult = await cacheTimes();

// ---- peak memory of the 10,000-VM list, each client in its own process ---------------------

const peakToken = await login(); // the storms revoked the first one
async function peak(client: string): Promise<number> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${HERE}compare/peak.ts`, client, BASE, peakToken],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  const mib = Number(text);
  if (!out.success || !Number.isFinite(mib)) throw new Error(`peak ${client}: ${text}`);
  return mib;
}
const peakClients = [
  "raw fetch",
  "HTTPClient.request",
  "Connection JSON typed",
  "Connection XML typed",
];
const peaks: Record<string, number[]> = {};
for (let i = 0; i < (quick ? 1 : 3); i++) {
  for (const client of peakClients) (peaks[client] ??= []).push(await peak(client));
}
console.error("bench: peaks done");

// ---- codecs: typed decode against JSON.parse of the same VMs ------------------------------

const { vmsJson, vmsXml } = await import("./compare/vm_documents.mjs");
const { readJson, readXml, Vm } = await import("../src/services/ovirt/mod.ts");
const jsonText: string = vmsJson(10_000);
const xmlText: string = vmsXml(10_000);
function timeIt(fn: () => unknown, n: number): number {
  for (let i = 0; i < 2; i++) fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - start) / n;
}
const codecN = quick ? 3 : 10;
const codecRatios = { json: [] as number[], xml: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const parse = timeIt(() => JSON.parse(jsonText), codecN);
  codecRatios.json.push(timeIt(() => readJson(jsonText, Vm, { list: true }), codecN) / parse);
  codecRatios.xml.push(timeIt(() => readXml(xmlText), codecN) / parse);
}

// ---- report ------------------------------------------------------------------------------

await session.close();
await http.close();
await ovirtXml.close({ logout: false });
await ovirtJson.close({ logout: false });
server.kill("SIGTERM");
await server.status;

const fmt = (x: number) => x.toFixed(2);
const range = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
const cpu = (() => {
  try {
    return Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
})();
const cores = (() => {
  try {
    return Deno.readTextFileSync("/proc/cpuinfo").match(/^processor\s*:/gm)?.length ?? 0;
  } catch {
    return navigator.hardwareConcurrency;
  }
})();
const nodeVersion = new TextDecoder().decode(
  (await new Deno.Command("node", { args: ["--version"], stdout: "piped" }).output()).stdout,
).trim();

const lines: string[] = [
  "# Benchmark results",
  "",
  `Generated by \`deno task bench\` on ${
    new Date().toISOString().slice(0, 10)
  }: Deno ${Deno.version.deno}, ` +
  `server on Node ${nodeVersion} (node:http), ${cpu}, ${cores} cores, ` +
  (taskset
    ? "server pinned to core 0 and clients to core 1 (taskset)."
    : "no taskset: not pinned."),
  `${ROUNDS} interleaved rounds; each ratio is the client's time over raw \`fetch\` + \`res.json()\` ` +
  "in the same round (lower is better; 1.00 = raw fetch). Median, then min–max over the rounds.",
  "",
];
for (const { workload, rows } of results) {
  lines.push(
    `## ${workload.name} (${
      Math.round(workload.count * scale)
    } per round, concurrency ${workload.concurrency})`,
    "",
  );
  lines.push(
    "| client | wall ratio (median) | min–max | CPU ratio (median) | min–max | ms per op (median) |",
    "|---|---:|---:|---:|---:|---:|",
  );
  for (const row of rows) {
    lines.push(
      `| ${row.client} | ${fmt(median(row.ratios))} | ${range(row.ratios)} | ${
        fmt(median(row.cpuRatios))
      } | ${range(row.cpuRatios)} | ${median(row.msPerOp).toFixed(3)} |`,
    );
  }
  lines.push("");
}
lines.push("## Peak memory of the 10,000-VM list", "");
lines.push(
  "Each client in its own process: the growth of peak RSS (VmHWM after /proc/self/clear_refs) " +
    "while fetching and decoding the list once, median of the runs.",
  "",
  "| client | peak growth (MiB) | ratio to raw fetch |",
  "|---|---:|---:|",
);
const rawPeak = median(peaks["raw fetch"]!);
for (const client of peakClients) {
  const m = median(peaks[client]!);
  lines.push(`| ${client} | ${m.toFixed(1)} | ${fmt(m / rawPeak)} |`);
}
lines.push("", "## Revoked-token storm (1,000 concurrent requests right after a revocation)", "");
lines.push("| client | logins | failed requests |", "|---|---:|---:|");
lines.push(`| clientRequest (Keystone plugin) | ${stormHttp.logins} | ${stormHttp.failed} |`);
lines.push(`| Connection (oVirt SSO) | ${stormOvirt.logins} | ${stormOvirt.failed} |`);
lines.push("", "## Token cache (MemoryTokenStore, sealed entries)", "");
lines.push("| operation | µs per call |", "|---|---:|");
lines.push(`| hit (open + verify) | ${cacheResult.hitUs.toFixed(1)} |`);
lines.push(`| miss | ${cacheResult.missUs.toFixed(1)} |`);
lines.push("", "## oVirt typed decode of 10,000 VMs against JSON.parse of the same VMs", "");
lines.push("| reader | ratio (median) | min–max |", "|---|---:|---:|");
lines.push(`| readJson | ${fmt(median(codecRatios.json))} | ${range(codecRatios.json)} |`);
lines.push(`| readXml | ${fmt(median(codecRatios.xml))} | ${range(codecRatios.xml)} |`);

// Targets of the speed issue, checked against this run.
const ratioOf = (w: string, c: string, kind: "ratios" | "cpuRatios" = "ratios") =>
  median(results.find((r) => r.workload.name === w)!.rows.find((r) => r.client === c)![kind]);
const targets: [string, boolean, string][] = [];
for (const { workload } of results) {
  for (const c of ["HTTPClient.request", "clientRequest"]) {
    const mine = ratioOf(workload.name, c);
    const ofetchRatio = ratioOf(workload.name, "ofetch");
    const mineCpu = ratioOf(workload.name, c, "cpuRatios");
    const ofetchCpu = ratioOf(workload.name, "ofetch", "cpuRatios");
    targets.push([
      `${c}, ${workload.name}: ≤ 1.05× raw fetch and below ofetch (judged on wall; CPU shown)`,
      mine <= 1.05 && mine < ofetchRatio,
      `${fmt(mine)} / ${fmt(mineCpu)} (ofetch ${fmt(ofetchRatio)} / ${fmt(ofetchCpu)})`,
    ]);
  }
}
const peakRatio = median(peaks["HTTPClient.request"]!) / rawPeak;
targets.push(["10,000-VM list peak memory ≤ 1.3× raw fetch", peakRatio <= 1.3, fmt(peakRatio)]);
targets.push([
  "revoked-token storm of 1,000: exactly 1 login (Keystone)",
  stormHttp.logins === 1 && stormHttp.failed === 0,
  `${stormHttp.logins} login(s), ${stormHttp.failed} failed`,
]);
targets.push([
  "revoked-token storm of 1,000: exactly 1 login (oVirt SSO)",
  stormOvirt.logins === 1 && stormOvirt.failed === 0,
  `${stormOvirt.logins} login(s), ${stormOvirt.failed} failed`,
]);
targets.push([
  "sealed cache hit ≤ 50 µs",
  cacheResult.hitUs <= 50,
  `${cacheResult.hitUs.toFixed(1)} µs`,
]);
targets.push([
  "readJson ≤ 1.5× JSON.parse",
  median(codecRatios.json) <= 1.5,
  fmt(median(codecRatios.json)),
]);
targets.push([
  "readXml ≤ 5× JSON.parse",
  median(codecRatios.xml) <= 5,
  fmt(median(codecRatios.xml)),
]);
lines.push("", "## Targets", "", "| target | met | this run |", "|---|:-:|---:|");
for (const [name, ok, value] of targets) {
  lines.push(`| ${name} | ${ok ? "yes" : "**no**"} | ${value} |`);
}
lines.push("");

const report = lines.join("\n");
if (!quick) {
  await Deno.writeTextFile(`${ROOT}bench/RESULTS.md`, report);
  // The file is committed: keep it as `deno fmt --check` wants it.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "-q", `${ROOT}bench/RESULTS.md`] })
    .output();
}
console.log(report);

/**
 * The HTTPClient hot path against raw fetch and ofetch, per request: a quick
 * interleaved run (not the full comparison, which is bench/compare.ts).
 * Ratios are of this process's CPU time per request, per round against raw
 * fetch in the same round; the median and min–max of the rounds are printed,
 * then raw fetch's CPU µs per request.
 *
 *   deno run -A bench/http_hot_path_bench.ts [--rounds N]
 *   deno run -A --cpu-prof bench/http_hot_path_bench.ts --only HTTPClient.request
 *
 * `--only <client>` runs that client alone (for a CPU profile of its path).
 * The node:http server of bench/compare runs pinned to core 0 when `taskset`
 * exists; this process should then be run as `taskset -c 1 deno run ...`.
 */
import { BaseClient, HTTPClient } from "../mod.ts";
import { KeystonePasswordAuth } from "../src/auth/mod.ts";
import { ofetch } from "ofetch";
import process from "node:process";

async function main(): Promise<void> {
  const arg = (name: string) => {
    const at = Deno.args.indexOf(name);
    return at >= 0 ? Deno.args[at + 1] : undefined;
  };
  const ROUNDS = Number(arg("--rounds") ?? 5);
  const ONLY = arg("--only");

  const pinned = await new Deno.Command("taskset", { args: ["-c", "0", "true"] }).output()
    .then((o) => o.success, () => false);
  const serverScript = new URL("compare/server.mjs", import.meta.url).pathname;
  const server = new Deno.Command(pinned ? "taskset" : "node", {
    args: pinned ? ["-c", "0", "node", serverScript] : [serverScript],
    stdout: "piped",
  }).spawn();
  const lines = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const port = Number((await lines.read()).value?.trim());
  lines.releaseLock();
  server.stdout.cancel().catch(() => {});
  const BASE = `http://127.0.0.1:${port}`;

  class Compute extends BaseClient {
    static override serviceType = "compute";
  }
  const login = await fetch(`${BASE}/v3/auth/tokens`, { method: "POST", body: "{}" });
  await login.body?.cancel();
  const headers = { "X-Auth-Token": login.headers.get("x-subject-token")! };
  const http = new HTTPClient(null);
  const compute = new Compute(
    new HTTPClient(
      new KeystonePasswordAuth({
        authUrl: `${BASE}/v3`,
        username: "bench",
        password: "bench-password",
        userDomainName: "Default",
        projectName: "bench",
        projectDomainName: "Default",
      }),
    ),
  );
  const small = `${BASE}/compute/servers`;
  const echo = `${BASE}/compute/echo`;
  const payload = { data: "x".repeat(1000) };
  const body = JSON.stringify(payload);

  type Op = () => Promise<unknown>;
  const get: Record<string, Op> = {
    "raw fetch": async () => await (await fetch(small, { headers })).json(),
    "ofetch": () => ofetch(small, { headers }),
    "HTTPClient.request": async () => await (await http.request("GET", small, { headers })).json(),
    "clientRequest": async () => await (await compute.get("/servers")).json(),
  };
  const post: Record<string, Op> = {
    "raw fetch": async () =>
      await (await fetch(echo, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body,
      })).json(),
    "ofetch": () => ofetch(echo, { method: "POST", headers, body: payload }),
    "HTTPClient.request": async () =>
      await (await http.request("POST", echo, { headers, json: payload })).json(),
    "clientRequest": async () => await (await compute.post("/echo", { json: payload })).json(),
  };
  const workloads = [
    { name: "sequential GET", count: 1500, concurrency: 1, clients: get },
    { name: "16 concurrent GETs", count: 4000, concurrency: 16, clients: get },
    { name: "64 concurrent GETs", count: 4000, concurrency: 64, clients: get },
    { name: "POST 1 KB JSON", count: 1500, concurrency: 1, clients: post },
  ];

  /**
   * Runs `count` operations with `concurrency` in flight; returns this
   * process's CPU time spent (user + system, ms). CPU time, not wall time: on a
   * machine shared with other work, wall time mostly measures the neighbours.
   */
  async function run(op: Op, count: number, concurrency: number): Promise<number> {
    let started = 0;
    const before = process.cpuUsage();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (started++ < count) await op();
    }));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }

  if (ONLY) {
    for (const w of workloads) await run(w.clients[ONLY]!, w.count * ROUNDS, w.concurrency);
  } else {
    console.log(`| workload | ${Object.keys(get).slice(1).join(" | ")} | raw fetch µs/req |`);
    console.log(`|---|${Object.keys(get).map(() => "---").join("|")}|`);
    for (const w of workloads) {
      const names = Object.keys(w.clients);
      for (const name of names) await run(w.clients[name]!, 300, w.concurrency);
      const ratios: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
      const raw: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const spent: Record<string, number> = {};
        // Rotate the order each round so drift hits every client alike.
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + round) % names.length]!;
          spent[name] = await run(w.clients[name]!, w.count, w.concurrency);
        }
        for (const name of names) ratios[name]!.push(spent[name]! / spent["raw fetch"]!);
        raw.push((spent["raw fetch"]! * 1000) / w.count);
      }
      const cell = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return `${s[s.length >> 1]!.toFixed(3)} (${s[0]!.toFixed(2)}–${s.at(-1)!.toFixed(2)})`;
      };
      const us = [...raw].sort((a, b) => a - b)[raw.length >> 1]!.toFixed(0);
      console.log(
        `| ${w.name} | ${names.slice(1).map((n) => cell(ratios[n]!)).join(" | ")} | ${us} |`,
      );
    }
  }
  server.kill();
  await server.status;
}

// `deno task bench:micro` loads every bench/*_bench.ts: this one is a script, run it only as such.
if (import.meta.main) await main();

/**
 * One client fetching and decoding the 10,000-VM list once, in a process of its
 * own; prints the growth of peak RSS in MiB. Run by bench/compare.ts:
 *   deno run -A bench/compare/peak.ts <client> <base url> <token>
 */
import { Connection, HTTPClient } from "../../mod.ts";
import "../../src/services/ovirt/mod.ts";

const [client, base, token] = Deno.args as [string, string, string];
const headers = { "X-Auth-Token": token };
const url = `${base}/compute/vms10k`;

function status(field: "VmRSS" | "VmHWM"): number {
  const text = Deno.readTextFileSync("/proc/self/status");
  const kb = Number(text.match(new RegExp(`${field}:\\s*(\\d+) kB`))?.[1]);
  return kb * 1024;
}

const http = new HTTPClient(null);
const connection = new Connection({
  url: `${base}/ovirt-engine/api`,
  username: "admin@internal",
  password: "bench-password",
  format: client.includes("JSON") ? "json" : "xml",
});
const ops: Record<string, () => Promise<unknown>> = {
  "raw fetch": async () => await (await fetch(url, { headers })).json(),
  "HTTPClient.request": async () => await (await http.request("GET", url, { headers })).json(),
  "Connection JSON typed": () => connection.systemService().vmsService().list(),
  "Connection XML typed": () => connection.systemService().vmsService().list(),
};
const op = ops[client];
if (op === undefined) throw new Error(`unknown client ${client}`);
// Warm up on a small reply: code loaded, connection open, logged in.
await (await fetch(`${base}/compute/servers`, { headers })).json();
await http.request("GET", `${base}/compute/servers`, { headers }).then((r) => r.json());
await connection.authenticate();
// deno-lint-ignore no-explicit-any
(globalThis as any).gc?.();
// "5" resets the peak (VmHWM) to the current RSS.
Deno.writeTextFileSync("/proc/self/clear_refs", "5");
const before = status("VmRSS");
const kept = await op();
const grown = status("VmHWM") - before;
if (kept === undefined) throw new Error("no result");
console.log((grown / 2 ** 20).toFixed(1));
await http.close();
await connection.close({ logout: false });

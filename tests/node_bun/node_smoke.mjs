// node:test driver of the smoke suite: `node --test tests/node_bun/node_smoke.mjs`
// (scripts/node_bun.sh builds the bundle first).
import { test } from "node:test";
import { loadBundle, smokeCases } from "./cases.mjs";

const api = await loadBundle();
for (const [name, fn] of smokeCases(api)) test(name, { timeout: 30_000 }, fn);

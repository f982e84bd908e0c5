// Bun driver of the smoke suite, a plain script (`bun tests/node_bun/bun_smoke.mjs`):
// runs every case in turn, each bounded in time, and prints
// "bun: N passed, N failed".
import { loadBundle, smokeCases } from "./cases.mjs";

const LIMIT_MS = 30_000;
const api = await loadBundle();
let passed = 0;
let failed = 0;
for (const [name, fn] of smokeCases(api)) {
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${LIMIT_MS} ms`)), LIMIT_MS);
      }),
    ]);
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).split("\n").join("\n  ")}`);
  } finally {
    clearTimeout(timer);
  }
}
console.log(`bun: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

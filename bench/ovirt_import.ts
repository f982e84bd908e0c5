/**
 * How long importing the package takes, each in a fresh process (a module
 * loads once per process): the root (`HTTPClient`, `Connection`, errors),
 * which must not load the oVirt model, and the oVirt entry with the whole
 * generated model. Prints min and median of N runs in milliseconds.
 *
 * Usage: `deno run -A bench/ovirt_import.ts [runs]`
 *
 * @module
 */
const ENTRIES = {
  "package root (mod.ts)": new URL("../mod.ts", import.meta.url).href,
  "oVirt entry (services/ovirt/mod.ts)": new URL("../src/services/ovirt/mod.ts", import.meta.url)
    .href,
};

if (Deno.args[0] === "--child") {
  const start = performance.now();
  await import(Deno.args[1]!);
  console.log((performance.now() - start).toFixed(2));
} else {
  const runs = Math.min(Math.max(Number(Deno.args[0] ?? 15) || 15, 1), 100);
  const config = new URL("../deno.json", import.meta.url).pathname;
  for (const [label, entry] of Object.entries(ENTRIES)) {
    const times: number[] = [];
    // One warm-up run fills the transpile and code caches.
    for (let i = 0; i <= runs; i++) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--config", config, import.meta.filename!, "--child", entry],
        stdout: "piped",
        stderr: "inherit",
      }).output();
      if (i > 0) times.push(Number(new TextDecoder().decode(out.stdout).trim()));
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`${label}: min ${times[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms`);
  }
}

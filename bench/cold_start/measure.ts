/**
 * Whole-process cold-start timing, paired: runs command A and command B in
 * turn (A B A B …) so a drift of the machine's speed hits both alike, and
 * prints each one's median wall time and the median of the per-pair ratios
 * A/B. One warm-up pair first (module cache, page cache), not counted.
 * With /usr/bin/python3 each run's CPU time (user + sys) is taken too: on
 * a loaded machine it moves far less than the wall time.
 *
 *   deno run -A bench/cold_start/measure.ts [runs] -- <A...> -- <B...>
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Debian's Python times the child from inside (getrusage of the children:
// microsecond CPU figures); without it, only the wall time is taken.
const PYTHON = await Deno.stat("/usr/bin/python3").then(() => "/usr/bin/python3", () => undefined);
const TIMER = `
import resource, subprocess, sys, time
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(rc, wall * 1000, cpu * 1000)
`;

interface Run {
  wallMs: number;
  cpuMs: number | undefined;
}

async function time(argv: string[]): Promise<Run> {
  const full = PYTHON ? [PYTHON, "-c", TIMER, ...argv] : argv;
  const start = performance.now();
  const out = await new Deno.Command(full[0]!, {
    args: full.slice(1),
    stdout: PYTHON ? "piped" : "null",
    stderr: "piped",
  }).output();
  const outerMs = performance.now() - start;
  const [rc, wallMs, cpuMs] = PYTHON
    ? new TextDecoder().decode(out.stdout).trim().split(" ").map(Number)
    : [out.code, outerMs, undefined];
  if (!out.success || rc !== 0) {
    throw new Error(`${argv.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return { wallMs: wallMs!, cpuMs };
}

const args = [...Deno.args];
const runs = /^\d+$/.test(args[0] ?? "") ? Math.min(200, Math.max(3, Number(args.shift()))) : 21;
const split = args.indexOf("--", 1);
if (args[0] !== "--" || split < 0) {
  throw new Error("usage: measure.ts [runs] -- <command A...> -- <command B...>");
}
const a = args.slice(1, split);
const b = args.slice(split + 1);
await time(a);
await time(b);
const pairs: Array<[Run, Run]> = [];
for (let i = 0; i < runs; i++) pairs.push([await time(a), await time(b)]);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`runs: ${runs} pairs`);
console.log(`A: ${a.join(" ")}`);
console.log(`B: ${b.join(" ")}`);
for (const key of ["wallMs", "cpuMs"] as const) {
  if (pairs.some(([x, y]) => x[key] === undefined || y[key] === undefined)) continue;
  const label = key === "wallMs" ? "wall" : "cpu ";
  const ratios = pairs.map(([x, y]) => x[key]! / Math.max(y[key]!, 1));
  console.log(
    `${label}: A median ${fmt(median(pairs.map(([x]) => x[key]!)))}, ` +
      `B median ${fmt(median(pairs.map(([, y]) => y[key]!)))}, ` +
      `A/B median of pair ratios ${median(ratios).toFixed(2)}x`,
  );
}

/**
 * The fleet load test: N worker processes start at once against one FakeCloud
 * and share one token store; it prints how many Keystone logins they made
 * (the goal: 1). Redis needs NIMBUS_REDIS_URL (bash scripts/redis.sh run …).
 *   deno run -A bench/fleet/fleet.ts [workers=20] [redis|file]
 */
import { FakeCloud } from "../../src/testing/mod.ts";

/** Runs `workers` processes at once; resolves to the logins made and the statuses. */
export async function runFleet(
  workers: number,
  store: "redis" | "file",
  redisUrl?: string,
): Promise<{ logins: number; statuses: number[]; ms: number }> {
  await using cloud = await FakeCloud.start();
  const dir = await Deno.makeTempDir();
  try {
    const where = store === "redis"
      ? `redis:${redisUrl ?? Deno.env.get("NIMBUS_REDIS_URL") ?? ""}`
      : `file:${dir}/tokens.json`;
    if (where === "redis:") throw new Error("NIMBUS_REDIS_URL is not set");
    // A fresh prefix per run would need a worker option; a fresh FakeCloud issues
    // tokens the old entries cannot pass, so only this run's login can be reused.
    // One worker = one run of the cross-process tests' CLI-like fixture.
    const worker = new URL("../../tests/token_cache/fixtures/keystone_run.ts", import.meta.url)
      .pathname;
    const start = performance.now();
    const runs = Array.from({ length: workers }, async () => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          worker,
          cloud.authUrl,
          where,
          cloud.demo.username,
          cloud.demo.password,
          cloud.demo.projectName,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder().decode(out.stdout).trim();
      if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
      return JSON.parse(text).status as number;
    });
    const statuses = await Promise.all(runs);
    return { logins: cloud.authCount, statuses, ms: performance.now() - start };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const workers = Number(Deno.args[0] ?? 20);
  const kinds = (Deno.args[1] ? [Deno.args[1]] : ["file", "redis"]) as ("redis" | "file")[];
  for (const kind of kinds) {
    if (kind === "redis" && !Deno.env.get("NIMBUS_REDIS_URL")) {
      console.log("redis: skipped (run under `bash scripts/redis.sh run …`)");
      continue;
    }
    const { logins, statuses, ms } = await runFleet(workers, kind);
    const ok = statuses.filter((s) => s === 200).length;
    console.log(
      `${kind}: ${workers} workers, ${logins} Keystone login(s), ${ok}/${workers} lists answered 200, ${
        Math.round(ms)
      } ms`,
    );
  }
}

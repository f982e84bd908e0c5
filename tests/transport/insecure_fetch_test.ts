/**
 * The `insecure: true` transport (node:https): a redirect, a cancelled stream
 * body and a timeout never throw inside a node event handler, and an unread
 * stream body is not buffered whole. Each scenario runs in a child process
 * (`_insecure_child.ts`) so that a crash fails the test, not the runner.
 */
import assert from "node:assert/strict";

const MiB = 1024 * 1024;
const here = new URL(".", import.meta.url);

async function scenario(mode: string): Promise<{ code: number; result: Record<string, unknown> }> {
  const child = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--config",
      new URL("../../deno.json", here).pathname,
      "_insecure_child.ts",
      mode,
    ],
    cwd: here.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(child.stdout).trim().split("\n").at(-1) ?? "";
  const err = new TextDecoder().decode(child.stderr);
  assert.equal(child.code, 0, `child ${mode} died (code ${child.code}):\n${err.slice(-2000)}`);
  return { code: child.code, result: JSON.parse(out) };
}

Deno.test("insecure transport: a redirect whose body is discarded does not crash the process", async () => {
  const { result } = await scenario("redirect");
  assert.deepEqual(result, { mode: "redirect", body: { landed: true } });
});

Deno.test("insecure transport: cancelling a stream body does not crash the process", async () => {
  const { result } = await scenario("cancel");
  assert.equal(result.error, undefined);
  assert.ok(typeof result.first === "number" && result.first > 0);
});

Deno.test("insecure transport: a timeout during the body is a TimeoutError, and nothing crashes", async () => {
  const { result } = await scenario("timeout");
  assert.equal(result.error, undefined);
  assert.equal(result.stream, "TimeoutError");
  assert.equal(result.whole, "TimeoutError");
});

Deno.test("insecure transport: an unread 256 MiB stream body is not buffered whole", async () => {
  const { result } = await scenario("unread");
  assert.equal(result.error, undefined);
  assert.ok(
    typeof result.growthMiB === "number" && result.growthMiB <= 80,
    `RSS grew by ${result.growthMiB} MiB while the body sat unread`,
  );
  // Deno's node:http keeps reading after pause(): the stream fails, typed, once 16 MiB sit unread.
  if (result.server !== "still sending") {
    assert.equal(result.read, "BodyTooLarge");
    assert.equal(result.limit, 16 * MiB);
  }
});

Deno.test("insecure transport: node:https and node:http are loaded lazily, not at start-up", async () => {
  const info = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL("../../mod.ts", here).pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(info.code, 0);
  const graph = JSON.parse(new TextDecoder().decode(info.stdout)) as {
    modules: {
      specifier: string;
      dependencies?: { specifier: string; code?: unknown; isDynamic?: boolean }[];
    }[];
  };
  const eager = graph.modules.flatMap((m) =>
    (m.dependencies ?? [])
      .filter((d) => /^node:(https?|buffer)$/.test(d.specifier) && d.code && !d.isDynamic)
      .map((d) => `${m.specifier} → ${d.specifier}`)
  );
  assert.deepEqual(eager, []);
});

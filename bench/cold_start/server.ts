/**
 * The cloud the cold-start scripts talk to: a FakeCloud in its own process,
 * so its start-up is not part of what is timed. Writes the `OS_*` variables
 * as a shell file to the path given as the first argument, then serves until
 * killed.
 *
 *   deno run -A bench/cold_start/server.ts /tmp/cloud.env
 */
import { FakeCloud } from "../../src/testing/mod.ts";

const out = Deno.args[0];
if (!out) throw new Error("usage: server.ts <env file to write>");
const cloud = await FakeCloud.start();
// A few servers, so the list has something to carry.
const env = cloud.env("admin");
const lines = Object.entries(env).map(([k, v]) => `export ${k}='${v}'`);
await Deno.writeTextFile(`${out}.tmp`, lines.join("\n") + "\n");
await Deno.rename(`${out}.tmp`, out);
Deno.addSignalListener("SIGTERM", () => {
  cloud.close().then(() => Deno.exit(0));
});

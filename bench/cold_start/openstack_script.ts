/**
 * The script a user writes: import the package, log in from the `OS_*`
 * variables, list the servers once. Timed whole-process against
 * bare_fetch.ts, which sends the same requests with nothing but fetch.
 */
import { openCloud } from "../../src/services/openstack/mod.ts";

await using cloud = openCloud();
let count = 0;
for await (const _ of cloud.compute.servers.list()) count++;
if (Deno.args[0] === "-v") console.log(`servers: ${count}`);

// Worker processes that start at once and share a FileTokenStore take turns
// logging in: one Keystone login for the whole fleet.
import assert from "node:assert/strict";
import { runFleet } from "../../bench/fleet/fleet.ts";

Deno.test("a fleet of 8 processes sharing a FileTokenStore makes exactly 1 Keystone login", async () => {
  const { logins, statuses } = await runFleet(8, "file");
  assert.deepEqual(statuses, Array(8).fill(200));
  assert.equal(logins, 1);
});

// Worker processes that start at once and share a RedisTokenStore take turns
// logging in: one Keystone login for the whole fleet (bench/fleet/fleet.ts runs 20).
import assert from "node:assert/strict";
import { runFleet } from "../../bench/fleet/fleet.ts";

Deno.test("a fleet of 10 processes sharing a RedisTokenStore makes exactly 1 Keystone login", async () => {
  const url = Deno.env.get("NIMBUS_REDIS_URL");
  if (!url) throw new Error("NIMBUS_REDIS_URL is not set: run under scripts/redis.sh run");
  const { logins, statuses } = await runFleet(10, "redis", url);
  assert.deepEqual(statuses, Array(10).fill(200));
  assert.equal(logins, 1);
});

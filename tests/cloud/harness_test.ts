import assert from "node:assert/strict";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";

contractTest("harness: admin and demo log in, fixtures exist", async (target) => {
  await using admin = openCloud({ env: target.adminEnv });
  const image = await admin.image.images.get(target.fixtures.imageId);
  assert.equal(image.id, target.fixtures.imageId);
  assert.equal(image.status, "active");
  const flavor = await admin.compute.flavors.get(target.fixtures.flavorId);
  assert.equal(flavor.id, target.fixtures.flavorId);
  await using demo = openCloud({ env: target.demoEnv });
  // The demo user sees the public fixture image too.
  assert.equal((await demo.image.images.get(target.fixtures.imageId)).id, target.fixtures.imageId);
});

Deno.test("uniqueName: ct- prefix, different each call", () => {
  const a = uniqueName("x");
  assert.match(a, /^ct-x-[0-9a-f]{8}$/);
  assert.notEqual(a, uniqueName("x"));
});

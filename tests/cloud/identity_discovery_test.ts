/**
 * Contract test of version discovery: a client whose endpoint is the
 * service root without a version (devstack publishes `http://host/identity`)
 * finds the version through the root document, on FakeCloud and on the real
 * Keystone and Nova. The catalog of the shared cloud is left alone: the
 * unversioned endpoint is given through a token-and-endpoint plugin.
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../mod.ts";
import { TokenEndpointAuth } from "../../src/auth/mod.ts";
import { ComputeClient, IdentityClient, openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest } from "./_targets.ts";

/** The catalog URL without its trailing version segment. */
function unversioned(url: string): string {
  return url.replace(/\/v\d+(\.\d+)?\/?$/, "");
}

contractTest("identity discovery: unversioned identity and compute endpoints", async (target) => {
  await using cloud = openCloud({ env: target.adminEnv });
  await cloud.compute.flavors.get(target.fixtures.flavorId);
  const token = cloud.http.cachedToken!;
  const plugin = cloud.http.authPlugin!;
  const identityUrl = plugin.tokenAndEndpoint("public", "identity", target.adminEnv.OS_REGION_NAME)
    .endpoint!;
  const computeUrl = plugin.tokenAndEndpoint("public", "compute", target.adminEnv.OS_REGION_NAME)
    .endpoint!;
  assert.notEqual(unversioned(identityUrl), identityUrl);

  await using idHttp = new HTTPClient(
    new TokenEndpointAuth({ token, endpoint: unversioned(identityUrl) }),
  );
  const identity = new IdentityClient(idHttp);
  const projects = [];
  for await (const p of identity.projects.list()) projects.push(p.name);
  assert.ok(projects.includes(target.adminEnv.OS_PROJECT_NAME!));
  assert.ok((await identity.domains.get("default")).name === "Default");

  await using novaHttp = new HTTPClient(
    new TokenEndpointAuth({ token, endpoint: unversioned(computeUrl) }),
  );
  const compute = new ComputeClient(novaHttp);
  assert.equal((await compute.flavors.get(target.fixtures.flavorId)).id, target.fixtures.flavorId);
});

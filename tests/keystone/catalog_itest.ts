/**
 * ServiceCatalog lookups on catalogs a real Keystone issues: the
 * bootstrapped identity endpoints, and a test service with endpoints in two
 * regions (a service type of its own, so other tests are not affected).
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../src/http/mod.ts";
import { KeystonePasswordAuth, ServiceCatalog } from "../../src/auth/mod.ts";
import { AmbiguousEndpoints, EndpointNotFound } from "../../src/errors/mod.ts";
import { ADMIN_PASSWORD, adminToken, api, expectOk, KEYSTONE_URL } from "./keystone_env.ts";

async function adminPlugin(): Promise<{ plugin: KeystonePasswordAuth; http: HTTPClient }> {
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: "admin",
    userDomainName: "Default",
    password: ADMIN_PASSWORD,
    projectName: "admin",
    projectDomainName: "Default",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  await http.authenticate();
  return { plugin, http };
}

Deno.test("real Keystone: the bootstrapped identity endpoints, every interface spelling", async () => {
  const { plugin, http } = await adminPlugin();
  try {
    const catalog = plugin.catalog!;
    for (const iface of ["public", "publicURL", "internal", "internalURL", "admin", "adminURL"]) {
      assert.equal(
        catalog.urlFor({ serviceType: "identity", interface: iface, regionName: "RegionOne" }),
        KEYSTONE_URL,
        iface,
      );
    }
    assert.equal(
      catalog.urlFor({ serviceType: "identity", serviceName: "keystone" }),
      KEYSTONE_URL,
    );
    assert.deepEqual(
      plugin.tokenAndEndpoint("publicURL", "identity", "RegionOne").endpoint,
      KEYSTONE_URL,
    );
    assert.throws(
      () => catalog.urlFor({ serviceType: "identity", regionName: "Nowhere" }),
      (e: unknown) =>
        e instanceof EndpointNotFound &&
        e.message.startsWith("public endpoint for identity service in Nowhere region not found") &&
        e.message.includes("public in RegionOne (keystone)"),
    );
    assert.throws(
      () => catalog.urlFor({ serviceType: "compute-nimbus-none" }),
      (e: unknown) =>
        e instanceof EndpointNotFound && /no compute-nimbus-none service/.test(e.message),
    );
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: endpoints in two regions → AmbiguousEndpoints naming them; regionName picks", async () => {
  const admin = await adminToken();
  const suffix = crypto.randomUUID().slice(0, 8);
  const type = `nimbus-test-${suffix}`;
  const region = await api("POST", "/regions", admin, { region: { id: "RegionTwo" } });
  assert.ok([201, 409].includes(region.status), `create region: ${region.status}`);
  const service = await expectOk(
    "create service",
    api("POST", "/services", admin, { service: { type, name: `svc-${suffix}` } }),
  );
  const serviceId = (service.body.service as { id: string }).id;
  const urls = { RegionOne: "http://127.0.0.1:9/one", RegionTwo: "http://127.0.0.1:9/two" };
  for (const [region_id, url] of Object.entries(urls)) {
    await expectOk(
      "create endpoint",
      api("POST", "/endpoints", admin, {
        endpoint: { service_id: serviceId, interface: "public", region_id, url },
      }),
    );
  }
  const { plugin, http } = await adminPlugin();
  try {
    const catalog = plugin.catalog!;
    try {
      catalog.urlFor({ serviceType: type });
      assert.fail("expected AmbiguousEndpoints");
    } catch (e) {
      assert.ok(e instanceof AmbiguousEndpoints, String(e));
      assert.match(e.message, /2 public endpoints/);
      assert.match(e.message, /RegionOne/);
      assert.match(e.message, /RegionTwo/);
      assert.equal(e.endpoints.length, 2);
    }
    assert.equal(catalog.urlFor({ serviceType: type, regionName: "RegionTwo" }), urls.RegionTwo);
    // HTTPClient passes its regionName: the plugin answers for RegionOne.
    assert.equal(plugin.tokenAndEndpoint("public", type, "RegionOne").endpoint, urls.RegionOne);
    // The v3 token body parses the same way when read directly.
    const raw = plugin.saveState()?.data as { body: unknown };
    assert.deepEqual(ServiceCatalog.fromV3(raw.body).endpoints, catalog.endpoints);
  } finally {
    await http.close();
    await api("DELETE", `/services/${serviceId}`, admin);
  }
});

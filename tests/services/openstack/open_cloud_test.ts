import assert from "node:assert/strict";
import {
  AmbiguousEndpoints,
  AuthPluginOptionsMissing,
  ConnectionError,
  ServiceUnavailable,
  ValidationError,
} from "../../../mod.ts";
import { testCerts } from "../../_fakes/tls_certs.ts";
import { KeystonePasswordAuth } from "../../../src/auth/mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { openCloud } from "../../../src/services/openstack/mod.ts";
import { collect } from "./helpers.ts";

Deno.test("openCloud: OS_* variables, lazy clients, one login for all services", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  assert.equal(fake.requests.length, 0, "nothing sent before first use");
  assert.equal(cloud.compute, cloud.compute, "created once");
  const image = await cloud.image.images.find({ name: "cirros-0.6.2-x86_64-disk" });
  const server = await cloud.compute.servers.create({
    name: "web",
    flavorRef: "1",
    imageRef: image.id,
  });
  await cloud.compute.servers.stop(server.id);
  assert.equal((await cloud.compute.servers.get(server.id)).status, "SHUTOFF");
  await collect(cloud.placement.resourceProviders.list());
  await collect(cloud.database.instances.list());
  assert.equal(fake.authCount, 1);
  assert.equal(cloud.http.getClient("compute"), cloud.compute);
  const dump = JSON.stringify(cloud) + Deno.inspect(cloud, { depth: 5 });
  assert.ok(!dump.includes(FakeCloud.DEMO_PASSWORD));
  assert.ok(!dump.includes(cloud.http.cachedToken!));
});

Deno.test("openCloud: an explicit auth plugin and microversions", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({
    auth: new KeystonePasswordAuth({
      authUrl: fake.authUrl,
      username: "admin",
      password: FakeCloud.ADMIN_PASSWORD,
      userDomainName: "Default",
      projectName: "admin",
      projectDomainName: "Default",
    }),
    microversions: { compute: "2.53", placement: "1.20" },
  });
  await cloud.compute.flavors.get("1");
  await cloud.placement.resourceProviders.create({ name: "x" });
  const versions = fake.requests.filter((r) => r.method !== "POST" || r.service === "placement")
    .map((r) => r.headers["openstack-api-version"]);
  assert.deepEqual(versions, ["compute 2.53", "placement 1.20"]);
  const identity = await cloud.identity.projects.find({ name: "admin" });
  assert.equal(identity.id, fake.admin.projectId);
});

Deno.test("openCloud: two regions without a region name are ambiguous; OS_REGION_NAME picks one", async () => {
  await using fake = await FakeCloud.start({ regions: ["RegionOne", "RegionTwo"] });
  const env = { ...fake.env() };
  delete (env as Record<string, string | undefined>).OS_REGION_NAME;
  await using ambiguous = openCloud({ env });
  await assert.rejects(ambiguous.compute.flavors.get("1"), (e: unknown) => {
    assert.ok(e instanceof AmbiguousEndpoints);
    assert.match(e.message, /RegionOne/);
    assert.match(e.message, /RegionTwo/);
    return true;
  });
  await using two = openCloud({ env: { ...env, OS_REGION_NAME: "RegionTwo" } });
  await two.compute.flavors.get("1");
  assert.equal(fake.requests.at(-1)?.region, "RegionTwo");
  await using internal = openCloud({
    env: { ...env, OS_REGION_NAME: "RegionOne", OS_INTERFACE: "internal" },
  });
  await internal.compute.flavors.get("1");
  assert.equal(fake.requests.at(-1)?.interface, "internal");
  await using override = openCloud({ env, http: { regionName: "RegionOne" } });
  await override.compute.flavors.get("1");
  assert.equal(fake.requests.at(-1)?.region, "RegionOne");
});

Deno.test("openCloud: clouds.yaml by name", async () => {
  await using fake = await FakeCloud.start();
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/clouds.yaml`,
      [
        "clouds:",
        "  fake:",
        "    auth:",
        `      auth_url: ${fake.authUrl}`,
        "      username: demo",
        `      password: ${FakeCloud.DEMO_PASSWORD}`,
        "      user_domain_name: Default",
        "      project_name: demo",
        "      project_domain_name: Default",
        "    region_name: RegionOne",
        "",
      ].join("\n"),
    );
    await using cloud = openCloud({
      cloud: "fake",
      env: { HOME: dir, OS_CLIENT_CONFIG_FILE: `${dir}/clouds.yaml` },
    });
    const flavors = await collect(cloud.compute.flavors.list());
    assert.equal(flavors.length, 5);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("openCloud: the README's FakeCloud example (faults reach the caller typed)", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const server = await cloud.compute.servers.create({ name: "web", flavorRef: "1" });
  assert.equal((await cloud.compute.servers.get(server.id)).status, "ACTIVE");
  assert.equal(fake.authCount, 1);
  fake.inject({
    path: "/compute/v2.1/servers/detail",
    status: 503,
    headers: { "retry-after": "1" },
  });
  await assert.rejects(cloud.compute.servers.list().next(), (e: unknown) => {
    assert.ok(e instanceof ServiceUnavailable);
    assert.equal(e.retryAfter, 1);
    return true;
  });
});

Deno.test("openCloud: clouds.yaml cacert reaches an HTTPS FakeCloud; without it TLS fails", async () => {
  const certs = await testCerts();
  await using fake = await FakeCloud.start({
    tls: { cert: certs.serverCert, key: certs.serverKey },
  });
  assert.match(fake.authUrl, /^https:\/\/127\.0\.0\.1:\d+\/identity\/v3$/);
  const env = { ...fake.env("demo"), OS_CACERT: certs.caFile };
  await using trusted = openCloud({ env });
  assert.equal((await trusted.compute.flavors.get("1")).name, "m1.tiny");
  const catalogUrl = fake.requests.at(-1)?.path;
  assert.equal(catalogUrl, "/compute/v2.1/flavors/1");

  const { OS_CACERT: _ca, ...untrustedEnv } = env;
  await using untrusted = openCloud({ env: untrustedEnv });
  await assert.rejects(untrusted.compute.flavors.get("1"), ConnectionError);
  assert.throws(
    () => openCloud({ env: { ...env, OS_CACERT: "/nonexistent/ca.pem" } }),
    ValidationError,
  );
});

Deno.test("openCloud: no configuration names the missing variables", () => {
  assert.throws(() => openCloud({ env: {} }), (e: unknown) => {
    assert.ok(e instanceof AuthPluginOptionsMissing);
    assert.match(e.message, /OS_AUTH_URL/);
    return true;
  });
});

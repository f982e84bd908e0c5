/**
 * loadPluginFromEnv against a real Keystone: OS_* variables, and OS_CLOUD
 * with a clouds.yaml + secure.yaml written into a temporary HOME.
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../src/http/mod.ts";
import { loadCloudConfig, loadPluginFromEnv } from "../../src/auth/mod.ts";
import { getFixture, Identity, KEYSTONE_URL } from "./keystone_env.ts";

Deno.test("real Keystone: loadPluginFromEnv with OS_* variables", async () => {
  const f = await getFixture();
  const env = {
    OS_AUTH_URL: KEYSTONE_URL,
    OS_USERNAME: f.username,
    OS_PASSWORD: f.password,
    OS_USER_DOMAIN_NAME: "Default",
    OS_PROJECT_NAME: f.projectName,
    OS_PROJECT_DOMAIN_NAME: "Default",
    OS_REGION_NAME: "RegionOne",
    OS_INTERFACE: "internal",
  };
  const config = loadCloudConfig({ env });
  const plugin = loadPluginFromEnv(env);
  assert.equal(plugin.authSystem, "v3password");
  const http = new HTTPClient(plugin, {
    regionName: config.regionName,
    endpointType: config.interface,
  });
  try {
    const res = await new Identity(http).get(`/users/${f.userId}`);
    assert.equal((await res.json()).user.id, f.userId);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: OS_CLOUD with clouds.yaml + secure.yaml in a temp HOME", async () => {
  const f = await getFixture();
  const home = await Deno.makeTempDir({ prefix: "nimbus-home-" });
  try {
    await Deno.mkdir(`${home}/.config/openstack`, { recursive: true });
    await Deno.writeTextFile(
      `${home}/.config/openstack/clouds.yaml`,
      [
        "clouds:",
        "  nimbus-lab:",
        "    auth_type: password",
        "    auth:",
        `      auth_url: ${KEYSTONE_URL}`,
        `      username: ${f.username}`,
        "      user_domain_name: Default",
        `      project_id: ${f.projectId}`,
        "    region_name: RegionOne",
        "    interface: public",
        "    identity_api_version: 3",
        "",
      ].join("\n"),
    );
    await Deno.writeTextFile(
      `${home}/.config/openstack/secure.yaml`,
      `clouds:\n  nimbus-lab:\n    auth:\n      password: "${f.password}"\n`,
    );
    const env = { HOME: home, OS_CLOUD: "nimbus-lab" };
    const config = loadCloudConfig({ env, cwd: home });
    assert.equal(config.regionName, "RegionOne");
    assert.ok(!JSON.stringify(config).includes(f.password));
    const plugin = loadPluginFromEnv(env);
    const http = new HTTPClient(plugin, {
      regionName: config.regionName,
      endpointType: config.interface,
    });
    try {
      const res = await new Identity(http).get(`/users/${f.userId}`);
      assert.equal((await res.json()).user.name, f.username);
    } finally {
      await http.close();
    }
  } finally {
    await Deno.remove(home, { recursive: true });
  }
});

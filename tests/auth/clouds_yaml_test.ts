import assert from "node:assert/strict";
import {
  KeystoneApplicationCredentialAuth,
  KeystonePasswordAuth,
  loadCloudConfig,
  loadPluginFromCloudConfig,
  loadPluginFromEnv,
} from "../../src/auth/mod.ts";
import { AuthorizationFailure, AuthPluginOptionsMissing } from "../../src/errors/mod.ts";

const CLOUDS = `
clouds:
  lab:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      user_domain_name: Default
      project_name: demo
      project_domain_name: Default
    region_name: RegionTwo
    interface: internal
    identity_api_version: 3
    verify: false
  multi:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://127.0.0.1:5000/v3
      application_credential_id: ac-1
    regions:
      - name: RegionA
      - RegionB
  nopass:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      user_domain_name: Default
`;

const SECURE = `
clouds:
  lab:
    auth:
      password: yaml-secret-pw
  multi:
    auth:
      application_credential_secret: yaml-app-secret
`;

/** A temp dir with HOME, a cwd, and the files placed as asked. */
async function withDirs(
  files: Record<string, string>,
  fn: (dirs: { home: string; cwd: string; root: string }) => void | Promise<void>,
): Promise<void> {
  const root = await Deno.makeTempDir({ prefix: "nimbus-clouds-" });
  const home = `${root}/home`;
  const cwd = `${root}/work`;
  try {
    await Deno.mkdir(`${home}/.config/openstack`, { recursive: true });
    await Deno.mkdir(cwd, { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      const path = rel.replace(/^~/, home).replace(/^\.\//, `${cwd}/`).replace(/^@/, root);
      await Deno.writeTextFile(path, text);
    }
    await fn({ home, cwd, root });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("clouds.yaml + secure.yaml in ~/.config/openstack are merged (OS_CLOUD)", async () => {
  await withDirs({
    "~/.config/openstack/clouds.yaml": CLOUDS,
    "~/.config/openstack/secure.yaml": SECURE,
  }, ({ home, cwd }) => {
    const config = loadCloudConfig({ env: { HOME: home, OS_CLOUD: "lab" }, cwd });
    assert.equal(config.name, "lab");
    assert.equal(config.regionName, "RegionTwo");
    assert.equal(config.interface, "internal");
    assert.equal(config.identityApiVersion, "3");
    assert.equal(config.authType, "password");
    assert.equal(config.settings.verify, false);
    assert.equal(config.authOptions().password, "yaml-secret-pw");
    assert.match(config.source, /clouds\.yaml \+ .*secure\.yaml$/);
    assert.ok(!JSON.stringify(config).includes("yaml-secret-pw"));
    assert.ok(!Deno.inspect(config).includes("yaml-secret-pw"));
    assert.ok(!("auth" in config.settings));

    const plugin = loadPluginFromEnv({ HOME: home, OS_CLOUD: "lab" });
    // cwd defaults to Deno.cwd(), which has no clouds.yaml: HOME's is found.
    assert.ok(plugin instanceof KeystonePasswordAuth);
    assert.equal(plugin.username, "demo");
    assert.deepEqual(plugin.scope, { projectName: "demo", projectDomainName: "Default" });
    assert.ok(!Deno.inspect(plugin).includes("yaml-secret-pw"));
  });
});

Deno.test("clouds.yaml: auth_type, regions list, secret from secure.yaml", async () => {
  await withDirs({
    "~/.config/openstack/clouds.yaml": CLOUDS,
    "~/.config/openstack/secure.yaml": SECURE,
  }, ({ home, cwd }) => {
    const config = loadCloudConfig({ cloud: "multi", env: { HOME: home }, cwd });
    assert.equal(config.regionName, "RegionA");
    const plugin = loadPluginFromCloudConfig(config);
    assert.ok(plugin instanceof KeystoneApplicationCredentialAuth);
    assert.equal(plugin.applicationCredentialId, "ac-1");
    assert.ok(!JSON.stringify(plugin).includes("yaml-app-secret"));
  });
});

Deno.test("clouds.yaml: ./ wins over ~/.config/openstack; the cloud option wins over OS_CLOUD", async () => {
  const local = CLOUDS.replace("region_name: RegionTwo", "region_name: LocalRegion");
  await withDirs({
    "./clouds.yaml": local,
    "~/.config/openstack/clouds.yaml": CLOUDS,
  }, ({ home, cwd }) => {
    const config = loadCloudConfig({ cloud: "lab", env: { HOME: home, OS_CLOUD: "multi" }, cwd });
    assert.equal(config.regionName, "LocalRegion");
    assert.equal(config.source, `${cwd}/clouds.yaml`);
    assert.equal(config.authOptions().password, undefined, "no secure.yaml anywhere");
  });
});

Deno.test("clouds.yaml: OS_CLIENT_CONFIG_FILE and XDG_CONFIG_HOME", async () => {
  await withDirs({
    "@/custom.yaml": CLOUDS.replace("RegionTwo", "CustomRegion"),
    "~/.config/openstack/clouds.yaml": CLOUDS,
  }, async ({ home, cwd, root }) => {
    const viaFile = loadCloudConfig({
      cloud: "lab",
      env: { HOME: home, OS_CLIENT_CONFIG_FILE: `${root}/custom.yaml` },
      cwd,
    });
    assert.equal(viaFile.regionName, "CustomRegion");
    await Deno.mkdir(`${root}/xdg/openstack`, { recursive: true });
    await Deno.writeTextFile(
      `${root}/xdg/openstack/clouds.yaml`,
      CLOUDS.replace("RegionTwo", "Xdg"),
    );
    const viaXdg = loadCloudConfig({
      cloud: "lab",
      env: { HOME: home, XDG_CONFIG_HOME: `${root}/xdg` },
      cwd,
    });
    assert.equal(viaXdg.regionName, "Xdg");
  });
});

Deno.test("clouds.yaml: missing cloud, missing file, missing options, bad YAML", async () => {
  await withDirs({ "~/.config/openstack/clouds.yaml": CLOUDS }, ({ home, cwd }) => {
    assert.throws(
      () => loadCloudConfig({ cloud: "nope", env: { HOME: home }, cwd }),
      (e: unknown) =>
        e instanceof AuthorizationFailure &&
        e.message === `Cloud 'nope' not found in ${home}/.config/openstack/clouds.yaml ` +
            "(clouds there: lab, multi, nopass)",
    );
    assert.throws(
      () => loadPluginFromEnv({ HOME: home, OS_CLOUD: "nopass" }),
      (e: unknown) => e instanceof AuthPluginOptionsMissing && e.optNames.join() === "password",
    );
  });
  await withDirs({}, ({ home, cwd }) => {
    assert.throws(
      () => loadCloudConfig({ cloud: "lab", env: { HOME: home }, cwd }),
      (e: unknown) =>
        e instanceof AuthorizationFailure && /no clouds\.yaml was found/.test(e.message) &&
        e.message.includes(`${home}/.config/openstack/clouds.yaml`) &&
        e.message.includes("/etc/openstack/clouds.yaml"),
    );
  });
  await withDirs({
    "./clouds.yaml": "clouds:\n  lab:\n    auth:\n      password: leaked-pw\n     bad: [\n",
  }, ({ home, cwd }) => {
    try {
      loadCloudConfig({ cloud: "lab", env: { HOME: home }, cwd });
      assert.fail("expected an error");
    } catch (e) {
      assert.ok(e instanceof AuthorizationFailure, String(e));
      assert.match(e.message, /clouds\.yaml is not valid YAML \(\w+ at line \d+, column \d+\)/);
      assert.ok(!Deno.inspect(e).includes("leaked-pw"));
    }
  });
});

Deno.test("clouds.yaml: OS_REGION_NAME and OS_INTERFACE win over the file, as in the CLI", async () => {
  await withDirs({ "~/.config/openstack/clouds.yaml": CLOUDS }, ({ home, cwd }) => {
    const config = loadCloudConfig({
      cloud: "lab",
      env: { HOME: home, OS_REGION_NAME: "EnvRegion", OS_INTERFACE: "admin" },
      cwd,
    });
    assert.equal(config.regionName, "EnvRegion");
    assert.equal(config.interface, "admin");
  });
});

import assert from "node:assert/strict";
import {
  KeystoneApplicationCredentialAuth,
  KeystonePasswordAuth,
  KeystoneTokenAuth,
  KeystoneV2PasswordAuth,
  loadCloudConfig,
  loadPluginFromEnv,
  TokenEndpointAuth,
} from "../../src/auth/mod.ts";
import { AuthPluginOptionsMissing, AuthSystemNotFound } from "../../src/errors/mod.ts";

const BASE = {
  OS_AUTH_URL: "http://127.0.0.1:5000/v3",
  OS_USERNAME: "demo",
  OS_PASSWORD: "env-secret",
  OS_USER_DOMAIN_NAME: "Default",
  OS_PROJECT_NAME: "demo",
  OS_PROJECT_DOMAIN_NAME: "Default",
};

Deno.test("env: password is the default OS_AUTH_TYPE and maps every OS_* variable", () => {
  const p = loadPluginFromEnv(BASE);
  assert.ok(p instanceof KeystonePasswordAuth);
  assert.equal(p.authUrl, BASE.OS_AUTH_URL);
  assert.equal(p.username, "demo");
  assert.equal(p.userDomainName, "Default");
  assert.deepEqual(p.scope, { projectName: "demo", projectDomainName: "Default" });
  const byIds = loadPluginFromEnv({
    OS_AUTH_TYPE: "v3password",
    OS_AUTH_URL: BASE.OS_AUTH_URL,
    OS_USER_ID: "u-1",
    OS_PASSWORD: "x",
    OS_PROJECT_ID: "p-1",
  }) as KeystonePasswordAuth;
  assert.equal(byIds.userId, "u-1");
  assert.deepEqual(byIds.scope, { projectId: "p-1" });
  const domain = loadPluginFromEnv({
    ...BASE,
    OS_PROJECT_NAME: undefined,
    OS_DOMAIN_NAME: "Default",
  }) as KeystonePasswordAuth;
  assert.deepEqual(domain.scope, { projectDomainName: "Default", domainName: "Default" });
  const system = loadPluginFromEnv({
    ...BASE,
    OS_PROJECT_NAME: "",
    OS_SYSTEM_SCOPE: "all",
  }) as KeystonePasswordAuth;
  assert.equal(system.scope.systemScope, "all");
});

Deno.test("env: OS_TENANT_NAME (seed style) is the project", () => {
  const p = loadPluginFromEnv({
    ...BASE,
    OS_PROJECT_NAME: undefined,
    OS_TENANT_NAME: "tenant-a",
  }) as KeystonePasswordAuth;
  assert.equal(p.scope.projectName, "tenant-a");
});

Deno.test("env: each OS_AUTH_TYPE of keystoneauth", () => {
  assert.ok(
    loadPluginFromEnv({
      ...BASE,
      OS_AUTH_TYPE: "v2password",
      OS_AUTH_URL: "http://h:5000/v2.0",
    }) instanceof
      KeystoneV2PasswordAuth,
  );
  assert.ok(
    loadPluginFromEnv({ ...BASE, OS_AUTH_URL: "http://h:5000/v2.0" }) instanceof
      KeystoneV2PasswordAuth,
    "password on a /v2.0 URL",
  );
  assert.ok(
    loadPluginFromEnv({ ...BASE, OS_IDENTITY_API_VERSION: "2.0" }) instanceof
      KeystoneV2PasswordAuth,
  );
  assert.ok(
    loadPluginFromEnv({
      OS_AUTH_TYPE: "v3token",
      OS_AUTH_URL: "http://h/v3",
      OS_TOKEN: "tok",
      OS_PROJECT_ID: "p",
    }) instanceof KeystoneTokenAuth,
  );
  const ac = loadPluginFromEnv({
    OS_AUTH_TYPE: "v3applicationcredential",
    OS_AUTH_URL: "http://h/v3",
    OS_APPLICATION_CREDENTIAL_NAME: "ci",
    OS_APPLICATION_CREDENTIAL_SECRET: "s",
    OS_USERNAME: "demo",
    OS_USER_DOMAIN_NAME: "Default",
  });
  assert.ok(ac instanceof KeystoneApplicationCredentialAuth);
  assert.equal(ac.applicationCredentialName, "ci");
  for (const type of ["token_endpoint", "admin_token"]) {
    const te = loadPluginFromEnv({
      OS_AUTH_TYPE: type,
      OS_TOKEN: "t",
      OS_ENDPOINT: "http://h:8774",
    });
    assert.ok(te instanceof TokenEndpointAuth);
    assert.equal(te.endpoint, "http://h:8774");
  }
  assert.ok(
    loadPluginFromEnv({
      OS_AUTH_TYPE: "admin_token",
      OS_TOKEN: "t",
      OS_URL: "http://h:1",
    }) instanceof
      TokenEndpointAuth,
    "the old OS_URL",
  );
  assert.ok(
    loadPluginFromEnv({ ...BASE, OS_AUTH_SYSTEM: "v3password" }) instanceof KeystonePasswordAuth,
    "the seed's OS_AUTH_SYSTEM",
  );
  assert.throws(() => loadPluginFromEnv({ ...BASE, OS_AUTH_TYPE: "nope" }), AuthSystemNotFound);
});

Deno.test("env: missing options are named as variables", () => {
  assert.throws(
    () => loadPluginFromEnv({ OS_USERNAME: "demo" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.message === "Authentication failed. Missing options: OS_AUTH_URL, OS_PASSWORD",
  );
  assert.throws(
    () => loadPluginFromEnv({ OS_AUTH_URL: "http://h/v3", OS_PASSWORD: "x", OS_USERNAME: "d" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join() === "OS_USER_DOMAIN_NAME or OS_USER_DOMAIN_ID",
  );
  assert.throws(
    () => loadPluginFromEnv({ OS_AUTH_TYPE: "v3applicationcredential", OS_AUTH_URL: "http://h" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join("|") ===
        "OS_APPLICATION_CREDENTIAL_ID or OS_APPLICATION_CREDENTIAL_NAME|OS_APPLICATION_CREDENTIAL_SECRET",
  );
  // The secret never appears in the error.
  try {
    loadPluginFromEnv({ ...BASE, OS_AUTH_URL: "" });
    assert.fail("expected an error");
  } catch (e) {
    assert.ok(!Deno.inspect(e).includes("env-secret"));
  }
});

Deno.test("env: OS_DEFAULT_DOMAIN_ID fills user and project domains", () => {
  const p = loadPluginFromEnv({
    OS_AUTH_URL: "http://h/v3",
    OS_USERNAME: "demo",
    OS_PASSWORD: "x",
    OS_PROJECT_NAME: "demo",
    OS_DEFAULT_DOMAIN_ID: "default",
  }) as KeystonePasswordAuth;
  assert.equal(p.userDomainId, "default");
  assert.equal(p.scope.projectDomainId, "default");
});

Deno.test("loadCloudConfig from the environment: region, interface, auth type, redacted", () => {
  const config = loadCloudConfig({
    env: {
      ...BASE,
      OS_REGION_NAME: "RegionTwo",
      OS_INTERFACE: "internal",
      OS_AUTH_TYPE: "v3password",
    },
  });
  assert.equal(config.name, undefined);
  assert.equal(config.source, "environment");
  assert.equal(config.regionName, "RegionTwo");
  assert.equal(config.interface, "internal");
  assert.equal(config.authType, "v3password");
  assert.equal(config.authOptions().password, "env-secret");
  assert.equal(config.authOptions().auth_url, BASE.OS_AUTH_URL);
  assert.ok(!JSON.stringify(config).includes("env-secret"));
  assert.ok(!Deno.inspect(config).includes("env-secret"));
  assert.match(JSON.stringify(config), /"password":"\*\*\*"/);
  assert.equal(loadCloudConfig({ env: { OS_ENDPOINT_TYPE: "adminURL" } }).interface, "adminURL");
});

Deno.test("loadCloudConfig from the environment: TLS settings named as in clouds.yaml", () => {
  const config = loadCloudConfig({
    env: {
      ...BASE,
      OS_CACERT: "/etc/ca.pem",
      OS_INSECURE: "true",
      OS_CERT: "/c.pem",
      OS_KEY: "/k.pem",
    },
  });
  assert.deepEqual(config.settings, {
    cacert: "/etc/ca.pem",
    cert: "/c.pem",
    key: "/k.pem",
    verify: false,
  });
  assert.deepEqual(loadCloudConfig({ env: { ...BASE, OS_INSECURE: "false" } }).settings, {});
});

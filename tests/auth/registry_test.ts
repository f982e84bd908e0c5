import assert from "node:assert/strict";
import { normalizeAuthOptions } from "../../src/auth/registry.ts";
import { missingOptions, requireOptions } from "../../src/auth/require_options.ts";
import {
  type AuthPlugin,
  discoverAuthSystems,
  KeystoneApplicationCredentialAuth,
  KeystonePasswordAuth,
  KeystoneTokenAuth,
  KeystoneV2PasswordAuth,
  loadPlugin,
  registerAuthSystem,
  TokenEndpointAuth,
} from "../../src/auth/mod.ts";
import { AuthPluginOptionsMissing, AuthSystemNotFound } from "../../src/errors/mod.ts";

const V3 = {
  auth_url: "http://127.0.0.1:5000/v3",
  username: "demo",
  user_domain_name: "Default",
  password: "pw",
  project_name: "demo",
  project_domain_name: "Default",
};

Deno.test("discoverAuthSystems lists keystoneauth's names, sorted", () => {
  const names = discoverAuthSystems();
  for (
    const n of [
      "password",
      "v3password",
      "v3token",
      "v3applicationcredential",
      "v2password",
      "token_endpoint",
      "admin_token",
    ]
  ) assert.ok(names.includes(n), n);
  assert.deepEqual(names, [...names].sort());
});

Deno.test("loadPlugin: unknown name → AuthSystemNotFound", () => {
  assert.throws(
    () => loadPlugin("kerberos-ish"),
    (e: unknown) =>
      e instanceof AuthSystemNotFound && e.authSystem === "kerberos-ish" &&
      e.message === "AuthSystemNotFound: 'kerberos-ish'",
  );
});

Deno.test("loadPlugin: snake_case and camelCase options build the same plugin", () => {
  const a = loadPlugin("v3password", V3) as KeystonePasswordAuth;
  const b = loadPlugin("v3password", {
    authUrl: V3.auth_url,
    username: "demo",
    userDomainName: "Default",
    password: "pw",
    projectName: "demo",
    projectDomainName: "Default",
  }) as KeystonePasswordAuth;
  assert.ok(a instanceof KeystonePasswordAuth);
  assert.deepEqual(a.cacheScope(), b.cacheScope());
  assert.deepEqual(a.scope, { projectName: "demo", projectDomainName: "Default" });
});

Deno.test("loadPlugin: each built-in name gives its class", () => {
  assert.ok(loadPlugin("password", V3) instanceof KeystonePasswordAuth);
  assert.ok(
    loadPlugin("password", { ...V3, auth_url: "http://127.0.0.1:5000/v2.0" }) instanceof
      KeystoneV2PasswordAuth,
    "a /v2.0 URL picks v2",
  );
  assert.ok(
    loadPlugin("password", { ...V3, identity_api_version: "2" }) instanceof KeystoneV2PasswordAuth,
  );
  const v2 = loadPlugin("v2password", {
    auth_url: "http://h/v2.0",
    username: "u",
    password: "p",
    project_name: "demo",
  }) as KeystoneV2PasswordAuth;
  assert.equal(v2.tenantName, "demo", "project_name stands in for tenant_name");
  const tok = loadPlugin("v3token", { auth_url: "http://h/v3", token: "t", project_id: "p" });
  assert.ok(tok instanceof KeystoneTokenAuth);
  assert.deepEqual((tok as KeystoneTokenAuth).scope, { projectId: "p" });
  assert.ok(
    loadPlugin("v3applicationcredential", {
      auth_url: "http://h/v3",
      application_credential_id: "i",
      application_credential_secret: "s",
    }) instanceof KeystoneApplicationCredentialAuth,
  );
  for (const name of ["token_endpoint", "admin_token"]) {
    const te = loadPlugin(name, { token: "t", endpoint: "http://h:8774" }) as TokenEndpointAuth;
    assert.ok(te instanceof TokenEndpointAuth);
    assert.deepEqual(te.tokenAndEndpoint(), {
      token: "t",
      endpoint: "http://h:8774",
    });
  }
});

Deno.test("loadPlugin: tenant_name names the v3 project; default domain fills both domains", () => {
  const p = loadPlugin("v3password", {
    auth_url: "http://h/v3",
    username: "u",
    password: "p",
    tenant_name: "old-style",
    default_domain_id: "default",
  }) as KeystonePasswordAuth;
  assert.equal(p.userDomainId, "default");
  assert.deepEqual(p.scope, { projectName: "old-style", projectDomainId: "default" });
});

Deno.test("loadPlugin: missing options named together", () => {
  assert.throws(
    () => loadPlugin("v3password", { username: "u" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing && e.optNames.join("|") === "authUrl|password",
  );
  assert.throws(
    () => loadPlugin("v3password"),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join("|") === "authUrl|userId or username|password",
  );
  assert.throws(
    () => loadPlugin("token_endpoint", { token: "t" }),
    (e: unknown) => e instanceof AuthPluginOptionsMissing && e.optNames.join() === "endpoint",
  );
});

Deno.test("registerAuthSystem adds a plugin loadPlugin and discoverAuthSystems see", () => {
  let seen: Record<string, unknown> = {};
  registerAuthSystem("fake-test-system", (opts) => {
    seen = opts;
    const plugin: AuthPlugin = {
      authSystem: "fake-test-system",
      authenticate: () => Promise.resolve(),
      tokenAndEndpoint: () => ({ token: "t", endpoint: "http://127.0.0.1:1" }),
      invalidate: () => {},
    };
    return plugin;
  });
  assert.ok(discoverAuthSystems().includes("fake-test-system"));
  assert.equal(loadPlugin("fake-test-system", { fake_argument: 1 }).authSystem, "fake-test-system");
  assert.deepEqual(seen, { fakeArgument: "1" });
  assert.throws(() => registerAuthSystem("", () => ({}) as AuthPlugin), TypeError);
});

Deno.test("requireOptions / missingOptions: alternatives and empty values", () => {
  assert.deepEqual(missingOptions({ a: "", b: null, c: "x" }, ["a", ["b", "c"], ["d", "e"]]), [
    "a",
    "d or e",
  ]);
  requireOptions({ a: "1" }, ["a"]);
  assert.throws(() => requireOptions({}, ["x", "y"]), /Missing options: x, y$/);
});

Deno.test("normalizeAuthOptions: keys, values, default domains", () => {
  assert.deepEqual(
    normalizeAuthOptions({
      auth_url: "u",
      "user-id": 7,
      insecure: true,
      empty: "",
      obj: { a: 1 },
      default_domain_name: "D",
      project_domain_id: "pd",
    }),
    {
      authUrl: "u",
      userId: "7",
      insecure: "true",
      defaultDomainName: "D",
      projectDomainId: "pd",
      userDomainName: "D",
    },
  );
});

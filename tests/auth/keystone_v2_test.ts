import assert from "node:assert/strict";
import { BaseClient, HTTPClient } from "../../src/http/mod.ts";
import { KeystoneV2PasswordAuth } from "../../src/auth/mod.ts";
import { AuthPluginOptionsMissing, Unauthorized } from "../../src/errors/mod.ts";
import { startFakeKeystone } from "./fake_keystone.ts";

const SECRET = "v2-secret-pw";

class Compute extends BaseClient {
  static override serviceType = "compute";
  static override endpointType = "internalURL";
}

Deno.test("v2: POST /v2.0/tokens with passwordCredentials and tenantName", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = new KeystoneV2PasswordAuth({
    authUrl: `${ks.url}/v2.0`,
    username: "demo",
    password: SECRET,
    tenantName: "demo",
  });
  const http = new HTTPClient(plugin);
  try {
    await http.authenticate();
    const seen = ks.requests[0]!;
    assert.equal(seen.method, "POST");
    assert.equal(seen.path, "/v2.0/tokens");
    assert.equal(seen.headers.get("accept"), "application/json");
    assert.deepEqual(seen.body, {
      auth: { passwordCredentials: { username: "demo", password: SECRET }, tenantName: "demo" },
    });
    assert.deepEqual(plugin.tokenAndEndpoint("publicURL", "compute", "RegionTwo"), {
      token: "v2-token-1",
      endpoint: `${ks.url}/c2`,
    });
    assert.equal(plugin.tokenAndEndpoint("adminURL", "identity").endpoint, `${ks.url}/v2.0a`);
    assert.deepEqual(plugin.project, { id: "t-1", name: "demo" });
    assert.deepEqual(plugin.user, { id: "u-1", name: "demo" });
    const exp = plugin.expiresAt()!;
    assert.ok(exp > Date.now() + 3_000_000);
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("v2: userId and tenantId; /v2.0 added to a bare auth URL", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = new KeystoneV2PasswordAuth({
    authUrl: ks.url,
    userId: "u-1",
    password: SECRET,
    tenantId: "t-1",
    tenantName: "ignored",
  });
  const http = new HTTPClient(plugin);
  try {
    await http.authenticate();
    assert.equal(ks.requests[0]!.path, "/v2.0/tokens");
    assert.deepEqual(ks.requests[0]!.body, {
      auth: { passwordCredentials: { userId: "u-1", password: SECRET }, tenantId: "t-1" },
    });
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("v2: clientRequest uses the client's internalURL and re-logs in after a 401", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = new KeystoneV2PasswordAuth({
    authUrl: `${ks.url}/v2.0`,
    username: "demo",
    password: SECRET,
    tenantName: "demo",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  const compute = new Compute(http);
  try {
    const r1 = await compute.get("/servers");
    assert.deepEqual(await r1.json(), { path: "/c1i/servers", token: "v2-token-1" });
    ks.issued.length = 0;
    const r2 = await compute.get("/servers");
    assert.deepEqual(await r2.json(), { path: "/c1i/servers", token: "v2-token-2" });
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("v2: saveState/restoreState keeps the v2 catalog", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const opts = {
    authUrl: `${ks.url}/v2.0`,
    username: "demo",
    password: SECRET,
    tenantName: "demo",
  };
  const plugin = new KeystoneV2PasswordAuth(opts);
  const http = new HTTPClient(plugin);
  try {
    await http.authenticate();
    const other = new KeystoneV2PasswordAuth(opts);
    other.restoreState(JSON.parse(JSON.stringify(plugin.saveState())));
    assert.deepEqual(other.tokenAndEndpoint("public", "compute", "RegionOne"), {
      token: "v2-token-1",
      endpoint: `${ks.url}/c1`,
    });
    assert.equal(other.expiresAt(), plugin.expiresAt());
    const scope = plugin.cacheScope();
    assert.equal(scope.plugin, "v2password");
    assert.equal(scope.tenantName, "demo");
    assert.ok(!JSON.stringify(scope).includes(SECRET));
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("v2: wrong password → Unauthorized naming user, tenant and URL, not the password", async () => {
  const ks = startFakeKeystone({ secret: "another" });
  const plugin = new KeystoneV2PasswordAuth({
    authUrl: `${ks.url}/v2.0`,
    username: "demo",
    password: SECRET,
    tenantName: "demo",
  });
  const http = new HTTPClient(plugin);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    assert.ok(err instanceof Unauthorized);
    assert.equal(
      err.message,
      `Keystone login failed for user 'demo', tenant 'demo', at ${ks.url}/v2.0/tokens: ` +
        "The request you have made requires authentication.",
    );
    assert.ok(!Deno.inspect(err, { depth: 10 }).includes(SECRET));
    assert.ok(!String(err).includes(SECRET));
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("v2: missing options", () => {
  assert.throws(
    () => new KeystoneV2PasswordAuth({ authUrl: "http://h/v2.0", password: "" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join("|") === "username or userId|password",
  );
});

import assert from "node:assert/strict";
import { BaseClient, HTTPClient } from "../../src/http/mod.ts";
import { MemoryTokenStore, TokenCache } from "../../src/token_cache/mod.ts";
import { KeystonePasswordAuth, KeystoneV2PasswordAuth } from "../../src/auth/mod.ts";
import { startFakeKeystone } from "./fake_keystone.ts";

const SECRET = "cache-test-secret";

class Compute extends BaseClient {
  static override serviceType = "compute";
}

Deno.test("TokenCache: a second HTTPClient reuses the v3 token, catalog included, without a login", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const cache = new TokenCache({ store: new MemoryTokenStore() });
  const make = () =>
    new KeystonePasswordAuth({
      authUrl: `${ks.url}/v3`,
      username: "demo",
      userDomainId: "default",
      password: SECRET,
      projectId: "p-1",
    });
  const a = new HTTPClient(make(), { tokenCache: cache, regionName: "RegionTwo" });
  const b = new HTTPClient(make(), { tokenCache: cache, regionName: "RegionTwo" });
  try {
    await new Compute(a).get("/x");
    const res = await new Compute(b).get("/y");
    assert.deepEqual(await res.json(), { path: "/compute2/y", token: "v3-token-1" });
    assert.equal(ks.requests.filter((r) => r.path === "/v3/auth/tokens").length, 1);
    // Revoked server-side: b's 401 drops the cache entry and logs in again.
    ks.issued.length = 0;
    const again = await new Compute(b).get("/z");
    assert.equal((await again.json()).token, "v3-token-2");
    assert.equal(ks.requests.filter((r) => r.path === "/v3/auth/tokens").length, 2);
  } finally {
    await a.close();
    await b.close();
    await ks.close();
  }
});

Deno.test("TokenCache: another password for the same user is another cache entry", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const cache = new TokenCache({ store: new MemoryTokenStore() });
  const opts = { authUrl: `${ks.url}/v2.0`, username: "demo", tenantName: "demo" };
  const good = new HTTPClient(new KeystoneV2PasswordAuth({ ...opts, password: SECRET }), {
    tokenCache: cache,
  });
  const bad = new HTTPClient(new KeystoneV2PasswordAuth({ ...opts, password: "guess" }), {
    tokenCache: cache,
    regionName: "RegionOne",
  });
  try {
    await good.authenticate();
    // The wrong password does not get the cached token of the right one.
    await assert.rejects(new Compute(bad).get("/x"), /Keystone login failed for user 'demo'/);
  } finally {
    await good.close();
    await bad.close();
    await ks.close();
  }
});

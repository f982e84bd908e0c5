import assert from "node:assert/strict";
import { BaseClient, HTTPClient, UnsupportedVersion } from "../../mod.ts";
import { TokenEndpointAuth } from "../../src/auth/token_endpoint_auth.ts";
import { TestServer } from "../_fakes/test_server.ts";

class FakeClient1 extends BaseClient {}
class FakeClient21 extends BaseClient {}

Deno.test("BaseClient.getClass() finds a version by number or string", () => {
  const map = { "1": FakeClient1, "2.1": FakeClient21 };
  assert.equal(BaseClient.getClass("fake", 1, map), FakeClient1);
  assert.equal(BaseClient.getClass("fake", "2.1", map), FakeClient21);
});

Deno.test("BaseClient.getClass() names the known versions, sorted, for an unknown one", () => {
  const map = { "3": FakeClient1, "2.0": FakeClient21 };
  assert.throws(() => BaseClient.getClass("identity", "7", map), (e: unknown) => {
    assert.ok(e instanceof UnsupportedVersion);
    assert.equal(e.message, "Invalid identity client version '7'. Must be one of: 2.0, 3");
    return true;
  });
  assert.throws(() => BaseClient.getClass("fake", "toString", map), UnsupportedVersion);
});

class Compute extends BaseClient {
  static override serviceType = "compute";
}
class Identity extends BaseClient {
  static override serviceType = "identity";
  static override endpointType = "admin";
}

Deno.test("BaseClient registers with the HTTPClient: first registration per service type wins", async () => {
  await using http = new HTTPClient(null);
  const first = new Compute(http);
  const second = new Compute(http);
  assert.equal(http.getClient("compute"), first);
  assert.notEqual(http.getClient("compute"), second);
  assert.equal((http as unknown as { compute: Compute }).compute, first);
  const identity = new Identity(http);
  assert.equal(identity.serviceType, "identity");
  assert.equal(identity.endpointType, "admin");
  assert.equal(first.endpointType, undefined);
});

Deno.test("BaseClient extensions become properties built with the client", async () => {
  await using http = new HTTPClient(null);
  class Flavors {
    constructor(readonly client: BaseClient) {}
  }
  const compute = new Compute(http, [{ name: "flavors", managerClass: Flavors }, {
    name: "nothing",
  }]);
  const flavors = (compute as unknown as { flavors: Flavors }).flavors;
  assert.ok(flavors instanceof Flavors);
  assert.equal(flavors.client, compute);
  assert.equal("nothing" in compute, false);
});

Deno.test("BaseClient verbs send their method through clientRequest with the cached endpoint", async () => {
  await using server = await TestServer.start((seen) =>
    seen.method === "HEAD" ? new Response(null, { status: 204 }) : Response.json({ m: seen.method })
  );
  await using http = new HTTPClient(
    new TokenEndpointAuth({ token: "tk", endpoint: `${server.url}/v2.1/` }),
  );
  const compute = new Compute(http);
  for (const verb of ["get", "post", "put", "patch", "delete"] as const) {
    const reply = await compute[verb]("/servers");
    assert.deepEqual(await reply.json(), { m: verb.toUpperCase() });
  }
  assert.equal((await compute.head("/servers")).status, 204);
  assert.ok(
    server.requests.every((r) =>
      r.path === "/v2.1/servers" && r.headers.get("x-auth-token") === "tk"
    ),
  );
  assert.equal(compute.cachedEndpoint, `${server.url}/v2.1/`);
  assert.equal(compute.lastRequestId, undefined);
});

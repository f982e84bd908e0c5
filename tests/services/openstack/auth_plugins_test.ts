import assert from "node:assert/strict";
import { HTTPClient, Unauthorized } from "../../../mod.ts";
import {
  KeystoneTokenAuth,
  KeystoneV2PasswordAuth,
  TokenEndpointAuth,
} from "../../../src/auth/mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import {
  ComputeClient,
  DatabaseClient,
  IdentityClient,
} from "../../../src/services/openstack/mod.ts";
import { collect } from "./helpers.ts";

Deno.test("clients work with a v2.0 login (KeystoneV2PasswordAuth)", async () => {
  await using cloud = await FakeCloud.start();
  await using http = new HTTPClient(
    new KeystoneV2PasswordAuth({
      authUrl: `${cloud.url}/identity/v2.0`,
      username: "demo",
      password: FakeCloud.DEMO_PASSWORD,
      tenantName: "demo",
    }),
  );
  const compute = new ComputeClient(http);
  assert.equal((await collect(compute.flavors.list())).length, 5);
  const db = new DatabaseClient(http);
  assert.deepEqual(await collect(db.instances.list()), []);
  assert.ok(
    cloud.requests.some((r) => r.path === `/database/v1.0/${cloud.demo.projectId}/instances`),
  );
  assert.equal(cloud.requests[0]?.path, "/identity/v2.0/tokens");
  assert.equal(cloud.authCount, 1);
});

Deno.test("clients work with a v3 token login (KeystoneTokenAuth)", async () => {
  await using cloud = await FakeCloud.start();
  const token = cloud.issueToken("admin");
  await using http = new HTTPClient(
    new KeystoneTokenAuth({
      authUrl: cloud.authUrl,
      token,
      projectName: "demo",
      projectDomainName: "Default",
    }),
  );
  const identity = new IdentityClient(http);
  const me = await identity.users.find({ name: "admin" });
  assert.equal(me.id, cloud.admin.userId);
  assert.ok(!JSON.stringify(cloud.requests).includes(token));
});

Deno.test("clients work with TokenEndpointAuth; a revoked fixed token ends in Unauthorized", async () => {
  await using cloud = await FakeCloud.start();
  await using http = new HTTPClient(
    new TokenEndpointAuth({ token: cloud.issueToken("demo"), endpoint: cloud.endpoint("compute") }),
  );
  const compute = new ComputeClient(http);
  assert.equal((await compute.flavors.get("2")).name, "m1.small");
  cloud.revokeAll();
  await assert.rejects(compute.flavors.get("2"), Unauthorized);
  assert.equal(cloud.authCount, 0);
});

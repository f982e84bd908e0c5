import assert from "node:assert/strict";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { call, type Json, login, passwordAuth, post, projectScope } from "./_helpers.ts";

Deno.test("FakeCloud: injected faults, Retry-After and delays", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const path = "/compute/v2.1/servers";
  const handle = cloud.inject({
    path,
    status: 503,
    headers: { "retry-after": "2" },
    body: { error: "busy" },
    times: 2,
  });
  for (let i = 0; i < 2; i++) {
    const r = await call("GET", `${cloud.url}${path}`, token);
    assert.equal(r.res.status, 503);
    assert.equal(r.res.headers.get("retry-after"), "2");
    assert.match(r.res.headers.get("x-openstack-request-id") ?? "", /^req-/);
    assert.deepEqual(r.body, { error: "busy" });
  }
  assert.equal(handle.hits, 2);
  assert.equal(handle.remaining, 0);
  assert.equal((await call("GET", `${cloud.url}${path}`, token)).res.status, 200);

  cloud.inject({ path: /\/auth\/tokens$/, method: "POST", status: 500, body: "boom" });
  const failed = await call("POST", `${cloud.authUrl}/auth/tokens`, undefined, {});
  assert.equal(failed.body?.text, "boom");
  assert.equal(failed.res.status, 500);

  cloud.inject({ path, delayMs: 30 });
  const delayed = await call("GET", `${cloud.url}${path}`, token);
  assert.equal(delayed.res.status, 200, "a delay alone lets the real handler answer");

  // A long delay is cut short when the client gives up and when the cloud closes.
  cloud.inject({ path, delayMs: 60_000 });
  const abort = new AbortController();
  const pending = fetch(`${cloud.url}${path}`, {
    headers: { "x-auth-token": token },
    signal: abort.signal,
  });
  setTimeout(() => abort.abort(), 20);
  await assert.rejects(pending);
});

Deno.test("FakeCloud: the request log hashes tokens and masks secrets", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  await call("GET", `${cloud.url}/compute/v2.1/servers?limit=1`, token);
  await post(`${cloud.authUrl}/auth/tokens`, {
    auth: { identity: { methods: ["token"], token: { id: token } } },
  });
  const dump = JSON.stringify(cloud.requests) + Deno.inspect(cloud.requests, { depth: 10 });
  assert.ok(!dump.includes(token), "raw token in the request log");
  assert.ok(!dump.includes(FakeCloud.ADMIN_PASSWORD), "password in the request log");
  const get = cloud.requests.find((r) => r.method === "GET")!;
  assert.match(get.headers["x-auth-token"] ?? "", /^\{SHA256\}[0-9a-f]{64}$/);
  assert.deepEqual(get.query, { limit: "1" });
  assert.equal(get.service, "compute");
  assert.equal(get.status, 200);
  const first = cloud.requests[0]!;
  assert.equal(
    (((first.body as Json).auth as Json).identity as Json).methods instanceof Array,
    true,
  );
  assert.match(JSON.stringify(first.body), /"password":"\*\*\*"/);
  cloud.clearRequests();
  assert.equal(cloud.requests.length, 0);
});

Deno.test("FakeCloud: a second region has its own endpoints", async () => {
  await using cloud = await FakeCloud.start({ regions: ["RegionOne", "RegionTwo"] });
  const { body } = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth({ id: cloud.admin.userId }, FakeCloud.ADMIN_PASSWORD, projectScope("admin")),
  );
  const compute = ((body?.token as Json).catalog as Json[]).find((s) => s.type === "compute")!;
  const publics = (compute.endpoints as Json[]).filter((e) => e.interface === "public");
  assert.deepEqual(publics.map((e) => [e.region_id, e.url]), [
    ["RegionOne", `${cloud.url}/compute/v2.1`],
    ["RegionTwo", `${cloud.url}/regions/RegionTwo/compute/v2.1`],
  ]);
  assert.equal(
    cloud.endpoint("compute", { region: "RegionTwo" }),
    `${cloud.url}/regions/RegionTwo/compute/v2.1`,
  );
  const token = await login(cloud);
  const r = await call("GET", `${cloud.url}/regions/RegionTwo/compute/v2.1/servers`, token);
  assert.equal(r.res.status, 200);
  assert.equal(cloud.requests.at(-1)?.region, "RegionTwo");
  const regions = await call("GET", `${cloud.authUrl}/regions`, token);
  assert.deepEqual((regions.body?.regions as Json[]).map((x) => x.id), ["RegionOne", "RegionTwo"]);
});

Deno.test("FakeCloud: issueToken and env help other tests", async () => {
  await using cloud = await FakeCloud.start();
  const token = cloud.issueToken("demo");
  assert.equal(cloud.authCount, 0);
  const r = await call(
    "GET",
    `${cloud.endpoint("database", { projectId: cloud.demo.projectId })}/instances`,
    token,
  );
  assert.equal(r.res.status, 200);
  const env = cloud.env();
  assert.equal(env.OS_AUTH_URL, cloud.authUrl);
  assert.equal(env.OS_PASSWORD, FakeCloud.ADMIN_PASSWORD);
});

Deno.test("FakeCloud: requestLogLimit keeps the newest entries", async () => {
  await using cloud = await FakeCloud.start({ requestLogLimit: 3 });
  const token = cloud.issueToken();
  for (let i = 0; i < 5; i++) {
    await call("GET", `${cloud.url}/compute/v2.1/flavors/${i + 1}`, token);
  }
  assert.deepEqual(cloud.requests.map((r) => r.path.split("/").pop()), ["3", "4", "5"]);
});

Deno.test("FakeCloud: inspect and JSON show no password", async () => {
  await using cloud = await FakeCloud.start();
  const dump = Deno.inspect(cloud, { depth: 10 }) + JSON.stringify(cloud) +
    Deno.inspect(cloud.admin) + JSON.stringify(cloud.demo);
  assert.ok(!dump.includes(FakeCloud.ADMIN_PASSWORD));
  assert.ok(!dump.includes(FakeCloud.DEMO_PASSWORD));
  assert.equal(cloud.admin.password, FakeCloud.ADMIN_PASSWORD);
  assert.ok(dump.includes(cloud.url));
});

Deno.test("FakeCloud.start: port and hostname choose where it listens and what the catalog says", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.2", port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close();
  await using cloud = await FakeCloud.start({ hostname: "127.0.0.2", port });
  assert.equal(cloud.url, `http://127.0.0.2:${port}`);
  assert.equal(cloud.endpoint("compute"), `http://127.0.0.2:${port}/compute/v2.1`);
  const token = await login(cloud);
  const res = await fetch(`${cloud.url}/compute/v2.1/flavors`, {
    headers: { "x-auth-token": token },
  });
  assert.equal(res.status, 200);
  await res.body?.cancel();
});

Deno.test("FakeCloud request log: no cookie, proxy credential, token or password", async () => {
  await using cloud = await FakeCloud.start();
  const token = await login(cloud);
  const secrets = ["cookie-secret-1", "proxy-secret-2", "basic-secret-3", "new-password-4"];
  const res = await fetch(`${cloud.authUrl}/users`, {
    method: "POST",
    headers: {
      "x-auth-token": token,
      "content-type": "application/json",
      cookie: `session=${secrets[0]}`,
      "proxy-authorization": `Basic ${secrets[1]}`,
      authorization: `Basic ${secrets[2]}`,
    },
    body: JSON.stringify({ user: { name: "logged", password: secrets[3] } }),
  });
  assert.equal(res.status, 201);
  await res.body?.cancel();
  const log = JSON.stringify(cloud.requests) + Deno.inspect(cloud.requests, { depth: 10 });
  for (const secret of [...secrets, token]) assert.equal(log.includes(secret), false, secret);
  const entry = cloud.requests.at(-1)!;
  assert.match(entry.headers["x-auth-token"]!, /^\{SHA256\}[0-9a-f]{64}$/);
  assert.equal((entry.body as { user: { password: string } }).user.password, "***");
});

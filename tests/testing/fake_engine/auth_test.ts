import assert from "node:assert/strict";
import { FakeEngine } from "../../../src/testing/mod.ts";
import { basic, call, USERS } from "./_helpers.ts";

Deno.test("FakeEngine: HTTP Basic on the API; a 401 challenges for Basic realm RESTAPI", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const ok = await call(engine, "/vms");
  assert.equal(ok.status, 200);
  assert.match(ok.text, /<vms>/);
  assert.equal(ok.headers.get("set-cookie"), null);
  for (
    const authorization of [
      undefined,
      basic("admin@internal", "wrong"),
      basic("nobody@internal", "x"),
      "Basic not-base64!",
      `Basic ${btoa("no-colon")}`,
      "Bearer forged",
      "Negotiate abc",
    ]
  ) {
    const r = await fetch(`${engine.url}/vms`, {
      headers: authorization ? { authorization } : {},
    });
    await r.body?.cancel();
    assert.equal(r.status, 401, authorization);
    assert.equal(r.headers.get("www-authenticate"), 'Basic realm="RESTAPI"', authorization);
  }
  assert.equal(engine.authCount, 1);
});

Deno.test("FakeEngine: Basic with Prefer: persistent-auth opens a JSESSIONID session", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const first = await call(engine, "", { headers: { prefer: "persistent-auth" } });
  assert.equal(first.status, 200);
  const cookie = first.headers.get("set-cookie") ?? "";
  assert.match(cookie, /^JSESSIONID=[\w-]+; Path=\/ovirt-engine\/api; HttpOnly$/);
  const session = cookie.split(";")[0]!;
  const withSession = async (headers: Record<string, string>) => {
    const r = await fetch(`${engine.url}/hosts`, { headers: { cookie: session, ...headers } });
    await r.body?.cancel();
    return r.status;
  };
  assert.equal(await withSession({ prefer: "persistent-auth" }), 200);
  // The session is used only when the client asks for it.
  assert.equal(await withSession({}), 401);
  // Credentials sent again with the session reuse it rather than opening another.
  const again = await call(engine, "", {
    headers: { prefer: "persistent-auth", cookie: session },
  });
  assert.equal(again.headers.get("set-cookie"), null);
  assert.equal(engine.validTokenCount, 1);
  engine.expireTokens();
  assert.equal(await withSession({ prefer: "persistent-auth" }), 401);
});

Deno.test("FakeEngine: SSO token, revoke and logout endpoints", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const login = async () => {
    const r = await fetch(`${engine.origin}/ovirt-engine/sso/oauth/token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "password",
        scope: "ovirt-app-api",
        username: "admin@internal",
        password: USERS["admin@internal"]!,
      }),
    });
    return (await r.json()).access_token as string;
  };
  const bearer = (token: string) =>
    call(engine, "/vms", { headers: { authorization: `Bearer ${token}` } });
  for (const path of ["/ovirt-engine/sso/oauth/revoke", "/ovirt-engine/services/sso-logout"]) {
    const token = await login();
    assert.equal((await bearer(token)).status, 200);
    const out = await fetch(`${engine.origin}${path}`, {
      method: "POST",
      body: new URLSearchParams({ scope: "ovirt-app-api", token }),
    });
    assert.equal(out.status, 200, path);
    await out.body?.cancel();
    const after = await bearer(token);
    assert.equal(after.status, 401, path);
    assert.equal(after.headers.get("www-authenticate"), 'Basic realm="RESTAPI"');
  }
  assert.equal(engine.authCount, 2);
});

Deno.test("FakeEngine.start: port and hostname options", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = probe.addr.port;
  probe.close();
  await using engine = await FakeEngine.start({ port, hostname: "127.0.0.1", users: USERS });
  assert.equal(engine.url, `http://127.0.0.1:${port}/ovirt-engine/api`);
  assert.equal((await call(engine, "")).status, 200);
  // The port is taken now: a second engine on it fails to start.
  await assert.rejects(FakeEngine.start({ port, hostname: "127.0.0.1" }), Deno.errors.AddrInUse);
  await using local = await FakeEngine.start({ hostname: "localhost", users: USERS });
  assert.match(local.url, /^http:\/\/localhost:\d+\/ovirt-engine\/api$/);
  assert.equal((await call(local, "")).status, 200);
});

Deno.test("FakeEngine: users without an admin role must use Filter: true and see only their grants", async () => {
  const { SEED_IDS } = await import("../../../src/testing/mod.ts");
  await using engine = await FakeEngine.start({
    users: USERS,
    grants: { "user1@internal": [SEED_IDS.web2] },
  });
  const user = basic("user1@internal");
  const plain = await call(engine, "/vms", { headers: { authorization: user } });
  assert.equal(plain.status, 403);
  assert.match(plain.text, /insufficient permissions/);
  const hows: { headers: Record<string, string>; q: string }[] = [
    { headers: { filter: "true" }, q: "" },
    { headers: {}, q: "?filter=true" },
  ];
  for (const how of hows) {
    const vms = await call(engine, `/vms${how.q}`, {
      headers: { authorization: user, ...how.headers },
    });
    assert.equal(vms.status, 200);
    assert.deepEqual(
      [...vms.text.matchAll(/<name>(\w+)<\/name>\n\s*<description>/g)].map((m) => m[1]),
      ["web2"],
    );
  }
  const filtered = { authorization: user, filter: "true" };
  assert.equal((await call(engine, `/vms/${SEED_IDS.web1}`, { headers: filtered })).status, 404);
  assert.equal((await call(engine, `/vms/${SEED_IDS.web2}`, { headers: filtered })).status, 200);
  // The sub-collections of a granted VM come with it.
  const nics = await call(engine, `/vms/${SEED_IDS.web2}/nics`, { headers: filtered });
  assert.match(nics.text, /<nic href=/);
  assert.match((await call(engine, "/hosts", { headers: filtered })).text, /<hosts\/>/);
  const start = await call(engine, `/vms/${SEED_IDS.web1}/start`, {
    method: "POST",
    headers: { ...filtered, "content-type": "application/xml" },
    body: "<action/>",
  });
  assert.equal(start.status, 404);
  // A role on a cluster reaches its VMs (System → data center → cluster → VM).
  await using byCluster = await FakeEngine.start({
    users: USERS,
    grants: { "user1@internal": [SEED_IDS.cluster] },
  });
  const inCluster = await call(byCluster, "/vms", { headers: filtered });
  assert.equal(inCluster.text.match(/<vm /g)?.length, 3);
  assert.equal(
    (await call(byCluster, "/hosts", { headers: filtered })).text.match(/<host /g)?.length,
    2,
  );
  assert.match(
    (await call(byCluster, "/storagedomains", { headers: filtered })).text,
    /<storage_domains\/>/,
  );
  // An administrator with Filter: true still sees everything.
  const admin = await call(engine, "/vms", { headers: { filter: "true" } });
  assert.equal(admin.text.match(/<vm /g)?.length, 3);
});

import assert from "node:assert/strict";
import { FakeEngine, SEED_IDS } from "../../src/testing/mod.ts";

const USERS = { "admin@internal": "pw-123456" };

async function login(engine: FakeEngine, password = "pw-123456"): Promise<Response> {
  return await fetch(`${engine.origin}/ovirt-engine/sso/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "password",
      scope: "ovirt-app-api",
      username: "admin@internal",
      password,
    }),
  });
}

async function api(
  engine: FakeEngine,
  token: string,
  method: string,
  path: string,
  options: { body?: string; json?: boolean } = {},
): Promise<{ status: number; type: string; text: string }> {
  const type = options.json ? "application/json" : "application/xml";
  const r = await fetch(`${engine.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: type, "content-type": type },
    body: options.body,
  });
  return { status: r.status, type: r.headers.get("content-type") ?? "", text: await r.text() };
}

Deno.test("FakeEngine: url, origin, SSO login with exp, API root", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  assert.match(engine.url, /^http:\/\/127\.0\.0\.1:\d+\/ovirt-engine\/api$/);
  assert.equal(engine.url, `${engine.origin}/ovirt-engine/api`);
  const reply = await login(engine);
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get("content-type"), "application/json");
  const body = await reply.json();
  assert.equal(typeof body.access_token, "string");
  assert.equal(body.token_type, "bearer");
  assert.ok(Number(body.exp) * 1000 > Date.now());
  const root = await api(engine, body.access_token, "GET", "");
  assert.equal(root.status, 200);
  assert.equal(root.type, "application/xml");
  assert.match(root.text, /<api>/);
  assert.match(root.text, /<product_info>/);
  assert.match(root.text, /<link href="\/ovirt-engine\/api\/vms" rel="vms"\/>/);
  assert.match(root.text, /<vms>\s*<active>2<\/active>\s*<total>3<\/total>\s*<\/vms>/);
});

Deno.test("FakeEngine: wrong password, wrong grant, and the API without a token", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const bad = await login(engine, "nope");
  assert.equal(bad.status, 401);
  assert.deepEqual(await bad.json(), {
    error: "access_denied",
    error_description:
      "Cannot authenticate user 'admin@internal': The username or password is incorrect..",
  });
  const grant = await fetch(`${engine.origin}/ovirt-engine/sso/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", scope: "ovirt-app-api" }),
  });
  assert.equal((await grant.json()).error, "unsupported_grant_type");
  const anon = await fetch(`${engine.url}/vms`);
  await anon.body?.cancel();
  assert.equal(anon.status, 401);
  const forged = await api(engine, "forged", "GET", "/vms");
  assert.equal(forged.status, 401);
  const html = await fetch(`${engine.origin}/elsewhere`);
  assert.equal(html.status, 404);
  assert.match(await html.text(), /<html>/);
});

Deno.test("FakeEngine: tokens expire, get revoked, and can be issued directly", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  assert.equal((await api(engine, token, "GET", "/hosts")).status, 200);
  engine.expireTokens();
  assert.equal((await api(engine, token, "GET", "/hosts")).status, 401);
  const fresh = (await (await login(engine)).json()).access_token as string;
  assert.equal(engine.activeTokens, 1);
  const out = await fetch(`${engine.origin}/ovirt-engine/services/sso-logout`, {
    method: "POST",
    body: new URLSearchParams({ scope: "ovirt-app-api", token: fresh }),
  });
  assert.deepEqual(await out.json(), {});
  assert.equal((await api(engine, fresh, "GET", "/hosts")).status, 401);
  const again = engine.issueToken("admin@internal");
  engine.revokeAll();
  assert.equal((await api(engine, again, "GET", "/hosts")).status, 401);
  assert.equal(engine.activeTokens, 0);
});

Deno.test("FakeEngine: short tokenTtlMs makes tokens expire on their own", async () => {
  await using engine = await FakeEngine.start({ users: USERS, tokenTtlMs: 1 });
  const token = engine.issueToken("admin@internal");
  await new Promise((r) => setTimeout(r, 5));
  assert.equal((await api(engine, token, "GET", "/vms")).status, 401);
});

Deno.test("FakeEngine: XML lists, search, max, get, links and actions", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  const all = await api(engine, token, "GET", "/vms");
  assert.equal(all.text.match(/<vm /g)?.length, 3);
  assert.match(all.text, /^<\?xml[^>]+\?>\n<vms>/);
  const web = await api(engine, token, "GET", "/vms?search=name%3Dweb*");
  assert.equal(web.text.match(/<vm /g)?.length, 2);
  const up = await api(engine, token, "GET", "/vms?search=status%3Dup+and+name%3Ddb*");
  assert.match(up.text, /<name>db1<\/name>/);
  assert.equal(up.text.match(/<vm /g)?.length, 1);
  const none = await api(engine, token, "GET", "/vms?search=name%3Dugly");
  assert.match(none.text, /<vms\/>/);
  const one = await api(engine, token, "GET", "/vms?max=1");
  assert.equal(one.text.match(/<vm /g)?.length, 1);
  const vm = await api(engine, token, "GET", `/vms/${SEED_IDS.web1}`);
  assert.match(
    vm.text,
    new RegExp(`<vm href="/ovirt-engine/api/vms/${SEED_IDS.web1}" id="${SEED_IDS.web1}">`),
  );
  assert.match(vm.text, /<link href="[^"]+\/start" rel="start"\/>/);
  assert.match(vm.text, /<link href="[^"]+\/diskattachments" rel="diskattachments"\/>/);
  assert.match(vm.text, /<cluster href="\/ovirt-engine\/api\/clusters\/[^"]+" id="[^"]+"\/>/);
  assert.match(vm.text, /<creation_time>2026-01-11T09:30:00\.000\+00:00<\/creation_time>/);
  for (const sub of ["diskattachments", "nics", "snapshots"]) {
    const r = await api(engine, token, "GET", `/vms/${SEED_IDS.web1}/${sub}`);
    assert.equal(r.status, 200, sub);
  }
  const nets = await api(engine, token, "GET", "/networks");
  assert.match(
    nets.text,
    /<usages>\s*<usage>vm<\/usage>\s*<usage>management<\/usage>\s*<\/usages>/,
  );
  for (const c of ["hosts", "clusters", "datacenters", "storagedomains", "disks", "templates"]) {
    const r = await api(engine, token, "GET", `/${c}`);
    assert.equal(r.status, 200, c);
  }
});

Deno.test("FakeEngine: JSON like the engine's Jackson output", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  const list = await api(engine, token, "GET", "/vms?search=name%3Dweb1", { json: true });
  assert.equal(list.type, "application/json");
  const body = JSON.parse(list.text);
  assert.equal(body.vm.length, 1);
  const vm = body.vm[0];
  assert.equal(vm.name, "web1");
  assert.equal(vm.memory, String(4 * 1024 ** 3), "scalars are strings");
  assert.equal(vm.stateless, "false");
  assert.equal(typeof vm.creation_time, "number", "dates are epoch ms");
  assert.ok(vm.link.some((l: { rel: string }) => l.rel === "nics"));
  assert.ok(vm.actions.link.some((l: { rel: string }) => l.rel === "start"));
  const nets = JSON.parse((await api(engine, token, "GET", "/networks", { json: true })).text);
  assert.deepEqual(nets.network[0].usages, { usage: ["vm", "management"] });
  const empty = await api(engine, token, "GET", "/vms?search=name%3Dnone", { json: true });
  assert.deepEqual(JSON.parse(empty.text), {});
  const missing = await api(engine, token, "GET", "/vms/123", { json: true });
  assert.equal(missing.status, 404);
  assert.deepEqual(JSON.parse(missing.text), {
    reason: "Operation Failed",
    detail: "Entity not found: 123",
  });
});

Deno.test("FakeEngine: add, update, remove, and their faults", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  const incomplete = await api(engine, token, "POST", "/vms", { body: "<vm><name>x</name></vm>" });
  assert.equal(incomplete.status, 400);
  assert.match(incomplete.text, /<reason>Incomplete parameters<\/reason>/);
  assert.match(incomplete.text, /<detail>Vm \[cluster\] required for add<\/detail>/);
  const syntax = await api(engine, token, "POST", "/vms", { body: "<vm><name>" });
  assert.equal(syntax.status, 400);
  const added = await api(engine, token, "POST", "/vms", {
    body: "<vm><name>new1</name><cluster><name>Default</name></cluster></vm>",
  });
  assert.equal(added.status, 201);
  assert.match(added.text, /<status>down<\/status>/);
  const id = /<vm href="[^"]+" id="([^"]+)"/.exec(added.text)![1]!;
  const dup = await api(engine, token, "POST", "/vms", {
    body: "<vm><name>new1</name><cluster><name>Default</name></cluster></vm>",
  });
  assert.equal(dup.status, 409);
  const noCluster = await api(engine, token, "POST", "/vms", {
    body: '{"name": "j1", "cluster": {"name": "Nope"}}',
    json: true,
  });
  assert.equal(noCluster.status, 404);
  const jsonAdd = await api(engine, token, "POST", "/vms", {
    body: '{"name": "j1", "cluster": {"id": "' + SEED_IDS.cluster + '"}}',
    json: true,
  });
  assert.equal(jsonAdd.status, 201);
  assert.equal(JSON.parse(jsonAdd.text).name, "j1");
  const updated = await api(engine, token, "PUT", `/vms/${id}`, {
    body: "<vm><description>updated</description><memory>2147483648</memory></vm>",
  });
  assert.equal(updated.status, 200);
  assert.match(updated.text, /<description>updated<\/description>/);
  assert.match(updated.text, /<memory>2147483648<\/memory>/);
  const nic = await api(engine, token, "POST", `/vms/${id}/nics`, {
    body: "<nic><name>nic1</name><interface>virtio</interface></nic>",
  });
  assert.equal(nic.status, 201);
  assert.equal((await api(engine, token, "DELETE", `/vms/${id}`)).status, 200);
  assert.equal((await api(engine, token, "GET", `/vms/${id}`)).status, 404);
  assert.equal((await api(engine, token, "GET", `/vms/${id}/nics`)).status, 404);
  const running = await api(engine, token, "DELETE", `/vms/${SEED_IDS.web1}`);
  assert.equal(running.status, 409);
  assert.match(running.text, /Cannot remove VM\. VM is running\./);
});

Deno.test("FakeEngine: VM actions and status transitions", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  const status = async (id: string) =>
    /<status>([a-z_]+)<\/status>/.exec((await api(engine, token, "GET", `/vms/${id}`)).text)![1];
  const act = (id: string, action: string) =>
    api(engine, token, "POST", `/vms/${id}/${action}`, { body: "<action/>" });

  const started = await act(SEED_IDS.web2, "start");
  assert.equal(started.status, 200);
  assert.match(started.text, /<action>\s*<status>complete<\/status>\s*<\/action>/);
  assert.equal(await status(SEED_IDS.web2), "up", "transitionMs 0: at once");
  const again = await act(SEED_IDS.web2, "start");
  assert.equal(again.status, 409);
  assert.match(again.text, /<detail>\[Cannot run VM\. VM web2 is running\.\]<\/detail>/);
  assert.equal((await act(SEED_IDS.web2, "suspend")).status, 200);
  assert.equal(await status(SEED_IDS.web2), "suspended");
  assert.equal((await act(SEED_IDS.web2, "start")).status, 200);
  assert.equal(await status(SEED_IDS.web2), "up");
  assert.equal((await act(SEED_IDS.web2, "reboot")).status, 200);
  assert.equal(await status(SEED_IDS.web2), "up");
  assert.equal((await act(SEED_IDS.web2, "shutdown")).status, 200);
  assert.equal(await status(SEED_IDS.web2), "down");
  assert.equal((await act(SEED_IDS.web2, "stop")).status, 409);
  assert.equal((await act(SEED_IDS.web1, "stop")).status, 200);
  assert.equal(await status(SEED_IDS.web1), "down");
  assert.equal((await act("123", "start")).status, 404);
  const json = await api(engine, token, "POST", `/vms/${SEED_IDS.web1}/start`, {
    body: "{}",
    json: true,
  });
  assert.deepEqual(JSON.parse(json.text), { status: "complete" });
});

Deno.test("FakeEngine: with transitionMs a start begins with wait_for_launch, a shutdown with powering_down", async () => {
  await using engine = await FakeEngine.start({ users: USERS, transitionMs: 60_000 });
  const token = engine.issueToken("admin@internal");
  await api(engine, token, "POST", `/vms/${SEED_IDS.web2}/start`, { body: "<action/>" });
  const vm = await api(engine, token, "GET", `/vms/${SEED_IDS.web2}`);
  assert.match(vm.text, /<status>wait_for_launch<\/status>/);
  const stop = await api(engine, token, "POST", `/vms/${SEED_IDS.web1}/shutdown`, {
    body: "<action/>",
  });
  assert.equal(stop.status, 200);
  assert.match(
    (await api(engine, token, "GET", `/vms/${SEED_IDS.web1}`)).text,
    /<status>powering_down<\/status>/,
  );
});

Deno.test("FakeEngine: injected errors, bodies and delays; times", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  engine.inject({ path: "vms", method: "GET", status: 503, times: 1 });
  assert.equal((await api(engine, token, "GET", "/vms")).status, 503);
  assert.equal((await api(engine, token, "GET", "/vms")).status, 200, "times: 1");
  engine.inject({ path: /\/hosts$/, status: 400, body: "<fault><reason>R</reason></fault>" });
  const hosts = await api(engine, token, "GET", "/hosts");
  assert.equal(hosts.status, 400);
  assert.equal(hosts.type, "application/xml");
  engine.inject({ path: "clusters", delayMs: 20 });
  assert.equal((await api(engine, token, "GET", "/clusters")).status, 200, "delay only");
  engine.clearInjections();
  assert.equal((await api(engine, token, "GET", "/hosts")).status, 200);
});

Deno.test("FakeEngine: the request log redacts Authorization and form secrets", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = (await (await login(engine)).json()).access_token as string;
  await api(engine, token, "GET", "/vms?max=2&search=name%3Dweb*");
  const [sso, list] = engine.requests;
  assert.equal(sso!.method, "POST");
  assert.ok(!sso!.body.includes("pw-123456"));
  assert.match(sso!.body, /password=<redacted>/);
  assert.equal(list!.path, "/ovirt-engine/api/vms");
  assert.deepEqual(list!.query, { max: "2", search: "name=web*" });
  assert.equal(list!.rawQuery, "max=2&search=name%3Dweb*");
  assert.equal(list!.headers["authorization"], "Bearer <redacted>");
  assert.ok(!JSON.stringify(engine.requests).includes(token));
  engine.clearRequests();
  assert.equal(engine.requests.length, 0);
});

Deno.test("FakeEngine: Kerberos needs a Negotiate header", async () => {
  await using engine = await FakeEngine.start({ negotiateTokens: { good: "u@EXAMPLE.COM" } });
  const post = (auth?: string) =>
    fetch(`${engine.origin}/ovirt-engine/sso/oauth/token-http-auth`, {
      method: "POST",
      headers: auth ? { authorization: auth } : {},
      body: new URLSearchParams({
        grant_type: "urn:ovirt:params:oauth:grant-type:http",
        scope: "ovirt-app-api",
      }),
    });
  const none = await post();
  assert.equal(none.status, 401);
  assert.equal(none.headers.get("www-authenticate"), "Negotiate");
  await none.body?.cancel();
  const bad = await post("Negotiate bad");
  assert.equal((await bad.json()).error, "access_denied");
  const good = await post("Negotiate good");
  assert.equal(typeof (await good.json()).access_token, "string");
});

Deno.test("FakeEngine: seed: false starts empty", async () => {
  await using engine = await FakeEngine.start({ seed: false });
  const token = engine.issueToken("admin@internal");
  assert.match((await api(engine, token, "GET", "/vms")).text, /<vms\/>/);
});

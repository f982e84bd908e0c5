import assert from "node:assert/strict";
import { FakeEngine, SEED_IDS } from "../../../src/testing/mod.ts";
import { basic, call, USERS } from "./_helpers.ts";

const SECRETS = ["Sup3r-root-pw", "init-pw-8812", "lic-KEY-4471", "tk-value-1109", "pm-pw-3320"];

Deno.test("FakeEngine request log: no credential header keeps its secret", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const token = engine.issueToken("admin@internal");
  const sent: Record<string, string>[] = [
    { authorization: `Bearer ${token}` },
    { authorization: basic() },
    { authorization: basic(), cookie: "JSESSIONID=sess-4471; other=keep-me-not" },
    { authorization: basic(), "proxy-authorization": "Basic cHJveHk6cHJveHktcHc=" },
    { authorization: basic(), "x-auth-token": "xat-5512", "x-subject-token": "xst-2210" },
  ];
  for (const headers of sent) {
    const r = await fetch(`${engine.url}/hosts`, { headers });
    await r.body?.cancel();
  }
  const log = engine.requests;
  assert.equal(log.length, sent.length);
  assert.equal(log[0]!.headers["authorization"], "Bearer <redacted>");
  assert.equal(log[1]!.headers["authorization"], "Basic <redacted>");
  assert.equal(log[2]!.headers["cookie"], "JSESSIONID=<redacted>; other=<redacted>");
  assert.equal(log[3]!.headers["proxy-authorization"], "Basic <redacted>");
  assert.equal(log[4]!.headers["x-auth-token"], "<redacted>");
  assert.equal(log[4]!.headers["x-subject-token"], "<redacted>");
  const text = JSON.stringify(log);
  for (
    const secret of [
      token,
      btoa(`admin@internal:${USERS["admin@internal"]}`),
      "sess-4471",
      "keep-me-not",
      "cHJveHk6cHJveHktcHc=",
      "xat-5512",
      "xst-2210",
    ]
  ) {
    assert.ok(!text.includes(secret), secret);
  }
  assert.ok(log.every((r) => r.status === 200 && r.user === "admin@internal"));
});

Deno.test("FakeEngine request log: secret fields of XML and JSON bodies and SSO forms are redacted", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const [root, init, lic, ticket, pm] = SECRETS;
  const xmlVm = `<vm><name>sec1</name><cluster><name>Default</name></cluster>` +
    `<initialization><root_password>${init}</root_password><windows_license_key><![CDATA[${lic}]]></windows_license_key></initialization></vm>`;
  assert.equal(
    (await call(engine, "/vms", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: xmlVm,
    })).status,
    201,
  );
  const xmlHost =
    `<host><name>h9</name><address>192.0.2.99</address><root_password>${root}</root_password>` +
    `<power_management><agents><agent><password>${pm}</password></agent></agents></power_management></host>`;
  await call(engine, "/hosts", {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: xmlHost,
  });
  await call(engine, `/vms/${SEED_IDS.web1}/ticket`, {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: `<action><ticket><value>${ticket}</value><expiry>60</expiry></ticket></action>`,
  });
  // JSON, including a key written with a unicode escape.
  await call(engine, "/vms", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body:
      `{"name":"sec2","cluster":{"name":"Default"},"initialization":{"root\\u005fpassword":"${init}"}}`,
  });
  await call(engine, "/hosts", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "h10", address: "192.0.2.98", root_password: root }),
  });
  // JSON under an XML content type is still scrubbed.
  await call(engine, "/hosts", {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: JSON.stringify({ name: "h11", root_password: root }),
  });
  const login = await fetch(`${engine.origin}/ovirt-engine/sso/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "password",
      scope: "ovirt-app-api",
      username: "admin@internal",
      password: USERS["admin@internal"]!,
    }),
  });
  const issued = (await login.json()).access_token as string;
  const revoke = await fetch(`${engine.origin}/ovirt-engine/sso/oauth/revoke`, {
    method: "POST",
    body: new URLSearchParams({ scope: "ovirt-app-api", token: issued }),
  });
  await revoke.body?.cancel();

  const text = JSON.stringify(engine.requests);
  for (const secret of [...SECRETS, USERS["admin@internal"]!, issued]) {
    assert.ok(!text.includes(secret), secret);
  }
  const bodies = engine.requests.map((r) => r.body);
  assert.ok(bodies[0]!.includes("<root_password>&lt;redacted&gt;</root_password>"));
  assert.ok(bodies[0]!.includes("<name>sec1</name>"), "the rest of the body stays");
  assert.ok(bodies[2]!.includes("<value>&lt;redacted&gt;</value><expiry>60</expiry>"));
  assert.deepEqual(JSON.parse(bodies[3]!).initialization, { root_password: "<redacted>" });
  assert.match(bodies.at(-2)!, /password=%3Credacted%3E|password=<redacted>/);
  assert.match(bodies.at(-1)!, /token=<redacted>/);
  // The engine never shows a root password back either.
  const made = await call(engine, "/vms?search=name%3Dsec1", {
    headers: { "all-content": "true" },
  });
  assert.ok(!made.text.includes("root_password"));
});

Deno.test("FakeEngine request log: secret query parameters are redacted", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const r = await fetch(
    `${engine.origin}/ovirt-engine/sso/oauth/token?grant_type=password&username=admin%40internal&password=q-pw-7781&scope=ovirt-app-api`,
  );
  await r.body?.cancel();
  await call(engine, "/vms?search=name%3Dweb*&access_token=q-tok-5512");
  const [sso, vms] = engine.requests;
  assert.equal(sso!.query.password, "<redacted>");
  assert.equal(sso!.query.username, "admin@internal");
  assert.match(sso!.rawQuery, /password=<redacted>/);
  assert.equal(vms!.query.search, "name=web*");
  assert.equal(vms!.query.access_token, "<redacted>");
  assert.match(vms!.rawQuery, /^search=name%3Dweb\*&access_token=<redacted>$/);
  const text = JSON.stringify(engine.requests);
  assert.ok(!text.includes("q-pw-7781") && !text.includes("q-tok-5512"));
});

Deno.test("FakeEngine request log: bounded by requestLogLimit; bodies by maxBodyBytes", async () => {
  await using engine = await FakeEngine.start({
    users: USERS,
    requestLogLimit: 3,
    maxBodyBytes: 1024,
  });
  for (let i = 0; i < 5; i++) await call(engine, `/vms?max=${i}`);
  assert.deepEqual(engine.requests.map((r) => r.rawQuery), ["max=2", "max=3", "max=4"]);
  const big = await call(engine, "/vms", {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: `<vm><name>${"x".repeat(4096)}</name></vm>`,
  });
  assert.equal(big.status, 413);
  assert.match(big.text, /<fault>[\s\S]*1024 bytes/);
  assert.equal(engine.requests.at(-1)!.body, "");
  assert.equal(engine.requests.at(-1)!.status, 413);
});

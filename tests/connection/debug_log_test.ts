import assert from "node:assert/strict";
import { Connection } from "../../mod.ts";
import { SEED_IDS } from "../../src/testing/mod.ts";
import { MemoryLog, PASSWORD, startEngine, USER } from "./helpers.ts";

Deno.test("the debug log has one line per wire line and no secret", async () => {
  await using engine = await startEngine();
  const log = new MemoryLog();
  const connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    debug: true,
    log,
  });
  const token = await connection.authenticate();
  await connection.send({ method: "GET", path: `/vms/${SEED_IDS.web1}` });
  await connection.send({
    method: "PUT",
    path: `/vms/${SEED_IDS.web2}`,
    body: `<vm><initialization><root_password>${PASSWORD}</root_password></initialization></vm>`,
  });
  engine.expireTokens();
  await connection.send({ method: "GET", path: "/hosts" }); // 401, re-login, resend
  const second = await connection.authenticate();
  await connection.close();

  assert.ok(log.lines.length > 20);
  for (const line of log.lines) {
    assert.ok(/^[*<>] /.test(line), `prefix of ${JSON.stringify(line)}`);
    assert.ok(!line.includes("\n"));
    assert.ok(!line.includes(PASSWORD), `password in ${line}`);
    assert.ok(!line.includes(token), `token in ${line}`);
    assert.ok(!line.includes(second), `new token in ${line}`);
    assert.ok(!line.includes(encodeURIComponent(PASSWORD)));
  }
  const all = log.lines.join("\n");
  // ovirtsdk4's prefixes: "< " what was sent, "> " what came back.
  assert.ok(log.lines.includes("< POST /ovirt-engine/sso/oauth/token HTTP/1.1"));
  assert.ok(log.lines.includes("< Authorization: Bearer <redacted>"));
  assert.ok(log.lines.includes(
    "< grant_type=password&scope=ovirt-app-api&username=admin%40internal&password=<redacted>",
  ));
  assert.ok(log.lines.includes("< scope=ovirt-app-api&token=<redacted>"));
  assert.ok(log.lines.includes("> HTTP/1.1 200 OK"));
  assert.ok(log.lines.includes("> HTTP/1.1 401 Unauthorized"));
  assert.match(all, /"access_token":\s*"<redacted>"/);
  assert.match(all, /<root_password><redacted><\/root_password>/);
  assert.match(all, /> <vm href="\/ovirt-engine\/api\/vms\//);
  assert.match(all, /^\* /m);
});

Deno.test("nothing is logged without debug", async () => {
  await using engine = await startEngine();
  const log = new MemoryLog();
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    log,
  });
  await connection.send({ method: "GET" });
  assert.deepEqual(log.lines, []);
});

Deno.test("Deno.inspect and JSON.stringify show no password or token", async () => {
  await using engine = await startEngine();
  const given = engine.issueToken(USER);
  const withPassword = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const token = await withPassword.authenticate();
  const withToken = new Connection({ url: engine.url, token: given });
  for (const c of [withPassword, withToken]) {
    for (
      const shown of [
        Deno.inspect(c),
        Deno.inspect(c, { depth: 10, showHidden: true }),
        JSON.stringify(c),
        String(c),
      ]
    ) {
      assert.ok(!shown.includes(PASSWORD), shown);
      assert.ok(!shown.includes(token), shown);
      assert.ok(!shown.includes(given), shown);
      assert.ok(!shown.includes(USER), shown);
    }
  }
  assert.match(Deno.inspect(withPassword), /"authenticated":true/);
  assert.deepEqual(JSON.parse(JSON.stringify(withToken)), {
    url: engine.url,
    format: "xml",
    authenticated: true,
    closed: false,
  });
  await withPassword.close();
  await withToken.close({ logout: false });
});

Deno.test("errors from a failed login carry no secret", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: "/ovirt-engine/sso/oauth/token",
    status: 500,
    body: "<html>boom</html>",
    contentType: "text/html",
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const error = await connection.authenticate().catch((e: unknown) => e as Error);
  assert.ok(error instanceof Error);
  const shown = [error.message, Deno.inspect(error), JSON.stringify(error)].join("\n");
  assert.ok(!shown.includes(PASSWORD));
});

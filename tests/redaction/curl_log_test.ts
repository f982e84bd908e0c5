import assert from "node:assert/strict";
import { BaseClient, HTTPClient } from "../../mod.ts";
import { KeystonePasswordAuth } from "../../src/auth/mod.ts";
import { assertNoSecret, Lines, serve } from "./_helpers.ts";

const PASSWORD = "Echo-Me-Pa55 &<word>";

Deno.test("curl log: a password Keystone echoes in its error body is not in any log line", async () => {
  await using keystone = serve(async (request) => {
    const body = await request.json();
    const sent = body.auth.identity.password.user.password as string;
    // Echo it in every encoding a server might use.
    const echoed = [
      sent,
      encodeURIComponent(sent),
      new URLSearchParams({ p: sent }).toString().slice(2),
      sent.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"),
      [...sent].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ].join(" | ");
    return Response.json({ error: { code: 401, message: `Invalid password ${echoed}` } }, {
      status: 401,
    });
  });
  const log = new Lines();
  const plugin = new KeystonePasswordAuth({
    authUrl: `${keystone.url}/v3`,
    username: "alice",
    userDomainName: "Default",
    password: PASSWORD,
    projectName: "demo",
    projectDomainName: "Default",
  });
  await using http = new HTTPClient(plugin, { debug: true, logger: log });
  const error = await http.authenticate().then(() => undefined, (e) => e);
  assert.ok(error instanceof Error);
  assert.ok(log.all.some((line) => line.startsWith("RESP BODY:")), "the body was logged");
  assertNoSecret(log.text, PASSWORD, "the debug log");
  assertNoSecret(log.text, encodeURIComponent(PASSWORD), "the debug log");
  assertNoSecret(String(error) + JSON.stringify(error), PASSWORD, "the error");
  assertNoSecret(JSON.stringify((error as { details?: string }).details ?? ""), "Pa55", "details");
});

class Api extends BaseClient {
  static override serviceType = "api";
}

Deno.test("curl log: secrets by key in arrays, across lines, in the first query key, in console URLs", async () => {
  const body = [
    "{",
    '  "users": [{"name": "a", "password": "arr-secret-1"}, {"adminPass": "arr-secret-2"}],',
    '  "credential": {"blob": "{\\"access\\": \\"ak\\", \\"secret\\": \\"ec2-secret-3\\"}"},',
    '  "auth_token":',
    '     "multi-line-secret-4",',
    '  "api_key": "api-secret-5", "passphrase": "phrase-secret-6",',
    '  "console": {"url": "http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3Dconsole-secret-7"},',
    '  "remote_console": {"url": "http://127.0.0.1:6082/spice_auto.html?token=console-secret-8"}',
    "}",
  ].join("\n");
  await using server = serve(() =>
    new Response(body, { headers: { "content-type": "application/json" } })
  );
  const log = new Lines();
  await using http = new HTTPClient(null, { debug: true, logger: log });
  await http.request("GET", `${server.url}/x?token=query-secret-9&password=query-secret-10&a=1`);
  for (let i = 1; i <= 10; i++) {
    assert.ok(!log.text.includes(`secret-${i}`), `secret-${i} in:\n${log.text}`);
  }
  assert.match(log.text, /a=1/);
  assert.equal(new Api(http).serviceType, "api");
});

Deno.test("curl log: a secret past the log's cut is still redacted, not cut in half", async () => {
  const padding = "x".repeat(64 * 1024 - 20);
  const secret = "cut-in-half-secret-0123456789";
  const body = `{"pad": "${padding}", "password": "${secret}"}`;
  await using server = serve(() =>
    new Response(body, { headers: { "content-type": "application/json" } })
  );
  const log = new Lines();
  await using http = new HTTPClient(null, { debug: true, logger: log });
  await http.request("GET", `${server.url}/big`);
  assertNoSecret(log.text, secret, "the cut log");
});

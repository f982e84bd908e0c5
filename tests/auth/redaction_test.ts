import assert from "node:assert/strict";
import { HTTPClient } from "../../src/http/mod.ts";
import {
  KeystoneApplicationCredentialAuth,
  type KeystoneAuthBase,
  KeystonePasswordAuth,
  KeystoneTokenAuth,
  KeystoneV2PasswordAuth,
} from "../../src/auth/mod.ts";
import { startFakeKeystone } from "./fake_keystone.ts";

const SECRET = "Sup3r-Secret-Value-42";

function plugins(url: string): KeystoneAuthBase[] {
  return [
    new KeystonePasswordAuth({
      authUrl: `${url}/v3`,
      username: "demo",
      userDomainName: "Default",
      password: SECRET,
      projectId: "p-1",
    }),
    new KeystoneTokenAuth({ authUrl: `${url}/v3`, token: SECRET, projectId: "p-1" }),
    new KeystoneApplicationCredentialAuth({
      authUrl: `${url}/v3`,
      applicationCredentialId: "ac-1",
      applicationCredentialSecret: SECRET,
    }),
    new KeystoneV2PasswordAuth({
      authUrl: `${url}/v2.0`,
      username: "demo",
      password: SECRET,
      tenantName: "demo",
    }),
  ];
}

function assertHidden(value: unknown, secret: string, what: string): void {
  assert.ok(
    !Deno.inspect(value, { depth: 20, showHidden: true }).includes(secret),
    `inspect ${what}`,
  );
  assert.ok(!JSON.stringify(value).includes(secret), `JSON ${what}`);
  assert.ok(!String(value).includes(secret), `String ${what}`);
}

Deno.test("inspect/JSON/String of every plugin never show the secret or the token", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const lines: string[] = [];
  const logger = { debug: (m: string) => void lines.push(m) };
  try {
    for (const plugin of plugins(ks.url)) {
      assertHidden(plugin, SECRET, `${plugin.authSystem} before login`);
      const http = new HTTPClient(plugin, { debug: true, logger });
      await http.authenticate();
      await http.close();
      const token = ks.issued.at(-1)!;
      assertHidden(plugin, SECRET, `${plugin.authSystem} after login`);
      assertHidden(plugin, token, `${plugin.authSystem} token after login`);
      assertHidden(plugin.cacheScope(), SECRET, `${plugin.authSystem} cacheScope`);
      assert.ok(plugin.tokenAndEndpoint("public", "identity").token, "logged in");
    }
    assert.ok(lines.length >= 8, "the debug log was written");
    const log = lines.join("\n");
    assert.ok(!log.includes(SECRET), "no secret in debug lines");
    for (const token of ks.issued) assert.ok(!log.includes(token), "no token in debug lines");
  } finally {
    await ks.close();
  }
});

Deno.test("failed logins of every plugin: no secret in the error, its cause or its details", async () => {
  const ks = startFakeKeystone({ secret: "not-the-one" });
  try {
    for (const plugin of plugins(ks.url)) {
      const http = new HTTPClient(plugin);
      const err = await http.authenticate().then(() => undefined, (e) => e);
      await http.close();
      assert.ok(err instanceof Error, plugin.authSystem);
      assert.match(err.message, new RegExp(`^Keystone login failed for .*at ${ks.url}`));
      assertHidden(err, SECRET, `${plugin.authSystem} error`);
      assert.ok(!String(err.stack).includes(SECRET));
    }
  } finally {
    await ks.close();
  }
});

Deno.test("an error body that echoes the secret is scrubbed, in the error and its cause", async () => {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () =>
    Response.json(
      { error: { message: `Invalid password ${SECRET}`, details: `got ${SECRET}` } },
      { status: 400 },
    ));
  const plugin = new KeystonePasswordAuth({
    authUrl: `http://127.0.0.1:${server.addr.port}/v3`,
    userId: "u-1",
    password: SECRET,
  });
  const http = new HTTPClient(plugin);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    assert.ok(err instanceof Error);
    assert.match(err.message, /user id 'u-1'.*Invalid password \*\*\*/);
    assertHidden(err, SECRET, "echoing error");
    // HTTPClient scrubs the request's own secrets at the source, so the cause is safe to keep.
    if (err.cause !== undefined) assertHidden(err.cause, SECRET, "its cause");
  } finally {
    await http.close();
    await server.shutdown();
  }
});

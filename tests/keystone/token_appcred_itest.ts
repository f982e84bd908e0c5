/**
 * KeystoneTokenAuth and KeystoneApplicationCredentialAuth against a real
 * Keystone; the application credential is created through the API first.
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../src/http/mod.ts";
import { KeystoneApplicationCredentialAuth, KeystoneTokenAuth } from "../../src/auth/mod.ts";
import { NotFound, Unauthorized } from "../../src/errors/mod.ts";
import {
  api,
  expectOk,
  getFixture,
  Identity,
  KEYSTONE_URL,
  passwordToken,
} from "./keystone_env.ts";

Deno.test("real Keystone: v3token rescopes an unscoped token to the project", async () => {
  const f = await getFixture();
  const unscoped = await passwordToken({ id: f.userId }, f.password);
  assert.equal((unscoped.body.token as Record<string, unknown>).catalog, undefined);
  const plugin = new KeystoneTokenAuth({
    authUrl: KEYSTONE_URL,
    token: unscoped.token,
    projectName: f.projectName,
    projectDomainId: "default",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const res = await new Identity(http).get(`/users/${f.userId}`);
    assert.equal((await res.json()).user.name, f.username);
    assert.equal(plugin.project?.id, f.projectId);
    assert.equal(plugin.user?.id, f.userId);
    const scoped = plugin.tokenAndEndpoint("public", "identity", "RegionOne").token;
    assert.ok(scoped && scoped !== unscoped.token);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: v3token with a bogus token → NotFound naming the auth URL, not the token", async () => {
  const bogus = `gAAAAA-bogus-${crypto.randomUUID()}`;
  const plugin = new KeystoneTokenAuth({
    authUrl: KEYSTONE_URL,
    token: bogus,
    domainId: "default",
  });
  const http = new HTTPClient(plugin);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    // Keystone answers an unknown Fernet token with 404; the class is kept.
    assert.ok(err instanceof NotFound, String(err));
    assert.match(
      err.message,
      /a given token, domain id 'default'.*Could not recognize Fernet token/,
    );
    assert.ok(!Deno.inspect(err, { depth: 20 }).includes(bogus));
    assert.ok((err as Error).message.includes(`${KEYSTONE_URL}/auth/tokens`));
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: application credential by id and by name + user", async () => {
  const f = await getFixture();
  const scoped = await passwordToken({ id: f.userId }, f.password, {
    project: { id: f.projectId },
  });
  const created = await expectOk(
    "create application credential",
    api("POST", `/users/${f.userId}/application_credentials`, scoped.token, {
      application_credential: { name: `nimbus-ac-${f.suffix}` },
    }),
  );
  const ac = created.body.application_credential as { id: string; secret: string; name: string };
  assert.ok(ac.id && ac.secret);

  const byId = new KeystoneApplicationCredentialAuth({
    authUrl: KEYSTONE_URL,
    applicationCredentialId: ac.id,
    applicationCredentialSecret: ac.secret,
  });
  const byName = new KeystoneApplicationCredentialAuth({
    authUrl: KEYSTONE_URL,
    applicationCredentialName: ac.name,
    username: f.username,
    userDomainName: "Default",
    applicationCredentialSecret: ac.secret,
  });
  for (const plugin of [byId, byName]) {
    const http = new HTTPClient(plugin, { regionName: "RegionOne" });
    try {
      const res = await new Identity(http).get(`/users/${f.userId}`);
      assert.equal((await res.json()).user.id, f.userId);
      assert.equal(plugin.project?.id, f.projectId, "the credential's project");
      assert.ok(!Deno.inspect(plugin).includes(ac.secret));
      assert.ok(!JSON.stringify(plugin).includes(ac.secret));
    } finally {
      await http.close();
    }
  }

  const wrong = new KeystoneApplicationCredentialAuth({
    authUrl: KEYSTONE_URL,
    applicationCredentialId: ac.id,
    // bcrypt reads only 72 bytes: change the start of the secret, not its end.
    applicationCredentialSecret: `nope-${ac.secret}`,
  });
  const http = new HTTPClient(wrong);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    assert.ok(err instanceof Unauthorized, String(err));
    assert.ok(err.message.includes(`application credential id '${ac.id}'`), err.message);
    assert.ok(!Deno.inspect(err, { depth: 20 }).includes(ac.secret));
  } finally {
    await http.close();
  }
});

/**
 * KeystonePasswordAuth against a real Keystone: project (name and id),
 * domain and system scope, a wrong password, a token revoked server-side.
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../src/http/mod.ts";
import { KeystonePasswordAuth } from "../../src/auth/mod.ts";
import { Unauthorized } from "../../src/errors/mod.ts";
import { MemoryTokenStore, TokenCache } from "../../src/token_cache/mod.ts";
import {
  ADMIN_PASSWORD,
  adminToken,
  api,
  getFixture,
  Identity,
  KEYSTONE_URL,
} from "./keystone_env.ts";

Deno.test("real Keystone: password, project scope by name, GET /users/{self} via clientRequest", async () => {
  const f = await getFixture();
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: f.username,
    userDomainName: "Default",
    password: f.password,
    projectName: f.projectName,
    projectDomainName: "Default",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const identity = new Identity(http);
    const res = await identity.get(`/users/${f.userId}`);
    const body = await res.json();
    assert.equal(body.user.name, f.username);
    assert.equal(plugin.user?.id, f.userId);
    assert.equal(plugin.user?.domainName, "Default");
    assert.equal(plugin.project?.id, f.projectId);
    assert.equal(plugin.project?.name, f.projectName);
    const left = plugin.expiresAt()! - Date.now();
    assert.ok(left > 3_000_000 && left <= 3_600_000, `expires in ${left} ms`);
    assert.equal(identity.cachedEndpoint, KEYSTONE_URL);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: password, project scope by id, user by id", async () => {
  const f = await getFixture();
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    userId: f.userId,
    password: f.password,
    projectId: f.projectId,
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const res = await new Identity(http).get("/auth/projects");
    const names = (await res.json()).projects.map((p: { name: string }) => p.name);
    assert.ok(names.includes(f.projectName), names.join());
    assert.equal(plugin.project?.id, f.projectId);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: password, domain scope", async () => {
  const f = await getFixture();
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: f.username,
    userDomainId: "default",
    password: f.password,
    domainId: "default",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    await http.authenticate();
    assert.equal(plugin.project, undefined, "a domain token has no project");
    const body = plugin.saveState()?.data as { body: { token: { domain?: { id: string } } } };
    assert.equal(body.body.token.domain?.id, "default");
    const res = await new Identity(http).get(`/users/${f.userId}`);
    assert.equal((await res.json()).user.id, f.userId);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: password, system scope (admin lists users)", async () => {
  const f = await getFixture();
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: "admin",
    userDomainName: "Default",
    password: ADMIN_PASSWORD,
    systemScope: "all",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const res = await new Identity(http).get("/users");
    const names = (await res.json()).users.map((u: { name: string }) => u.name);
    assert.ok(names.includes("admin") && names.includes(f.username), names.join());
    const body = plugin.saveState()?.data as { body: { token: { system?: unknown } } };
    assert.deepEqual(body.body.token.system, { all: true });
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: wrong password → Unauthorized naming user and auth URL, not the password", async () => {
  const f = await getFixture();
  const wrong = `wrong-${crypto.randomUUID()}`;
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: f.username,
    userDomainName: "Default",
    password: wrong,
    projectName: f.projectName,
    projectDomainName: "Default",
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const err = await new Identity(http).get("/users").then(() => undefined, (e) => e);
    assert.ok(err instanceof Unauthorized, String(err));
    assert.equal(err.status, 401);
    assert.match(err.requestId ?? "", /^req-/);
    assert.ok(err.message.includes(`user '${f.username}' (domain 'Default')`), err.message);
    assert.ok(err.message.includes(`project '${f.projectName}'`), err.message);
    assert.ok(err.message.includes(`${KEYSTONE_URL}/auth/tokens`), err.message);
    assert.ok(!Deno.inspect(err, { depth: 20 }).includes(wrong));
    assert.ok(!String(err).includes(wrong));
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: a token revoked server-side → the next clientRequest logs in again by itself", async () => {
  const f = await getFixture();
  const plugin = new KeystonePasswordAuth({
    authUrl: KEYSTONE_URL,
    username: f.username,
    userDomainName: "Default",
    password: f.password,
    projectId: f.projectId,
  });
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  try {
    const identity = new Identity(http);
    await identity.get(`/users/${f.userId}`);
    const first = plugin.tokenAndEndpoint("public", "identity", "RegionOne").token!;
    const admin = await adminToken();
    const revoke = await api("DELETE", "/auth/tokens", admin, undefined, {
      "X-Subject-Token": first,
    });
    assert.equal(revoke.status, 204);
    // Keystone now refuses the old token...
    const check = await api("GET", `/users/${f.userId}`, first);
    assert.equal(check.status, 401);
    // ...and the client recovers on its own: one 401, one login, one resend.
    const res = await identity.get(`/users/${f.userId}`);
    assert.equal((await res.json()).user.id, f.userId);
    const second = plugin.tokenAndEndpoint("public", "identity", "RegionOne").token!;
    assert.notEqual(second, first);
  } finally {
    await http.close();
  }
});

Deno.test("real Keystone: saveState from one plugin lets another call without logging in", async () => {
  const f = await getFixture();
  const opts = {
    authUrl: KEYSTONE_URL,
    userId: f.userId,
    password: f.password,
    projectId: f.projectId,
  };
  const a = new KeystonePasswordAuth(opts);
  const httpA = new HTTPClient(a, { regionName: "RegionOne" });
  const b = new KeystonePasswordAuth({ ...opts, password: "not-used-because-restored" });
  const httpB = new HTTPClient(b, { regionName: "RegionOne" });
  try {
    await httpA.authenticate();
    b.restoreState(JSON.parse(JSON.stringify(a.saveState())));
    const res = await new Identity(httpB).get(`/users/${f.userId}`);
    assert.equal(res.status, 200);
    assert.equal(
      b.tokenAndEndpoint("public", "identity", "RegionOne").token,
      a.tokenAndEndpoint("public", "identity", "RegionOne").token,
    );
  } finally {
    await httpA.close();
    await httpB.close();
  }
});

Deno.test("real Keystone: a TokenCache shared by two HTTPClients gives the second the same token", async () => {
  const f = await getFixture();
  const cache = new TokenCache({ store: new MemoryTokenStore() });
  const make = () =>
    new KeystonePasswordAuth({
      authUrl: KEYSTONE_URL,
      userId: f.userId,
      password: f.password,
      projectId: f.projectId,
    });
  const a = make();
  const b = make();
  const httpA = new HTTPClient(a, { regionName: "RegionOne", tokenCache: cache });
  const httpB = new HTTPClient(b, { regionName: "RegionOne", tokenCache: cache });
  try {
    await new Identity(httpA).get(`/users/${f.userId}`);
    const res = await new Identity(httpB).get(`/users/${f.userId}`);
    assert.equal(res.status, 200);
    const tokenA = a.tokenAndEndpoint("public", "identity", "RegionOne").token;
    assert.ok(tokenA);
    assert.equal(b.tokenAndEndpoint("public", "identity", "RegionOne").token, tokenA);
    assert.equal(b.project?.id, f.projectId, "the cached token body came along");
  } finally {
    await httpA.close();
    await httpB.close();
  }
});

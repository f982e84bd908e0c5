import assert from "node:assert/strict";
import { buildScope } from "../../src/auth/keystone_scope.ts";
import { BaseClient, HTTPClient } from "../../src/http/mod.ts";
import {
  KeystoneApplicationCredentialAuth,
  type KeystoneAuthBase,
  KeystonePasswordAuth,
  KeystoneTokenAuth,
} from "../../src/auth/mod.ts";
import {
  AuthorizationFailure,
  AuthPluginOptionsMissing,
  ConnectionError,
  InternalServerError,
  Unauthorized,
} from "../../src/errors/mod.ts";
import { startFakeKeystone } from "./fake_keystone.ts";

const SECRET = "right-secret";

class Compute extends BaseClient {
  static override serviceType = "compute";
}

function password(extra: Record<string, string> = {}, authUrl = "http://127.0.0.1:1/v3") {
  return new KeystonePasswordAuth({
    authUrl,
    username: "demo",
    userDomainName: "Default",
    password: SECRET,
    ...extra,
  });
}

Deno.test("buildScope: every scope shape Keystone reads", () => {
  assert.deepEqual(buildScope({ projectId: "p" }), { project: { id: "p" } });
  assert.deepEqual(buildScope({ projectName: "n", projectDomainId: "d" }), {
    project: { name: "n", domain: { id: "d" } },
  });
  assert.deepEqual(buildScope({ projectName: "n", projectDomainName: "D" }), {
    project: { name: "n", domain: { name: "D" } },
  });
  assert.deepEqual(buildScope({ domainId: "d" }), { domain: { id: "d" } });
  assert.deepEqual(buildScope({ domainName: "D" }), { domain: { name: "D" } });
  assert.deepEqual(buildScope({ systemScope: "all" }), { system: { all: true } });
  assert.equal(buildScope({}), undefined);
  // An id wins over a name of the same target.
  assert.deepEqual(buildScope({ projectId: "p", projectName: "n" }), { project: { id: "p" } });
});

Deno.test("scope: several targets, an odd system scope, a project name without domain", () => {
  assert.throws(
    () => password({ projectId: "p", domainName: "D" }),
    (e: unknown) =>
      e instanceof AuthorizationFailure && /several targets \(project, domain\)/.test(e.message),
  );
  assert.throws(
    () => password({ systemScope: "all", domainId: "d" }),
    /several targets \(domain, system\)/,
  );
  assert.throws(() => password({ systemScope: "some" }), /only "all" exists/);
  assert.throws(
    () => password({ projectName: "demo" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join() === "projectDomainName or projectDomainId",
  );
});

Deno.test("password: missing options are all named at once", () => {
  assert.throws(
    () => new KeystonePasswordAuth({ authUrl: "", password: "" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.message === "Authentication failed. Missing options: authUrl, userId or username, password",
  );
  assert.throws(
    () => new KeystonePasswordAuth({ authUrl: "http://h/v3", username: "u", password: "p" }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join() === "userDomainName or userDomainId",
  );
  // A user id needs no domain.
  assert.equal(
    new KeystonePasswordAuth({ authUrl: "http://h", userId: "u", password: "p" }).userId,
    "u",
  );
});

Deno.test("password: request bodies for project (name/id), domain, system scope and unscoped", async () => {
  const user = { name: "demo", domain: { name: "Default" }, password: SECRET };
  const cases: Array<[Record<string, string>, unknown]> = [
    [{ projectName: "demo", projectDomainName: "Default" }, {
      project: { name: "demo", domain: { name: "Default" } },
    }],
    [{ projectName: "demo", projectDomainId: "default" }, {
      project: { name: "demo", domain: { id: "default" } },
    }],
    [{ projectId: "p-1" }, { project: { id: "p-1" } }],
    [{ domainName: "Default" }, { domain: { name: "Default" } }],
    [{ domainId: "default" }, { domain: { id: "default" } }],
    [{ systemScope: "all" }, { system: { all: true } }],
    [{}, undefined],
  ];
  const ks = startFakeKeystone({ secret: SECRET });
  try {
    for (const [scope, want] of cases) {
      const plugin = password(scope, `${ks.url}/v3`);
      const http = new HTTPClient(plugin);
      await http.authenticate();
      await http.close();
      const seen = ks.requests.at(-1)!;
      assert.equal(seen.path, "/v3/auth/tokens");
      assert.equal(seen.headers.get("accept"), "application/json");
      assert.equal(seen.headers.get("content-type"), "application/json");
      const auth = (seen.body as { auth: Record<string, unknown> }).auth;
      assert.deepEqual(auth.identity, { methods: ["password"], password: { user } });
      assert.deepEqual(auth.scope, want, JSON.stringify(scope));
      assert.equal("scope" in auth, want !== undefined);
    }
  } finally {
    await ks.close();
  }
});

Deno.test("password: user by id, user domain by id; /v3 added to a bare auth URL", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  try {
    for (
      const [opts, user] of [
        [{ userId: "u-1" }, { id: "u-1", password: SECRET }],
        [{ username: "demo", userDomainId: "default" }, {
          name: "demo",
          domain: { id: "default" },
          password: SECRET,
        }],
      ] as const
    ) {
      const plugin = new KeystonePasswordAuth({ authUrl: `${ks.url}/`, password: SECRET, ...opts });
      const http = new HTTPClient(plugin);
      await http.authenticate();
      await http.close();
      const seen = ks.requests.at(-1)!;
      assert.equal(seen.path, "/v3/auth/tokens");
      assert.deepEqual(
        (seen.body as { auth: { identity: { password: unknown } } }).auth.identity.password,
        { user },
      );
    }
  } finally {
    await ks.close();
  }
});

Deno.test("token: body token.id, X-Auth-Token header, scope", async () => {
  const { body, headers } = await loginBodyAt((url) =>
    new KeystoneTokenAuth({ authUrl: url, token: SECRET, projectId: "p-1" })
  );
  assert.deepEqual(body, {
    auth: {
      identity: { methods: ["token"], token: { id: SECRET } },
      scope: { project: { id: "p-1" } },
    },
  });
  assert.equal(headers.get("x-auth-token"), SECRET);
});

Deno.test("application credential: by id, by name + user name/domain, by name + user id", async () => {
  const byId = await loginBodyAt((url) =>
    new KeystoneApplicationCredentialAuth({
      authUrl: url,
      applicationCredentialId: "ac-1",
      applicationCredentialSecret: SECRET,
    })
  );
  assert.deepEqual(byId.body, {
    auth: {
      identity: {
        methods: ["application_credential"],
        application_credential: { id: "ac-1", secret: SECRET },
      },
    },
  });
  const byName = await loginBodyAt((url) =>
    new KeystoneApplicationCredentialAuth({
      authUrl: url,
      applicationCredentialName: "ci",
      username: "demo",
      userDomainName: "Default",
      applicationCredentialSecret: SECRET,
    })
  );
  assert.deepEqual(
    (byName.body as { auth: { identity: Record<string, unknown> } }).auth.identity
      .application_credential,
    { name: "ci", user: { name: "demo", domain: { name: "Default" } }, secret: SECRET },
  );
  const byUserId = await loginBodyAt((url) =>
    new KeystoneApplicationCredentialAuth({
      authUrl: url,
      applicationCredentialName: "ci",
      userId: "u-1",
      applicationCredentialSecret: SECRET,
    })
  );
  assert.deepEqual(
    (byUserId.body as { auth: { identity: Record<string, unknown> } }).auth.identity
      .application_credential,
    { name: "ci", user: { id: "u-1" }, secret: SECRET },
  );
  assert.throws(
    () =>
      new KeystoneApplicationCredentialAuth({
        authUrl: "http://h",
        applicationCredentialName: "ci",
        applicationCredentialSecret: "s",
      }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing && e.optNames.join() === "userId or username",
  );
  assert.throws(
    () =>
      new KeystoneApplicationCredentialAuth({
        authUrl: "http://h",
        applicationCredentialSecret: "",
      }),
    (e: unknown) =>
      e instanceof AuthPluginOptionsMissing &&
      e.optNames.join("|") ===
        "applicationCredentialId or applicationCredentialName|applicationCredentialSecret",
  );
});

async function loginBodyAt(make: (authUrl: string) => KeystoneAuthBase) {
  const ks = startFakeKeystone({ secret: SECRET });
  const http = new HTTPClient(make(`${ks.url}/v3`));
  try {
    await http.authenticate();
    const last = ks.requests.at(-1)!;
    return { body: last.body, headers: last.headers };
  } finally {
    await http.close();
    await ks.close();
  }
}

Deno.test("after a login: token, expiry, catalog, user, project; tokenAndEndpoint; invalidate", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = password({ projectName: "demo", projectDomainName: "Default" }, `${ks.url}/v3`);
  const http = new HTTPClient(plugin);
  try {
    assert.deepEqual(plugin.tokenAndEndpoint("publicURL", "compute"), {});
    assert.equal(plugin.expiresAt(), undefined);
    await http.authenticate();
    const before = Date.now();
    const exp = plugin.expiresAt()!;
    assert.ok(exp > before + 3_500_000 && exp < before + 3_700_000, String(exp - before));
    assert.deepEqual(plugin.user, {
      id: "u-1",
      name: "demo",
      domainId: "default",
      domainName: "Default",
    });
    assert.equal(plugin.project?.id, "p-1");
    assert.deepEqual(plugin.tokenAndEndpoint("publicURL", "compute", "RegionTwo"), {
      token: "v3-token-1",
      endpoint: `${ks.url}/compute2`,
    });
    assert.equal(
      plugin.tokenAndEndpoint("internal", "compute", "RegionOne").endpoint,
      `${ks.url}/compute1i`,
    );
    assert.equal(plugin.catalog?.endpoints.length, 5);
    plugin.invalidate();
    assert.deepEqual(plugin.tokenAndEndpoint("publicURL", "compute", "RegionOne"), {});
    assert.equal(plugin.catalog, undefined);
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("unscoped token: identity falls back to the auth URL, other services are not found", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = password({}, `${ks.url}/v3`);
  const http = new HTTPClient(plugin);
  try {
    await http.authenticate();
    assert.deepEqual(plugin.tokenAndEndpoint("public", "identity"), {
      token: "v3-token-1",
      endpoint: `${ks.url}/v3`,
    });
    assert.throws(() => plugin.tokenAndEndpoint("public", "compute"), /catalog is empty/);
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("clientRequest through HTTPClient: login, region endpoint, re-login after a revoked token", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const plugin = password({ projectId: "p-1" }, `${ks.url}/v3`);
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  const compute = new Compute(http);
  try {
    const r1 = await compute.clientRequest("GET", "/servers");
    assert.deepEqual(await r1.json(), { path: "/compute1/servers", token: "v3-token-1" });
    ks.issued.length = 0; // the fake forgets every token: a server-side revocation
    const r2 = await compute.clientRequest("GET", "/servers");
    assert.deepEqual(await r2.json(), { path: "/compute1/servers", token: "v3-token-2" });
    assert.equal(ks.requests.filter((r) => r.path === "/v3/auth/tokens").length, 2);
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("a token living less than the 120 s margin is not renewed before every request", async () => {
  // margin = min(expiryMarginMs, 25 % of the token's life): a 60 s token is used for ~45 s.
  const ks = startFakeKeystone({ secret: SECRET, ttlSeconds: 60 });
  const plugin = password({ projectId: "p-1" }, `${ks.url}/v3`);
  const http = new HTTPClient(plugin, { regionName: "RegionOne" });
  const compute = new Compute(http);
  try {
    for (let i = 0; i < 40; i++) {
      const r = await compute.clientRequest("GET", `/a${i}`);
      assert.equal((await r.json()).token, "v3-token-1");
    }
    const logins = ks.requests.filter((q) => q.path === "/v3/auth/tokens").length;
    assert.equal(logins, 1, "40 calls, one login");
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("saveState/restoreState: a restored plugin answers without a login", async () => {
  const ks = startFakeKeystone({ secret: SECRET });
  const first = password({ projectId: "p-1" }, `${ks.url}/v3`);
  const http = new HTTPClient(first);
  try {
    await http.authenticate();
    const saved = JSON.parse(JSON.stringify(first.saveState()));
    assert.equal(saved.token, "v3-token-1");
    assert.equal(saved.expiresAt, first.expiresAt());
    const second = password({ projectId: "p-1" }, `${ks.url}/v3`);
    assert.equal(second.saveState(), undefined);
    second.restoreState(saved);
    assert.deepEqual(second.tokenAndEndpoint("public", "compute", "RegionTwo"), {
      token: "v3-token-1",
      endpoint: `${ks.url}/compute2`,
    });
    assert.equal(second.project?.id, "p-1");
    // A cache entry without a token body is ignored rather than half-used.
    const third = password({ projectId: "p-1" }, `${ks.url}/v3`);
    third.restoreState({ token: "x" });
    assert.deepEqual(third.tokenAndEndpoint("public", "compute", "RegionOne"), {});
  } finally {
    await http.close();
    await ks.close();
  }
});

Deno.test("cacheScope names user and scope, never the secret, and differs per secret", () => {
  const a = password({ projectId: "p-1" });
  const b = new KeystonePasswordAuth({
    authUrl: "http://127.0.0.1:1/v3",
    username: "demo",
    userDomainName: "Default",
    password: "other",
    projectId: "p-1",
  });
  const sa = a.cacheScope();
  assert.equal(sa.plugin, "v3password");
  assert.equal(sa.authUrl, "http://127.0.0.1:1/v3");
  assert.equal(sa.username, "demo");
  assert.equal(sa.projectId, "p-1");
  assert.ok(!JSON.stringify(sa).includes(SECRET));
  assert.notEqual(sa.credential, b.cacheScope().credential);
  assert.deepEqual(a.cacheScope(), sa, "stable");
  const t = new KeystoneTokenAuth({ authUrl: "http://h/v3", token: SECRET }).cacheScope();
  assert.ok(!JSON.stringify(t).includes(SECRET));
});

Deno.test("a failed login keeps the HTTP class and names user, scope and URL", async () => {
  const ks = startFakeKeystone({ secret: "something-else" });
  const plugin = password({ projectName: "demo", projectDomainName: "Default" }, `${ks.url}/v3`);
  const http = new HTTPClient(plugin);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    assert.ok(err instanceof Unauthorized, String(err));
    assert.equal(err.status, 401);
    assert.equal(err.requestId, "req-1");
    assert.equal(
      err.message,
      `Keystone login failed for user 'demo' (domain 'Default'), project 'demo' (domain 'Default'), ` +
        `at ${ks.url}/v3/auth/tokens: The request you have made requires authentication.`,
    );
    assert.ok(!Deno.inspect(err, { depth: 10 }).includes(SECRET));
  } finally {
    await http.close();
    await ks.close();
  }
  const down = startFakeKeystone({ failWith: 500 });
  const http2 = new HTTPClient(password({}, `${down.url}/v3`));
  try {
    await assert.rejects(
      http2.authenticate(),
      (e: unknown) => e instanceof InternalServerError && /user 'demo'.*boom$/.test(e.message),
    );
  } finally {
    await http2.close();
    await down.close();
  }
});

Deno.test("a login that cannot connect stays a ConnectionError and names the user and URL", async () => {
  // A port that was just free: nothing listens there.
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close();
  const plugin = password({ projectId: "p-1" }, `http://127.0.0.1:${port}/v3`);
  const http = new HTTPClient(plugin);
  try {
    const err = await http.authenticate().then(() => undefined, (e) => e);
    assert.ok(err instanceof ConnectionError, String(err));
    assert.ok(
      err.message.startsWith(
        `Keystone login failed for user 'demo' (domain 'Default'), project id 'p-1', ` +
          `at http://127.0.0.1:${port}/v3/auth/tokens: `,
      ),
      err.message,
    );
    assert.ok(!Deno.inspect(err, { depth: 20 }).includes(SECRET));
  } finally {
    await http.close();
  }
});

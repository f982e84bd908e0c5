// The Node/Bun smoke cases: the client side of the package as a Node or Bun
// user runs it, from the bundle scripts/node_bun.sh builds, against the
// node:http servers of servers.mjs. Each case throws on failure; the drivers
// (node_smoke.mjs for node:test, bun_smoke.mjs for Bun) register them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { spawnSync } from "node:child_process";
import {
  freePort,
  listen,
  makeCerts,
  resettingServer,
  silentServer,
  startEngine,
  startKeystone,
} from "./servers.mjs";

/** The bundle: NIMBUS_SMOKE_BUNDLE, else where scripts/node_bun.sh writes it. */
export function loadBundle() {
  const path = process.env.NIMBUS_SMOKE_BUNDLE ??
    new URL("../../.tmp/node_bun/apiclient.mjs", import.meta.url).href;
  return import(path.startsWith("/") ? `file://${path}` : path);
}

function tempDir() {
  return mkdtempSync(join(tmpdir(), "nimbus-smoke-"));
}

async function rejects(promise, check) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, "expected a failure");
  check(error);
  return error;
}

/** The cases, as [name, async fn] pairs. */
export function smokeCases({ root, auth, openstack }) {
  const { HTTPClient, TokenCache, MemoryTokenStore, FileTokenStore, KvTokenStore, Connection } =
    root;
  const keystoneAuth = (ks, password = ks.password) =>
    new auth.KeystonePasswordAuth({
      authUrl: ks.authUrl,
      username: "demo",
      password,
      userDomainName: "Default",
      projectName: "demo",
      projectDomainName: "Default",
    });
  let certs;
  const tls = () => (certs ??= makeCerts());
  /** Runs `fn` with a Connection logged in to a fresh engine; both closed after. */
  const withEngine = async (fn) => {
    const engine = await startEngine();
    const connection = new Connection({
      url: engine.apiUrl,
      username: "admin@internal",
      password: engine.password,
    });
    try {
      await fn(connection);
    } finally {
      await connection.close();
      await engine.close();
    }
    return engine;
  };

  return [
    ["HTTPClient: a GET returns the server's JSON as a Response", async () => {
      const server = await listen((req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ hello: req.headers["user-agent"] }));
      });
      const http = new HTTPClient(null);
      try {
        const res = await http.request("GET", `${server.url}/x`);
        assert.equal(res.status, 200);
        assert.match((await res.json()).hello, /^nimbus-apiclient\//);
      } finally {
        await http.close();
        await server.close();
      }
    }],

    ["a refused connection is ConnectionRefused", async () => {
      const url = `http://127.0.0.1:${await freePort()}/`;
      const http = new HTTPClient(null);
      await rejects(http.request("GET", url), (e) => {
        assert.ok(e instanceof root.ConnectionRefused, String(e));
        assert.match(e.message, /GET http:\/\/127\.0\.0\.1/);
      });
      await http.close();
    }],

    ["a reset connection is a ConnectionError, not a ReferenceError", async () => {
      const server = await resettingServer();
      const http = new HTTPClient(null);
      try {
        await rejects(http.request("GET", `${server.url}/`), (e) => {
          assert.ok(e instanceof root.ConnectionError, `${e?.name}: ${e?.message}`);
          assert.ok(!(e instanceof root.ConnectionRefused));
        });
      } finally {
        await http.close();
        await server.close();
      }
    }],

    ["a server that never answers gives a TimeoutError", async () => {
      const server = await silentServer();
      const http = new HTTPClient(null, { timeout: 300 });
      try {
        await rejects(http.request("GET", `${server.url}/`), (e) => {
          assert.ok(e instanceof root.TimeoutError, `${e?.name}: ${e?.message}`);
        });
      } finally {
        await http.close();
        await server.close();
      }
    }],

    ["an unknown CA is a ConnectionError saying to pass caCerts", async () => {
      const { cert, key } = tls();
      const server = await listen((_req, res) => res.end("ok"), { cert, key });
      const http = new HTTPClient(null);
      try {
        await rejects(http.request("GET", `${server.url}/`), (e) => {
          assert.ok(e instanceof root.ConnectionError, `${e?.name}: ${e?.message}`);
          assert.match(e.message, /TLS/);
          assert.match(e.message, /caCerts/);
        });
      } finally {
        await http.close();
        await server.close();
      }
    }],

    ["caCerts trusts a private CA, and insecure skips the check (node:https path)", async () => {
      const { ca, cert, key } = tls();
      const server = await listen((_req, res) => res.end("tls ok"), { cert, key });
      const clients = [];
      try {
        for (const options of [{ caCerts: [ca] }, { insecure: true }]) {
          const http = new HTTPClient(null, options);
          clients.push(http);
          assert.equal(await (await http.request("GET", `${server.url}/`)).text(), "tls ok");
        }
      } finally {
        for (const http of clients) await http.close();
        await server.close();
      }
    }],

    ["a file path given as caCerts is a ValidationError saying to pass the text", async () => {
      let error;
      let http;
      try {
        http = new HTTPClient(null, { caCerts: ["./ca.pem"] });
        await http.request("GET", "https://127.0.0.1:1/");
      } catch (e) {
        error = e;
      } finally {
        await http?.close();
      }
      assert.ok(error instanceof root.ValidationError, `${error?.name}: ${error?.message}`);
      assert.match(error.message, /file's text/);
    }],

    [
      "Keystone login, paging, then a second client reuses the cached token (FileTokenStore)",
      async () => {
        const ks = await startKeystone({ servers: 5 });
        const dir = tempDir();
        const path = join(dir, "tokens.json");
        const cache = () =>
          new TokenCache({
            store: new FileTokenStore(path),
            secret: "smoke secret of some length",
          });
        const clients = [];
        try {
          const first = new HTTPClient(keystoneAuth(ks), { tokenCache: cache() });
          clients.push(first);
          const ids = [];
          for await (const s of new openstack.ComputeClient(first).servers.list({ limit: 2 })) {
            ids
              .push(s.id);
          }
          assert.deepEqual(ids, ["srv-1", "srv-2", "srv-3", "srv-4", "srv-5"]);
          assert.equal(statSync(path).mode & 0o777, 0o600);
          const second = new HTTPClient(keystoneAuth(ks), { tokenCache: cache() });
          clients.push(second);
          let count = 0;
          for await (const _ of new openstack.ComputeClient(second).servers.list({ limit: 2 })) {
            count++;
          }
          assert.equal(count, 5);
          assert.equal(ks.state.logins, 1, "the second client must use the cached token");
        } finally {
          for (const http of clients) await http.close();
          rmSync(dir, { recursive: true, force: true });
          await ks.close();
        }
      },
    ],

    ["a rejected login is Unauthorized with its request id", async () => {
      const ks = await startKeystone();
      const http = new HTTPClient(keystoneAuth(ks, "wrong"));
      try {
        await rejects(http.authenticate(), (e) => {
          assert.ok(e instanceof root.Unauthorized, `${e?.name}: ${e?.message}`);
          assert.equal(e.requestId, "req-login-401");
          assert.ok(!inspect(e).includes("wrong"), "no password in the printed error");
        });
      } finally {
        await http.close();
        await ks.close();
      }
    }],

    ["an HttpError printed by util.inspect shows status, method, URL and request id", async () => {
      const ks = await startKeystone();
      const http = new HTTPClient(keystoneAuth(ks));
      try {
        const compute = new openstack.ComputeClient(http);
        const e = await rejects(compute.get("/servers/missing"), (e) => {
          assert.ok(e instanceof root.NotFound, `${e?.name}: ${e?.message}`);
        });
        const printed = inspect(e);
        assert.match(printed, /404/);
        assert.match(printed, /GET/);
        assert.match(printed, /\/compute\/v2\.1\/servers\/missing/);
        assert.match(printed, /req-404/);
      } finally {
        await http.close();
        await ks.close();
      }
    }],

    [
      "an uncaught HttpError, as the runtime itself prints it, names status, method, URL and request id",
      () => {
        const dir = tempDir();
        try {
          const script = join(dir, "uncaught.mjs");
          const bundle = process.env.NIMBUS_SMOKE_BUNDLE ??
            new URL("../../.tmp/node_bun/apiclient.mjs", import.meta.url).pathname;
          writeFileSync(
            script,
            `const m = await import(${JSON.stringify(`file://${bundle}`)});
throw new m.root.NotFound({ message: "Instance abc could not be found.", method: "GET",
  url: "http://127.0.0.1:8774/v2.1/servers/abc", requestId: "req-77" });`,
          );
          const child = spawnSync(process.execPath, [script], {
            encoding: "utf8",
            timeout: 20_000,
            env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
          });
          assert.notEqual(child.status, 0);
          const printed = child.stderr;
          assert.match(printed, /NotFound: Instance abc could not be found\./);
          for (
            const part of [
              /404/,
              /GET/,
              /http:\/\/127\.0\.0\.1:8774\/v2\.1\/servers\/abc/,
              /req-77/,
            ]
          ) {
            assert.match(printed, part);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    ],

    ["openCloud and loadPluginFromEnv read OS_* from process.env", async () => {
      const ks = await startKeystone({ servers: 3 });
      const vars = {
        OS_AUTH_URL: ks.authUrl,
        OS_USERNAME: "demo",
        OS_PASSWORD: ks.password,
        OS_USER_DOMAIN_NAME: "Default",
        OS_PROJECT_NAME: "demo",
        OS_PROJECT_DOMAIN_NAME: "Default",
        OS_REGION_NAME: "RegionOne",
      };
      const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
      Object.assign(process.env, vars);
      try {
        assert.equal(auth.loadPluginFromEnv().authSystem, "v3password");
        const cloud = openstack.openCloud();
        let count = 0;
        for await (const _ of cloud.compute.servers.list()) count++;
        assert.equal(count, 3);
        await cloud[Symbol.asyncDispose]();
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
        await ks.close();
      }
    }],

    ["clouds.yaml and secure.yaml are found and merged", () => {
      const dir = tempDir();
      try {
        writeFileSync(
          join(dir, "clouds.yaml"),
          "clouds:\n  lab:\n    region_name: RegionTwo\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n" +
            "      username: demo\n      project_name: demo\n",
        );
        writeFileSync(
          join(dir, "secure.yaml"),
          "clouds:\n  lab:\n    auth:\n      password: from-secure\n",
        );
        const config = auth.loadCloudConfig({ cloud: "lab", env: { HOME: dir }, cwd: dir });
        assert.equal(config.regionName, "RegionTwo");
        assert.equal(config.authOptions().password, "from-secure");
        assert.ok(!JSON.stringify(config).includes("from-secure"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }],

    ["TokenCache over MemoryTokenStore and a KV typed structurally (no Deno.Kv)", async () => {
      const kvData = new Map();
      const kv = {
        get: (key) =>
          Promise.resolve({
            key,
            value: kvData.get(JSON.stringify(key)) ?? null,
            versionstamp: null,
          }),
        set: (key, value) => {
          kvData.set(JSON.stringify(key), value);
          return Promise.resolve({ ok: true, versionstamp: "1" });
        },
        delete: (key) => {
          kvData.delete(JSON.stringify(key));
          return Promise.resolve();
        },
      };
      for (const store of [new MemoryTokenStore(), new KvTokenStore(kv)]) {
        const cache = new TokenCache({ store, secret: "another smoke secret" });
        await cache.set({ user: "alice" }, { token: "t-1", expiresAt: Date.now() + 600_000 });
        assert.equal((await cache.get({ user: "alice" }))?.token, "t-1");
        await cache.delete({ user: "alice" });
        assert.equal(await cache.get({ user: "alice" }), undefined);
      }
      assert.equal(kvData.size, 0);
    }],

    ["oVirt: Connection logs in through SSO and lists VMs from XML", async () => {
      const engine = await withEngine(async (connection) => {
        const vms = await connection.systemService().vmsService().list();
        assert.deepEqual(vms.map((vm) => vm.name), ["web", "db"]);
        assert.equal(vms[0].id, "v1");
        assert.equal(String(vms[0].status), "up");
      });
      assert.equal(engine.state.logins, 1);
      assert.equal(engine.state.logouts, 1);
    }],

    ["oVirt: a fault reply is a typed SdkError that prints the fault", async () => {
      await withEngine(async (connection) => {
        const e = await rejects(
          connection.systemService().vmsService().vmService("nope").get(),
          (e) => {
            assert.ok(e instanceof root.SdkError, `${e?.name}: ${e?.message}`);
            assert.equal(e.code, 404);
          },
        );
        assert.match(inspect(e), /Not Found/);
        assert.match(inspect(e), /\/vms\/nope/);
      });
    }],
  ];
}

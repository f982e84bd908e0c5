// End to end: Debian's libgovirt (what virt-viewer uses to reach oVirt), driven from
// Debian's /usr/bin/python3 through python3-gi, against a FakeEngine serving TLS.
// scripts/govirt.sh installs gir1.2-govirt-1.0 and python3-gi; `deno task test:govirt`.
import assert from "node:assert/strict";
import { FakeEngine, SEED_IDS } from "../../src/testing/mod.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

const DRIVER = new URL("./govirt_driver.py", import.meta.url).pathname;
// Debian's python: the python3 first on PATH may lack the gi bindings.
const PYTHON = "/usr/bin/python3";
const USERS = { "admin@internal": "govirt-pw-7731", "user1@internal": "user1-pw-4410" };

interface DriverResult {
  steps: string[];
  error?: string;
  ca_bytes?: number;
  ssl_strict?: boolean;
  vms?: string[];
  vm?: {
    name: string;
    id: string;
    href: string;
    state: string;
    cluster_id: string;
    host_id: string;
    display: Record<string, unknown> | null;
  };
  start_before?: string;
  start_after?: string;
  started_display?: Record<string, unknown> | null;
  stop_after?: string;
  clusters?: string[];
  hosts?: string[];
  data_centers?: string[];
  storage_domains?: string[];
  ticket?: { length: number; expiry: number };
}

async function tlsEngine(options: { grants?: Record<string, string[]> } = {}): Promise<FakeEngine> {
  const certs = await testCerts();
  return await FakeEngine.start({
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.caCert },
    users: USERS,
    ...options,
  });
}

async function drive(
  engine: FakeEngine,
  user: string,
  password: string,
  mode: "full" | "list" | "sso" = "full",
): Promise<DriverResult> {
  const hostPort = new URL(engine.url).host;
  const out = await new Deno.Command(PYTHON, {
    args: [DRIVER, hostPort, mode],
    env: { OVIRT_USERNAME: user, OVIRT_PASSWORD: password },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(120_000),
  }).output();
  const stdout = new TextDecoder().decode(out.stdout).trim();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.ok(out.success, `driver exited with ${out.code}: ${stderr}`);
  try {
    return JSON.parse(stdout.split("\n").at(-1) ?? "") as DriverResult;
  } catch {
    throw new Error(`driver printed no JSON: ${stdout}\n${stderr}`);
  }
}

Deno.test("libgovirt: logs in with username and password and runs the virt-viewer steps", async () => {
  await using engine = await tlsEngine();
  const [user, password] = ["admin@internal", USERS["admin@internal"]];
  const result = await drive(engine, user, password);
  assert.equal(result.error, undefined, JSON.stringify(result));
  assert.deepEqual(result.steps, [
    "ca",
    "login",
    "list_vms",
    "get_vm",
    "start_stop",
    "list_infrastructure",
    "ticket",
  ]);
  // The CA came from pki-resource, and libgovirt checked the engine's certificate with it.
  assert.equal(result.ca_bytes, new TextEncoder().encode(engine.caCert!).length);
  assert.equal(result.ssl_strict, true);
  assert.deepEqual(result.vms, ["db1", "web1", "web2"]);
  assert.deepEqual(result.vm, {
    name: "web1",
    id: SEED_IDS.web1,
    href: `/ovirt-engine/api/vms/${SEED_IDS.web1}`,
    state: "up",
    cluster_id: SEED_IDS.cluster,
    host_id: SEED_IDS.host2,
    display: {
      type: "spice",
      address: "192.0.2.12",
      port: 5902,
      secure_port: 5903,
      monitors: 1,
      host_subject: "O=example.com,CN=192.0.2.12",
    },
  });
  assert.equal(result.start_before, "down");
  assert.equal(result.start_after, "up");
  assert.equal(result.started_display?.type, "spice");
  assert.ok(Number(result.started_display?.port) >= 5900);
  assert.equal(result.stop_after, "down");
  assert.deepEqual(result.clusters, ["Default"]);
  assert.deepEqual(result.hosts, ["host1", "host2"]);
  assert.deepEqual(result.data_centers, ["Default"]);
  assert.deepEqual(result.storage_domains, ["data1", "data2"]);
  assert.equal(result.ticket?.expiry, 7200);
  assert.ok((result.ticket?.length ?? 0) >= 12);

  // What went over the wire: a Basic challenge answered, then the JSESSIONID session.
  const api = engine.requests.filter((r) => r.path.startsWith("/ovirt-engine/api"));
  assert.equal(api[0]!.status, 401);
  assert.equal(api[0]!.headers["authorization"], undefined);
  assert.equal(api[1]!.status, 200);
  assert.equal(api[1]!.headers["authorization"], "Basic <redacted>");
  assert.equal(api[1]!.headers["prefer"], "persistent-auth");
  assert.ok(api.slice(2).every((r) => r.headers["cookie"]?.includes("JSESSIONID=<redacted>")));
  assert.ok(api.slice(1).every((r) => r.status === 200 && r.user === user), JSON.stringify(api));
  // libgovirt asks for the user view and all content; both reached the engine.
  assert.ok(
    api.every((r) => r.headers["filter"] === "true" && r.headers["all-content"] === "true"),
  );
  const posts = api.filter((r) => r.method === "POST").map((r) => r.path.split("/").at(-1));
  assert.deepEqual(posts, ["start", "stop", "ticket"]);
  // No password or session id in the log.
  const log = JSON.stringify(engine.requests);
  assert.ok(!log.includes(password));
  assert.ok(!log.includes(btoa(`${user}:${password}`)));
});

Deno.test("libgovirt: a wrong password is challenged and refused", async () => {
  await using engine = await tlsEngine();
  const result = await drive(engine, "admin@internal", "not-the-password", "list");
  assert.deepEqual(result.steps, ["ca"]);
  assert.match(result.error ?? "", /Unauthorized/);
  const api = engine.requests.filter((r) => r.path.startsWith("/ovirt-engine/api"));
  assert.ok(api.length >= 1);
  assert.ok(api.every((r) => r.status === 401 && r.user === undefined));
  assert.equal(engine.authCount, 0);
  assert.ok(!JSON.stringify(engine.requests).includes("not-the-password"));
});

Deno.test("libgovirt: a user without an admin role sees only the VMs it holds a role on", async () => {
  await using engine = await tlsEngine({ grants: { "user1@internal": [SEED_IDS.db1] } });
  const result = await drive(engine, "user1@internal", USERS["user1@internal"], "list");
  assert.equal(result.error, undefined, JSON.stringify(result));
  assert.deepEqual(result.vms, ["db1"]);
  const vms = engine.requests.find((r) => r.path === "/ovirt-engine/api/vms");
  assert.equal(vms?.user, "user1@internal");
  assert.equal(vms?.headers["filter"], "true");
});

Deno.test("libgovirt: given an SSO token instead of a password, it sends the bearer token", async () => {
  await using engine = await tlsEngine();
  const result = await drive(engine, "admin@internal", USERS["admin@internal"], "sso");
  assert.equal(result.error, undefined, JSON.stringify(result));
  assert.deepEqual(result.steps, ["ca", "sso", "login", "list_vms"]);
  assert.deepEqual(result.vms, ["db1", "web1", "web2"]);
  const api = engine.requests.filter((r) => r.path.startsWith("/ovirt-engine/api"));
  assert.ok(api.length >= 2);
  // Straight to the API with the token: no challenge, no Basic, no session.
  assert.ok(
    api.every((r) => r.status === 200 && r.headers["authorization"] === "Bearer <redacted>"),
  );
  assert.ok(api.every((r) => r.headers["prefer"] === undefined));
  const sso = engine.requests.find((r) => r.path === "/ovirt-engine/sso/oauth/token");
  assert.match(sso?.body ?? "", /password=<redacted>/);
  assert.equal(engine.authCount, 1);
});

// Local servers for the Node/Bun smoke suite, written with node:http and
// node:https only (no Deno API), so they run wherever the suite runs: a tiny
// Keystone + Nova imitation, a tiny oVirt engine (SSO + XML), servers that
// reset or never answer, and throwaway certificates made with openssl.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Starts `handler` on 127.0.0.1 (HTTPS with `tls`); resolves to { url, close }. */
export function listen(handler, tls) {
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
        close: () => {
          server.closeAllConnections?.();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

/** A port nothing listens on. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A TCP server that resets every connection once the request arrives. */
export function resettingServer() {
  const server = net.createServer((socket) => {
    socket.on("data", () => socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy());
    socket.on("error", () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** An HTTP server that accepts requests and never answers them. */
export function silentServer() {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Keystone v3 password login plus a Nova /servers/detail that pages two at
 * a time. `logins` counts the tokens issued.
 */
export async function startKeystone({ password = "s3cret", servers = 5 } = {}) {
  const state = { logins: 0, tokens: new Set(), url: "" };
  const all = Array.from(
    { length: servers },
    (_, i) => ({ id: `srv-${i + 1}`, name: `vm${i + 1}` }),
  );
  const server = await listen(async (req, res) => {
    const url = new URL(req.url, state.url);
    const body = await readBody(req);
    if (req.method === "POST" && url.pathname === "/identity/v3/auth/tokens") {
      const auth = JSON.parse(body).auth;
      if (auth.identity.password.user.password !== password) {
        return json(res, 401, {
          error: {
            code: 401,
            message: "The request you have made requires authentication.",
            title: "Unauthorized",
          },
        }, { "x-openstack-request-id": "req-login-401" });
      }
      state.logins++;
      const token = `tok-${state.logins}`;
      state.tokens.add(token);
      const expires = new Date(Date.now() + 3_600_000).toISOString();
      return json(res, 201, {
        token: {
          methods: ["password"],
          expires_at: expires,
          issued_at: new Date().toISOString(),
          user: {
            id: "u1",
            name: auth.identity.password.user.name,
            domain: { id: "default", name: "Default" },
          },
          project: { id: "p1", name: "demo", domain: { id: "default", name: "Default" } },
          catalog: [
            {
              type: "identity",
              name: "keystone",
              endpoints: [{
                interface: "public",
                region: "RegionOne",
                region_id: "RegionOne",
                url: `${state.url}/identity/v3`,
              }],
            },
            {
              type: "compute",
              name: "nova",
              endpoints: [{
                interface: "public",
                region: "RegionOne",
                region_id: "RegionOne",
                url: `${state.url}/compute/v2.1`,
              }],
            },
          ],
        },
      }, { "x-subject-token": token });
    }
    if (!state.tokens.has(req.headers["x-auth-token"])) {
      return json(res, 401, { error: { code: 401, message: "bad token" } });
    }
    if (req.method === "GET" && url.pathname === "/compute/v2.1/servers/detail") {
      const limit = Number(url.searchParams.get("limit") ?? 2);
      const marker = url.searchParams.get("marker");
      const start = marker ? all.findIndex((s) => s.id === marker) + 1 : 0;
      const page = all.slice(start, start + limit);
      const links = start + limit < all.length
        ? [{
          rel: "next",
          href: `${state.url}/compute/v2.1/servers/detail?limit=${limit}&marker=${page.at(-1).id}`,
        }]
        : [];
      return json(res, 200, { servers: page, servers_links: links }, {
        "x-openstack-request-id": `req-list-${start}`,
      });
    }
    if (req.method === "GET" && url.pathname === "/compute/v2.1/servers/missing") {
      return json(res, 404, {
        itemNotFound: { code: 404, message: "Instance missing could not be found." },
      }, { "x-openstack-request-id": "req-404" });
    }
    json(res, 404, { error: { message: `no route ${req.method} ${url.pathname}` } });
  });
  state.url = server.url;
  return { ...server, state, authUrl: `${server.url}/identity/v3`, password };
}

/** An oVirt engine: SSO password login, GET /vms as XML, SSO logout. */
export async function startEngine({ password = "engine-pw" } = {}) {
  const state = { logins: 0, logouts: 0, url: "" };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url, state.url);
    const body = await readBody(req);
    if (url.pathname === "/ovirt-engine/sso/oauth/token") {
      const form = new URLSearchParams(body);
      if (form.get("password") !== password) {
        return json(res, 400, {
          error: "access_denied",
          error_description: "Cannot authenticate user",
        });
      }
      state.logins++;
      return json(res, 200, {
        access_token: `sso-${state.logins}`,
        token_type: "bearer",
        exp: String(Math.floor(Date.now() / 1000) + 3600),
      });
    }
    if (url.pathname === "/ovirt-engine/services/sso-logout") {
      state.logouts++;
      return json(res, 200, {});
    }
    if (req.headers.authorization !== `Bearer sso-${state.logins}`) {
      res.writeHead(401, { "content-type": "application/xml" });
      return res.end("<fault><reason>Unauthorized</reason><detail>no token</detail></fault>");
    }
    if (req.method === "GET" && url.pathname === "/ovirt-engine/api/vms") {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<vms>
  <vm href="/ovirt-engine/api/vms/v1" id="v1"><name>web</name><status>up</status><memory>1073741824</memory></vm>
  <vm href="/ovirt-engine/api/vms/v2" id="v2"><name>db</name><status>down</status><memory>2147483648</memory></vm>
</vms>`;
      res.writeHead(200, {
        "content-type": "application/xml",
        "content-length": Buffer.byteLength(xml),
      });
      return res.end(xml);
    }
    res.writeHead(404, { "content-type": "application/xml" });
    res.end(`<fault><reason>Not Found</reason><detail>${url.pathname}</detail></fault>`);
  });
  state.url = server.url;
  return { ...server, state, apiUrl: `${server.url}/ovirt-engine/api`, password };
}

/** A CA, a server certificate for 127.0.0.1 signed by it, as PEM text. */
export function makeCerts() {
  const dir = mkdtempSync(join(tmpdir(), "nimbus-node-bun-"));
  const run = (...args) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  try {
    writeFileSync(
      join(dir, "server.ext"),
      "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n",
    );
    run(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "2",
      "-subj",
      "/CN=nimbus smoke CA",
    );
    run(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "server.key",
      "-out",
      "server.csr",
      "-subj",
      "/CN=127.0.0.1",
    );
    run(
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "server.pem",
      "-days",
      "2",
      "-extfile",
      "server.ext",
    );
    const read = (name) => readFileSync(join(dir, name), "utf8");
    return { ca: read("ca.pem"), cert: read("server.pem"), key: read("server.key") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

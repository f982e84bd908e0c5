// The comparison bench's server: plain node:http (run by Node, pinned to its own
// core by bench/compare.ts), so the clients measured share nothing with it.
// It imitates just enough of Keystone, a compute API and an oVirt engine:
//   POST /v3/auth/tokens       a login (counted); the catalog points back here
//   GET  /compute/servers      20 small servers (needs a live X-Auth-Token)
//   POST /compute/echo         reads the body, answers small JSON
//   GET  /compute/vms10k       the 10,000-VM JSON list
//   POST /ovirt-engine/sso/oauth/token   an SSO login (counted)
//   GET  /ovirt-engine/api/vms the 10,000 VMs as XML or JSON (by Accept)
//   POST /_revoke              every token issued so far stops working
//   GET  /_stats               { keystoneLogins, ssoLogins }
// It prints its port on stdout when listening.
import { createServer } from "node:http";
import { vmsJson, vmsXml } from "./vm_documents.mjs";

const SMALL = JSON.stringify({
  servers: Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `vm-${i}` })),
});
const VMS_XML = Buffer.from(vmsXml(10_000));
const VMS_JSON = Buffer.from(vmsJson(10_000));
const ECHO = JSON.stringify({ ok: true });
const API_XML = '<?xml version="1.0" encoding="UTF-8"?><api href="/ovirt-engine/api">' +
  "<product_info><name>oVirt Engine</name><version><major>4</major><minor>5</minor></version>" +
  "</product_info></api>";
const API_JSON = JSON.stringify({
  href: "/ovirt-engine/api",
  product_info: { name: "oVirt Engine", version: { major: "4", minor: "5" } },
});

let generation = 0;
const stats = { keystoneLogins: 0, ssoLogins: 0 };
let base = "";

function tokenOk(token) {
  return typeof token === "string" && token.startsWith(`tok-${generation}-`);
}

// Content-Length on every reply, as Keystone, Nova and the engine send it.
function send(res, status, body, type = "application/json") {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "x-openstack-request-id": "req-bench",
  });
  res.end(body);
}

function keystoneReply() {
  const endpoint = (
    url,
  ) => [{ interface: "public", region: "RegionOne", region_id: "RegionOne", url, id: "e" }];
  return JSON.stringify({
    token: {
      methods: ["password"],
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: "u1", name: "bench", domain: { id: "default", name: "Default" } },
      project: { id: "p1", name: "bench", domain: { id: "default", name: "Default" } },
      catalog: [
        { type: "identity", name: "keystone", id: "s1", endpoints: endpoint(`${base}/v3`) },
        { type: "compute", name: "nova", id: "s2", endpoints: endpoint(`${base}/compute`) },
      ],
    },
  });
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const url = req.url ?? "/";
    const token = req.headers["x-auth-token"] ?? req.headers.authorization?.replace(/^Bearer /, "");
    if (req.method === "POST" && url === "/v3/auth/tokens") {
      stats.keystoneLogins++;
      res.writeHead(201, {
        "content-type": "application/json",
        "x-subject-token": `tok-${generation}-${stats.keystoneLogins}`,
      });
      return res.end(keystoneReply());
    }
    if (req.method === "POST" && url === "/ovirt-engine/sso/oauth/token") {
      stats.ssoLogins++;
      return send(
        res,
        200,
        JSON.stringify({
          access_token: `tok-${generation}-sso-${stats.ssoLogins}`,
          token_type: "bearer",
          exp: String(Math.floor(Date.now() / 1000) + 3600),
        }),
      );
    }
    if (url === "/_revoke") {
      generation++;
      return send(res, 200, "{}");
    }
    if (url === "/_stats") return send(res, 200, JSON.stringify(stats));
    if (url.startsWith("/ovirt-engine/services/sso-logout")) return send(res, 200, "{}");
    if (!tokenOk(token)) {
      return send(
        res,
        401,
        JSON.stringify({
          error: {
            code: 401,
            message: "The request you have made requires authentication.",
            title: "Unauthorized",
          },
        }),
      );
    }
    if (url.startsWith("/compute/servers")) return send(res, 200, SMALL);
    if (url.startsWith("/compute/echo")) return send(res, 200, ECHO);
    if (url.startsWith("/compute/vms10k")) return send(res, 200, VMS_JSON);
    if (url === "/ovirt-engine/api" || url.startsWith("/ovirt-engine/api?")) {
      const json = (req.headers.accept ?? "").includes("json");
      return send(
        res,
        200,
        json ? API_JSON : API_XML,
        json ? "application/json" : "application/xml",
      );
    }
    if (url.startsWith("/ovirt-engine/api/vms")) {
      const json = (req.headers.accept ?? "").includes("json");
      return send(
        res,
        200,
        json ? VMS_JSON : VMS_XML,
        json ? "application/json" : "application/xml",
      );
    }
    send(res, 404, JSON.stringify({ error: { code: 404, message: "not found" } }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  base = `http://127.0.0.1:${server.address().port}`;
  console.log(server.address().port);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

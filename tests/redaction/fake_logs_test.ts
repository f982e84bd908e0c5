import assert from "node:assert/strict";
import { FakeCloud, FakeEngine } from "../../src/testing/mod.ts";

const SECRETS = {
  root: "root-password-secret-1",
  cookie: "cookie-value-secret-2",
  proxy: "cHJveHktc2VjcmV0LTM=",
  token: "x-auth-token-secret-4",
  admin: "admin-pass-secret-5",
  json: "json-password-secret-6",
};

Deno.test("FakeEngine's request log keeps no secret from headers or XML/JSON bodies", async () => {
  await using engine = await FakeEngine.start();
  const headers = {
    "Cookie": `JSESSIONID=${SECRETS.cookie}`,
    "Proxy-Authorization": `Basic ${SECRETS.proxy}`,
    "X-Auth-Token": SECRETS.token,
    "Authorization": `Bearer ${engine.issueToken("admin@internal")}`,
  };
  await (await fetch(`${engine.url}/vms`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/xml" },
    body: `<vm><name>v</name><initialization><root_password>${SECRETS.root}</root_password>` +
      `</initialization></vm>`,
  })).body?.cancel();
  await (await fetch(`${engine.url}/vms`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "w", initialization: { root_password: SECRETS.json } }),
  })).body?.cancel();
  const log = JSON.stringify(engine.requests);
  for (const secret of [SECRETS.root, SECRETS.cookie, SECRETS.proxy, SECRETS.token, SECRETS.json]) {
    assert.ok(!log.includes(secret), `FakeEngine logged ${secret}: ${log}`);
  }
  assert.match(log, /JSESSIONID=/, "cookie names are kept");
});

Deno.test("FakeCloud's request log keeps no secret from headers or JSON bodies", async () => {
  await using cloud = await FakeCloud.start();
  const token = cloud.issueToken();
  const compute = cloud.endpoint("compute");
  await (await fetch(`${compute}/servers`, {
    method: "POST",
    headers: {
      "X-Auth-Token": token,
      "Cookie": `s=${SECRETS.cookie}`,
      "Proxy-Authorization": `Basic ${SECRETS.proxy}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      server: { name: "s", adminPass: SECRETS.admin, metadata: { password: SECRETS.json } },
    }),
  })).body?.cancel();
  const log = JSON.stringify(cloud.requests);
  for (const secret of [token, SECRETS.cookie, SECRETS.proxy, SECRETS.admin, SECRETS.json]) {
    assert.ok(!log.includes(secret), `FakeCloud logged ${secret}: ${log}`);
  }
});

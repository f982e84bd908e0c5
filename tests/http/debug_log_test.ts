import assert from "node:assert/strict";
import { BaseClient, HTTPClient, type Logger } from "../../mod.ts";
import { fingerprint } from "../../src/redaction/mod.ts";
import { TestServer } from "../_fakes/test_server.ts";
import { TokenEndpointAuth } from "../../src/auth/token_endpoint_auth.ts";

class Lines implements Logger {
  readonly lines: string[] = [];
  debug(msg: string): void {
    this.lines.push(msg);
  }
}

class Compute extends BaseClient {
  static override serviceType = "compute";
}

const TOKEN = "gAAAAABsuper-secret-token-value";
const PASSWORD = "correct horse battery staple";

Deno.test("debug log: curl line, bodies and response, with no secret in clear", async () => {
  await using server = await TestServer.start(() =>
    Response.json({ server: { id: "1", adminPass: "Zx9-generated-pass" } }, {
      headers: { "x-openstack-request-id": "req-7", "x-subject-token": TOKEN },
    })
  );
  const logger = new Lines();
  await using http = new HTTPClient(
    new TokenEndpointAuth({ token: TOKEN, endpoint: `${server.url}/v2.1` }),
    { debug: true, logger, originalIp: "10.0.0.1", userAgent: "ua" },
  );
  const compute = new Compute(http);
  await compute.post("/servers", {
    headers: { "X-Foo": "1" },
    json: {
      auth: { identity: { password: { user: { name: "admin", password: PASSWORD } } } },
      application_credential: { id: "ac1", secret: "app-cred-secret" },
      token: { id: TOKEN },
    },
  });
  const [req, body, resp, respBody] = logger.lines;
  assert.equal(
    req,
    `REQ: curl -g -i -X 'POST' '${server.url}/v2.1/servers' -H 'X-Foo: 1' -H 'X-Auth-Token: ${
      fingerprint(TOKEN)
    }' -H 'User-Agent: ua' -H 'Forwarded: for=10.0.0.1;by=ua' -H 'Content-Type: application/json'`,
  );
  assert.match(body!, /^REQ BODY: \{"auth".*"password":"\*\*\*"/);
  assert.match(body!, /"secret":"\*\*\*"/);
  assert.match(body!, /"token":\{"id":"\*\*\*"\}/);
  assert.match(resp!, /^RESP: \[200\] \{.*'x-openstack-request-id': 'req-7'/);
  assert.match(resp!, /'x-subject-token': '\{SHA256\}[0-9a-f]{64}'/);
  assert.match(respBody!, /^RESP BODY: .*"adminPass":"\*\*\*"/);
  assert.equal(logger.lines[4], `POST call to ${server.url}/v2.1/servers used request id req-7`);
  for (const line of logger.lines) {
    for (const secret of [TOKEN, PASSWORD, "app-cred-secret", "Zx9-generated-pass"]) {
      assert.ok(!line.includes(secret), `secret in: ${line}`);
    }
  }
});

Deno.test("debug log: --insecure for insecure clients, nothing without debug", async () => {
  await using server = await TestServer.start();
  const logger = new Lines();
  await using insecure = new HTTPClient(null, { debug: true, logger, insecure: true });
  await insecure.request("GET", `${server.url}/foo`);
  assert.match(logger.lines[0]!, /^REQ: curl -g -i --insecure -X 'GET' '.*\/foo'/);
  const quiet = new Lines();
  await using http = new HTTPClient(null, { logger: quiet });
  await http.request("GET", `${server.url}/foo`);
  assert.equal(quiet.lines.length, 0);
});

Deno.test("debug log: redact: false shows values, for a lab only", async () => {
  await using server = await TestServer.start();
  const logger = new Lines();
  await using http = new HTTPClient(null, { debug: true, logger, redact: false });
  await http.request("GET", server.url, { headers: { "X-Auth-Token": "visible" } });
  assert.ok(logger.lines[0]!.includes("X-Auth-Token: visible"));
});

Deno.test("debug log: form bodies hide password and token", async () => {
  await using server = await TestServer.start();
  const logger = new Lines();
  await using http = new HTTPClient(null, { debug: true, logger });
  await http.request("POST", server.url, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=password&username=admin&password=s3cr3t&token=abc",
  });
  assert.ok(logger.lines.some((l) => l.includes("username=admin")));
  assert.ok(logger.lines.every((l) => !l.includes("s3cr3t") && !l.includes("token=abc")));
});

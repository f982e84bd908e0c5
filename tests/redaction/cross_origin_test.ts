import assert from "node:assert/strict";
import { HTTPClient } from "../../mod.ts";
import { CREDENTIAL_HEADERS } from "../../src/redaction/mod.ts";
import { serve } from "./_helpers.ts";

const CREDENTIALS: Record<string, string> = {
  "Authorization": "Basic dXNlcjpwdw==",
  "X-Auth-Token": "tok-auth-123456",
  "X-Subject-Token": "tok-subject-123456",
  "X-Service-Token": "tok-service-123456",
  "Cookie": "session=cookie-123456",
  "Proxy-Authorization": "Basic cHJveHk6cHc=",
};

Deno.test("a redirect to another origin carries none of the six credential headers", async () => {
  const seen: Headers[] = [];
  await using target = serve((request) => {
    seen.push(request.headers);
    return Response.json({ ok: true });
  });
  await using origin = serve(() =>
    new Response(null, { status: 302, headers: { location: `${target.url}/landed` } })
  );
  await using http = new HTTPClient(null);
  const response = await http.request("GET", `${origin.url}/start`, {
    headers: { ...CREDENTIALS, "X-Other": "kept" },
  });
  assert.equal(response.status, 200);
  assert.equal(seen.length, 1);
  for (const name of Object.keys(CREDENTIALS)) {
    assert.equal(seen[0]!.get(name), null, `${name} followed the redirect`);
  }
  assert.equal(seen[0]!.get("x-other"), "kept");
});

Deno.test("the transport's cross-origin list is the redaction module's credential list", () => {
  for (const name of Object.keys(CREDENTIALS)) {
    assert.ok(CREDENTIAL_HEADERS.includes(name.toLowerCase()), name);
  }
});

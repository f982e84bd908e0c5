/**
 * On a redirect to another origin no credential header follows, through
 * both clients and both transports' shared exchange.
 */
import assert from "node:assert/strict";
import { Connection, HTTPClient } from "../../mod.ts";
import { CREDENTIAL_HEADERS } from "../../src/transport/mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

const CREDENTIALS: Record<string, string> = {
  "Authorization": "Bearer secret-a",
  "X-Auth-Token": "secret-b",
  "X-Subject-Token": "secret-c",
  "X-Service-Token": "secret-d",
  "Cookie": "session=secret-e",
  "Proxy-Authorization": "Basic secret-f",
};

Deno.test("credential headers: the list names every credential header, lower case", () => {
  assert.deepEqual(
    [...CREDENTIAL_HEADERS].sort(),
    Object.keys(CREDENTIALS).map((n) => n.toLowerCase()).sort(),
  );
});

Deno.test("credential headers: none follows HTTPClient to another origin; all stay on the same origin", async () => {
  await using other = await TestServer.start(() => Response.json({ landed: true }));
  await using server = await TestServer.start((seen) => {
    if (seen.path === "/away") return Response.redirect(`${other.url}/landing`, 302);
    if (seen.path === "/same") return Response.redirect(`${server.url}/final`, 302);
    return Response.json({ final: true });
  });
  await using http = new HTTPClient(null);
  const away = await http.request("GET", `${server.url}/away`, {
    headers: { ...CREDENTIALS, "X-Other": "kept" },
  });
  assert.deepEqual(await away.json(), { landed: true });
  assert.equal(away.url, `${other.url}/landing`);
  const landed = other.requests.at(-1)!;
  for (const name of Object.keys(CREDENTIALS)) {
    assert.equal(landed.headers.get(name), null, `${name} crossed the origin`);
  }
  assert.equal(landed.headers.get("x-other"), "kept");

  await http.request("GET", `${server.url}/same`, { headers: CREDENTIALS });
  const final = server.requests.at(-1)!;
  assert.equal(final.path, "/final");
  for (const [name, value] of Object.entries(CREDENTIALS)) {
    assert.equal(final.headers.get(name), value, `${name} dropped on the same origin`);
  }
});

Deno.test("credential headers: none follows Connection to another origin", async () => {
  await using other = await TestServer.start(() =>
    new Response("<api/>", { headers: { "content-type": "application/xml" } })
  );
  await using server = await TestServer.start((seen) =>
    seen.path.endsWith("/sso-logout")
      ? Response.json({})
      : Response.redirect(`${other.url}/elsewhere`, 302)
  );
  const connection = new Connection({
    url: `${server.url}/ovirt-engine/api`,
    token: "sso-secret",
    headers: { "X-Subject-Token": "secret-c", "X-Service-Token": "secret-d", Cookie: "s=e" },
  });
  try {
    const reply = await connection.send({ method: "GET", path: "/vms" });
    assert.equal(reply.code, 200);
    const landed = other.requests.at(-1)!;
    for (const name of Object.keys(CREDENTIALS)) {
      assert.equal(landed.headers.get(name), null, `${name} crossed the origin`);
    }
  } finally {
    await connection.close({ logout: false });
  }
});

import assert from "node:assert/strict";
import { inspect } from "node:util";
import { AuthError, Connection, ConnectionBuilder, HTTPClient, SdkError } from "../../mod.ts";
import { FakeEngine } from "../../src/testing/mod.ts";
import { assertNoSecret } from "./_helpers.ts";

const USER = "admin@internal";
const PASSWORD = "Sso-Echo-Pa55word";

Deno.test("SSO: an AuthError never carries a password the SSO echoes in error_description", async () => {
  await using engine = await FakeEngine.start({ users: { [USER]: "another-password" } });
  const encoded = encodeURIComponent(PASSWORD);
  engine.inject({
    path: "/ovirt-engine/sso/oauth/token",
    status: 400,
    body: JSON.stringify({
      error: "access_denied",
      error_description: `Cannot authenticate user '${USER}' with password '${PASSWORD}' ` +
        `(form: password=${encoded})`,
    }),
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const error = await connection.authenticate().catch((e) => e);
  assert.ok(error instanceof AuthError, String(error));
  assert.match(error.message, /Cannot authenticate user/);
  assertNoSecret(`${error.message} ${String(error)} ${inspect(error)}`, PASSWORD, "AuthError");
  assertNoSecret(error.message, encoded, "AuthError");
});

Deno.test("ConnectionBuilder: inspect and JSON hide credentials embedded in the URL", () => {
  const builder = new ConnectionBuilder({
    url: "https://admin:url-pass-secret@engine.example.com/ovirt-engine/api?token=q-secret-1",
    username: USER,
    password: PASSWORD,
  });
  const shown = [
    JSON.stringify(builder),
    Deno.inspect(builder),
    (builder as unknown as Record<symbol, () => string>)[
      Symbol.for("nodejs.util.inspect.custom")
    ]!(),
  ].join("\n");
  for (const secret of ["url-pass-secret", "q-secret-1", PASSWORD]) {
    assertNoSecret(shown, secret, "ConnectionBuilder");
  }
  assert.match(shown, /engine\.example\.com/);
});

Deno.test("URL-parse errors never show credentials embedded in the URL", () => {
  for (const url of ["http://admin:parse-secret-1@[bad", "ht!tp://admin:parse-secret-1@host/api"]) {
    let caught: unknown;
    try {
      new Connection({ url, username: USER, password: PASSWORD });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof SdkError, String(caught));
    const shown = `${String(caught)} ${inspect(caught)} ${String(caught.cause ?? "")}`;
    assertNoSecret(shown, "parse-secret-1", `the error for ${url}`);
  }
});

Deno.test("HTTPClient: invalid-URL and connection errors never show URL credentials or query tokens", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close(); // a port nobody listens on: connection refused
  await using http = new HTTPClient(null);
  for (
    const url of [
      "http://admin:zq1-url-pass@[bad/x",
      "nota url://admin:zq1-url-pass@host",
      `http://admin:zq1-url-pass@127.0.0.1:${port}/x?token=zq2-url-token`,
      `http://127.0.0.1:${port}/x?token=zq2-url-token`,
    ]
  ) {
    const error = await http.request("GET", url, { timeout: 5_000 }).catch((e) => e);
    assert.ok(error instanceof Error, url);
    // The message is ours; the cause is the runtime's own error, kept as it came.
    assertNoSecret(String(error), "zq1-url-pass", url);
    assertNoSecret(String(error), "zq2-url-token", url);
  }
});

import assert from "node:assert/strict";
import { Connection, ConnectionError, SdkError } from "../../mod.ts";
import {
  makePki,
  PASSWORD,
  requestsTo,
  SSO_LOGOUT_PATH,
  startEngine,
  type TestPki,
  USER,
} from "./helpers.ts";

async function withPki(fn: (pki: TestPki) => Promise<void>): Promise<void> {
  const pki = await makePki();
  try {
    await fn(pki);
  } finally {
    await Deno.remove(pki.dir, { recursive: true });
  }
}

Deno.test("TLS: caFile, caCerts, insecure, no CA and a missing CA file", async (t) => {
  await withPki(async (pki) => {
    await using engine = await startEngine({ tls: { cert: pki.cert, key: pki.key } });
    assert.match(engine.url, /^https:\/\/127\.0\.0\.1:\d+\/ovirt-engine\/api$/);

    await t.step("secure mode with caFile: login, request, revoke", async () => {
      const connection = new Connection({
        url: engine.url,
        username: USER,
        password: PASSWORD,
        caFile: pki.caFile,
      });
      await connection.authenticate();
      assert.equal(await connection.test({ raiseException: true }), true);
      await connection.close();
      assert.equal(requestsTo(engine, SSO_LOGOUT_PATH).length, 1);
    });

    await t.step("secure mode with caCerts (PEM strings)", async () => {
      await using connection = new Connection({
        url: engine.url,
        username: USER,
        password: PASSWORD,
        caCerts: [pki.caPem],
      });
      assert.equal(await connection.test({ raiseException: true }), true);
    });

    await t.step("insecure mode without a CA", async () => {
      await using connection = new Connection({
        url: engine.url,
        username: USER,
        password: PASSWORD,
        insecure: true,
      });
      await connection.authenticate();
      assert.equal(await connection.test({ raiseException: true }), true);
    });

    await t.step("kerberos over TLS", async () => {
      await using connection = new Connection({
        url: engine.url,
        kerberos: true,
        negotiate: () => Promise.resolve("dG9r"),
        caFile: pki.caFile,
      });
      assert.ok(await connection.authenticate());
    });

    await t.step("secure mode without the CA: the certificate is refused", async () => {
      await using connection = new Connection({
        url: engine.url,
        username: USER,
        password: PASSWORD,
      });
      await assert.rejects(connection.authenticate(), (e: unknown) => {
        assert.ok(e instanceof ConnectionError);
        assert.ok(!e.message.includes(PASSWORD));
        return true;
      });
    });

    await t.step("a missing CA file fails in the constructor", () => {
      const path = `${pki.dir}/ugly.pem`;
      assert.throws(
        () => new Connection({ url: engine.url, username: USER, password: PASSWORD, caFile: path }),
        (e: unknown) =>
          e instanceof SdkError && e.message === `The CA file '${path}' doesn't exist`,
      );
    });
  });
});

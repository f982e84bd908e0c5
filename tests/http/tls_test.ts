import assert from "node:assert/strict";
import { ConnectionError, HTTPClient } from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";
import { testCerts } from "../_fakes/tls_certs.ts";
import { startMtlsServer } from "../_fakes/mtls_server.ts";

Deno.test("TLS: a server signed by a private CA fails without caCerts and works with them", async () => {
  const certs = await testCerts();
  await using server = await TestServer.start(() => Response.json({ tls: true }), {
    cert: certs.serverCert,
    key: certs.serverKey,
  });
  await using plain = new HTTPClient(null);
  await assert.rejects(plain.request("GET", server.url), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.match(e.message, /TLS|certificate|Connection failed/i);
    return true;
  });
  await using trusted = new HTTPClient(null, { caCerts: [certs.caCert] });
  assert.deepEqual(await (await trusted.request("GET", server.url)).json(), { tls: true });
});

Deno.test("TLS: insecure skips the check for this client only", async () => {
  const certs = await testCerts();
  await using server = await TestServer.start(() => Response.json({ ok: 1 }), {
    cert: certs.serverCert,
    key: certs.serverKey,
  });
  await using insecure = new HTTPClient(null, { insecure: true });
  const response = await insecure.request("POST", `${server.url}/x`, { json: { a: "é" } });
  assert.deepEqual(await response.json(), { ok: 1 });
  assert.equal(server.requests.at(-1)!.body, '{"a":"é"}');
  await using strict = new HTTPClient(null);
  await assert.rejects(strict.request("GET", server.url), ConnectionError);
});

Deno.test("TLS: a client certificate (mTLS) is presented when configured", async () => {
  const certs = await testCerts();
  await using server = await startMtlsServer();
  const url = server.url;
  await using mtls = new HTTPClient(null, {
    caCerts: [certs.caCert],
    cert: { cert: certs.clientCert, key: certs.clientKey },
  });
  assert.deepEqual(await (await mtls.request("GET", url)).json(), { cn: "nimbus client" });
  await using noCert = new HTTPClient(null, { caCerts: [certs.caCert] });
  await assert.rejects(noCert.request("GET", url), ConnectionError);
  await using insecureMtls = new HTTPClient(null, {
    insecure: true,
    cert: { cert: certs.clientCert, key: certs.clientKey },
  });
  assert.deepEqual(await (await insecureMtls.request("GET", url)).json(), {
    cn: "nimbus client",
  });
});

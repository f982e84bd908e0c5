/**
 * `createNodeFetch`, the node:https path that Node and Bun use for `caCerts`
 * and `cert` (they have no `Deno.createHttpClient`): it checks certificates
 * against the given CA, presents a client certificate, and decodes gzip.
 */
import assert from "node:assert/strict";
import { createNodeFetch } from "../../src/transport/node_fetch.ts";
import { testCerts } from "../_fakes/tls_certs.ts";
import { startMtlsServer } from "../_fakes/mtls_server.ts";

Deno.test("createNodeFetch: trusts the given CA, refuses without it, presents a client certificate", async () => {
  const certs = await testCerts();
  const server = await startMtlsServer({ requireCert: false, gzip: true });
  const trusted = createNodeFetch({
    ca: [certs.caCert],
    cert: certs.clientCert,
    key: certs.clientKey,
  });
  const untrusted = createNodeFetch();
  try {
    const res = await trusted.fetch(server.url);
    assert.equal(res.status, 200);
    // Decoded here, so the encoded length and encoding are not passed on.
    assert.equal(res.headers.get("content-encoding"), null);
    assert.deepEqual(await res.json(), { cn: "nimbus client" });
    await assert.rejects(untrusted.fetch(server.url), /certificate|self.signed|unable to verify/i);
  } finally {
    trusted.close();
    untrusted.close();
    await server.close();
  }
});

Deno.test("createNodeFetch: a request after close() is refused", async () => {
  const certs = await testCerts();
  const server = await startMtlsServer({ requireCert: false, gzip: true });
  const client = createNodeFetch({ ca: [certs.caCert] });
  try {
    assert.equal((await client.fetch(server.url)).status, 200);
    client.close();
    await assert.rejects(client.fetch(server.url), /closed/);
  } finally {
    client.close();
    await server.close();
  }
});

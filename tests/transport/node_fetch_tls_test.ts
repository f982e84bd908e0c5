/**
 * `createNodeFetch`, the node:https path that Node and Bun use for `caCerts`
 * and `cert` (they have no `Deno.createHttpClient`): it checks certificates
 * against the given CA, presents a client certificate, and decodes gzip.
 */
import assert from "node:assert/strict";
import https from "node:https";
import { gzipSync } from "node:zlib";
import { createNodeFetch } from "../../src/transport/node_fetch.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

async function mtlsServer(): Promise<{ url: string; close(): Promise<void> }> {
  const certs = await testCerts();
  const server = https.createServer({
    cert: certs.serverCert,
    key: certs.serverKey,
    ca: certs.caCert,
    requestCert: true,
    rejectUnauthorized: false,
  }, (req, res) => {
    const peer = (req.socket as unknown as { getPeerCertificate(): { subject?: { CN?: string } } })
      .getPeerCertificate();
    const body = gzipSync(JSON.stringify({ cn: peer.subject?.CN ?? null }));
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as { port: number }).port}/`,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

Deno.test("createNodeFetch: trusts the given CA, refuses without it, presents a client certificate", async () => {
  const certs = await testCerts();
  const server = await mtlsServer();
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
  const server = await mtlsServer();
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

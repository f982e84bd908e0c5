import assert from "node:assert/strict";
import { FakeEngine } from "../../../src/testing/mod.ts";
import { testCerts } from "../../_fakes/tls_certs.ts";
import { basic, USERS } from "./_helpers.ts";

const PKI = "/ovirt-engine/services/pki-resource";

Deno.test("FakeEngine over TLS: the CA at pki-resource and /ca.crt, the engine certificate", async () => {
  const certs = await testCerts();
  await using engine = await FakeEngine.start({
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.caCert },
    users: USERS,
  });
  assert.match(engine.url, /^https:\/\/127\.0\.0\.1:\d+\/ovirt-engine\/api$/);
  const client = Deno.createHttpClient({ caCerts: [certs.caCert] });
  try {
    const get = async (path: string) => {
      const r = await fetch(`${engine.origin}${path}`, { client });
      return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
    };
    const ca = await get(`${PKI}?resource=ca-certificate&format=X509-PEM-CA`);
    assert.equal(ca.status, 200);
    assert.equal(ca.type, "application/x-x509-ca-cert");
    assert.equal(ca.text.trim(), certs.caCert.trim());
    assert.equal(engine.caCert?.trim(), certs.caCert.trim());
    assert.equal((await get("/ca.crt")).text, ca.text);
    const own = await get(`${PKI}?resource=engine-certificate&format=X509-PEM`);
    assert.equal(own.text.trim(), certs.serverCert.trim());
    assert.equal((await get(`${PKI}?resource=ca-certificate&format=OPENSSH-PUBKEY`)).status, 400);
    assert.equal((await get(`${PKI}?resource=nothing`)).status, 404);
    // The PKI endpoint needs no credentials; the API does.
    assert.equal((await get("/ovirt-engine/api")).status, 401);
    const api = await fetch(engine.url, { client, headers: { authorization: basic() } });
    assert.equal(api.status, 200);
    assert.match(await api.text(), /<product_info>/);
  } finally {
    client.close();
  }
});

Deno.test("FakeEngine over TLS speaks HTTP/1.1 only, as the engine's Apache does", async () => {
  const certs = await testCerts();
  await using engine = await FakeEngine.start({
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.caCert },
  });
  const conn = await Deno.connectTls({
    hostname: "127.0.0.1",
    port: Number(new URL(engine.origin).port),
    caCerts: [certs.caCert],
    alpnProtocols: ["h2", "http/1.1"],
  });
  try {
    const info = await conn.handshake();
    assert.equal(info.alpnProtocol, "http/1.1");
    await conn.write(new TextEncoder().encode(
      "GET /ca.crt HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n",
    ));
    const chunks: string[] = [];
    const buf = new Uint8Array(16 * 1024);
    for (let i = 0; i < 100; i++) {
      const n = await conn.read(buf);
      if (n === null) break;
      chunks.push(new TextDecoder().decode(buf.subarray(0, n)));
    }
    const text = chunks.join("");
    assert.match(text, /^HTTP\/1\.1 200 OK\r\n/);
    assert.ok(text.includes(certs.caCert.trim().split("\n")[1]!));
  } finally {
    conn.close();
  }
});

Deno.test("FakeEngine without TLS has no PKI endpoint", async () => {
  await using engine = await FakeEngine.start();
  assert.equal(engine.caCert, undefined);
  const r = await fetch(`${engine.origin}${PKI}?resource=ca-certificate&format=X509-PEM-CA`);
  assert.equal(r.status, 404);
  await r.body?.cancel();
});

Deno.test("FakeEngine over TLS: close() ends kept-alive connections instead of waiting for them", async () => {
  const certs = await testCerts();
  const engine = await FakeEngine.start({
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.caCert },
  });
  const conn = await Deno.connectTls({
    hostname: "127.0.0.1",
    port: Number(new URL(engine.origin).port),
    caCerts: [certs.caCert],
  });
  try {
    await conn.write(new TextEncoder().encode("GET /ca.crt HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n"));
    const buf = new Uint8Array(16 * 1024);
    const n = await conn.read(buf);
    assert.match(new TextDecoder().decode(buf.subarray(0, n ?? 0)), /^HTTP\/1\.1 200 OK/);
    // The connection is still open (keep-alive) when the engine closes.
    await engine.close();
    let ended = false;
    for (let i = 0; i < 10 && !ended; i++) {
      try {
        ended = (await conn.read(buf)) === null;
      } catch {
        ended = true;
      }
    }
    assert.ok(ended, "the engine closed the connection");
  } finally {
    try {
      conn.close();
    } catch {
      // Closed by the engine already.
    }
    await engine.close();
  }
});

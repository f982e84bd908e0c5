import assert from "node:assert/strict";
import net from "node:net";
import { classifyNetworkError } from "../../src/_runtime/network_error.ts";
import { testCerts } from "../_fakes/tls_certs.ts";
import { serveTls } from "./_tls_server.ts";

async function failure(url: string, init?: RequestInit): Promise<unknown> {
  try {
    const res = await fetch(url, init);
    await res.body?.cancel();
  } catch (error) {
    return error;
  }
  throw new Error(`fetch ${url} did not fail`);
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

Deno.test("Deno's fetch: a refused connection is 'refused'", async () => {
  const error = await failure(`http://127.0.0.1:${freePort()}/`);
  assert.equal(classifyNetworkError(error).kind, "refused");
});

Deno.test("Deno's fetch: a server that resets the connection is 'reset'", async () => {
  const server = net.createServer((socket) => socket.on("data", () => socket.resetAndDestroy()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as net.AddressInfo;
    const failureSeen = classifyNetworkError(await failure(`http://127.0.0.1:${port}/`));
    assert.equal(failureSeen.kind, "reset", failureSeen.detail);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

Deno.test("Deno's fetch: an unknown CA is 'tls' with advice to pass caCerts", async () => {
  const certs = await testCerts();
  const server = serveTls(certs.serverCert, certs.serverKey);
  try {
    const seen = classifyNetworkError(await failure(server.url));
    assert.equal(seen.kind, "tls");
    assert.match(seen.advice ?? "", /caCerts/);
  } finally {
    await server.close();
  }
});

Deno.test("Deno's fetch: a self-signed CA certificate as the server's own gets advice on CA:FALSE", async () => {
  const certs = await testCerts();
  // The test CA is self-signed with CA:TRUE: serving it as the leaf is the classic mistake.
  const server = serveTls(certs.caCert, await Deno.readTextFile(`${certs.dir}/ca.key`));
  const client = Deno.createHttpClient({ caCerts: [certs.caCert] });
  try {
    const seen = classifyNetworkError(await failure(server.url, { client } as RequestInit));
    assert.equal(seen.kind, "tls");
    assert.match(seen.advice ?? "", /CA:FALSE/);
  } finally {
    client.close();
    await server.close();
  }
});

Deno.test("Node and Bun shapes: codes on the error or its cause decide the kind", () => {
  const nodeStyle = (code: string) =>
    new TypeError("fetch failed", { cause: Object.assign(new Error(`x ${code}`), { code }) });
  const bunStyle = (code: string) => Object.assign(new TypeError(`${code}: failed`), { code });
  const expected: Array<[string, string]> = [
    ["ECONNREFUSED", "refused"],
    ["ECONNRESET", "reset"],
    ["UND_ERR_SOCKET", "reset"],
    ["ETIMEDOUT", "timeout"],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
    ["ENOTFOUND", "dns"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "tls"],
    ["CERT_HAS_EXPIRED", "tls"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls"],
    ["EHOSTUNREACH", "other"],
  ];
  for (const [code, kind] of expected) {
    assert.equal(classifyNetworkError(nodeStyle(code)).kind, kind, `node ${code}`);
    assert.equal(classifyNetworkError(bunStyle(code)).kind, kind, `bun ${code}`);
    assert.equal(classifyNetworkError(nodeStyle(code)).code, code);
  }
  assert.match(classifyNetworkError(nodeStyle("CERT_HAS_EXPIRED")).advice ?? "", /renew/);
  assert.match(
    classifyNetworkError(nodeStyle("ERR_TLS_CERT_ALTNAME_INVALID")).advice ?? "",
    /subjectAltName/,
  );
});

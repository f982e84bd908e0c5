import assert from "node:assert/strict";
import { ConnectionError, HTTPClient, ValidationError } from "../../mod.ts";
import { testCerts } from "../_fakes/tls_certs.ts";
import { serveTls } from "./_tls_server.ts";

Deno.test("HTTPClient: an unknown CA fails with a TLS error that says to pass caCerts", async () => {
  const certs = await testCerts();
  const server = serveTls(certs.serverCert, certs.serverKey);
  const http = new HTTPClient(null);
  try {
    await assert.rejects(http.request("GET", server.url), (e: unknown) => {
      assert.ok(e instanceof ConnectionError, String(e));
      assert.match(
        e.message,
        /^TLS error: GET https:\/\/127\.0\.0\.1:\d+\/: .*pass the CA's PEM text in caCerts/,
      );
      return true;
    });
  } finally {
    await http.close();
    await server.close();
  }
});

Deno.test("HTTPClient: a self-signed CA served as the server certificate says to use CA:FALSE", async () => {
  const certs = await testCerts();
  const server = serveTls(certs.caCert, await Deno.readTextFile(`${certs.dir}/ca.key`));
  const http = new HTTPClient(null, { caCerts: [certs.caCert] });
  try {
    await assert.rejects(http.request("GET", server.url), (e: unknown) => {
      assert.ok(e instanceof ConnectionError, String(e));
      assert.match(e.message, /CaUsedAsEndEntity.*basicConstraints=critical,CA:FALSE/);
      return true;
    });
  } finally {
    await http.close();
    await server.close();
  }
});

Deno.test("HTTPClient: bad PEM text is refused at construction with what to fix, insecure or not", () => {
  for (const insecure of [false, true]) {
    assert.throws(
      () => new HTTPClient(null, { insecure, caCerts: ["/etc/ssl/private-ca.pem"] }),
      (e: unknown) => e instanceof ValidationError && /looks like a file path/.test(e.message),
    );
  }
  assert.throws(
    () =>
      new HTTPClient(null, {
        caCerts: ["-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----"],
      }),
    (e: unknown) => e instanceof ValidationError && /not valid base64/.test(e.message),
  );
});

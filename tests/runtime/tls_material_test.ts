import assert from "node:assert/strict";
import { ValidationError } from "../../src/errors/mod.ts";
import { createDenoHttpClient } from "../../src/_runtime/tls_client.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

function refused(tls: Parameters<typeof createDenoHttpClient>[0], pattern: RegExp): void {
  assert.throws(() => createDenoHttpClient(tls)?.close(), (e: unknown) => {
    assert.ok(e instanceof ValidationError, String(e));
    assert.match(e.message, pattern);
    return true;
  });
}

Deno.test("caCerts given a file path says to pass the file's text", () => {
  refused({ caCerts: ["/etc/ssl/ca.pem"] }, /caCerts\[0\] looks like a file path.*file's text/);
});

Deno.test("caCerts without a BEGIN line (Deno would accept it silently) is refused", () => {
  refused({ caCerts: ["garbage"] }, /caCerts\[0\] holds no PEM certificate \(no -----BEGIN line\)/);
});

Deno.test("a truncated PEM body says to copy the whole file again", () => {
  refused(
    { caCerts: ["-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n"] },
    /not valid base64 .*copy the whole file again/,
  );
});

Deno.test("a key passed as the CA is named as the key", async () => {
  const certs = await testCerts();
  refused({ caCerts: [certs.serverKey] }, /found PRIVATE KEY.*looks like the key/);
});

Deno.test("cert and key swapped are refused with the option named", async () => {
  const certs = await testCerts();
  refused(
    { cert: { cert: certs.clientKey, key: certs.clientCert } },
    /^cert\.cert holds no PEM certificate/,
  );
});

Deno.test("a key body Deno cannot parse says which key forms work", async () => {
  const certs = await testCerts();
  refused(
    {
      cert: {
        cert: certs.clientCert,
        key: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
      },
    },
    /cert\.key could not be loaded .*unencrypted private key/,
  );
});

Deno.test("good PEM text makes a client", async () => {
  const certs = await testCerts();
  const client = createDenoHttpClient({
    caCerts: [certs.caCert],
    cert: { cert: certs.clientCert, key: certs.clientKey },
  });
  assert.ok(client);
  client.close();
  assert.equal(createDenoHttpClient({ insecure: true }), undefined);
});

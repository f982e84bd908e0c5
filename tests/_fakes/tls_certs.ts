/**
 * Generates a throwaway CA, a server certificate for 127.0.0.1 and a client
 * certificate with openssl, for the TLS tests.
 *
 * @module
 */

/** PEM material for the TLS tests. */
export interface TestCerts {
  dir: string;
  caCert: string;
  caFile: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  const out = await new Deno.Command("openssl", { args, cwd: dir, stdout: "null", stderr: "piped" })
    .output();
  if (!out.success) {
    throw new Error(`openssl ${args[0]} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
}

let cached: Promise<TestCerts> | undefined;

/** Creates the certificates once per test process. */
export function testCerts(): Promise<TestCerts> {
  cached ??= generate();
  return cached;
}

async function generate(): Promise<TestCerts> {
  const dir = await Deno.makeTempDir({ prefix: "nimbus-tls-" });
  globalThis.addEventListener("unload", () => {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // Already gone.
    }
  });
  await Deno.writeTextFile(
    `${dir}/server.ext`,
    "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
  );
  await Deno.writeTextFile(
    `${dir}/client.ext`,
    "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n",
  );
  const key = ["-newkey", "rsa:2048", "-nodes"];
  await openssl(dir, [
    "req",
    "-x509",
    ...key,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=nimbus test CA",
  ]);
  for (const who of ["server", "client"]) {
    await openssl(dir, [
      "req",
      ...key,
      "-keyout",
      `${who}.key`,
      "-out",
      `${who}.csr`,
      "-subj",
      `/CN=${who === "server" ? "127.0.0.1" : "nimbus client"}`,
    ]);
    await openssl(dir, [
      "x509",
      "-req",
      "-in",
      `${who}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${who}.pem`,
      "-days",
      "2",
      "-extfile",
      `${who}.ext`,
    ]);
  }
  const read = (name: string) => Deno.readTextFile(`${dir}/${name}`);
  return {
    dir,
    caCert: await read("ca.pem"),
    caFile: `${dir}/ca.pem`,
    serverCert: await read("server.pem"),
    serverKey: await read("server.key"),
    clientCert: await read("client.pem"),
    clientKey: await read("client.key"),
  };
}

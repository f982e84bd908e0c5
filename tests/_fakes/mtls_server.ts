/**
 * A node:https server signed by the test CA that asks for a client
 * certificate and answers `{ "cn": <client certificate CN or null> }`.
 *
 * @module
 */
import https from "node:https";
import { gzipSync } from "node:zlib";
import { testCerts } from "./tls_certs.ts";

/** A running mTLS server. */
export interface MtlsServer extends AsyncDisposable {
  /** `https://127.0.0.1:<port>/` */
  url: string;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/**
 * Starts the server. `requireCert` refuses clients without a certificate at
 * the handshake; `gzip` sends the reply gzip-encoded.
 */
export async function startMtlsServer(
  options: { requireCert?: boolean; gzip?: boolean } = {},
): Promise<MtlsServer> {
  const certs = await testCerts();
  const server = https.createServer({
    cert: certs.serverCert,
    key: certs.serverKey,
    ca: certs.caCert,
    requestCert: true,
    rejectUnauthorized: options.requireCert ?? true,
  }, (req, res) => {
    const peer = (req.socket as unknown as { getPeerCertificate(): { subject?: { CN?: string } } })
      .getPeerCertificate();
    const json = JSON.stringify({ cn: peer.subject?.CN ?? null });
    res.setHeader("content-type", "application/json");
    if (options.gzip) res.setHeader("content-encoding", "gzip");
    res.end(options.gzip ? gzipSync(json) : json);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = async () => {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  };
  return {
    url: `https://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/**
 * A `Deno.serve` HTTPS server on 127.0.0.1 for the runtime tests, with the
 * certificate and key they choose (the test CA's leaf, or the CA itself).
 *
 * @module
 */

/** A running TLS test server. */
export interface TlsServer {
  /** `https://127.0.0.1:<port>/`. */
  url: string;
  /** The port. */
  port: number;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves `body` over HTTPS with `cert` and `key` (PEM). */
export function serveTls(cert: string, key: string, body = "ok"): TlsServer {
  const ac = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {}, cert, key },
    () => new Response(body),
  );
  return {
    url: `https://127.0.0.1:${server.addr.port}/`,
    port: server.addr.port,
    async close() {
      ac.abort();
      await server.finished;
    },
  };
}

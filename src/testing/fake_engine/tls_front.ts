/**
 * The engine's TLS front: accepts TLS connections that offer only HTTP/1.1
 * (as the engine's Apache does) and passes the bytes to the plain HTTP
 * server behind it on loopback. `Deno.serve` with a certificate always
 * offers HTTP/2, which clients of a real engine (libgovirt over libsoup)
 * never meet there and fail on.
 *
 * @module
 */

/** Where the front listens and what it presents. */
export interface TlsFrontOptions {
  /** The address to listen on. */
  hostname: string;
  /** The port; 0 for a free one. */
  port: number;
  /** The certificate chain (PEM). */
  cert: string;
  /** The private key (PEM). */
  key: string;
}

/** A running TLS front. */
export class TlsFront {
  /** The port it listens on. */
  readonly port: number;
  #listener: Deno.TlsListener;
  #conns = new Set<Deno.Conn>();
  #accepting: Promise<void>;
  #closed = false;

  constructor(options: TlsFrontOptions, backendPort: number) {
    this.#listener = Deno.listenTls({
      hostname: options.hostname,
      port: options.port,
      cert: options.cert,
      key: options.key,
      alpnProtocols: ["http/1.1"],
    });
    this.port = this.#listener.addr.port;
    this.#accepting = this.#accept(backendPort);
  }

  async #accept(backendPort: number): Promise<void> {
    try {
      for await (const conn of this.#listener) {
        if (this.#closed) {
          conn.close();
          break;
        }
        this.#relay(conn, backendPort);
      }
    } catch {
      // The listener was closed.
    }
  }

  async #relay(front: Deno.Conn, backendPort: number): Promise<void> {
    this.#conns.add(front);
    let back: Deno.Conn | undefined;
    try {
      back = await Deno.connect({ hostname: "127.0.0.1", port: backendPort });
      this.#conns.add(back);
      await Promise.all([
        front.readable.pipeTo(back.writable),
        back.readable.pipeTo(front.writable),
      ]);
    } catch {
      // A failed handshake, a reset, or close(): the connection is over either way.
    } finally {
      for (const conn of [front, back]) {
        if (!conn) continue;
        this.#conns.delete(conn);
        try {
          conn.close();
        } catch {
          // Already closed by its stream.
        }
      }
    }
  }

  /** Stops accepting and drops every relayed connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#listener.close();
    for (const conn of this.#conns) {
      try {
        conn.close();
      } catch {
        // Already closed.
      }
    }
    this.#conns.clear();
    await this.#accepting;
  }
}

/**
 * One client's way onto the network: the fetch it uses and its TLS settings.
 *
 * @module
 */
import type { TlsOptions } from "../types.ts";
import { createInsecureFetch } from "./node_fetch.ts";

/** Options of {@linkcode Transport}. */
export interface TransportOptions extends TlsOptions {
  /** A fetch to use instead of the global one (TLS options are then passed as `client`). */
  fetch?: typeof fetch;
}

/**
 * Holds a client's fetch and TLS state: a `Deno.HttpClient` for CA
 * certificates and mTLS, or a `node:https` agent when `insecure` is set.
 * Nothing here is shared between clients.
 */
export class Transport {
  /** Whether server certificates go unchecked. */
  readonly insecure: boolean;
  #fetch: typeof fetch;
  #client: Deno.HttpClient | undefined;
  #onClose: (() => void) | undefined;

  /** Creates the transport; TLS material is loaded once, here. */
  constructor(options: TransportOptions = {}) {
    this.insecure = options.insecure === true;
    if (this.insecure && !options.fetch) {
      const insecure = createInsecureFetch({ caCerts: options.caCerts, cert: options.cert });
      this.#fetch = insecure.fetch;
      this.#onClose = insecure.close;
      return;
    }
    this.#fetch = options.fetch ?? globalThis.fetch;
    if (options.caCerts?.length || options.cert) {
      this.#client = Deno.createHttpClient({
        caCerts: options.caCerts,
        ...(options.cert ? { cert: options.cert.cert, key: options.cert.key } : {}),
      });
    }
  }

  /** Sends one request, with this transport's TLS settings. */
  fetch(url: string, init: RequestInit): Promise<Response> {
    if (this.#client) {
      return this.#fetch(url, { ...init, client: this.#client } as RequestInit);
    }
    return this.#fetch(url, init);
  }

  /** Releases the TLS client and pooled sockets. */
  close(): void {
    this.#client?.close();
    this.#client = undefined;
    this.#onClose?.();
    this.#onClose = undefined;
  }
}

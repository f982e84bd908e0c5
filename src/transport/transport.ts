/**
 * One client's way onto the network: the fetch it uses and its TLS settings.
 *
 * @module
 */
import { nodeBuiltin } from "../_runtime/runtime.ts";
import {
  checkTlsOptions,
  createDenoHttpClient,
  hasDenoHttpClient,
  type TlsHttpClient,
} from "../_runtime/tls_client.ts";
import { ClientClosed } from "../errors/transport_errors.ts";
import type { TlsOptions } from "../types.ts";
import type { NodeFetch } from "./node_fetch.ts";

/**
 * The node:https transport, loaded by its first request: few clients use it,
 * and every module on the import path of a script costs it start-up time.
 */
function lazyNodeFetch(
  create: (module: typeof import("./node_fetch.ts")) => NodeFetch,
): NodeFetch {
  let made: Promise<NodeFetch> | undefined;
  return {
    fetch: async (input, init) => {
      made ??= import("./node_fetch.ts").then(create);
      return await (await made).fetch(input, init);
    },
    // Transport refuses requests once closed; a load still under way is closed when it lands.
    close() {
      made?.then((node) => node.close(), () => {});
    },
  };
}

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
  #client: TlsHttpClient | undefined;
  #onClose: (() => void) | undefined;
  #closed = false;

  /** Creates the transport; TLS material is loaded once, here. */
  constructor(options: TransportOptions = {}) {
    this.insecure = options.insecure === true;
    // Bad PEM text fails here, with what to fix, on every runtime and path.
    checkTlsOptions(options);
    if (this.insecure && !options.fetch) {
      // An explicit CA list, even empty, keeps Deno's node:tls from reading the
      // system store, which would need --allow-sys: nothing is verified anyway.
      const tls = { caCerts: options.caCerts ?? [], cert: options.cert };
      const insecure = lazyNodeFetch((m) => m.createInsecureFetch(tls));
      this.#fetch = insecure.fetch;
      this.#onClose = insecure.close;
      return;
    }
    this.#fetch = options.fetch ?? globalThis.fetch;
    if ((options.caCerts?.length || options.cert) && !hasDenoHttpClient() && !options.fetch) {
      // Node and Bun: no Deno.createHttpClient, so the TLS material goes to node:https.
      // node:https's `ca` replaces the built-in roots: keep them, as caCerts adds to them.
      const roots = nodeBuiltin<{ rootCertificates?: readonly string[] }>("node:tls")
        ?.rootCertificates ?? [];
      const tls = {
        ca: options.caCerts ? [...roots, ...options.caCerts] : undefined,
        cert: options.cert?.cert,
        key: options.cert?.key,
      };
      const node = lazyNodeFetch((m) => m.createNodeFetch(tls));
      this.#fetch = node.fetch;
      this.#onClose = node.close;
    } else {
      this.#client = createDenoHttpClient(options);
    }
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Sends one request, with this transport's TLS settings.
   *
   * @throws {ClientClosed} after `close()`: the TLS settings are gone, and
   * sending without them would be a different, weaker client.
   */
  fetch(url: string, init: RequestInit): Promise<Response> {
    if (this.#closed) {
      return Promise.reject(
        new ClientClosed(`Refusing ${init.method ?? "GET"} ${url}: the client is closed`),
      );
    }
    if (this.#client) {
      return this.#fetch(url, { ...init, client: this.#client } as RequestInit);
    }
    return this.#fetch(url, init);
  }

  /** Releases the TLS client and pooled sockets. */
  close(): void {
    this.#closed = true;
    this.#client?.close();
    this.#client = undefined;
    this.#onClose?.();
    this.#onClose = undefined;
  }
}

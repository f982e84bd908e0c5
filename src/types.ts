/**
 * Small types shared by both clients.
 *
 * @module
 */

/**
 * Where the clients write their debug lines. An `@std/log` logger or
 * `console` satisfies it; only `debug` is required.
 *
 * @example Log to the console
 * ```ts
 * import { HTTPClient, type Logger } from "@nimbus/apiclient";
 * const logger: Logger = console;
 * const http = new HTTPClient(null, { debug: true, logger });
 * await http.close();
 * ```
 */
export interface Logger {
  /** Debug lines: the curl-style request and response log. */
  debug(msg: string, ...args: unknown[]): unknown;
  /** Informational lines. */
  info?(msg: string, ...args: unknown[]): unknown;
  /** Warnings, such as a retry. */
  warn?(msg: string, ...args: unknown[]): unknown;
  /** Errors. */
  error?(msg: string, ...args: unknown[]): unknown;
}

/**
 * TLS settings of one client. They apply to that client only, never to the
 * process.
 *
 * @example Trust a private CA
 * ```ts
 * import type { TlsOptions } from "@nimbus/apiclient";
 * // The PEM of your CA, e.g. `await Deno.readTextFile("ca.pem")`.
 * const pem = Deno.env.get("MY_CA_PEM");
 * const tls: TlsOptions = pem ? { caCerts: [pem] } : {};
 * console.assert(tls.insecure === undefined); // certificates stay checked
 * ```
 */
export interface TlsOptions {
  /** PEM CA certificates, added to the system store. */
  caCerts?: string[];
  /** A client certificate and key (mTLS), PEM. */
  cert?: { cert: string; key: string };
  /** Skip server certificate checks, for this client only. */
  insecure?: boolean;
}

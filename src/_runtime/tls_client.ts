/**
 * The per-client TLS setup of Deno's fetch (`Deno.createHttpClient`), with
 * the PEM text checked first, and `undefined` where the runtime has no such
 * API (Node, Bun): those go through `node:https` (src/transport/node_fetch.ts).
 *
 * @module
 */
import { ValidationError } from "../errors/client_exception.ts";
import type { TlsOptions } from "../types.ts";
import { denoNamespace } from "./runtime.ts";
import { checkPem } from "./tls_material.ts";

/** A client handle for fetch's `client` option; close it when done. */
export interface TlsHttpClient {
  /** Releases the client's connections. */
  close(): void;
}

/**
 * Checks every PEM text of `tls`; throws a `ValidationError` saying what to
 * fix for the first bad one.
 *
 * @example
 * ```ts
 * import { checkTlsOptions } from "./tls_client.ts";
 * checkTlsOptions({ insecure: true }); // nothing to check
 * ```
 */
export function checkTlsOptions(tls: TlsOptions): void {
  if (tls.caCerts !== undefined && !Array.isArray(tls.caCerts)) {
    throw new ValidationError("caCerts must be an array of PEM texts");
  }
  tls.caCerts?.forEach((pem, i) => checkPem(`caCerts[${i}]`, pem, "certificate"));
  if (tls.cert) {
    checkPem("cert.cert", tls.cert.cert, "certificate");
    checkPem("cert.key", tls.cert.key, "key");
  }
}

/**
 * Whether this runtime has per-client TLS settings for its own fetch.
 *
 * @example
 * ```ts
 * import { hasDenoHttpClient } from "./tls_client.ts";
 * console.log(hasDenoHttpClient()); // true on Deno
 * ```
 */
export function hasDenoHttpClient(): boolean {
  return typeof denoNamespace()?.createHttpClient === "function";
}

/**
 * A `Deno.HttpClient` trusting `caCerts` and presenting `cert`, or undefined
 * when the runtime has none (then use the `node:https` path). The PEM text is
 * checked first, and Deno's parse errors are turned into messages that say
 * what to fix.
 *
 * @example
 * ```ts
 * import { createDenoHttpClient } from "./tls_client.ts";
 * console.log(createDenoHttpClient({})); // undefined: nothing to set up
 * ```
 */
export function createDenoHttpClient(tls: TlsOptions): TlsHttpClient | undefined {
  const deno = denoNamespace();
  if (!deno?.createHttpClient || !(tls.caCerts?.length || tls.cert)) return undefined;
  checkTlsOptions(tls);
  try {
    return deno.createHttpClient({
      caCerts: tls.caCerts,
      ...(tls.cert ? { cert: tls.cert.cert, key: tls.cert.key } : {}),
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const which = /private key/i.test(text)
      ? "cert.key"
      : /pem file/i.test(text)
      ? "caCerts"
      : "cert";
    throw new ValidationError(
      `${which} could not be loaded (${text}): pass the complete PEM text of the ` +
        (which === "cert.key" ? "unencrypted private key (RSA, EC or Ed25519)" : "certificate"),
      { cause: error },
    );
  }
}

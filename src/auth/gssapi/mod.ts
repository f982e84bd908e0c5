/**
 * Kerberos (SPNEGO) tokens from the system GSSAPI library through Deno FFI.
 *
 * @module
 */
export {
  createGssapiNegotiate,
  gssapiNegotiate,
  type GssapiNegotiateOptions,
} from "./gssapi_negotiate.ts";

/**
 * Kerberos (SPNEGO) tokens from the system GSSAPI library through Deno FFI.
 *
 * @module
 */
export {
  createGssapiNegotiate,
  type GssapiNegotiate,
  gssapiNegotiate,
  type GssapiNegotiateOptions,
} from "./gssapi_negotiate.ts";

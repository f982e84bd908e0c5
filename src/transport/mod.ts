/**
 * The network layer shared by `HTTPClient` and `Connection`.
 *
 * @module
 */
export * from "./transport.ts";
export * from "./exchange.ts";
export * from "./transport_error.ts";
export * from "./headers_check.ts";
export { CREDENTIAL_HEADERS } from "../redaction/secret_headers.ts";
export * from "./read_body.ts";

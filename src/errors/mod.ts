/**
 * Every error class this package throws, and `fromResponse`.
 *
 * @module
 */
export * from "./client_exception.ts";
export * from "./http_error.ts";
export * from "./from_response.ts";
export * from "./sdk_error.ts";
export * from "./transport_errors.ts";
export * from "./wait_timeout.ts";
export * from "./resource_failed.ts";
export * from "./checksum_mismatch.ts";
export * from "./permission_required.ts";

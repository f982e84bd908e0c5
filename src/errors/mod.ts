/**
 * Every error class this package throws, and `fromResponse`.
 *
 * @module
 */
export * from "./client_exception.ts";
export * from "./http_error.ts";
export * from "./from_response.ts";
export * from "./sdk_error.ts";
export * from "./permission_required.ts";

/**
 * The OpenStack client core.
 *
 * @module
 */
export * from "./options.ts";
export * from "./http_client.ts";
export * from "./base_client.ts";
export { formatTimings } from "./timings.ts";

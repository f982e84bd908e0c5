/**
 * `@nimbus/apiclient`: the OpenStack client core (`HTTPClient`,
 * `BaseClient`), the oVirt engine client core (`Connection`), their errors
 * and the sealed token caches.
 *
 * @module
 */
export * from "./src/errors/mod.ts";
export * from "./src/types.ts";
export * from "./src/http/mod.ts";
export * from "./src/token_cache/mod.ts";
export * from "./src/connection/mod.ts";
export { Fault, List, Struct } from "./src/model_core/struct.ts";
export type { AuthPlugin, TokenAndEndpoint } from "./src/auth/auth_plugin.ts";
export { VERSION } from "./src/version.ts";

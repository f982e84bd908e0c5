/**
 * Auth plugins, the service catalog, the plugin registry and configuration
 * from the environment.
 *
 * @module
 */
export * from "./auth_plugin.ts";
export * from "./token_endpoint_auth.ts";
export * from "./ovirt_sso_auth.ts";

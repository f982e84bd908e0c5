/**
 * Auth plugins, the service catalog, the plugin registry and configuration
 * from the environment.
 *
 * @module
 */
export * from "./auth_plugin.ts";
export * from "./token_endpoint_auth.ts";
export * from "./ovirt_sso_auth.ts";
export * from "./gssapi/mod.ts";
export * from "./require_options.ts";
export * from "./service_catalog.ts";
export * from "./keystone_scope.ts";
export * from "./keystone_auth_base.ts";
export * from "./keystone_v3_auth.ts";
export * from "./keystone_password_auth.ts";
export * from "./keystone_token_auth.ts";
export * from "./keystone_application_credential_auth.ts";
export * from "./keystone_v2_password_auth.ts";
export * from "./registry.ts";
export * from "./cloud_config.ts";
export * from "./load_plugin_from_env.ts";

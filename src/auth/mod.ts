/**
 * Auth plugins, the service catalog, the plugin registry and configuration
 * from the environment and `clouds.yaml`.
 *
 * Main classes and functions:
 * - {@linkcode KeystonePasswordAuth}, {@linkcode KeystoneTokenAuth},
 *   {@linkcode KeystoneApplicationCredentialAuth} (Keystone v3) and
 *   {@linkcode KeystoneV2PasswordAuth}: log in to Keystone and answer the
 *   token and endpoints of the catalog;
 * - {@linkcode TokenEndpointAuth}: a fixed token and endpoint (no login);
 * - {@linkcode OvirtSsoAuth}: the oVirt engine's SSO (password, Kerberos or
 *   a given token), used by `Connection`;
 * - {@linkcode ServiceCatalog}: endpoint lookup in a v3 or v2.0 catalog;
 * - {@linkcode loadPluginFromEnv}, {@linkcode loadPluginFromCloudConfig} and
 *   {@linkcode loadCloudConfig}: a plugin from `OS_*` variables or
 *   `clouds.yaml`;
 * - {@linkcode registerAuthSystem}, {@linkcode loadPlugin} and
 *   {@linkcode discoverAuthSystems}: the plugin registry by name.
 *
 * @example Log in with a password plugin and read the catalog
 * ```ts
 * import { HTTPClient } from "@nimbus/apiclient";
 * import { KeystonePasswordAuth } from "@nimbus/apiclient/auth";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 *
 * await using cloud = await FakeCloud.start();
 * const auth = new KeystonePasswordAuth({
 *   authUrl: cloud.authUrl,
 *   username: cloud.demo.username,
 *   password: cloud.demo.password,
 *   projectName: "demo",
 *   userDomainName: "Default",
 *   projectDomainName: "Default",
 * });
 * await using http = new HTTPClient(auth);
 * await http.authenticate();
 * const { token, endpoint } = auth.tokenAndEndpoint("public", "compute");
 * console.assert(token !== undefined && endpoint?.startsWith(cloud.url));
 * ```
 *
 * @module
 */
export type { AuthPlugin, TokenAndEndpoint } from "./auth_plugin.ts";
export { TokenEndpointAuth, type TokenEndpointAuthOptions } from "./token_endpoint_auth.ts";
export {
  type NegotiateHook,
  type NegotiateResult,
  OvirtSsoAuth,
  type OvirtSsoAuthOptions,
  type SsoPost,
  type SsoReply,
} from "./ovirt_sso_auth.ts";
export {
  createGssapiNegotiate,
  type GssapiNegotiate,
  gssapiNegotiate,
  type GssapiNegotiateOptions,
} from "./gssapi/mod.ts";
export { type CatalogEndpoint, ServiceCatalog, type UrlForOptions } from "./service_catalog.ts";
export type { KeystoneScopeBody, KeystoneScopeOptions } from "./keystone_scope.ts";
export {
  KeystoneAuthBase,
  type KeystoneAuthState,
  type KeystoneIdentityRef,
} from "./keystone_auth_base.ts";
export { KeystoneV3Auth, type KeystoneV3Identity } from "./keystone_v3_auth.ts";
export {
  KeystonePasswordAuth,
  type KeystonePasswordAuthOptions,
} from "./keystone_password_auth.ts";
export { KeystoneTokenAuth, type KeystoneTokenAuthOptions } from "./keystone_token_auth.ts";
export {
  KeystoneApplicationCredentialAuth,
  type KeystoneApplicationCredentialAuthOptions,
} from "./keystone_application_credential_auth.ts";
export {
  KeystoneV2PasswordAuth,
  type KeystoneV2PasswordAuthOptions,
} from "./keystone_v2_password_auth.ts";
export {
  type AuthPluginFactory,
  discoverAuthSystems,
  loadPlugin,
  registerAuthSystem,
} from "./registry.ts";
export {
  CloudConfig,
  type CloudConfigInit,
  loadCloudConfig,
  type LoadCloudConfigOptions,
} from "./cloud_config.ts";
export { loadPluginFromCloudConfig, loadPluginFromEnv } from "./load_plugin_from_env.ts";

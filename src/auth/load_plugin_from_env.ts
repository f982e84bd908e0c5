/**
 * Auth plugins from the configuration users already have: `OS_*`
 * variables, or `OS_CLOUD` and `clouds.yaml`.
 *
 * @module
 */
import { AuthPluginOptionsMissing } from "../errors/client_exception.ts";
import { PermissionRequired } from "../errors/permission_required.ts";
import type { AuthPlugin } from "./auth_plugin.ts";
import { type CloudConfig, loadCloudConfig } from "./cloud_config.ts";
import { deniedEnvOf } from "./denied_env.ts";
import { loadPluginRenamingMissing } from "./registry.ts";

/** "authUrl" → "auth_url". */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The plugin a {@linkcode CloudConfig} describes: its `authType` loaded with
 * its auth options (and `identity_api_version`, which lets "password" pick
 * v2.0). Missing options are named as the source spells them:
 * `OS_AUTH_URL` for the environment, `auth_url` for clouds.yaml.
 *
 * @throws {AuthSystemNotFound} an unknown `auth_type`.
 * @throws {AuthPluginOptionsMissing} naming every missing option.
 * @throws {PermissionRequired} a missing option's variable was not allowed.
 *
 * @param config a cloud from clouds.yaml (see {@linkcode loadCloudConfig}).
 * @returns the plugin its `auth_type` names.
 *
 * @example
 * ```ts
 * import { loadCloudConfig, loadPluginFromCloudConfig } from "@nimbus/apiclient/auth";
 * const config = loadCloudConfig({
 *   env: {
 *     OS_AUTH_URL: "http://127.0.0.1:5000/v3",
 *     OS_APPLICATION_CREDENTIAL_ID: "aa10b4c4",
 *     OS_APPLICATION_CREDENTIAL_SECRET: "s3cret",
 *     OS_AUTH_TYPE: "v3applicationcredential",
 *   },
 * });
 * console.assert(String(loadPluginFromCloudConfig(config).authSystem) === "v3applicationcredential");
 * ```
 */
export function loadPluginFromCloudConfig(config: CloudConfig): AuthPlugin {
  const opts: Record<string, unknown> = { ...config.authOptions() };
  if (config.identityApiVersion) opts.identity_api_version = config.identityApiVersion;
  const rename = config.source === "environment"
    ? (name: string) => `OS_${snake(name).toUpperCase()}`
    : snake;
  try {
    return loadPluginRenamingMissing(config.authType, opts, rename);
  } catch (error) {
    throw permissionBehind(error, config);
  }
}

/**
 * A missing option whose variable Deno did not let the process read is a
 * permission problem, not a configuration one: say which flag to add.
 */
function permissionBehind(error: unknown, config: CloudConfig): unknown {
  const denied = deniedEnvOf(config);
  if (!(error instanceof AuthPluginOptionsMissing) || denied.size === 0) return error;
  const names = error.optNames.flatMap((name) => name.split(" or "))
    .filter((name) => denied.has(name));
  if (names.length === 0) return error;
  const also = denied.has("OS_CLOUD") ? " (or OS_CLOUD and HOME for clouds.yaml)" : "";
  return new PermissionRequired(
    `read ${names.join(", ")}${also}`,
    `--allow-env=${names.join(",")}`,
    { cause: error },
  );
}

/**
 * The plugin the environment describes. With `OS_CLOUD` set, the cloud of
 * that name in `clouds.yaml` (+ `secure.yaml`); otherwise `OS_AUTH_TYPE`
 * (keystoneauth's names: password (default), v3password, v3token,
 * v3applicationcredential, v2password, token_endpoint alias admin_token;
 * the seed's `OS_AUTH_SYSTEM` also works) with `OS_AUTH_URL`,
 * `OS_USERNAME`/`OS_USER_ID`, `OS_PASSWORD`, `OS_USER_DOMAIN_NAME`/`_ID`,
 * `OS_PROJECT_NAME`/`_ID`, `OS_PROJECT_DOMAIN_NAME`/`_ID`,
 * `OS_DOMAIN_NAME`/`_ID`, `OS_SYSTEM_SCOPE`, `OS_TOKEN`,
 * `OS_APPLICATION_CREDENTIAL_ID`/`_NAME`/`_SECRET`, `OS_TENANT_NAME`/`_ID`,
 * `OS_DEFAULT_DOMAIN_ID`/`_NAME`, `OS_ENDPOINT` (token_endpoint).
 * `OS_REGION_NAME` and `OS_INTERFACE` are read by {@linkcode loadCloudConfig}.
 *
 * @param env the variables (default: the process's, each read only when
 *   looked up, so scoped `--allow-env=OS_AUTH_URL,…` works); `HOME` for
 *   `~/.config/openstack/clouds.yaml` is read from it too.
 * @throws {AuthSystemNotFound} an unknown `OS_AUTH_TYPE`.
 * @throws {AuthPluginOptionsMissing} naming the missing variables, e.g. `OS_PASSWORD`.
 * @throws {AuthorizationFailure} `OS_CLOUD` names no cloud of a readable clouds.yaml.
 * @throws {PermissionRequired} on Deno, a needed variable was not allowed:
 *   the message names the flag, e.g. `run with --allow-env=OS_PASSWORD`.
 *
 * @param env the variables to read (default: the process environment, asking only for the `OS_*` names it reads).
 * @returns the plugin `OS_AUTH_TYPE` names (default `password`).
 *
 * @example
 * ```ts
 * import { loadPluginFromEnv } from "@nimbus/apiclient/auth";
 * const auth = loadPluginFromEnv({
 *   OS_AUTH_URL: "http://127.0.0.1:5000/v3",
 *   OS_USERNAME: "demo",
 *   OS_PASSWORD: "s3cret",
 *   OS_USER_DOMAIN_NAME: "Default",
 *   OS_PROJECT_NAME: "demo",
 *   OS_PROJECT_DOMAIN_NAME: "Default",
 * });
 * console.assert(String(auth.authSystem) === "v3password");
 * ```
 */
export function loadPluginFromEnv(env?: Record<string, string | undefined>): AuthPlugin {
  return loadPluginFromCloudConfig(loadCloudConfig({ env }));
}

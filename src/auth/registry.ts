/**
 * The auth plugin registry (the seed's `discover_auth_systems` /
 * `load_plugin`), with keystoneauth's plugin names built in.
 *
 * @module
 */
import type { AuthPlugin } from "./auth_plugin.ts";
import { AuthPluginOptionsMissing, AuthSystemNotFound } from "../errors/client_exception.ts";
import {
  KeystonePasswordAuth,
  type KeystonePasswordAuthOptions,
} from "./keystone_password_auth.ts";
import { KeystoneTokenAuth, type KeystoneTokenAuthOptions } from "./keystone_token_auth.ts";
import {
  KeystoneApplicationCredentialAuth,
  type KeystoneApplicationCredentialAuthOptions,
} from "./keystone_application_credential_auth.ts";
import {
  KeystoneV2PasswordAuth,
  type KeystoneV2PasswordAuthOptions,
} from "./keystone_v2_password_auth.ts";
import { TokenEndpointAuth, type TokenEndpointAuthOptions } from "./token_endpoint_auth.ts";
import { requireOptions } from "./require_options.ts";

/**
 * Builds a plugin from options. Keys arrive in camelCase (`authUrl`);
 * {@linkcode loadPlugin} has already turned `auth_url` into `authUrl`.
 */
export type AuthPluginFactory = (opts: Record<string, unknown>) => AuthPlugin;

/** "auth_url" → "authUrl"; camelCase keys are kept. */
function camel(key: string): string {
  return key.replace(/[_-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Options with camelCase keys, values as strings (numbers and booleans
 * turned into strings, empty strings dropped), and keystoneauth's
 * `defaultDomainId`/`defaultDomainName` filling the user and project domain
 * when those are not given.
 */
export function normalizeAuthOptions(opts: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || value === null || value === "") continue;
    if (typeof value === "string") out[camel(key)] = value;
    else if (typeof value === "number" || typeof value === "boolean") {
      out[camel(key)] = String(value);
    }
  }
  const defaultId = out.defaultDomainId;
  const defaultName = out.defaultDomainName;
  for (const who of ["user", "project"] as const) {
    if (out[`${who}DomainId`] || out[`${who}DomainName`]) continue;
    if (defaultId) out[`${who}DomainId`] = defaultId;
    else if (defaultName) out[`${who}DomainName`] = defaultName;
  }
  return out;
}

function isV2(opts: Record<string, unknown>): boolean {
  const version = String(opts.identityApiVersion ?? "");
  return version.startsWith("2") || /\/v2\.0\/?$/.test(String(opts.authUrl ?? ""));
}

function v3Password(opts: Record<string, unknown>): AuthPlugin {
  // The seed's OS_TENANT_NAME still names the project for v3.
  const o = { projectName: opts.tenantName, projectId: opts.tenantId, ...opts };
  return new KeystonePasswordAuth(o as unknown as KeystonePasswordAuthOptions);
}

function v2Password(opts: Record<string, unknown>): AuthPlugin {
  const o = { tenantName: opts.projectName, tenantId: opts.projectId, ...opts };
  return new KeystoneV2PasswordAuth(o as unknown as KeystoneV2PasswordAuthOptions);
}

function v3Token(opts: Record<string, unknown>): AuthPlugin {
  const o = { projectName: opts.tenantName, projectId: opts.tenantId, ...opts };
  return new KeystoneTokenAuth(o as unknown as KeystoneTokenAuthOptions);
}

function v3ApplicationCredential(opts: Record<string, unknown>): AuthPlugin {
  return new KeystoneApplicationCredentialAuth(
    opts as unknown as KeystoneApplicationCredentialAuthOptions,
  );
}

function tokenEndpoint(opts: Record<string, unknown>): AuthPlugin {
  const o = { endpoint: opts.url, ...opts };
  requireOptions(o, ["token", "endpoint"]);
  return new TokenEndpointAuth(o as unknown as TokenEndpointAuthOptions);
}

const BUILTIN: ReadonlyArray<[string, AuthPluginFactory]> = [
  // keystoneauth's generic "password" picks v2.0 or v3 from the URL/version.
  ["password", (o) => isV2(o) ? v2Password(o) : v3Password(o)],
  ["v3password", v3Password],
  ["v2password", v2Password],
  ["token", v3Token],
  ["v3token", v3Token],
  ["v3applicationcredential", v3ApplicationCredential],
  ["applicationcredential", v3ApplicationCredential],
  ["token_endpoint", tokenEndpoint],
  ["admin_token", tokenEndpoint],
];

const registry = new Map<string, AuthPluginFactory>(BUILTIN);

/**
 * Registers (or replaces) an auth system under a name, for
 * {@linkcode loadPlugin} and `OS_AUTH_TYPE`.
 *
 * @param name the auth type (`OS_AUTH_TYPE`, clouds.yaml `auth_type`).
 * @param factory builds the plugin from its options.
 *
 * @example A plugin for a fixed token
 * ```ts
 * import { loadPlugin, registerAuthSystem } from "@nimbus/apiclient/auth";
 * registerAuthSystem("static", (opts) => ({
 *   authSystem: "static",
 *   authenticate: () => Promise.resolve(),
 *   tokenAndEndpoint: () => ({ token: String(opts.token), endpoint: "http://127.0.0.1:8774" }),
 *   invalidate: () => {},
 * }));
 * console.assert(String(loadPlugin("static", { token: "t" }).authSystem) === "static");
 * ```
 */
export function registerAuthSystem(name: string, factory: AuthPluginFactory): void {
  if (!name) throw new TypeError("registerAuthSystem: the name must not be empty");
  registry.set(name, factory);
}

/**
 * The registered auth system names, sorted (built-ins: password, v3password,
 * v2password, token, v3token, v3applicationcredential,
 * applicationcredential, token_endpoint, admin_token).
 *
 * @returns the registered auth types, sorted.
 *
 * @example
 * ```ts
 * import { discoverAuthSystems } from "@nimbus/apiclient/auth";
 * console.assert(discoverAuthSystems().includes("v3password"));
 * ```
 */
export function discoverAuthSystems(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Builds the plugin registered under `name`. Option keys may be camelCase
 * (`authUrl`) or snake_case (`auth_url`).
 *
 * @throws {AuthSystemNotFound} no plugin has that name.
 * @throws {AuthPluginOptionsMissing} naming every missing option.
 *
 * @param name a registered auth type.
 * @param opts the plugin's options (camelCase or snake_case).
 * @returns the plugin.
 *
 * @example
 * ```ts
 * import { loadPlugin } from "@nimbus/apiclient/auth";
 * const auth = loadPlugin("v3password", {
 *   auth_url: "http://127.0.0.1:5000/v3",
 *   username: "demo",
 *   user_domain_name: "Default",
 *   password: "s3cret",
 *   project_name: "demo",
 *   project_domain_name: "Default",
 * });
 * console.assert(String(auth.authSystem) === "v3password");
 * ```
 */
export function loadPlugin(name: string, opts: Record<string, unknown> = {}): AuthPlugin {
  const factory = registry.get(name);
  if (!factory) throw new AuthSystemNotFound(name);
  return factory(normalizeAuthOptions(opts));
}

/**
 * {@linkcode loadPlugin}, with missing option names renamed for the place the
 * options came from (e.g. "authUrl" → "OS_AUTH_URL").
 */
export function loadPluginRenamingMissing(
  name: string,
  opts: Record<string, unknown>,
  rename: (camelName: string) => string,
): AuthPlugin {
  try {
    return loadPlugin(name, opts);
  } catch (e) {
    if (!(e instanceof AuthPluginOptionsMissing)) throw e;
    const names = e.optNames.map((n) => n.split(" or ").map(rename).join(" or "));
    throw new AuthPluginOptionsMissing(names);
  }
}

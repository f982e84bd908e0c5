/**
 * How the shared login lifecycle drives an auth plugin for `HTTPClient`,
 * and the endpoint lookups a service client makes.
 *
 * @module
 */
import type { AuthPlugin, TokenAndEndpoint } from "../auth/auth_plugin.ts";
import { AuthorizationFailure, EndpointException } from "../errors/client_exception.ts";
import type { LoginDriver } from "../session/login_lifecycle.ts";
import type { HTTPClient } from "./http_client.ts";

/**
 * What a service lookup asks for.
 *
 * @example
 * ```ts
 * import type { EndpointFilter } from "./plugin_login.ts";
 * const filter: EndpointFilter = { endpointType: "public", serviceType: "compute" };
 * ```
 */
export interface EndpointFilter {
  /** The interface. */
  endpointType: string;
  /** The service type. */
  serviceType: string;
  /** The region. */
  regionName?: string;
}

/**
 * The plugin's answer for a service, or nothing when its catalog has no such
 * endpoint yet (`tolerateMissing`).
 *
 * @example
 * ```ts
 * import { lookupEndpoint } from "./plugin_login.ts";
 * import { TokenEndpointAuth } from "../auth/token_endpoint_auth.ts";
 * const plugin = new TokenEndpointAuth({ token: "t", endpoint: "http://127.0.0.1:1/v2.1" });
 * console.log(lookupEndpoint(plugin, { endpointType: "public", serviceType: "compute" }, true));
 * ```
 */
export function lookupEndpoint(
  plugin: AuthPlugin,
  filter: EndpointFilter,
  tolerateMissing: boolean,
): TokenAndEndpoint {
  try {
    return plugin.tokenAndEndpoint(filter.endpointType, filter.serviceType, filter.regionName);
  } catch (error) {
    if (tolerateMissing && error instanceof EndpointException) return {};
    throw error;
  }
}

/** The plugin's current token, when it can name one. */
function pluginToken(plugin: AuthPlugin): string | undefined {
  // A plugin that can save its state names its token there; asking the catalog could fail.
  if (plugin.saveState) return plugin.saveState()?.token;
  try {
    return plugin.tokenAndEndpoint("public", "identity").token;
  } catch {
    return undefined;
  }
}

/**
 * A {@linkcode LoginDriver} for one plugin of one `HTTPClient`.
 *
 * @example
 * ```ts
 * import { pluginDriver } from "./plugin_login.ts";
 * import { HTTPClient } from "./http_client.ts";
 * import { TokenEndpointAuth } from "../auth/token_endpoint_auth.ts";
 * const plugin = new TokenEndpointAuth({ token: "t", endpoint: "http://127.0.0.1:1/v2.1" });
 * const driver = pluginDriver(plugin, new HTTPClient(null));
 * console.assert(String(driver.token()) === "t");
 * ```
 */
export function pluginDriver(plugin: AuthPlugin, http: HTTPClient): LoginDriver {
  return {
    describe: plugin.authSystem,
    canLogin: true,
    login: () => plugin.authenticate(http),
    token: () => pluginToken(plugin),
    expiresAt: () => plugin.expiresAt?.(),
    invalidate: () => plugin.invalidate(),
    cacheScope: () => plugin.cacheScope?.(),
    saveState: () => {
      const saved = plugin.saveState?.();
      if (saved) return saved;
      const token = pluginToken(plugin);
      return token ? { token, expiresAt: plugin.expiresAt?.() } : undefined;
    },
    restoreState: (state) => {
      // Plugins that cannot restore state get the cached token sent as is.
      plugin.restoreState?.(state);
      return true;
    },
    invalidToken: (message) => new AuthorizationFailure(message),
  };
}

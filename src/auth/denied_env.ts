/**
 * Which environment variables a {@linkcode CloudConfig} could not read for
 * lack of permission, kept beside the config (not in it: the config is
 * public and serialisable) until the plugin is loaded and a missing option
 * shows whether one of them was needed.
 *
 * @module
 */
import type { CloudConfig } from "./cloud_config.ts";

const DENIED = new WeakMap<CloudConfig, ReadonlySet<string>>();

/**
 * Records the variables `config` was built without.
 *
 * @example
 * ```ts
 * import { CloudConfig } from "./cloud_config.ts";
 * import { deniedEnvOf, noteDeniedEnv } from "./denied_env.ts";
 * const config = new CloudConfig({ source: "env", authType: "password", auth: {} });
 * noteDeniedEnv(config, new Set(["OS_PASSWORD"]));
 * console.assert(deniedEnvOf(config).has("OS_PASSWORD"));
 * ```
 */
export function noteDeniedEnv(config: CloudConfig, names: ReadonlySet<string>): void {
  DENIED.set(config, new Set(names));
}

/**
 * The variables `config` was built without (empty when every one was readable).
 *
 * @example
 * ```ts
 * import { CloudConfig } from "./cloud_config.ts";
 * import { deniedEnvOf } from "./denied_env.ts";
 * const config = new CloudConfig({ source: "env", authType: "password", auth: {} });
 * console.assert(deniedEnvOf(config).size === 0); // nothing was denied
 * ```
 */
export function deniedEnvOf(config: CloudConfig): ReadonlySet<string> {
  return DENIED.get(config) ?? new Set();
}

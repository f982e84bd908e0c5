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
 * ```ts ignore
 * noteDeniedEnv(config, new Set(["OS_PASSWORD"]));
 * ```
 */
export function noteDeniedEnv(config: CloudConfig, names: ReadonlySet<string>): void {
  DENIED.set(config, new Set(names));
}

/**
 * The variables `config` was built without (empty when every one was readable).
 *
 * @example
 * ```ts ignore
 * if (deniedEnvOf(config).has("OS_PASSWORD")) console.log("run with --allow-env=OS_PASSWORD");
 * ```
 */
export function deniedEnvOf(config: CloudConfig): ReadonlySet<string> {
  return DENIED.get(config) ?? new Set();
}

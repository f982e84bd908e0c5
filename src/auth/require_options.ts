/**
 * The options check every plugin runs before it logs in (the seed's
 * `sufficient_options`).
 *
 * @module
 */
import { AuthPluginOptionsMissing } from "../errors/client_exception.ts";

/**
 * A required option: a name, or a list of alternatives of which one must be
 * given (e.g. `["username", "userId"]`).
 */
export type RequiredOption = string | readonly string[];

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * The required options that are missing (undefined, null or ""), each named
 * as it was asked for; alternatives read "username or userId".
 *
 * @example
 * ```ts
 * import { missingOptions } from "./require_options.ts";
 * console.log(missingOptions({ authUrl: "http://127.0.0.1:5000/v3" }, [
 *   "authUrl",
 *   ["username", "userId"],
 *   "password",
 * ])); // ["username or userId", "password"]
 * ```
 */
export function missingOptions(
  options: Readonly<Record<string, unknown>>,
  required: readonly RequiredOption[],
): string[] {
  const missing: string[] = [];
  for (const need of required) {
    const names = typeof need === "string" ? [need] : need;
    if (!names.some((name) => isGiven(options[name]))) missing.push(names.join(" or "));
  }
  return missing;
}

/**
 * Throws {@linkcode AuthPluginOptionsMissing} naming every missing option at
 * once, so a user fixes their configuration in one go.
 *
 * @example
 * ```ts
 * import { requireOptions } from "./require_options.ts";
 * import { AuthPluginOptionsMissing } from "@nimbus/apiclient";
 * try {
 *   requireOptions({ username: "demo" }, ["authUrl", "password"]);
 * } catch (e) {
 *   if (e instanceof AuthPluginOptionsMissing) console.log(e.optNames); // ["authUrl", "password"]
 * }
 * ```
 */
export function requireOptions(
  options: Readonly<Record<string, unknown>>,
  required: readonly RequiredOption[],
): void {
  const missing = missingOptions(options, required);
  if (missing.length > 0) throw new AuthPluginOptionsMissing(missing);
}

/**
 * The package version, one place for both user agents.
 *
 * @module
 */

/**
 * This package's version (as in `deno.json`), sent by both clients in their
 * `User-Agent: nimbus-apiclient/<version>`.
 *
 * @example
 * ```ts
 * import { HTTPClient, VERSION } from "@nimbus/apiclient";
 * console.assert(HTTPClient.userAgent === `nimbus-apiclient/${VERSION}`);
 * ```
 */
export const VERSION: string = "0.2.0";

/**
 * The record a token cache keeps for one scope.
 *
 * @module
 */

/**
 * A token and what is needed to use it again without a login.
 *
 * @example
 * ```ts
 * import type { CachedToken } from "@nimbus/apiclient";
 * const entry: CachedToken = { token: "gAAAA…", expiresAt: Date.now() + 3_600_000 };
 * ```
 */
export interface CachedToken {
  /** The token itself. */
  token: string;
  /** When it expires, epoch milliseconds. */
  expiresAt?: number;
  /** Anything else the plugin needs: catalog, user, project… */
  data?: unknown;
}

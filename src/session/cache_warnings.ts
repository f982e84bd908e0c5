/**
 * One warning per token cache and reason when the cache cannot help (no
 * secret, a store without permission, a runtime without Web Crypto): a
 * silent cache would log in on every run without anyone knowing why.
 *
 * @module
 */
import type { TokenCache } from "../token_cache/token_cache.ts";
import type { Logger } from "../types.ts";

const warned = new WeakMap<TokenCache, Set<string>>();

/**
 * Warns once per cache and reason at `warn` level (`debug` when the logger
 * has no `warn`). The message never holds a secret: it names the reason.
 *
 * @example
 * ```ts
 * import { warnCacheOnce } from "./cache_warnings.ts";
 * import { TokenCache } from "../token_cache/token_cache.ts";
 * const cache = new TokenCache();
 * warnCacheOnce(cache, console, "no secret", "TokenCache has no secret");
 * ```
 */
export function warnCacheOnce(
  cache: TokenCache,
  logger: Logger,
  reason: string,
  message: string,
): void {
  let reasons = warned.get(cache);
  if (!reasons) warned.set(cache, reasons = new Set());
  if (reasons.has(reason)) return;
  reasons.add(reason);
  (logger.warn ?? logger.debug).call(logger, message);
}

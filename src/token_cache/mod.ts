/**
 * Token caches sealed with Web Crypto.
 *
 * @module
 */
export * from "./cached_token.ts";
export * from "./token_cache.ts";

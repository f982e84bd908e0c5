/**
 * Token caches sealed with Web Crypto, and their stores.
 *
 * @module
 */
export * from "./cached_token.ts";
export * from "./token_cache.ts";
export * from "./token_store.ts";
export * from "./memory_token_store.ts";
export * from "./file_token_store.ts";
export * from "./kv_token_store.ts";
export * from "./redis_token_store.ts";
// The `logger` option's type, so this module documents on its own.
export type { Logger } from "../types.ts";

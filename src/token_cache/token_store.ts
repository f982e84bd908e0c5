/**
 * The storage interface under {@linkcode TokenCache}: opaque sealed bytes by key.
 *
 * @module
 */

/**
 * Where a {@linkcode TokenCache} keeps its sealed entries.
 *
 * A store only ever sees opaque keys (HMACs of the scope) and sealed bytes
 * (AES-GCM ciphertext), so it needs no protection of its own beyond
 * integrity of its file or database. `expiresAt` (epoch ms) lets a store drop
 * entries that can no longer be used; the cache checks expiry again itself.
 *
 * @example A store over a plain `Map`, the smallest useful adapter
 * ```ts
 * import type { TokenStore } from "@nimbus/apiclient";
 * const map = new Map<string, Uint8Array>();
 * const store: TokenStore = {
 *   get: (key) => Promise.resolve(map.get(key)),
 *   set: (key, value) => Promise.resolve(void map.set(key, value)),
 *   delete: (key) => Promise.resolve(void map.delete(key)),
 * };
 * await store.set("k", new Uint8Array([1, 2, 3]));
 * ```
 */
export interface TokenStore {
  /** The sealed bytes stored under `key`, or `undefined`. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Stores sealed bytes under `key`; `expiresAt` is epoch ms. */
  set(key: string, value: Uint8Array, expiresAt?: number): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Optional: takes the lock named `key` for at most `ttlMs` if no one holds
   * it, resolving to the function that releases it, or `undefined` when
   * another holder has it. Stores shared by several processes (Redis, a file)
   * offer it so that a fleet's workers take turns logging in: the first logs
   * in and writes the token, the others then find it in the cache.
   */
  lock?(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

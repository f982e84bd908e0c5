/**
 * A process-local {@linkcode TokenStore} backed by a `Map`.
 *
 * @module
 */
import type { TokenStore } from "./token_store.ts";

interface Entry {
  value: Uint8Array;
  expiresAt: number | undefined;
}

/**
 * Keeps sealed entries in memory for the life of the process.
 *
 * Expiry is checked when an entry is read or another is written, never with
 * timers, so nothing keeps the event loop alive or trips test sanitizers.
 * Values are copied in and out, so callers cannot change stored bytes.
 *
 * @example
 * ```ts
 * import { MemoryTokenStore, TokenCache } from "@nimbus/apiclient";
 * const cache = new TokenCache({ store: new MemoryTokenStore() });
 * await cache.set({ user: "alice" }, { token: "t", expiresAt: Date.now() + 3_600_000 });
 * console.assert((await cache.get({ user: "alice" }))?.expiresAt !== undefined);
 * ```
 */
export class MemoryTokenStore implements TokenStore {
  #entries: Map<string, Entry> = new Map();

  /**
   * The sealed bytes under `key`, unless missing or past their expiry.
   *
   * @param key the entry's key (from `TokenCache`).
   * @returns the sealed bytes, or `undefined` when missing or expired.
   */
  get(key: string): Promise<Uint8Array | undefined> {
    const entry = this.#entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.value.slice());
  }

  /**
   * Stores a copy of `value`; also drops entries that have expired.
   *
   * @param key the entry's key.
   * @param value the sealed bytes.
   * @param expiresAt epoch ms after which the entry may be dropped; default never.
   * @returns a promise that resolves at once, the entry stored.
   */
  set(key: string, value: Uint8Array, expiresAt?: number): Promise<void> {
    const now = Date.now();
    for (const [k, e] of this.#entries) {
      if (e.expiresAt !== undefined && e.expiresAt <= now) this.#entries.delete(k);
    }
    this.#entries.set(key, { value: value.slice(), expiresAt });
    return Promise.resolve();
  }

  /**
   * Removes `key`.
   *
   * @param key the entry's key.
   * @returns a promise that resolves at once, whether or not the key was there.
   */
  delete(key: string): Promise<void> {
    this.#entries.delete(key);
    return Promise.resolve();
  }

  /**
   * Shows the number of entries only.
   *
   * @returns `MemoryTokenStore { entries: <n> }` (expired entries not yet dropped count too).
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `MemoryTokenStore { entries: ${this.#entries.size} }`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `MemoryTokenStore { entries: <n> }`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `MemoryTokenStore { entries: ${this.#entries.size} }`;
  }
}

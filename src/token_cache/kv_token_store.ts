/**
 * A {@linkcode TokenStore} over Deno KV, for Deno Deploy and local scripts.
 *
 * @module
 */
import type { TokenStore } from "./token_store.ts";

/**
 * The part of Deno KV the store uses, typed structurally so the store
 * compiles and runs where there is no `Deno.Kv` type (Node, Bun): a
 * `Deno.Kv` fits it, and so does any object with these three methods
 * (another KV client, an in-memory map for tests).
 *
 * @example An in-memory KV for tests
 * ```ts
 * import type { KvLike } from "@nimbus/apiclient";
 * const data = new Map<string, unknown>();
 * const kv: KvLike = {
 *   get: (key) => Promise.resolve({ value: data.get(JSON.stringify(key)) ?? null }),
 *   set: (key, value) => Promise.resolve(void data.set(JSON.stringify(key), value)),
 *   delete: (key) => Promise.resolve(void data.delete(JSON.stringify(key))),
 * };
 * ```
 */
export interface KvLike {
  /** The value under `key`, `null` when there is none. */
  get(key: readonly KvKeyPart[]): Promise<{ value: unknown }>;
  /** Stores `value` under `key`; `expireIn` (ms) is a hint to delete it later. */
  set(key: readonly KvKeyPart[], value: unknown, options?: { expireIn?: number }): Promise<unknown>;
  /** Removes `key`. */
  delete(key: readonly KvKeyPart[]): Promise<unknown>;
}

/** One part of a KV key, as in Deno KV. */
export type KvKeyPart = Uint8Array | string | number | bigint | boolean | symbol;

interface KvEntry {
  value: Uint8Array;
  expiresAt: number | null;
}

function isKvEntry(v: unknown): v is KvEntry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return e.value instanceof Uint8Array &&
    (e.expiresAt === null || typeof e.expiresAt === "number");
}

/**
 * Keeps sealed entries in a `Deno.Kv` under `[...prefix, key]`.
 *
 * Each value records its own `expiresAt`, checked on every read: KV's
 * `expireIn` deletes lazily (an expired key can stay readable for a while),
 * so it is only passed along as a hint to reclaim space.
 *
 * @example On Deno Deploy, or locally with `--unstable-kv`
 * ```ts
 * import { KvTokenStore, TokenCache } from "@nimbus/apiclient";
 * const kv = await Deno.openKv(":memory:"); // on Deploy: Deno.openKv()
 * const cache = new TokenCache({
 *   store: new KvTokenStore(kv),
 *   secret: Deno.env.get("TOKEN_CACHE_SECRET"), // set it: without it, a random key per process
 * });
 * await cache.set({ user: "alice" }, { token: "t", expiresAt: Date.now() + 3_600_000 });
 * console.assert((await cache.get({ user: "alice" }))?.token === "t");
 * await cache.delete({ user: "alice" });
 * console.assert((await cache.get({ user: "alice" })) === undefined);
 * kv.close();
 * ```
 */
export class KvTokenStore implements TokenStore {
  #kv: KvLike;
  #prefix: KvKeyPart[];

  /**
   * Uses `kv` (a `Deno.Kv` or any {@linkcode KvLike}; the caller closes it) and keys under `prefix`.
   *
   * @param kv a `Deno.Kv` (or anything of that shape).
   * @param prefix the key prefix of the entries; default `["nimbus", "tokens"]`.
   */
  constructor(kv: KvLike, prefix: string[] = ["nimbus", "tokens"]) {
    this.#kv = kv;
    this.#prefix = [...prefix];
  }

  /**
   * The sealed bytes under `key`, unless missing or past their expiry.
   *
   * @param key the entry's key (from `TokenCache`).
   * @returns the sealed bytes, or `undefined` when missing or expired.
   */
  async get(key: string): Promise<Uint8Array | undefined> {
    const res = await this.#kv.get([...this.#prefix, key]);
    if (!isKvEntry(res.value)) return undefined;
    const { value, expiresAt } = res.value;
    if (expiresAt !== null && expiresAt <= Date.now()) return undefined;
    return value;
  }

  /**
   * Stores `value` with its expiry; KV's `expireIn` is set as a hint.
   *
   * @param key the entry's key.
   * @param value the sealed bytes.
   * @param expiresAt epoch ms after which the entry may be dropped; default never.
   * @returns a promise that resolves once KV has stored the entry; KV errors are passed on.
   */
  async set(key: string, value: Uint8Array, expiresAt?: number): Promise<void> {
    const entry: KvEntry = { value, expiresAt: expiresAt ?? null };
    const options = expiresAt === undefined
      ? undefined
      : { expireIn: Math.max(1, Math.ceil(expiresAt - Date.now())) };
    await this.#kv.set([...this.#prefix, key], entry, options);
  }

  /**
   * Removes `key`.
   *
   * @param key the entry's key.
   * @returns a promise that resolves once KV has removed it (a missing key is no error).
   */
  async delete(key: string): Promise<void> {
    await this.#kv.delete([...this.#prefix, key]);
  }

  /**
   * Shows the prefix only.
   *
   * @returns `KvTokenStore { prefix: [...] }`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `KvTokenStore { prefix: ${JSON.stringify(this.#prefix)} }`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `KvTokenStore { prefix: [...] }`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `KvTokenStore { prefix: ${JSON.stringify(this.#prefix)} }`;
  }
}

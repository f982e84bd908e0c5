/**
 * {@linkcode TokenCache}: tokens sealed with Web Crypto over any
 * {@linkcode TokenStore}.
 *
 * @module
 */
import { ValidationError } from "../errors/client_exception.ts";
import type { Logger } from "../types.ts";
import type { CachedToken } from "./cached_token.ts";
import { MemoryTokenStore } from "./memory_token_store.ts";
import type { TokenStore } from "./token_store.ts";
import { encodeBase64Url } from "../_runtime/base64.ts";

/** Format of the sealed bytes: version, 96-bit IV, AES-GCM ciphertext + 128-bit tag. */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DEFAULT_REFRESH_MARGIN_MS = 120_000;
/** A login lock outlives a crashed holder by at most this long. */
const LOGIN_LOCK_TTL_MS = 30_000;
/** How long a process waits for another one's login before logging in itself. */
const LOGIN_LOCK_WAIT_MS = 15_000;
/** Upper bound on lock attempts, whatever the clock does. */
const LOGIN_LOCK_MAX_ATTEMPTS = 1_000;
/** Scopes whose store keys are remembered; more are rare (one per user and project). */
const KEY_MEMO_LIMIT = 256;

const utf8 = new TextEncoder();
// Fixed salt and distinct labels: the two keys are independent, and a secret
// reused elsewhere derives different keys here.
const HKDF_SALT = utf8.encode("nimbus-apiclient/token-cache/v1");
const HMAC_INFO = utf8.encode("scope key: HMAC-SHA-256");
const AES_INFO = utf8.encode("sealing key: AES-256-GCM");

interface Keys {
  hmac: CryptoKey;
  aes: CryptoKey;
}

/** Options of {@linkcode TokenCache}. */
export interface TokenCacheOptions {
  /** Where sealed entries live; default a new {@linkcode MemoryTokenStore}. */
  store?: TokenStore;
  /**
   * HKDF key material: a string (its UTF-8 bytes) or an HKDF `CryptoKey`
   * usable for `deriveKey`. Without it, a random key made once per process is
   * used, so entries do not outlive the process.
   */
  secret?: string | CryptoKey;
  /**
   * A token expiring within this many ms counts as a miss, so it is not
   * reused just before it dies. Default 120 000 (keystoneauth's minimum
   * token life).
   */
  refreshMarginMs?: number;
  /** Gets one debug line per miss with its reason; never the token. */
  logger?: Logger;
}

let processMaterial: Promise<CryptoKey> | undefined;

/** One random HKDF key per process, made on first use. */
function randomProcessMaterial(): Promise<CryptoKey> {
  processMaterial ??= crypto.subtle.importKey(
    "raw",
    crypto.getRandomValues(new Uint8Array(32)),
    "HKDF",
    false,
    ["deriveKey", "deriveBits"],
  );
  return processMaterial;
}

async function deriveKeys(material: CryptoKey): Promise<Keys> {
  const hkdf = (info: Uint8Array<ArrayBuffer>): HkdfParams => ({
    name: "HKDF",
    hash: "SHA-256",
    salt: HKDF_SALT,
    info,
  });
  const [hmac, aes] = await Promise.all([
    crypto.subtle.deriveKey(
      hkdf(HMAC_INFO),
      material,
      { name: "HMAC", hash: "SHA-256", length: 256 },
      false,
      ["sign"],
    ),
    crypto.subtle.deriveKey(
      hkdf(AES_INFO),
      material,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt", "decrypt"],
    ),
  ]);
  return { hmac, aes };
}

/** JSON of the `[key, value]` pairs sorted by key, undefined values dropped. */
function canonicalScope(scope: Record<string, string>): string {
  const pairs = Object.entries(scope)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(pairs);
}

function additionalData(key: string): Uint8Array<ArrayBuffer> {
  const keyBytes = utf8.encode(key);
  const ad = new Uint8Array(1 + keyBytes.length);
  ad[0] = VERSION;
  ad.set(keyBytes, 1);
  return ad;
}

function isCachedToken(v: unknown): v is CachedToken {
  if (typeof v !== "object" || v === null) return false;
  const t = v as Record<string, unknown>;
  return typeof t.token === "string" &&
    (t.expiresAt === undefined ||
      (typeof t.expiresAt === "number" && Number.isFinite(t.expiresAt)));
}

function errorName(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * Caches tokens under their scope, sealed so the store never holds them in
 * clear.
 *
 * A scope (auth URL, user, domain, project, plugin kind: never a password)
 * becomes a store key with HMAC-SHA-256 over its canonical JSON, base64url.
 * The value is the JSON of the {@linkcode CachedToken} sealed with AES-256-GCM:
 * a version byte, a fresh 96-bit IV and the ciphertext, with the version and
 * key as additional data, so bytes copied under another key do not open. Both
 * keys are derived from `secret` with HKDF-SHA-256.
 *
 * `get` never throws on what it reads: a missing, expired, soon-expiring,
 * unknown-version, tampered or foreign entry, or a failing store, is a miss,
 * logged at debug through `logger`. `set` and `delete` report store errors.
 *
 * @example Reuse tokens across runs with a file and a secret
 * ```ts
 * import { FileTokenStore, TokenCache } from "@nimbus/apiclient";
 * const path = await Deno.makeTempFile();
 * const cache = new TokenCache({
 *   store: new FileTokenStore(path),
 *   secret: "from a secret manager, not the source",
 * });
 * const scope = { authUrl: "http://127.0.0.1:5000/v3", username: "alice", project: "demo" };
 * await cache.set(scope, { token: "gAAAA…", expiresAt: Date.now() + 3_600_000 });
 * console.log((await cache.get(scope))?.token); // gAAAA…
 * await cache.delete(scope);
 * await Deno.remove(path);
 * ```
 */
export class TokenCache {
  #store: TokenStore;
  #marginMs: number;
  #logger: Logger | undefined;
  #material: Uint8Array<ArrayBuffer> | CryptoKey | undefined;
  #keys: Promise<Keys> | undefined;
  #persistent: boolean;
  #setupProblem: string | undefined;
  #problem: string | undefined;
  /** Scope (canonical JSON) → store key; scopes carry no secret, only their salted hash. */
  #keyMemo: Map<string, string> = new Map();

  /**
   * Checks the options; keys are derived on first use.
   *
   * @param options the store (default in memory), the secret (default a random per-process key), the refresh margin (default 120 000 ms) and a debug logger; default all of these.
   * @throws {ValidationError} for an empty secret, a `CryptoKey` that is not
   * HKDF with `deriveKey`, or a refresh margin that is not a finite number ≥ 0.
   */
  constructor(options: TokenCacheOptions = {}) {
    const { store, secret, refreshMarginMs, logger } = options;
    if (
      refreshMarginMs !== undefined && !(Number.isFinite(refreshMarginMs) && refreshMarginMs >= 0)
    ) {
      throw new ValidationError(
        `refreshMarginMs must be a finite number >= 0, got ${String(refreshMarginMs)}`,
      );
    }
    if (typeof secret === "string") {
      if (secret.length === 0) throw new ValidationError("TokenCache secret must not be empty");
      this.#material = utf8.encode(secret);
    } else if (secret !== undefined) {
      if (
        !(secret instanceof CryptoKey) || secret.algorithm.name !== "HKDF" ||
        !secret.usages.includes("deriveKey")
      ) {
        throw new ValidationError(
          'TokenCache secret must be a string or an HKDF CryptoKey with the "deriveKey" usage',
        );
      }
      this.#material = secret;
    }
    this.#persistent = secret !== undefined;
    this.#store = store ?? new MemoryTokenStore();
    if (!this.#persistent && !(this.#store instanceof MemoryTokenStore)) {
      this.#setupProblem = "TokenCache has no 'secret': its random per-process key cannot " +
        "survive the process, so no later run can open the entries (give 32 random bytes, e.g. " +
        "`openssl rand -base64 32`, or an HKDF CryptoKey)";
    }
    this.#marginMs = refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.#logger = logger;
  }

  /**
   * Whether entries can outlive the process: false without a `secret`, as
   * the random per-process key is gone when the process ends.
   */
  get persistent(): boolean {
    return this.#persistent;
  }

  /**
   * Why the cache cannot work right now, if it cannot: no `secret` for a
   * store that outlives the process, the runtime has no Web Crypto, or the
   * store failed (e.g. no permission on the file). Clients
   * warn once with it; it never holds a secret.
   */
  get problem(): string | undefined {
    return this.#problem ?? this.#setupProblem;
  }

  /**
   * The token for `scope`, or `undefined` on any kind of miss (see the class).
   *
   * @param scope what identifies the token (auth URL, user, project...).
   * @returns the token, or `undefined` when missing, expired, expiring within the margin, or tampered with.
   */
  async get(scope: Record<string, string>): Promise<CachedToken | undefined> {
    let key: string;
    try {
      key = await this.#keyFor(scope);
    } catch (e) {
      this.#problem = typeof crypto?.subtle?.deriveKey === "function"
        ? `key derivation failed (${errorName(e)})`
        : "this runtime has no Web Crypto (crypto.subtle)";
      this.#miss("(no key)", this.#problem);
      return undefined;
    }
    let sealed: Uint8Array | undefined;
    try {
      sealed = await this.#store.get(key);
      this.#problem = undefined;
    } catch (e) {
      this.#problem = `the store failed to read (${errorName(e)})`;
      this.#miss(key, this.#problem);
      return undefined;
    }
    if (sealed === undefined) return this.#miss(key, "no entry");
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES) return this.#miss(key, "entry too short");
    if (sealed[0] !== VERSION) return this.#miss(key, `unknown entry version ${sealed[0]}`);
    let plain: ArrayBuffer;
    try {
      const { aes } = await this.#keysReady();
      plain = await crypto.subtle.decrypt(
        {
          name: "AES-GCM",
          iv: sealed.slice(1, 1 + IV_BYTES),
          additionalData: additionalData(key),
          tagLength: TAG_BYTES * 8,
        },
        aes,
        sealed.slice(1 + IV_BYTES),
      );
    } catch {
      return this.#miss(key, "entry does not open (tampered, moved, or another secret)");
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(plain));
    } catch {
      return this.#miss(key, "entry is not JSON");
    }
    if (!isCachedToken(value)) return this.#miss(key, "entry is not a CachedToken");
    if (value.expiresAt !== undefined) {
      const left = value.expiresAt - Date.now();
      if (left <= 0) return this.#miss(key, "token expired");
      if (left <= this.#marginMs) {
        return this.#miss(key, `token expires within the refresh margin (${this.#marginMs} ms)`);
      }
    }
    const out: CachedToken = { token: value.token };
    if (value.expiresAt !== undefined) out.expiresAt = value.expiresAt;
    if (value.data !== undefined) out.data = value.data;
    return out;
  }

  /**
   * Seals `token` and stores it for `scope`, replacing any entry.
   *
   * @param scope what identifies the token.
   * @param token the token, its expiry and data to seal and store.
   * @returns a promise that resolves once the store has the sealed entry.
   * @throws {ValidationError} for an empty token, an expiry that is not a
   * finite number, or `data` that cannot be JSON; store errors are passed on.
   */
  async set(scope: Record<string, string>, token: CachedToken): Promise<void> {
    if (typeof token?.token !== "string" || token.token.length === 0) {
      throw new ValidationError("CachedToken.token must be a non-empty string");
    }
    if (
      token.expiresAt !== undefined &&
      !(typeof token.expiresAt === "number" && Number.isFinite(token.expiresAt))
    ) {
      throw new ValidationError("CachedToken.expiresAt must be a finite number of epoch ms");
    }
    let json: string;
    try {
      json = JSON.stringify({ token: token.token, expiresAt: token.expiresAt, data: token.data });
    } catch (e) {
      throw new ValidationError("CachedToken.data cannot be serialised as JSON", { cause: e });
    }
    const key = await this.#keyFor(scope);
    const { aes } = await this.#keysReady();
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ciphertext = await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: additionalData(key), tagLength: TAG_BYTES * 8 },
      aes,
      utf8.encode(json),
    );
    const sealed = new Uint8Array(1 + IV_BYTES + ciphertext.byteLength);
    sealed[0] = VERSION;
    sealed.set(iv, 1);
    sealed.set(new Uint8Array(ciphertext), 1 + IV_BYTES);
    await this.#store.set(key, sealed, token.expiresAt);
  }

  /**
   * Removes the entry for `scope`, if any.
   *
   * @param scope what identifies the token.
   * @returns a promise that resolves once the store has removed it; store errors are passed on.
   */
  async delete(scope: Record<string, string>): Promise<void> {
    await this.#store.delete(await this.#keyFor(scope));
  }

  /**
   * Takes the cross-process login lock for `scope`, when the store offers
   * one ({@linkcode TokenStore.lock}: `RedisTokenStore`, `FileTokenStore`),
   * waiting while another process holds it, at most `waitMs`. Resolves to
   * the function that releases it, or to `undefined` when there is no lock
   * to hold: the store has none, it failed, or the wait ran out (then the
   * caller logs in anyway: a slow store never blocks a login for long). The
   * lock's name is derived from the scope's key, so it names no user.
   *
   * @param scope what identifies the token whose login is locked.
   * @param options `ttlMs`: how long the lock outlives a crashed holder
   * (default 30 000); `waitMs`: how long to wait for another holder (default
   * 15 000); `signal`: stops the wait early. Default all three.
   * @returns the release function, or `undefined` when no lock is held. Never rejects.
   */
  async lock(
    scope: Record<string, string>,
    options: { ttlMs?: number; waitMs?: number; signal?: AbortSignal } = {},
  ): Promise<(() => Promise<void>) | undefined> {
    const store = this.#store;
    if (typeof store.lock !== "function") return undefined;
    const ttlMs = options.ttlMs ?? LOGIN_LOCK_TTL_MS;
    const waitMs = options.waitMs ?? LOGIN_LOCK_WAIT_MS;
    let name: string;
    try {
      name = `login:${await this.#keyFor(scope)}`;
    } catch {
      return undefined;
    }
    const deadline = Date.now() + waitMs;
    for (let attempt = 1; attempt <= LOGIN_LOCK_MAX_ATTEMPTS; attempt++) {
      let release: (() => Promise<void>) | undefined;
      try {
        release = await store.lock(name, ttlMs);
      } catch (e) {
        this.#logger?.debug(`Token cache login lock unavailable: ${errorName(e)}`);
        return undefined;
      }
      if (release) {
        return async () => {
          try {
            await release();
          } catch {
            // The lock expires by itself.
          }
        };
      }
      const left = deadline - Date.now();
      if (left <= 0 || options.signal?.aborted) return undefined;
      // Another process is logging in: poll with jitter until it is done.
      await new Promise((r) => setTimeout(r, Math.min(left, 20 + Math.random() * 40)));
    }
    return undefined;
  }

  /**
   * Shows the store and margin; key material is never shown.
   *
   * @param inspect Deno's inspect function, used for the store.
   * @param options Deno's inspect options, passed on.
   * @returns `TokenCache { store: …, refreshMarginMs: … }`.
   */
  [Symbol.for("Deno.customInspect")](
    inspect: (value: unknown, options?: unknown) => string,
    options: unknown,
  ): string {
    return `TokenCache { store: ${
      inspect(this.#store, options)
    }, refreshMarginMs: ${this.#marginMs} }`;
  }

  /**
   * Node's and Bun's `util.inspect`: the same.
   *
   * @param _depth the depth left (unused).
   * @param options the inspect options, passed on.
   * @param inspect `util.inspect`, used for the store; default none: the store's class name.
   * @returns `TokenCache { store: …, refreshMarginMs: … }`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options?: unknown) => string,
  ): string {
    const store = inspect ? inspect(this.#store, options) : this.#store.constructor.name;
    return `TokenCache { store: ${store}, refreshMarginMs: ${this.#marginMs} }`;
  }

  #miss(key: string, reason: string): undefined {
    this.#logger?.debug(`Token cache miss for key ${key.slice(0, 12)}: ${reason}`);
    return undefined;
  }

  async #keyFor(scope: Record<string, string>): Promise<string> {
    const canonical = canonicalScope(scope);
    // A hit is on every request's path: the HMAC of a scope is computed once.
    const known = this.#keyMemo.get(canonical);
    if (known !== undefined) return known;
    const { hmac } = await this.#keysReady();
    const mac = await crypto.subtle.sign("HMAC", hmac, utf8.encode(canonical));
    const key = encodeBase64Url(new Uint8Array(mac));
    if (this.#keyMemo.size >= KEY_MEMO_LIMIT) this.#keyMemo.clear();
    this.#keyMemo.set(canonical, key);
    return key;
  }

  #keysReady(): Promise<Keys> {
    if (this.#keys === undefined) {
      const material = this.#material;
      this.#material = undefined; // the key object holds it from now on
      this.#keys = (async () => {
        let key: CryptoKey;
        if (material === undefined) key = await randomProcessMaterial();
        else if (material instanceof Uint8Array) {
          key = await crypto.subtle.importKey("raw", material, "HKDF", false, [
            "deriveKey",
            "deriveBits",
          ]);
          material.fill(0);
        } else key = material;
        return await deriveKeys(key);
      })();
    }
    return this.#keys;
  }
}

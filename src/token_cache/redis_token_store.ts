/**
 * A {@linkcode TokenStore} over Redis or Valkey, for fleets of workers on
 * several machines that should share one login.
 *
 * @module
 */
import { ConnectionError, TimeoutError } from "../errors/sdk_error.ts";
import { ValidationError } from "../errors/client_exception.ts";
import type { TokenStore } from "./token_store.ts";

/** Options of {@linkcode RedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** `redis://[[user]:password@]host[:port][/db]` or `rediss://…`; default `redis://127.0.0.1:6379`. */
  url?: string;
  /** Prepended to every key; default `"nimbus:token:"`. */
  prefix?: string;
  /**
   * Bound in ms on connecting and on each command (default 1000). A store
   * that is down or slow fails fast, so the token cache can skip it and the
   * request goes on with a login.
   */
  timeout?: number;
}

// The parts of node-redis this store uses; typed here so the module graph
// stays free of the client until the first command (it is imported lazily).
interface RedisClient {
  connect(): Promise<unknown>;
  get(key: string): Promise<Uint8Array | null>;
  set(key: string, value: Uint8Array, options?: Record<string, unknown>): Promise<unknown>;
  del(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  close?(): Promise<unknown>;
  quit?(): Promise<unknown>;
  destroy(): void;
  on(event: "error", listener: (error: unknown) => void): unknown;
}

// Deletes the lock only if it still holds this owner's token: a lock that
// expired and was taken by another process is not released by mistake.
const RELEASE_SCRIPT =
  'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end';

const DEFAULT_URL = "redis://127.0.0.1:6379";
const DEFAULT_PREFIX = "nimbus:token:";
const DEFAULT_TIMEOUT_MS = 1_000;

/** The URL without its password, for messages and inspect output. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href;
  } catch {
    return "(invalid URL)";
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Keeps sealed entries in Redis (or Valkey) under `prefix + key`, each with
 * a TTL taken from the entry's expiry, so the server drops dead tokens itself.
 * The values are the sealed bytes of {@linkcode TokenCache}: Redis never
 * sees a token in the clear, and its keys are HMACs of the scope.
 *
 * The client (the `redis` npm package) is loaded and connected on first
 * use. Every call is bounded by `timeout`; when the server is down or slow,
 * calls reject with {@linkcode ConnectionError} / {@linkcode TimeoutError},
 * which the token cache treats as a miss, and the next call tries to
 * connect again.
 *
 * It also offers {@linkcode RedisTokenStore.lock}, so the workers of a fleet
 * take turns logging in: the first logs in and writes the token, the others
 * find it in the cache.
 *
 * @example Share tokens between the workers of a fleet
 * ```ts ignore
 * import { HTTPClient, RedisTokenStore, TokenCache } from "@nimbus/apiclient";
 * import { loadPluginFromEnv } from "@nimbus/apiclient/auth";
 *
 * await using store = new RedisTokenStore({ url: "redis://127.0.0.1:6379" });
 * const tokenCache = new TokenCache({ store, secret: Deno.env.get("TOKEN_CACHE_SECRET") });
 * await using http = new HTTPClient(loadPluginFromEnv(), { tokenCache });
 * await http.authenticate();
 * ```
 */
export class RedisTokenStore implements TokenStore, AsyncDisposable {
  readonly #url: string;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  #client: Promise<RedisClient> | undefined;
  #closed = false;

  /**
   * Connects lazily, on the first call.
   *
   * @param options the server URL (default `redis://127.0.0.1:6379`), the key prefix (default `nimbus:token:`) and the timeout per call (default 1000 ms); default all three.
   * @throws {ValidationError} for a URL that does not parse or is not
   * `redis://` / `rediss://`, or a timeout that is not a positive number.
   */
  constructor(options: RedisTokenStoreOptions = {}) {
    const url = options.url ?? DEFAULT_URL;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ValidationError(`RedisTokenStore: invalid url ${displayUrl(url)}`);
    }
    if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
      throw new ValidationError(
        `RedisTokenStore: url must be redis:// or rediss://, got ${parsed.protocol}`,
      );
    }
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new ValidationError("RedisTokenStore: timeout must be a positive number of ms");
    }
    this.#url = url;
    this.#prefix = options.prefix ?? DEFAULT_PREFIX;
    this.#timeoutMs = timeout;
  }

  /**
   * The sealed bytes under `key`, or `undefined`.
   *
   * @param key the entry's key (from `TokenCache`).
   * @returns the sealed bytes, or `undefined` when missing or expired.
   * @throws {ConnectionError} when the store is closed, or the server is down or fails the command.
   * @throws {TimeoutError} when connecting or the command takes longer than `timeout`.
   */
  async get(key: string): Promise<Uint8Array | undefined> {
    const value = await this.#run("GET", (c) => c.get(this.#prefix + key));
    // node-redis hands out Buffers (views of a pooled allocation): copy.
    return value === null ? undefined : new Uint8Array(value);
  }

  /**
   * Stores `value`; its TTL ends at `expiresAt` (epoch ms).
   *
   * @param key the entry's key.
   * @param value the sealed bytes.
   * @param expiresAt epoch ms after which the entry may be dropped; default
   * never. An expiry already past deletes the key instead.
   * @returns a promise that resolves once the server has stored the entry.
   * @throws {ConnectionError} as for `get`.
   * @throws {TimeoutError} as for `get`.
   */
  async set(key: string, value: Uint8Array, expiresAt?: number): Promise<void> {
    if (expiresAt !== undefined && expiresAt <= Date.now()) {
      await this.delete(key);
      return;
    }
    const { Buffer } = await import("node:buffer");
    const options = expiresAt === undefined
      ? undefined
      : { expiration: { type: "PX", value: Math.ceil(expiresAt - Date.now()) } };
    await this.#run("SET", (c) => c.set(this.#prefix + key, Buffer.from(value), options));
  }

  /**
   * Removes `key`.
   *
   * @param key the entry's key.
   * @returns a promise that resolves once the server has removed it (a missing key is no error).
   * @throws {ConnectionError} as for `get`.
   * @throws {TimeoutError} as for `get`.
   */
  async delete(key: string): Promise<void> {
    await this.#run("DEL", (c) => c.del(this.#prefix + key));
  }

  /**
   * Takes the lock named `key` for at most `ttlMs`, if no one holds it.
   * Resolves to the function that releases it, or `undefined` when another
   * holder has it. The lock expires by itself, so a crashed holder never
   * blocks the fleet for longer than `ttlMs`.
   *
   * @param key the lock's name, stored as `<prefix>lock:<key>`.
   * @param ttlMs how long the lock lives at most, ms (at least 1).
   * @returns the release function (it deletes the lock only while it is still
   * this holder's), or `undefined` when another holder has it.
   * @throws {ConnectionError} as for `get`.
   * @throws {TimeoutError} as for `get`.
   */
  async lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const name = `${this.#prefix}lock:${key}`;
    const owner = randomToken();
    const { Buffer } = await import("node:buffer");
    const ok = await this.#run("SET NX", (c) =>
      c.set(name, Buffer.from(owner), {
        condition: "NX",
        expiration: { type: "PX", value: Math.max(1, Math.ceil(ttlMs)) },
      }));
    if (ok === null) return undefined;
    return async () => {
      await this.#run("EVAL", (c) => c.eval(RELEASE_SCRIPT, { keys: [name], arguments: [owner] }));
    };
  }

  /**
   * Closes the connection; later calls reject with `ConnectionError`.
   *
   * @returns a promise that resolves once the connection is closed (or
   * destroyed, when QUIT fails or takes longer than `timeout`). Never rejects.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const pending = this.#client;
    this.#client = undefined;
    if (pending === undefined) return;
    let client: RedisClient;
    try {
      client = await pending;
    } catch {
      return; // never connected: nothing to close
    }
    try {
      await this.#bounded("QUIT", client.close?.() ?? client.quit?.() ?? Promise.resolve());
    } catch {
      client.destroy();
    }
  }

  /**
   * Same as {@linkcode RedisTokenStore.close}, for `await using`.
   *
   * @returns a promise that resolves once the connection is closed.
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Shows the URL without its password, and the prefix.
   *
   * @returns `RedisTokenStore { url: "…", prefix: "…" }`, the password as `***`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.#describe();
  }

  /**
   * Node's and Bun's inspect: the same as Deno's.
   *
   * @returns `RedisTokenStore { url: "…", prefix: "…" }`, the password as `***`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#describe();
  }

  /**
   * JSON shows the URL without its password, and the prefix.
   *
   * @returns the URL, its password as `***`, and the key prefix.
   */
  toJSON(): { url: string; prefix: string } {
    return { url: displayUrl(this.#url), prefix: this.#prefix };
  }

  #describe(): string {
    return `RedisTokenStore { url: ${JSON.stringify(displayUrl(this.#url))}, prefix: ${
      JSON.stringify(this.#prefix)
    } }`;
  }

  async #run<T>(command: string, fn: (client: RedisClient) => Promise<T>): Promise<T> {
    if (this.#closed) {
      throw new ConnectionError(`RedisTokenStore is closed: ${command} not sent`);
    }
    const client = await this.#connected();
    try {
      return await this.#bounded(command, fn(client));
    } catch (error) {
      // A timed-out or broken connection is dropped; the next call reconnects.
      this.#drop(client);
      throw error;
    }
  }

  #connected(): Promise<RedisClient> {
    if (this.#client === undefined) {
      const pending = this.#connect();
      this.#client = pending;
      pending.catch(() => {
        if (this.#client === pending) this.#client = undefined;
      });
    }
    return this.#client;
  }

  async #connect(): Promise<RedisClient> {
    const { Buffer } = await import("node:buffer");
    const { createClient, RESP_TYPES } = await import("redis");
    const client = createClient({
      url: this.#url,
      // One attempt per call: a down store must not queue requests behind reconnects.
      socket: { connectTimeout: this.#timeoutMs, reconnectStrategy: false },
      disableOfflineQueue: true,
    }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }) as unknown as RedisClient;
    // node-redis emits "error" for socket failures; unhandled, it would end the process.
    client.on("error", () => {});
    try {
      await this.#bounded("CONNECT", client.connect());
    } catch (error) {
      client.destroy();
      throw error;
    }
    return client;
  }

  #drop(client: RedisClient): void {
    if (this.#client === undefined) return;
    this.#client.then((current) => {
      if (current === client) {
        this.#client = undefined;
        try {
          client.destroy();
        } catch {
          // already closed
        }
      }
    }, () => {});
  }

  async #bounded<T>(command: string, promise: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const where = displayUrl(this.#url);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new TimeoutError(`Redis ${command} to ${where} timed out after ${this.#timeoutMs} ms`),
          ),
        this.#timeoutMs,
      );
    });
    // The loser of the race must not become an unhandled rejection.
    promise.catch(() => {});
    try {
      return await Promise.race([promise, timeout]);
    } catch (error) {
      if (error instanceof TimeoutError || error instanceof ConnectionError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ConnectionError(`Redis ${command} to ${where} failed: ${message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A {@linkcode TokenStore} in one file, shared by processes on one machine.
 *
 * @module
 */
import { ClientException, ValidationError } from "../errors/client_exception.ts";
import { decodeBase64Url, encodeBase64Url } from "../_runtime/base64.ts";
import {
  chmod,
  createNewFile,
  isNotFound,
  mkdir,
  readTextFile,
  remove,
  rename,
} from "../_runtime/files.ts";
import { LOCK_TIMEOUT_MS, tryLockFile, withFileLock } from "./file_lock.ts";
import type { TokenStore } from "./token_store.ts";

const FORMAT = "nimbus-token-cache";
const FORMAT_VERSION = 1;

interface FileEntry {
  /** Sealed bytes, base64url. */
  v: string;
  /** Expiry, epoch ms. */
  e?: number;
}

type Entries = Map<string, FileEntry>;

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parentDir(path: string): string | undefined {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i > 0 ? path.slice(0, i) : undefined;
}

/** Reads the entries; a missing, foreign or corrupt file counts as empty. */
function parse(text: string): Entries {
  const entries: Entries = new Map();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return entries;
  }
  if (typeof doc !== "object" || doc === null) return entries;
  const { format, version, entries: raw } = doc as Record<string, unknown>;
  if (format !== FORMAT || version !== FORMAT_VERSION) return entries;
  if (typeof raw !== "object" || raw === null) return entries;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "object" || value === null) continue;
    const { v, e } = value as Record<string, unknown>;
    if (typeof v !== "string") continue;
    entries.set(key, typeof e === "number" ? { v, e } : { v });
  }
  return entries;
}

function isLive(entry: FileEntry, now: number): boolean {
  return entry.e === undefined || entry.e > now;
}

/**
 * Keeps every sealed entry in one JSON file, created with mode 0600.
 *
 * Writes go to a temporary file in the same directory (mode 0600), are
 * flushed, then renamed over the file, so a reader always sees a whole file.
 * Writers serialise on `<path>.lock` (created with `createNew`, waited for
 * at most `lockTimeoutMs`, default 10 s; broken when older than 5 s because
 * its holder crashed, dated 5 s or more in the future, a symlink, or owned by
 * another user) and re-read the file under the lock, so two processes writing
 * at once lose no entry. A lock that cannot be had fails the write with a
 * `ClientException`: clients then warn once and go on without the cache. Expired entries are dropped on each write. A corrupt file reads as
 * empty and is replaced by the next write.
 *
 * @example
 * ```ts
 * import { FileTokenStore, TokenCache } from "@nimbus/apiclient";
 * const path = await Deno.makeTempFile();
 * const cache = new TokenCache({ store: new FileTokenStore(path), secret: "a long random secret" });
 * await cache.set({ user: "alice" }, { token: "t", expiresAt: Date.now() + 3_600_000 });
 * console.assert((await cache.get({ user: "alice" }))?.token === "t");
 * await Deno.remove(path);
 * ```
 */
export class FileTokenStore implements TokenStore {
  #path: string;
  #lockTimeoutMs: number;

  /**
   * Uses the file at `path`; it and its directory are created on first write.
   * `lockTimeoutMs` bounds the wait for another writer's lock (default 10 000).
   *
   * @param path the one file holding every entry (created with mode 0600).
   * @param options `lockTimeoutMs`: how long to wait for another process's lock, ms (default 10 000).
   * @throws {ValidationError} when `lockTimeoutMs` is not a finite number ≥ 0.
   */
  constructor(path: string, options: { lockTimeoutMs?: number } = {}) {
    const timeout = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
    if (!(Number.isFinite(timeout) && timeout >= 0)) {
      throw new ValidationError(`lockTimeoutMs must be a finite number ≥ 0, got ${timeout}`);
    }
    this.#path = path;
    this.#lockTimeoutMs = timeout;
  }

  /**
   * The sealed bytes under `key`, unless missing or past their expiry.
   *
   * @param key the entry's key (from `TokenCache`).
   * @returns the sealed bytes, or `undefined` when missing or expired (or the file is corrupt).
   * @throws {ClientException} when the file exists but cannot be read.
   */
  async get(key: string): Promise<Uint8Array | undefined> {
    const entry = (await this.#read()).get(key);
    if (entry === undefined || !isLive(entry, Date.now())) return undefined;
    try {
      return decodeBase64Url(entry.v);
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `value` under `key`: a locked read-modify-write of the file.
   *
   * @param key the entry's key.
   * @param value the sealed bytes.
   * @param expiresAt epoch ms after which the entry may be dropped; default never.
   * @returns a promise that resolves once the new file has replaced the old one.
   * @throws {ClientException} when the directory or file cannot be written, or
   * the lock cannot be had within `lockTimeoutMs`.
   */
  async set(key: string, value: Uint8Array, expiresAt?: number): Promise<void> {
    const v = encodeBase64Url(value);
    await this.#update((entries) => {
      entries.set(key, expiresAt === undefined ? { v } : { v, e: expiresAt });
      return true;
    });
  }

  /**
   * Removes `key`; the file is only rewritten if it held the key (or had expired entries).
   *
   * @param key the entry's key.
   * @returns a promise that resolves once the file no longer holds the key.
   * @throws {ClientException} as for `set`.
   */
  async delete(key: string): Promise<void> {
    await this.#update((entries) => entries.delete(key));
  }

  /**
   * Takes the lock `key` (a lock file beside the cache, `<path>.<key>.lock`)
   * if no live process holds it; a lock older than `ttlMs` is a crashed
   * holder's and is broken. Resolves to its release, or `undefined`.
   *
   * @param key the lock's name; characters other than letters, digits, `_` and `-` become `-`.
   * @param ttlMs after how many ms a held lock counts as a crashed holder's.
   * @returns the function that removes the lock file (only while it is still
   * ours), or `undefined` when another process holds it.
   * @throws {ClientException} when the lock file cannot be created for another reason than that it exists.
   */
  lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const name = key.replace(/[^A-Za-z0-9_-]/g, "-");
    return tryLockFile(`${this.#path}.${name}.lock`, ttlMs);
  }

  /**
   * Shows the path only.
   *
   * @returns `FileTokenStore { path: "<path>" }`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `FileTokenStore { path: ${JSON.stringify(this.#path)} }`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `FileTokenStore { path: "<path>" }`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `FileTokenStore { path: ${JSON.stringify(this.#path)} }`;
  }

  async #read(): Promise<Entries> {
    let text: string;
    try {
      text = await readTextFile(this.#path);
    } catch (e) {
      if (isNotFound(e)) return new Map();
      throw new ClientException(
        `Cannot read the token cache file ${this.#path}: ${errorMessage(e)}`,
        { cause: e },
      );
    }
    return parse(text);
  }

  async #update(change: (entries: Entries) => boolean): Promise<void> {
    const dir = parentDir(this.#path);
    if (dir !== undefined) {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
      } catch (e) {
        throw new ClientException(
          `Cannot create the token cache directory ${dir}: ${errorMessage(e)}`,
          { cause: e },
        );
      }
    }
    await withFileLock(this.#path, async () => {
      const entries = await this.#read();
      const changed = change(entries);
      const now = Date.now();
      let pruned = false;
      for (const [k, entry] of entries) {
        if (!isLive(entry, now)) pruned = entries.delete(k) || pruned;
      }
      if (changed || pruned) await this.#write(entries);
    }, this.#lockTimeoutMs);
  }

  async #write(entries: Entries): Promise<void> {
    const doc = { format: FORMAT, version: FORMAT_VERSION, entries: Object.fromEntries(entries) };
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    const tmp = `${this.#path}.${crypto.randomUUID()}.tmp`;
    try {
      const file = await createNewFile(tmp, 0o600);
      try {
        await file.write(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      // `mode` on open is filtered by the umask; set it exactly (not on Windows).
      await chmod(tmp, 0o600);
      await rename(tmp, this.#path);
    } catch (e) {
      await remove(tmp).catch(() => {});
      throw new ClientException(
        `Cannot write the token cache file ${this.#path}: ${errorMessage(e)}`,
        { cause: e },
      );
    }
  }
}

/**
 * The one login lifecycle both clients use (`HTTPClient` with an auth
 * plugin, `Connection` with the oVirt SSO): lazy login, one login shared by
 * concurrent callers, proactive refresh, one re-login after a 401, and the
 * token cache (read once, written after each login, deleted on rejection).
 *
 * @module
 */
import { ValidationError } from "../errors/client_exception.ts";
import type { CachedToken } from "../token_cache/cached_token.ts";
import type { TokenCache } from "../token_cache/token_cache.ts";
import { hasControlCharacter } from "../transport/headers_check.ts";
import type { Logger } from "../types.ts";
import { boundedWait, type WaitLimit } from "./bounded_wait.ts";
import { warnCacheOnce } from "./cache_warnings.ts";
import { SingleFlight } from "./single_flight.ts";

/** The default `expiryMarginMs`: keystoneauth's 120 s. */
export const DEFAULT_EXPIRY_MARGIN_MS = 120_000;
/**
 * The margin never exceeds this share of a token's lifetime, so a token
 * living less than the margin (or a server clock behind ours) is still used
 * for most of its life instead of causing a login before every request.
 */
export const MARGIN_LIFETIME_FRACTION = 0.25;
/** Tokens a 401 rejected, kept so that no cache read hands one back. */
const REJECTED_KEPT = 16;

/**
 * What the lifecycle drives: one client's credentials.
 *
 * @example A driver for a fixed token
 * ```ts
 * import type { LoginDriver } from "./login_lifecycle.ts";
 * let token: string | undefined;
 * const driver: LoginDriver = {
 *   describe: "a test login",
 *   canLogin: true,
 *   login: () => { token = "t"; return Promise.resolve(); },
 *   token: () => token,
 *   expiresAt: () => undefined,
 *   invalidate: () => { token = undefined; },
 *   cacheScope: () => undefined,
 *   saveState: () => token ? { token } : undefined,
 *   restoreState: (state) => { token = state.token; return true; },
 *   invalidToken: (message) => new Error(message),
 * };
 * ```
 */
export interface LoginDriver {
  /** Who logs in where, for messages: never a secret. */
  readonly describe: string;
  /** Whether a new login is possible (a password, Kerberos, a plugin), not just a given token. */
  readonly canLogin: boolean;
  /** Logs in now, always. */
  login(): Promise<void>;
  /** The token now held, when it is known. */
  token(): string | undefined;
  /** When the held token expires, epoch ms, when known. */
  expiresAt(): number | undefined;
  /** Forgets the held token. */
  invalidate(): void;
  /** The token cache scope; undefined = never cached (e.g. no known principal). */
  cacheScope(): Record<string, string> | undefined;
  /** Learns what the cache scope needs before a cache read (a Kerberos principal). */
  prepareScope?(): Promise<void>;
  /** The state to cache after a login. */
  saveState(): CachedToken | undefined;
  /** Takes a cached state; false when the entry is of no use. */
  restoreState(state: CachedToken): boolean;
  /** The client's typed error for a token that cannot be sent as a header. */
  invalidToken(message: string): Error;
}

/**
 * Options of {@linkcode LoginLifecycle}.
 *
 * @example
 * ```ts
 * import type { LoginLifecycleOptions } from "./login_lifecycle.ts";
 * const options: LoginLifecycleOptions = { expiryMarginMs: 60_000 };
 * ```
 */
export interface LoginLifecycleOptions {
  /** Where tokens are kept between runs. */
  tokenCache?: TokenCache;
  /**
   * Refresh a token this many ms before it expires (default 120 000), but
   * never earlier than {@linkcode MARGIN_LIFETIME_FRACTION} of its lifetime
   * before: `margin = min(expiryMarginMs, lifetime × 0.25)`.
   */
  expiryMarginMs?: number;
  /** Where cache warnings go (once per cache and reason); default `console`. */
  logger?: Logger;
  /** Where debug lines go (cache hits, clock skew); none by default. */
  debug?: (message: string) => void;
  /** Called after each successful login (the keyring saver). */
  afterLogin?: () => Promise<void>;
}

/** Whether a token can be sent in an HTTP header: visible ASCII, no CR, LF, NUL. */
function sendable(token: string): boolean {
  // deno-lint-ignore no-control-regex
  return token.length > 0 && !hasControlCharacter(token) && !/[^\x00-\x7f]/.test(token);
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Drives one client's logins.
 *
 * @example
 * ```ts
 * import { LoginLifecycle } from "./login_lifecycle.ts";
 * let token: string | undefined;
 * const lifecycle = new LoginLifecycle({
 *   describe: "a test login",
 *   canLogin: true,
 *   login: () => { token = "t"; return Promise.resolve(); },
 *   token: () => token,
 *   expiresAt: () => undefined,
 *   invalidate: () => { token = undefined; },
 *   cacheScope: () => undefined,
 *   saveState: () => token ? { token } : undefined,
 *   restoreState: (state) => { token = state.token; return true; },
 *   invalidToken: (m) => new Error(m),
 * });
 * await lifecycle.ensure();
 * console.log(token, lifecycle.generation); // t 1
 * ```
 */
export class LoginLifecycle {
  readonly #driver: LoginDriver;
  readonly #cache: TokenCache | undefined;
  readonly #marginMs: number;
  readonly #logger: Logger;
  readonly #debug: (message: string) => void;
  readonly #afterLogin: (() => Promise<void>) | undefined;
  readonly #flight = new SingleFlight();
  readonly #rejected: string[] = [];
  #cacheTried = false;
  /** A cached token for drivers that cannot restore state: sent as is. */
  #bareToken: string | undefined;
  /** When the held token was obtained, and whether its expiry can be trusted. */
  #obtainedAt = 0;
  #expiryTrusted = true;
  /** How many logins finished: a late 401 on an older token does not log in again. */
  generation = 0;

  /** Creates the lifecycle; nothing happens until the first `ensure()`. */
  constructor(driver: LoginDriver, options: LoginLifecycleOptions = {}) {
    const margin = options.expiryMarginMs ?? DEFAULT_EXPIRY_MARGIN_MS;
    if (!(Number.isFinite(margin) && margin >= 0)) {
      throw new ValidationError(
        `The 'expiryMarginMs' option must be a finite number of ms ≥ 0, got ${String(margin)}`,
      );
    }
    this.#driver = driver;
    this.#cache = options.tokenCache;
    this.#marginMs = margin;
    this.#logger = options.logger ?? console;
    this.#debug = options.debug ?? (() => {});
    this.#afterLogin = options.afterLogin;
    if (this.#cache) this.#checkCache(this.#cache);
  }

  /** The token to send now: the driver's, or a cached one the driver cannot restore. */
  token(): string | undefined {
    return this.#driver.token() ?? this.#bareToken;
  }

  /** Whether a login (or a cache read) is running now. */
  get busy(): boolean {
    return this.#flight.current !== undefined;
  }

  /** The login running now, if any (settles, never rejects). */
  settled(): Promise<void> {
    return (this.#flight.current ?? Promise.resolve()).catch(() => undefined);
  }

  /**
   * The margin for the held token: `min(expiryMarginMs, lifetime × 0.25)`.
   * The lifetime counts from when this process obtained the token.
   */
  marginMs(): number {
    const at = this.#driver.expiresAt();
    if (at === undefined) return this.#marginMs;
    const lifetime = Math.max(0, at - this.#obtainedAt);
    return Math.min(this.#marginMs, lifetime * MARGIN_LIFETIME_FRACTION);
  }

  /** Whether the held token should be replaced before the next request. */
  refreshDue(): boolean {
    if (!this.#driver.canLogin || !this.#expiryTrusted) return false;
    const at = this.#driver.expiresAt();
    return at !== undefined && at - Date.now() <= this.marginMs();
  }

  /**
   * Makes sure a token is held: the one already held (unless due for
   * refresh), a cached one (read once), or a fresh login shared with every
   * concurrent caller. The caller's `limit` bounds only its own wait.
   */
  async ensure(limit: WaitLimit = {}): Promise<void> {
    const running = this.#flight.current;
    if (running) return await boundedWait(running, this.#limit(limit));
    if (this.token() !== undefined && !this.refreshDue()) return;
    await boundedWait(
      this.#flight.run(async () => {
        if (this.token() === undefined && !this.#cacheTried) {
          this.#cacheTried = true;
          if (await this.#restore() && !this.refreshDue()) return;
        }
        // A proactive refresh: the old token is about to die, so it is not kept as a fallback.
        if (this.token() !== undefined) this.#forgetHeld();
        await this.#lockedLogin(async () => await this.#login());
      }),
      this.#limit(limit),
    );
  }

  /** Logs in now (always), shared with concurrent callers, then caches the token. */
  async login(limit: WaitLimit = {}): Promise<void> {
    this.#cacheTried = true;
    await boundedWait(this.#flight.run(() => this.#login()), this.#limit(limit));
  }

  /**
   * After a 401 on `rejected` (a token from login `seenGeneration`): forgets
   * it, deletes its cache entry and logs in again, once for all concurrent
   * callers. A caller whose token was already replaced just uses the new one.
   */
  async rejected(
    rejected: string | undefined,
    seenGeneration: number,
    limit: WaitLimit = {},
  ): Promise<void> {
    if (rejected !== undefined && !this.#rejected.includes(rejected)) {
      this.#rejected.push(rejected);
      if (this.#rejected.length > REJECTED_KEPT) this.#rejected.shift();
    }
    const running = this.#flight.current;
    if (running) return await boundedWait(running, this.#limit(limit));
    const current = this.token();
    if (current !== undefined) {
      // Someone already replaced the rejected token: use theirs.
      const replaced = rejected !== undefined
        ? current !== rejected
        : this.generation !== seenGeneration;
      if (replaced) return;
    }
    await boundedWait(
      this.#flight.run(async () => {
        this.#cacheTried = true;
        this.#forgetHeld();
        await this.#lockedLogin(async () => {
          await this.forgetCached();
          await this.#login();
        });
      }),
      this.#limit(limit),
    );
  }

  /** Forgets the held token (e.g. after a revoke) without touching the cache. */
  forgetToken(): void {
    this.#forgetHeld();
  }

  /** Deletes the cache entry of this login, if any. */
  async forgetCached(): Promise<void> {
    const cache = this.#cache;
    const scope = cache && this.#driver.cacheScope();
    if (!cache || !scope) return;
    try {
      await cache.delete(scope);
    } catch (error) {
      this.#cacheProblem("delete", error);
    }
  }

  /**
   * Runs `login` holding the cache's cross-process login lock when the store
   * has one (Redis, a file): the processes of a fleet take turns, and each
   * first re-reads the cache, where the one before it left a fresh token
   * (an entry a 401 rejected is dropped by the read, never used).
   */
  async #lockedLogin(login: () => Promise<void>): Promise<void> {
    const cache = this.#cache;
    const scope = cache && this.#driver.cacheScope();
    const release = cache && scope ? await cache.lock(scope).catch(() => undefined) : undefined;
    try {
      if (release && await this.#restore() && !this.refreshDue()) return;
      await login();
    } finally {
      await release?.();
    }
  }

  #limit(limit: WaitLimit): WaitLimit {
    return { ...limit, what: limit.what ?? `the login of ${this.#driver.describe}` };
  }

  #forgetHeld(): void {
    this.#driver.invalidate();
    this.#bareToken = undefined;
  }

  async #restore(): Promise<boolean> {
    const cache = this.#cache;
    if (!cache) return false;
    try {
      await this.#driver.prepareScope?.();
    } catch (error) {
      // No known identity (e.g. no Kerberos principal): no cache, the login says what is wrong.
      this.#debug(`Token cache not used for ${this.#driver.describe}: ${message(error)}`);
      return false;
    }
    const scope = this.#driver.cacheScope();
    if (!scope) return false;
    const cached = await cache.get(scope);
    this.#checkCache(cache);
    if (!cached) return false;
    if (!sendable(cached.token) || this.#rejected.includes(cached.token)) {
      // A poisoned or rejected entry must not outlive this run: the next login replaces it.
      await this.forgetCached();
      return false;
    }
    if (!this.#driver.restoreState(cached)) return false;
    if (this.#driver.token() === undefined) this.#bareToken = cached.token;
    this.#obtained();
    this.#debug(`Using a cached token for ${this.#driver.describe}`);
    return true;
  }

  async #login(): Promise<void> {
    this.#bareToken = undefined;
    await this.#driver.login();
    const token = this.#driver.token();
    if (token !== undefined && !sendable(token)) {
      this.#driver.invalidate();
      throw this.#driver.invalidToken(
        `The login of ${this.#driver.describe} returned a token that cannot be sent in an ` +
          `HTTP header (empty, or with control or non-ASCII characters); it was not used or cached`,
      );
    }
    this.generation++;
    this.#obtained();
    await this.#afterLogin?.();
    await this.#store();
  }

  /** Notes when the token arrived; an expiry already past then means a skewed clock. */
  #obtained(): void {
    this.#obtainedAt = Date.now();
    const at = this.#driver.expiresAt();
    this.#expiryTrusted = at === undefined || at > this.#obtainedAt;
    if (!this.#expiryTrusted) {
      this.#debug(
        `The token of ${this.#driver.describe} claims to have expired already (clock skew?): ` +
          `it is used until the server rejects it`,
      );
    }
  }

  async #store(): Promise<void> {
    const cache = this.#cache;
    const scope = cache && this.#driver.cacheScope();
    if (!cache || !scope) return;
    const state = this.#driver.saveState();
    if (!state || !sendable(state.token)) return;
    try {
      await cache.set(scope, state);
      this.#checkCache(cache);
    } catch (error) {
      // The cache is an optimisation: a full disk or a lock timeout must not fail the login.
      this.#cacheProblem("write", error);
    }
  }

  #checkCache(cache: TokenCache): void {
    const problem = cache.problem;
    if (problem) {
      warnCacheOnce(
        cache,
        this.#logger,
        problem,
        `Token cache cannot work, logging in without it: ${problem}`,
      );
    }
  }

  #cacheProblem(what: string, error: unknown): void {
    const cache = this.#cache;
    if (!cache) return;
    const reason = `${what} failed (${message(error)})`;
    warnCacheOnce(cache, this.#logger, reason, `Token cache ${reason}; continuing without it`);
  }
}

/**
 * The login state `HTTPClient` keeps for its plugin: when to log in, one
 * login shared by concurrent callers, and the token cache.
 *
 * @module
 */
import type { AuthPlugin, TokenAndEndpoint } from "../auth/auth_plugin.ts";
import { EndpointException } from "../errors/mod.ts";
import type { TokenCache } from "../token_cache/token_cache.ts";
import type { Logger } from "../types.ts";
import type { HTTPClient } from "./http_client.ts";
import type { KeyringSaver } from "./options.ts";
import { SingleFlight } from "./single_flight.ts";

/** Options of {@linkcode AuthSession}. */
export interface AuthSessionOptions {
  /** Where tokens are kept between runs. */
  tokenCache?: TokenCache;
  /** Called after each login. */
  keyringSaver?: KeyringSaver;
  /** Log in again when the token expires within this many ms. */
  expiryMarginMs: number;
  /** Where cache misses and hits are reported. */
  logger?: Logger;
}

/** What a service lookup asks for. */
export interface EndpointFilter {
  /** The interface. */
  endpointType: string;
  /** The service type. */
  serviceType: string;
  /** The region. */
  regionName?: string;
}

/** Drives one plugin's logins for one HTTPClient. */
export class AuthSession {
  readonly plugin: AuthPlugin;
  readonly #options: AuthSessionOptions;
  readonly #flight = new SingleFlight();
  #cacheRead: Promise<string | undefined> | undefined;
  /** How many logins finished; lets late 401s see that a newer token exists. */
  generation = 0;

  /** Creates the session. */
  constructor(plugin: AuthPlugin, options: AuthSessionOptions) {
    this.plugin = plugin;
    this.#options = options;
  }

  /** The plugin's answer, or nothing when its catalog has no such endpoint yet. */
  lookup(filter: EndpointFilter, tolerateMissing: boolean): TokenAndEndpoint {
    try {
      return this.plugin.tokenAndEndpoint(
        filter.endpointType,
        filter.serviceType,
        filter.regionName,
      );
    } catch (error) {
      if (tolerateMissing && error instanceof EndpointException) return {};
      throw error;
    }
  }

  /** Whether the plugin's token expires within the margin. */
  expiresSoon(): boolean {
    const at = this.plugin.expiresAt?.();
    return at !== undefined && at - Date.now() < this.#options.expiryMarginMs;
  }

  /**
   * Loads a cached token into the plugin, once per session; concurrent first
   * callers share the one read. Resolves to the cached token for plugins
   * that cannot restore state themselves (the caller sends it as is).
   */
  restoreFromCache(): Promise<string | undefined> {
    this.#cacheRead ??= this.#readCache();
    return this.#cacheRead;
  }

  async #readCache(): Promise<string | undefined> {
    const cache = this.#options.tokenCache;
    const scope = this.plugin.cacheScope?.();
    if (!cache || !scope) return undefined;
    const cached = await cache.get(scope);
    if (!cached) return undefined;
    this.#options.logger?.debug(`Using a cached token for ${this.plugin.authSystem}`);
    if (!this.plugin.restoreState) return cached.token;
    this.plugin.restoreState(cached);
    return undefined;
  }

  /** Logs in now (always), then saves the state. */
  async authenticate(http: HTTPClient): Promise<void> {
    await this.plugin.authenticate(http);
    this.generation++;
    this.#cacheRead = Promise.resolve(undefined);
    await this.#options.keyringSaver?.save(http);
    await this.#store();
  }

  /** One login shared by every caller that asks while it runs. */
  authenticateShared(http: HTTPClient): Promise<void> {
    return this.#flight.run(() => this.authenticate(http));
  }

  /**
   * Logs in again after a 401 on a token from login `seenGeneration`, unless
   * another caller already did.
   */
  async reauthenticate(http: HTTPClient, seenGeneration: number): Promise<void> {
    if (this.#flight.running) return await this.authenticateShared(http);
    if (this.generation !== seenGeneration) return;
    await this.#flight.run(async () => {
      this.plugin.invalidate();
      await this.forgetCached();
      await this.authenticate(http);
    });
  }

  /** Deletes the plugin's entry from the token cache. */
  async forgetCached(): Promise<void> {
    const scope = this.plugin.cacheScope?.();
    if (!scope) return;
    try {
      await this.#options.tokenCache?.delete(scope);
    } catch (error) {
      this.#options.logger?.debug(`Token cache delete failed: ${(error as Error).message}`);
    }
  }

  async #store(): Promise<void> {
    const cache = this.#options.tokenCache;
    const scope = this.plugin.cacheScope?.();
    if (!cache || !scope) return;
    const state = this.plugin.saveState?.() ?? this.#minimalState();
    if (!state) return;
    try {
      await cache.set(scope, state);
    } catch (error) {
      // The cache is an optimisation: a full disk or a lock timeout must not fail the login.
      this.#options.logger?.debug(`Token cache write failed: ${(error as Error).message}`);
    }
  }

  #minimalState(): { token: string; expiresAt?: number } | undefined {
    try {
      const { token } = this.plugin.tokenAndEndpoint("public", "identity");
      return token ? { token, expiresAt: this.plugin.expiresAt?.() } : undefined;
    } catch {
      return undefined;
    }
  }
}

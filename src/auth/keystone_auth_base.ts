/**
 * What every Keystone plugin (v3 and v2.0) shares: the login POST through
 * the HTTPClient, the token state, the endpoint lookup, the token cache
 * hooks and error messages that name the user but never the secret.
 *
 * @module
 */
import { sha256Hex } from "../_runtime/sha256.ts";
import type { AuthPlugin, TokenAndEndpoint } from "./auth_plugin.ts";
import { redactText } from "../redaction/redact_text.ts";
import { scrubSecrets } from "../redaction/scrub_secrets.ts";
import type { HTTPClient } from "../http/http_client.ts";
import type { CachedToken } from "../token_cache/cached_token.ts";
import { AuthorizationFailure } from "../errors/client_exception.ts";
import { ConnectionError, type SdkError, TimeoutError } from "../errors/sdk_error.ts";
import { HttpError } from "../errors/http_error.ts";
import type { ServiceCatalog } from "./service_catalog.ts";

/** A user or project as the token body names it (never a secret). */
export interface KeystoneIdentityRef {
  /** The id. */
  id?: string;
  /** The name. */
  name?: string;
  /** The id of its domain. */
  domainId?: string;
  /** The name of its domain. */
  domainName?: string;
}

/** What a login gives: the token and what the body says about it. */
export interface KeystoneAuthState {
  /** The token (`X-Subject-Token` in v3, `access.token.id` in v2.0). */
  token: string;
  /** When it expires, epoch ms. */
  expiresAt?: number;
  /** The catalog of the token (empty for unscoped tokens). */
  catalog: ServiceCatalog;
  /** The user the token belongs to. */
  user?: KeystoneIdentityRef;
  /** The project the token is scoped to. */
  project?: KeystoneIdentityRef;
  /** The token body, kept for the token cache. */
  body: unknown;
}

/** The `data` this family of plugins stores in a {@linkcode CachedToken}. */
interface CachedBody {
  keystone: string;
  body: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A text with secret fields redacted and every echo of the secrets scrubbed. */
function scrub(text: string | undefined, secrets: string[]): string | undefined {
  return text === undefined ? undefined : scrubSecrets(redactText(text), secrets);
}

/**
 * The shared half of the Keystone plugins. Subclasses say where to POST,
 * what to send and how to read the answer; this class does the rest.
 *
 * @example Read what a login gave
 * ```ts
 * import { KeystonePasswordAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystonePasswordAuth({
 *   authUrl: "http://127.0.0.1:5000/v3",
 *   username: "demo",
 *   userDomainName: "Default",
 *   password: "s3cret",
 *   projectName: "demo",
 *   projectDomainName: "Default",
 * });
 * console.log(auth.user, auth.project, auth.catalog); // all undefined before a login
 * ```
 */
export abstract class KeystoneAuthBase implements AuthPlugin {
  /** The plugin's registry name. */
  abstract readonly authSystem: string;
  /** The Keystone URL the plugin was given, e.g. "http://127.0.0.1:5000/v3". */
  readonly authUrl: string;
  #state: KeystoneAuthState | undefined;

  /**
   * Keeps the auth URL (without a trailing slash).
   *
   * @param authUrl the Keystone URL, e.g. "http://127.0.0.1:5000/v3".
   */
  constructor(authUrl: string) {
    this.authUrl = authUrl.replace(/\/+$/, "");
  }

  /** The URL the login is POSTed to. */
  protected abstract tokensUrl(): string;
  /** The login body; it holds the secret, so it is built on demand only. */
  protected abstract loginBody(): unknown;
  /** The secrets this plugin holds, scrubbed from any error text. */
  protected abstract secrets(): string[];
  /** Who logs in, for messages: user, scope and auth URL, never a secret. */
  protected abstract describeLogin(): string;
  /** Fields naming the user and scope in a token cache key. */
  protected abstract identityKey(): Record<string, string>;
  /** Reads a token body (and the `X-Subject-Token`, in v3) into a state. */
  protected abstract parseToken(
    headerToken: string | undefined,
    body: unknown,
  ): KeystoneAuthState | undefined;

  /** Extra login headers (the token plugin sends `X-Auth-Token`). */
  protected loginHeaders(): Record<string, string> {
    return {};
  }

  /**
   * Logs in: always POSTs for a fresh token.
   *
   * @param http the client the login POST goes through (its TLS, timeout, retries and log).
   * @returns a promise that resolves once the token, its catalog, user and project are held.
   * @throws {HttpError} the same class Keystone's status maps to (`Unauthorized` for a wrong
   * password), its message naming who logs in where and never the secret.
   * @throws {ConnectionError} when Keystone cannot be reached (`ConnectionRefused` stays itself).
   * @throws {TimeoutError} when the login runs past the timeout.
   * @throws {AuthorizationFailure} when the reply is not JSON or holds no token.
   */
  async authenticate(http: HTTPClient): Promise<void> {
    const url = this.tokensUrl();
    let response: Response;
    try {
      response = await http.request("POST", url, {
        json: this.loginBody(),
        headers: { Accept: "application/json", ...this.loginHeaders() },
      });
    } catch (e) {
      if (e instanceof HttpError) throw this.#loginError(e);
      if (e instanceof ConnectionError || e instanceof TimeoutError) {
        // Same class (ConnectionRefused stays ConnectionRefused), naming who logs in.
        const cls = e.constructor as typeof SdkError;
        throw new cls(`Keystone login failed for ${this.describeLogin()}: ${e.message}`, {
          cause: e,
        });
      }
      throw e;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (e) {
      throw new AuthorizationFailure(
        `Keystone answered the login of ${this.describeLogin()} with a body that is not JSON`,
        { cause: e },
      );
    }
    const state = this.parseToken(response.headers.get("x-subject-token") ?? undefined, body);
    if (!state) {
      throw new AuthorizationFailure(
        `Keystone answered the login of ${this.describeLogin()} without a token ` +
          `(HTTP ${response.status})`,
      );
    }
    this.#state = state;
  }

  /**
   * The token and the endpoint of a service, from the catalog. Before a
   * login (or after {@linkcode invalidate}) both are missing. An identity
   * lookup in an empty catalog (unscoped token) falls back to the auth URL.
   *
   * @param endpointType the interface (`public`, `internal`, `admin`, or `publicURL`...).
   * @param serviceType the catalog service type (`compute`, `identity`...).
   * @param regionName the region; default any (several regions with different URLs are ambiguous).
   * @returns the token and the endpoint; both missing before a login.
   * @throws {EndpointNotFound} when the catalog has no such endpoint.
   * @throws {AmbiguousEndpoints} when several endpoints match.
   */
  tokenAndEndpoint(
    endpointType: string,
    serviceType: string,
    regionName?: string,
  ): TokenAndEndpoint {
    const state = this.#state;
    if (!state) return {};
    if (serviceType === "identity" && state.catalog.isEmpty) {
      return { token: state.token, endpoint: this.authUrl };
    }
    const endpoint = state.catalog.urlFor({ serviceType, interface: endpointType, regionName });
    return { token: state.token, endpoint };
  }

  /** Forgets the token: the next request logs in again. */
  invalidate(): void {
    this.#state = undefined;
  }

  /**
   * When the token expires, epoch ms; undefined before a login.
   *
   * @returns `expires_at` of the token body, in epoch ms; undefined when absent or unreadable.
   */
  expiresAt(): number | undefined {
    return this.#state?.expiresAt;
  }

  /** The catalog of the current token. */
  get catalog(): ServiceCatalog | undefined {
    return this.#state?.catalog;
  }

  /** The user of the current token. */
  get user(): KeystoneIdentityRef | undefined {
    return this.#state?.user;
  }

  /** The project of the current token (project scope only). */
  get project(): KeystoneIdentityRef | undefined {
    return this.#state?.project;
  }

  /**
   * Identifies the token for a token cache: plugin, auth URL, user, scope
   * and a salted SHA-256 of the secret, so that two credentials for one
   * user never share an entry. Never the secret itself.
   *
   * @returns `plugin`, `authUrl`, the user and scope fields, and `credential`
   * (32 hex digits of the salted hash).
   */
  cacheScope(): Record<string, string> {
    // The same bytes a streaming hash would see: the prefix, then "\0" + each secret.
    let material = `nimbus-apiclient:${this.authSystem}:${this.authUrl}`;
    for (const secret of this.secrets()) material += `\0${secret}`;
    return {
      plugin: this.authSystem,
      authUrl: this.authUrl,
      ...this.identityKey(),
      credential: sha256Hex(material).slice(0, 32),
    };
  }

  /**
   * The token, its expiry and the token body (catalog, user, project).
   *
   * @returns the state for the token cache; undefined before a login.
   */
  saveState(): CachedToken | undefined {
    const state = this.#state;
    if (!state) return undefined;
    const data: CachedBody = { keystone: this.authSystem, body: state.body };
    return { token: state.token, expiresAt: state.expiresAt, data };
  }

  /**
   * Takes a cached token; a cache entry without a usable body is ignored.
   *
   * @param cached an entry from the token cache, as {@linkcode KeystoneAuthBase.saveState} made it.
   */
  restoreState(cached: CachedToken): void {
    const data = cached.data;
    const body = isRecord(data) ? data.body : undefined;
    const state = body === undefined ? undefined : this.parseToken(cached.token, body);
    if (!state) return;
    state.token = cached.token;
    if (cached.expiresAt !== undefined) state.expiresAt = cached.expiresAt;
    this.#state = state;
  }

  /** The same HTTP error class, with a message naming who logged in where. */
  #loginError(e: HttpError): HttpError {
    const secrets = this.secrets();
    const cls = e.constructor as typeof HttpError;
    const reason = scrub(e.message, secrets) ?? "";
    const details = scrub(e.details, secrets);
    const leaked = reason !== e.message || details !== e.details;
    return new cls({
      message: `Keystone login failed for ${this.describeLogin()}: ${reason}`,
      details,
      status: e.status,
      requestId: e.requestId,
      method: e.method,
      url: e.url,
      retryAfter: e.retryAfter,
      headers: e.headers,
      // The original would carry the secret along in its own text.
      cause: leaked ? undefined : e,
    });
  }
}

/** Parses an ISO time to epoch ms; undefined when absent or unreadable. */
export function parseExpiry(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `Connection`: the oVirt engine client core (`ovirtsdk4.Connection`).
 *
 * @module
 */
import { OvirtSsoAuth, type SsoReply } from "../auth/ovirt_sso_auth.ts";
import { AuthError, SdkError } from "../errors/sdk_error.ts";
import { ClientClosed } from "../errors/transport_errors.ts";
import { List, type Struct } from "../model_core/struct.ts";
import type { TokenCache } from "../token_cache/token_cache.ts";
import { VERSION } from "../version.ts";
import { exchange } from "../transport/exchange.ts";
import { Transport } from "../transport/transport.ts";
import { checkContentType } from "./content_type.ts";
import { linkPath } from "./follow_link.ts";
import { byteLimit, checkMethod, count, readCaFile, timeoutMs } from "./option_checks.ts";
import type { HttpRequest, HttpResponse } from "./http_request.ts";
import type { ConnectionOptions } from "./options.ts";
import { apiHeaders, checkHeader, queryString } from "./request_parts.ts";
import { Semaphore } from "./semaphore.ts";
// Types only (erased at run time): the model registers the tree itself when
// its entry is imported, so this module never loads it (see service_tree.ts).
import type { Service, SystemService } from "../services/ovirt/mod.ts";
import { maybeServiceTree, serviceTree } from "./service_tree.ts";
import { displayUrl } from "../redaction/url_credentials.ts";
import { WireLog } from "../redaction/wire_log.ts";
import { type LoginDriver, LoginLifecycle } from "../session/login_lifecycle.ts";

const USER_AGENT = `nimbus-apiclient/${VERSION}`;

/**
 * A connection to an oVirt engine: SSO login (lazy), bearer tokens, one
 * re-login on 401, revoke on close, and the service tree. Secrets are kept
 * in private fields: `Deno.inspect`, `JSON.stringify`, error messages and
 * the debug log never show the password or a token.
 *
 * @example List the VMs of a FakeEngine
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * await using connection = new Connection({
 *   url: engine.url,
 *   username: "admin@internal",
 *   password: "s3cret",
 * });
 * const response = await connection.send({ method: "GET", path: "/vms" });
 * console.assert(response.code === 200);
 * ```
 */
export class Connection implements AsyncDisposable {
  /** The API URL, as given. */
  readonly url: string;
  /** The body format of API requests. */
  readonly format: "xml" | "json";
  /** Whether wire lines go to the log. */
  readonly debug: boolean;
  /** Default timeout per request in ms (0 = none). */
  readonly timeout: number;
  /** The most requests in flight at once (0 = unlimited). */
  readonly maxInFlight: number;
  readonly #base: string;
  readonly #auth: OvirtSsoAuth;
  readonly #transport: Transport;
  readonly #headers: Record<string, string>;
  readonly #compress: boolean;
  readonly #cache: TokenCache | undefined;
  readonly #wire: WireLog | undefined;
  readonly #slots: Semaphore;
  readonly #login: LoginLifecycle;
  readonly #maxBodyBytes: number | undefined;
  #system: SystemService | undefined;
  #closed = false;

  /**
   * Creates the connection; nothing is sent until the first request.
   *
   * @throws {SdkError} without `url`, for a URL that is not http(s), or when
   * `caFile` doesn't exist.
   * @throws {RangeError} for a negative `pipeline`, `connections` or
   * `timeout` (NaN too), or a `maxBodyBytes` that is not an integer ≥ 0.
   *
   * @param options the engine URL, credentials (password, token or Kerberos), TLS, timeout, format, token cache, logging.
   */
  constructor(options: ConnectionOptions) {
    if (!options?.url) throw new SdkError("The 'url' parameter is mandatory");
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch (error) {
      // The parse error repeats the URL: neither it nor the message may show its credentials.
      throw new SdkError(`The 'url' parameter '${displayUrl(options.url)}' isn't a valid URL`, {
        cause: error instanceof Error ? new TypeError(displayUrl(error.message)) : undefined,
      });
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      // file:, data: and the like would only fail later, at the first request.
      throw new SdkError(
        `The 'url' parameter must be an http or https URL, got a ${parsed.protocol} URL`,
      );
    }
    if (parsed.username || parsed.password) {
      // fetch refuses such URLs anyway; say why, and keep the password out of the message.
      throw new SdkError(
        `The 'url' must not contain a user name or password (${displayUrl(options.url)}): ` +
          `use the 'username' and 'password' options`,
      );
    }
    const pipeline = count("pipeline", options.pipeline);
    const connections = count("connections", options.connections);
    const timeout = timeoutMs(options.timeout) ?? 0;
    this.#maxBodyBytes = byteLimit(options.maxBodyBytes);
    for (const [name, value] of Object.entries(options.headers ?? {})) checkHeader(name, value);
    if (options.format !== undefined && options.format !== "xml" && options.format !== "json") {
      throw new RangeError(`The 'format' option must be "xml" or "json", got "${options.format}"`);
    }

    this.url = options.url;
    this.#base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
    this.format = options.format ?? "xml";
    this.timeout = timeout;
    this.maxInFlight = connections * Math.max(1, pipeline);
    this.#headers = { ...options.headers };
    this.#compress = options.compress ?? true;
    this.#cache = options.tokenCache;
    this.#slots = new Semaphore(this.maxInFlight);
    this.#auth = new OvirtSsoAuth({
      url: options.url,
      username: options.username,
      password: options.password,
      token: options.token,
      kerberos: options.kerberos,
      negotiate: options.negotiate,
      ssoUrl: options.ssoUrl,
      ssoRevokeUrl: options.ssoRevokeUrl,
      ssoTokenName: options.ssoTokenName,
      userAgent: USER_AGENT,
    });
    this.debug = options.debug === true;
    const password = options.password;
    const log = options.log ?? console;
    this.#wire = this.debug
      ? new WireLog(log, () => [...this.#auth.secrets(), password, options.token])
      : undefined;
    this.#login = new LoginLifecycle(this.#loginDriver(), {
      tokenCache: options.tokenCache,
      logger: log,
      debug: (line) => this.#wire?.info(line),
    });
    const caCerts = [...(options.caCerts ?? [])];
    if (options.caFile !== undefined && !options.insecure) caCerts.push(readCaFile(options.caFile));
    this.#transport = new Transport({
      caCerts: caCerts.length > 0 ? caCerts : undefined,
      cert: options.cert,
      insecure: options.insecure,
      fetch: options.fetch,
    });
  }

  /**
   * The SSO token, logging in first when there is none (lazy login). With a
   * `tokenCache`, a cached token is used instead of a login.
   *
   * @throws {AuthError} when the SSO refuses the login.
   * @throws {ClientClosed} after `close()`.
   * @returns the SSO token, once held.
   */
  async authenticate(): Promise<string> {
    this.#assertOpen();
    return await this.#token();
  }

  /**
   * Sends one API request and reads the whole response. On a 401 it logs in
   * again once and resends; a connection given only a `token` throws
   * `AuthError` instead.
   *
   * @throws {SdkError} for a header with non-ASCII characters, CR or LF.
   * @throws {ConnectionError} when the engine can't be reached.
   * @throws {TimeoutError} when the request runs past its timeout.
   * @throws {AuthError} when the SSO refuses the login, or a 401 comes back to a connection that cannot log in again.
   * @throws {ClientClosed} after `close()`.
   * @param request method, path below the API URL, query, headers, body and timeout (default the connection's).
   * @returns the status, headers and body bytes; any status, 4xx and 5xx too (only a 401 is retried).
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    this.#assertOpen();
    checkMethod(request.method);
    timeoutMs(request.timeout);
    byteLimit(request.maxBodyBytes);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value != null) checkHeader(name, String(value));
    }
    // The timeout covers the whole call: waiting for a slot, a login, and the exchange.
    const budget = request.timeout ?? this.timeout;
    const started = Date.now();
    const left = (): HttpRequest =>
      budget > 0 ? { ...request, timeout: Math.max(1, budget - (Date.now() - started)) } : request;
    const release = await this.#slots.acquire(budget > 0 ? budget : undefined);
    // The wait for a login shared with other requests counts against this request's budget.
    const limit = () =>
      budget > 0 ? { timeoutMs: Math.max(1, budget - (Date.now() - started)) } : {};
    try {
      const token = await this.#token(limit());
      const generation = this.#login.generation;
      const response = await this.#sendOnce(left(), token, budget);
      if (response.code !== 401) return response;
      if (!this.#auth.canLogin) {
        throw new AuthError(
          "The engine rejected the SSO token (HTTP response code is 401) and the connection " +
            "has no username and password or Kerberos to log in again",
          { code: 401 },
        );
      }
      this.#wire?.info("The engine answered 401: requesting a new SSO token and resending");
      await this.#login.rejected(token, generation, limit());
      const fresh = await this.#token(limit());
      return await this.#sendOnce(left(), fresh, budget);
    } finally {
      release();
    }
  }

  /**
   * Checks that the engine answers: a GET of the API root.
   *
   * @param options `raiseException: true` throws the failure instead of answering `false` (default false).
   * @returns true when the engine answered 200 in the expected format with the
   * given credentials; false on any error unless `raiseException`.
   * @throws {SdkError} with `raiseException`: the failure (other errors wrapped in one).
   */
  async test(options: { raiseException?: boolean } = {}): Promise<boolean> {
    try {
      const response = await this.send({ method: "GET", path: "" });
      if (response.code !== 200) {
        const tree = maybeServiceTree();
        if (tree !== undefined) tree.raise(response);
        // Without the model there is no fault reader: the status is all we can name.
        throw new SdkError(`HTTP response code is ${response.code}.`, { code: response.code });
      }
      if (this.format === "json") this.checkJsonContentType(response);
      else this.checkXmlContentType(response);
      return true;
    } catch (error) {
      if (!options.raiseException) return false;
      if (error instanceof SdkError) throw error;
      throw new SdkError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  /**
   * Throws `SdkError` unless the response is JSON:
   * `The response content type '<ct>' isn't the expected JSON`.
   *
   * @param response the response to check.
   */
  checkJsonContentType(response: { headers: Headers }): void {
    checkContentType(response.headers, "JSON", this.url);
  }

  /**
   * Throws `SdkError` unless the response is XML:
   * `The response content type '<ct>' isn't the expected XML`.
   *
   * @param response the response to check.
   */
  checkXmlContentType(response: { headers: Headers }): void {
    checkContentType(response.headers, "XML", this.url);
  }

  /**
   * True when the object is a link: it has an `href`.
   *
   * @param obj a model object or list.
   * @returns whether it has an `href`.
   */
  isLink(obj: unknown): boolean {
    return typeof obj === "object" && obj !== null &&
      typeof (obj as { href?: unknown }).href === "string";
  }

  /**
   * Fetches what a link points to: `list()` for a `List`, else `get()`. The
   * href must be on the connection's origin, under its URL path; anything
   * else is refused before a request (or a token) is sent. The result has the
   * link's own type: `followLink(vm.nics)` is a `Promise<List<Nic>>`,
   * `followLink(vm.cluster)` a `Promise<Cluster>`.
   *
   * @throws {SdkError} for a missing or foreign href.
   * @param list a link list (`vm.nics`).
   * @returns the list's objects, fetched: the service's `list()`.
   */
  followLink<T>(list: List<T> | undefined): Promise<List<T>>;
  /**
   * Fetches the object a link (`vm.cluster`) points to; see the list form above.
   *
   * @throws {SdkError} for a missing or foreign href.
   * @param obj a link (`vm.cluster`).
   * @returns the object, fetched: the service's `get()`.
   */
  followLink<T extends Struct>(obj: T | undefined): Promise<T>;
  /**
   * The implementation of both forms above.
   *
   * @param obj a link list or a link.
   * @returns the list or the object, fetched.
   */
  async followLink(obj: Struct | List<unknown> | undefined): Promise<unknown> {
    const href = obj?.href;
    const path = linkPath(this.#base, href);
    const service = this.service(path) as unknown as Record<string, unknown>;
    const method = obj instanceof List || Array.isArray(obj) ? "list" : "get";
    const call = service[method];
    if (typeof call !== "function") {
      throw new SdkError(`The service of '${href}' has no ${method}() method`);
    }
    return await (call as () => Promise<unknown>).call(service);
  }

  /**
   * The root of the service tree. The tree comes from the oVirt model, which
   * registers itself when `@nimbus/apiclient/services/ovirt` is imported.
   *
   * @throws {SdkError} naming that import when the model isn't loaded.
   * @returns the root of the typed service tree.
   */
  systemService(): SystemService {
    return this.#system ??= serviceTree().root(this) as SystemService;
  }

  /**
   * The service at a path, e.g. `vms/123/diskattachments`.
   *
   * @throws {SdkError} `The path "<rest>" doesn't correspond to any service`.
   * @param path a path below the API URL (`vms/123/diskattachments`).
   * @returns the typed service at that path.
   */
  service(path: string): Service {
    return this.systemService().service(path);
  }

  /**
   * Closes the connection. With `logout` the SSO token is revoked first (even
   * one given as `token`) and deleted from the token cache; calling it again
   * does nothing. `logout` defaults to true, except with a `tokenCache`: then
   * the token stays valid and cached for the next run (or connection), which
   * is what the cache is for; pass `{ logout: true }` to revoke it anyway.
   *
   * @param options `logout: false` keeps the SSO token valid (default: revoke it, unless there is a `tokenCache`).
   * @returns a promise that resolves once the token is revoked (when logging
   * out) and the transport released.
   * @throws {AuthError} when the SSO refuses the revoke; the connection is closed all the same.
   */
  async close(options: { logout?: boolean } = {}): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      // A login still running would leave a token nobody revokes.
      await this.#login.settled();
      const logout = options.logout ?? this.#cache === undefined;
      if (logout && this.#auth.token() !== undefined) {
        try {
          await this.#auth.revoke(this.#ssoPost);
        } finally {
          this.#login.forgetToken();
          await this.#login.forgetCached();
        }
      }
    } finally {
      this.#transport.close();
    }
  }

  /**
   * Same as `close()`: revokes the token unless a `tokenCache` keeps it.
   *
   * @returns a promise that resolves once the connection is closed.
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * What `JSON.stringify` shows: no credentials.
   *
   * @returns the URL (credentials removed), the format, and whether a token is held and the connection closed.
   */
  toJSON(): Record<string, unknown> {
    return {
      url: displayUrl(this.url),
      format: this.format,
      authenticated: this.#auth.token() !== undefined,
      closed: this.#closed,
    };
  }

  /**
   * What `Deno.inspect` and `console.log` show: no credentials.
   *
   * @returns `Connection` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `Connection ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * What Node's and Bun's `util.inspect` show: no credentials.
   *
   * @returns `Connection` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Connection ${JSON.stringify(this.toJSON())}`;
  }

  #assertOpen(): void {
    if (this.#closed) {
      throw new ClientClosed(`The connection to '${displayUrl(this.url)}' is closed`);
    }
  }

  /** The token to send, logging in (or reading the cache) first when needed. */
  async #token(limit: { timeoutMs?: number } = {}): Promise<string> {
    await this.#login.ensure(limit);
    const token = this.#auth.token();
    if (token === undefined) throw new AuthError(`No SSO token from '${this.#auth.ssoUrl}'`);
    return token;
  }

  #loginDriver(): LoginDriver {
    const auth = this.#auth;
    return {
      describe: `the oVirt SSO at '${auth.ssoUrl}'`,
      canLogin: auth.canLogin,
      login: async () => {
        this.#wire?.info(`Requesting an SSO token from ${auth.ssoUrl}`);
        await auth.login(this.#ssoPost);
      },
      token: () => auth.token(),
      expiresAt: () => auth.expiresAt(),
      invalidate: () => auth.invalidate(),
      cacheScope: () => auth.cacheScope(),
      prepareScope: () => auth.identify(),
      saveState: () => {
        const token = auth.token();
        return token === undefined ? undefined : { token, expiresAt: auth.expiresAt() };
      },
      restoreState: (state) => {
        auth.setToken(state.token, state.expiresAt);
        return true;
      },
      invalidToken: (message) => new AuthError(message),
    };
  }

  #ssoPost = async (url: string, form: URLSearchParams, headers: Headers): Promise<SsoReply> => {
    const result = await this.#exchange("POST", url, [...headers], form.toString(), this.timeout);
    return {
      status: result.code,
      contentType: result.headers.get("content-type") ?? "",
      body: result.body,
    };
  };

  #sendOnce(request: HttpRequest, token: string, budgetMs?: number): Promise<HttpResponse> {
    const method = request.method.toUpperCase();
    let path = request.path ?? "";
    if (path && !path.startsWith("/")) path = `/${path}`;
    const url = `${this.#base}${path}${queryString(request.query)}`;
    const headers = apiHeaders({
      global: this.#headers,
      local: request.headers,
      query: request.query,
      userAgent: USER_AGENT,
      format: this.format,
      compress: this.#compress,
      token,
    });
    // DELETE may carry a body too: `GlusterBricksService.remove` sends an `<action>`.
    const body = method === "POST" || method === "PUT"
      ? request.body ?? ""
      : method === "DELETE"
      ? request.body
      : undefined;
    return this.#exchange(method, url, headers, body, request.timeout ?? this.timeout, budgetMs, {
      maxBodyBytes: request.maxBodyBytes,
    });
  }

  async #exchange(
    method: string,
    url: string,
    headers: [string, string][],
    body: string | undefined,
    timeoutMs: number,
    timeoutLabelMs?: number,
    limits: { maxBodyBytes?: number } = {},
  ): Promise<HttpResponse> {
    this.#wire?.sent(method, url, headers, body);
    try {
      const result = await exchange(this.#transport, {
        method,
        url,
        headers,
        body,
        timeoutMs,
        timeoutLabelMs,
        maxBodyBytes: limits.maxBodyBytes ?? this.#maxBodyBytes,
      });
      const response = result.response;
      this.#wire?.received(response.status, response.statusText, response.headers, result.body);
      return {
        code: response.status,
        body: result.body,
        headers: response.headers,
        message: response.statusText,
      };
    } catch (error) {
      this.#wire?.info(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

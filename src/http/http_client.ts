/**
 * `HTTPClient`: the OpenStack client core. It composes a transport, an auth
 * session (plugin, token cache, keyring saver), a retry policy, a logger and
 * timings.
 *
 * @module
 */
import type { AuthPlugin } from "../auth/auth_plugin.ts";
import { AuthorizationFailure, ValidationError } from "../errors/client_exception.ts";
import { ClientClosed } from "../errors/transport_errors.ts";
import { fromResponse, requestIdOf } from "../errors/from_response.ts";
import { Unauthorized } from "../errors/http_error.ts";
import { exchange, replayable } from "../transport/exchange.ts";
import { findInvalidHeader, headerEntries, isHeaderName } from "../transport/headers_check.ts";
import { isByteLimit } from "../transport/read_body.ts";
import { Transport } from "../transport/transport.ts";
import {
  curlRequestLine,
  logText,
  requestBodyLine,
  responseBodyLine,
  responseLine,
} from "../redaction/curl_log.ts";
import { displayUrl } from "../redaction/url_credentials.ts";
import { secretValues } from "../redaction/secret_values.ts";
import type { Logger } from "../types.ts";
import { VERSION } from "../version.ts";
import { type EndpointFilter, lookupEndpoint, pluginDriver } from "./plugin_login.ts";
import { LoginLifecycle } from "../session/login_lifecycle.ts";
import type { WaitLimit } from "../session/bounded_wait.ts";
import type { BaseClient } from "./base_client.ts";
import type { HTTPClientOptions, RequestOptions, Timing } from "./options.ts";
import { RetryPolicy, sleep } from "./retry_policy.ts";
import { TimingLog } from "./timings.ts";

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** Methods fetch refuses to send: asking for them is a caller's mistake, not a network failure. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
// deno-lint-ignore no-control-regex
const CONTROL_CHARS = /[\x00-\x1f\x7f]/g;

/** A request ready to send: headers in order (for the log) and the body. */
interface Prepared {
  method: string;
  url: string;
  headers: [string, string][];
  body: BodyInit | null;
}

/**
 * The OpenStack client core (troveclient's `HTTPClient`, keystoneauth's
 * session): one per cloud, shared by every service client. `request()` sends
 * and maps failures to typed errors; `clientRequest()` adds the token and the
 * service endpoint, logging in and re-authenticating as needed.
 *
 * @example Call a service through a plugin
 * ```ts
 * import { BaseClient, HTTPClient } from "@nimbus/apiclient";
 * import { KeystonePasswordAuth } from "@nimbus/apiclient/auth";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 *
 * await using cloud = await FakeCloud.start(); // a real cloud: its Keystone URL
 * class Compute extends BaseClient {
 *   static override serviceType = "compute";
 * }
 * const http = new HTTPClient(
 *   new KeystonePasswordAuth({
 *     authUrl: cloud.authUrl,
 *     username: "admin",
 *     password: FakeCloud.ADMIN_PASSWORD,
 *     userDomainName: "Default",
 *     projectName: "admin",
 *     projectDomainName: "Default",
 *   }),
 *   { timeout: 30_000, timings: true },
 * );
 * const compute = new Compute(http);
 * const { servers } = await (await compute.get("/servers")).json();
 * console.assert(Array.isArray(servers));
 * console.assert(http.getTimings().length === 2); // the login, then the list
 * await http.close();
 * ```
 */
export class HTTPClient implements AsyncDisposable {
  /** The default User-Agent: `nimbus-apiclient/<version>`. */
  static userAgent: string = `nimbus-apiclient/${VERSION}`;

  /** The auth plugin, or `null` for unauthenticated use. */
  readonly authPlugin: AuthPlugin | null;
  /** The region handed to the plugin. */
  readonly regionName: string | undefined;
  /** The default interface for endpoint lookups. */
  readonly endpointType: string;
  /** The client address for `Forwarded`. */
  readonly originalIp: string | undefined;
  /** Default timeout per request, ms (0 = none). */
  readonly timeout: number;
  /** Whether curl-style lines go to the logger. */
  readonly debug: boolean;
  /** The User-Agent sent. */
  readonly userAgent: string;
  /** The body size limit given in the options (`undefined`: the default applies). */
  readonly maxBodyBytes: number | undefined;

  readonly #transport: Transport;
  readonly #login: LoginLifecycle | undefined;
  readonly #retry: RetryPolicy;
  readonly #logger: Logger;
  readonly #timings: TimingLog | undefined;
  readonly #redact: boolean;
  readonly #clients = new Map<string, BaseClient>();
  #token: string | undefined;
  #lastRequestId: string | undefined;

  /**
   * Creates the client; nothing is sent until the first request.
   *
   * @throws {ValidationError} for a `timeout`, `maxBodyBytes` or `retry`
   * option that is not a number ≥ 0 (NaN, negative, a string...).
   *
   * @param authPlugin the plugin that logs in and answers token and endpoint; `null` for plain requests without a login.
   * @param options region, endpoint type, timeout, retries, TLS, token cache, logging and transport;
   * default none: endpoint type `publicURL`, no timeout, no retries, no token cache, `console`.
   */
  constructor(authPlugin: AuthPlugin | null, options: HTTPClientOptions = {}) {
    this.authPlugin = authPlugin;
    this.regionName = options.regionName;
    this.endpointType = options.endpointType ?? "publicURL";
    this.originalIp = options.originalIp;
    this.timeout = checkTimeout(options.timeout) ?? 0;
    this.maxBodyBytes = checkMaxBodyBytes(options.maxBodyBytes);
    this.debug = options.debug ?? false;
    this.userAgent = options.userAgent ?? HTTPClient.userAgent;
    this.#transport = new Transport(options);
    this.#retry = new RetryPolicy(options.retry);
    this.#logger = options.logger ?? console;
    this.#timings = options.timings ? new TimingLog() : undefined;
    this.#redact = options.redact ?? true;
    this.#login = authPlugin
      ? new LoginLifecycle(pluginDriver(authPlugin, this), {
        tokenCache: options.tokenCache,
        afterLogin: options.keyringSaver && (async () => await options.keyringSaver!.save(this)),
        expiryMarginMs: options.expiryMarginMs,
        logger: this.#logger,
        debug: (line) => {
          if (this.debug) this.#logger.debug(line);
        },
      })
      : undefined;
  }

  /** The token last used by `clientRequest` (kept private: never shown by inspect or JSON). */
  get cachedToken(): string | undefined {
    return this.#token;
  }
  /**
   * Sets the remembered token. `clientRequest` sends it only while it is the
   * login's current token; any other value makes the next request look the
   * token up again, and overwrites it.
   *
   * @param value the token to remember; `undefined` to forget it.
   */
  set cachedToken(value: string | undefined) {
    this.#token = value;
  }

  /** The request id of the last response (`x-openstack-request-id`, else `x-compute-request-id`). */
  get lastRequestId(): string | undefined {
    return this.#lastRequestId;
  }

  /**
   * Joins an endpoint and a path with exactly one slash, dropping the path's
   * trailing slash: `("http://h/v2.0/", "/tokens")` → `http://h/v2.0/tokens`.
   *
   * @param endpoint the base URL (a catalog endpoint).
   * @param url the path to append.
   * @returns the joined URL.
   */
  static concatUrl(endpoint: string, url: string): string {
    if (
      url.length > 1 && url[0] === "/" && url[1] !== "/" && !url.endsWith("/") &&
      !endpoint.endsWith("/")
    ) {
      return endpoint + url;
    }
    return `${endpoint.replace(/\/+$/, "")}/${url.replace(/^\/+|\/+$/g, "")}`;
  }

  /**
   * Sends one request. Status ≥ 400 throws the matching `HttpError`;
   * network failures throw `ConnectionError`/`ConnectionRefused`, timeouts
   * `TimeoutError`, a body over `maxBodyBytes` `BodyTooLarge`. The result is
   * a plain WHATWG `Response` whose body is already read (within the
   * timeout and the size limit), so `await response.json()` cannot stall.
   *
   * @throws {ValidationError} for an invalid method, URL, header or option.
   * @throws {ClientClosed} after `close()`.
   * @param method the HTTP method (`GET`, `POST`...).
   * @param url the absolute URL.
   * @param options headers, `json` or `body`, query, timeout, signal, `idempotent`, size limit;
   * default none (the client's timeout and size limit).
   * @returns the response, its body already read; status < 400 (or a 3xx without `Location`).
   */
  async request(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
    if (this.#transport.closed) {
      throw new ClientClosed(`Refusing ${method} ${url}: this HTTPClient is closed`);
    }
    const prepared = this.#prepare(checkMethod(method), url, options);
    for (let attempt = 0;; attempt++) {
      try {
        return await this.#sendOnce(prepared, options);
      } catch (error) {
        // A stream body is gone after the first try: resending it would hide the real error.
        if (!replayable(prepared.body)) throw error;
        if (!this.#retry.shouldRetry(error, prepared.method, options.idempotent, attempt)) {
          throw error;
        }
        const wait = this.#retry.delayMs(error, attempt);
        this.#logger.warn?.(logText(
          `${prepared.method} ${prepared.url} failed (${(error as Error).message}); retry ${
            attempt + 1
          }/${this.#retry.retries} in ${Math.round(wait)} ms`,
          secretValues(prepared.headers, prepared.body),
        ));
        await sleep(wait, options.signal);
      }
    }
  }

  /**
   * Sends a request for a service client: token and endpoint from the cache,
   * the plugin, or a fresh login; on a 401 one re-login and one resend.
   *
   * @param client the service client whose service type and endpoint type pick the endpoint.
   * @param method the HTTP method.
   * @param url the path below the service endpoint (or an absolute URL).
   * @param options as for {@linkcode HTTPClient.request}; default none.
   * @returns the response, its body already read.
   * @throws {AuthorizationFailure} without an auth plugin, or when the login
   * gives no token or no endpoint for the client's service.
   * @throws {HttpError} as for {@linkcode HTTPClient.request}, after the one
   * resend a 401 gets.
   */
  async clientRequest(
    client: BaseClient,
    method: string,
    url: string,
    options: RequestOptions = {},
  ): Promise<Response> {
    const login = this.#requireLogin();
    const plugin = this.authPlugin!;
    const filter: EndpointFilter = {
      endpointType: client.endpointType ?? this.endpointType,
      serviceType: client.serviceType ?? "",
      regionName: this.regionName,
    };
    // The request's timeout and signal also bound the wait for a login it needs.
    const started = Date.now();
    const limit: WaitLimit = { timeoutMs: options.timeout ?? this.timeout, signal: options.signal };
    const before = login.generation;
    let token = this.#token;
    let endpoint = client.cachedEndpoint;
    const reusable = token !== undefined && endpoint !== undefined && !login.busy &&
      !login.refreshDue() && token === login.token();
    if (!reusable) {
      await login.ensure(limit);
      ({ token, endpoint } = lookupEndpoint(plugin, filter, true));
      token ??= login.token();
    }
    let justAuthenticated = login.generation !== before;
    if (!token || !endpoint) {
      if (!justAuthenticated) {
        await login.login(limit);
        justAuthenticated = true;
      }
      ({ token, endpoint } = lookupEndpoint(plugin, filter, false));
      token ??= login.token();
      if (!token || !endpoint) {
        throw new AuthorizationFailure("Cannot find endpoint or token for request");
      }
    }
    const generation = login.generation;
    this.#token = token;
    client.cachedEndpoint = endpoint;
    const sent = remaining(options, this.timeout, started);
    try {
      return await this.request(
        method,
        HTTPClient.concatUrl(endpoint, url),
        withToken(sent, token),
      );
    } catch (error) {
      if (!(error instanceof Unauthorized) || justAuthenticated) throw error;
      return await this.#retryAfter401(client, login, filter, { token, endpoint, generation }, {
        method,
        url,
        options,
        error,
        limit,
        started,
      });
    }
  }

  /**
   * Logs in through the plugin now, then runs the keyring saver and fills the token cache.
   *
   * @returns a promise that resolves once the login is done and the token cached.
   * @throws {AuthorizationFailure} when this client has no auth plugin.
   */
  async authenticate(): Promise<void> {
    await this.#requireLogin().login();
  }

  /**
   * The recorded timings, oldest first (empty unless `timings: true`).
   *
   * @returns one entry per request sent: method, URL, status, start and end (epoch ms).
   */
  getTimings(): readonly Timing[] {
    return this.#timings?.list() ?? [];
  }

  /** Forgets the recorded timings. */
  resetTimings(): void {
    this.#timings?.reset();
  }

  /**
   * Registers a service client under its service type, reachable with
   * `getClient()` and as `http.<serviceType>`. The first registration wins.
   *
   * @param client the service client to register.
   */
  addClient(client: BaseClient): void {
    const type = client.serviceType;
    if (!type || this.#clients.has(type)) return;
    this.#clients.set(type, client);
    if (!(type in this)) {
      Object.defineProperty(this, type, { value: client, enumerable: false, configurable: true });
    }
  }

  /**
   * The client registered for a service type.
   *
   * @param serviceType the catalog service type (`compute`, `identity`...).
   * @returns the client, or `undefined` when none is registered.
   */
  getClient<T extends BaseClient>(serviceType: string): T | undefined {
    return this.#clients.get(serviceType) as T | undefined;
  }

  /**
   * Releases TLS clients and pooled sockets. Later requests throw `ClientClosed`.
   *
   * @returns a promise that resolves at once: the release does not wait for anything.
   */
  close(): Promise<void> {
    this.#transport.close();
    return Promise.resolve();
  }

  /**
   * Same as `close()`, for `await using`.
   *
   * @returns a promise that resolves once the client is closed.
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * No token or secret in `JSON.stringify`.
   *
   * @returns the auth system, region, endpoint type and User-Agent.
   */
  toJSON(): Record<string, unknown> {
    return {
      authSystem: this.authPlugin?.authSystem,
      regionName: this.regionName,
      endpointType: this.endpointType,
      userAgent: this.userAgent,
    };
  }

  /**
   * No token or secret in `Deno.inspect` / `console.log`.
   *
   * @returns `HTTPClient` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `HTTPClient ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `HTTPClient` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `HTTPClient ${JSON.stringify(this.toJSON())}`;
  }

  async #retryAfter401(
    client: BaseClient,
    login: LoginLifecycle,
    filter: EndpointFilter,
    old: { token: string; endpoint: string; generation: number },
    call: {
      method: string;
      url: string;
      options: RequestOptions;
      error: Unauthorized;
      limit: WaitLimit;
      started: number;
    },
  ): Promise<Response> {
    if (!replayable(call.options.body)) throw call.error;
    if (this.#token === old.token) this.#token = undefined;
    client.cachedEndpoint = undefined;
    // One re-login for every request this token failed; none of them reads it back from the cache.
    await login.rejected(old.token, old.generation, call.limit);
    let fresh;
    try {
      fresh = lookupEndpoint(this.authPlugin!, filter, false);
    } catch {
      throw call.error;
    }
    const token = fresh.token ?? login.token();
    if (!token || !fresh.endpoint) throw call.error;
    if (token === old.token && fresh.endpoint === old.endpoint) throw call.error;
    this.#token = token;
    client.cachedEndpoint = fresh.endpoint;
    const url = HTTPClient.concatUrl(fresh.endpoint, call.url);
    const sent = remaining(call.options, this.timeout, call.started);
    return await this.request(call.method, url, withToken(sent, token));
  }

  #requireLogin(): LoginLifecycle {
    if (!this.#login) throw new AuthorizationFailure("HTTPClient has no auth plugin");
    return this.#login;
  }

  #prepare(method: string, url: string, options: RequestOptions): Prepared {
    checkTimeout(options.timeout);
    checkMaxBodyBytes(options.maxBodyBytes);
    if (!URL.canParse(url)) {
      throw new ValidationError(`Invalid URL for ${method}: '${displayUrl(url)}'`);
    }
    const headers = headerEntries(options.headers);
    const set = (name: string, value: string) => {
      const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (at >= 0) headers.splice(at, 1);
      headers.push([name, value]);
    };
    set("User-Agent", this.userAgent);
    if (this.originalIp) set("Forwarded", `for=${this.originalIp};by=${this.userAgent}`);
    let body: BodyInit | null = options.body ?? null;
    if (options.json !== undefined) {
      set("Content-Type", "application/json");
      body = JSON.stringify(options.json);
    }
    const bad = findInvalidHeader(headers);
    if (bad) {
      // The value may be a token: name the header, never show the value.
      throw new ValidationError(
        `Header '${
          bad.name.replace(CONTROL_CHARS, "?")
        }' is not a valid header (bad name, or CR, LF, NUL in the value)`,
      );
    }
    return { method, url: withQuery(url, options.query), headers, body };
  }

  async #sendOnce(prepared: Prepared, options: RequestOptions): Promise<Response> {
    const { method, url } = prepared;
    if (this.debug) this.#logRequest(prepared);
    const start = Date.now();
    let status: number | undefined;
    try {
      const result = await exchange(this.#transport, {
        method,
        url,
        headers: prepared.headers,
        body: prepared.body,
        timeoutMs: options.timeout ?? this.timeout,
        signal: options.signal,
        stream: options.stream,
        maxBodyBytes: options.maxBodyBytes ?? this.maxBodyBytes,
      });
      const { response, body } = result;
      status = response.status;
      this.#lastRequestId = requestIdOf(response.headers);
      // A server may echo the request's password or token back: scrub them from log and error.
      const secrets = this.debug || status >= 400
        ? secretValues(prepared.headers, prepared.body)
        : [];
      if (this.debug) this.#logResponse(method, url, response, body, secrets);
      if (status >= 400) throw fromResponse(response, method, url, body, secrets);
      // A plain Response, as fetch gives: every WHATWG idiom works on it, and
      // the body (already read) is a static one that json()/text() take at once.
      const final = new Response(
        result.stream !== undefined
          ? result.stream
          : NULL_BODY.has(status) || method === "HEAD"
          ? null
          : body,
        { status, statusText: response.statusText, headers: response.headers },
      );
      Object.defineProperty(final, "url", { value: result.url });
      return final;
    } finally {
      this.#timings?.add({ method, url, status, start, end: Date.now() });
    }
  }

  #logRequest(prepared: Prepared): void {
    this.#logger.debug(curlRequestLine(prepared.method, prepared.url, prepared.headers, {
      insecure: this.#transport.insecure,
      redact: this.#redact,
    }));
    if (typeof prepared.body === "string") {
      const type = prepared.headers.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? "";
      this.#logger.debug(requestBodyLine(prepared.body, type, this.#redact));
    }
  }

  #logResponse(
    method: string,
    url: string,
    response: Response,
    body: Uint8Array,
    secrets: readonly string[],
  ): void {
    this.#logger.debug(responseLine(response.status, response.headers, this.#redact));
    if (body.length) {
      const type = response.headers.get("content-type") ?? "";
      this.#logger.debug(
        responseBodyLine(new TextDecoder().decode(body), type, this.#redact, secrets),
      );
    }
    // keystoneauth's line, so an operator can grep the services' logs for the call.
    const id = requestIdOf(response.headers);
    if (id) this.#logger.debug(logText(`${method} call to ${url} used request id ${id}`));
  }
}

/** The options with what is left of the request's timeout after waiting for a login. */
function remaining(
  options: RequestOptions,
  defaultTimeout: number,
  started: number,
): RequestOptions {
  const timeout = options.timeout ?? defaultTimeout;
  if (!(timeout > 0) || !Number.isFinite(timeout)) return options;
  const elapsed = Date.now() - started;
  if (elapsed <= 0) return options;
  return { ...options, timeout: Math.max(1, timeout - elapsed) };
}

/** The method, upper case; `ValidationError` unless it is an HTTP token fetch can send. */
function checkMethod(method: string): string {
  const upper = typeof method === "string" ? method.toUpperCase() : "";
  if (!isHeaderName(upper) || FORBIDDEN_METHODS.has(upper)) {
    throw new ValidationError(
      `Invalid HTTP method '${String(method).replace(CONTROL_CHARS, "?")}'`,
    );
  }
  return upper;
}

/** A timeout option: a number ≥ 0 (Infinity = none); NaN or negative is a mistake. */
function checkTimeout(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0)) {
    throw new ValidationError(`The 'timeout' option must be a number of ms ≥ 0, got ${value}`);
  }
  return value;
}

/** A `maxBodyBytes` option: an integer ≥ 0 or Infinity. */
function checkMaxBodyBytes(value: number | undefined): number | undefined {
  if (value !== undefined && !isByteLimit(value)) {
    throw new ValidationError(
      `The 'maxBodyBytes' option must be an integer ≥ 0 or Infinity, got ${value}`,
    );
  }
  return value;
}

function withToken(options: RequestOptions, token: string): RequestOptions {
  const headers = headerEntries(options.headers).filter(([n]) =>
    n.toLowerCase() !== "x-auth-token"
  );
  headers.push(["X-Auth-Token", token]);
  return { ...options, headers };
}

function withQuery(url: string, query: RequestOptions["query"]): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  if (!text) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${text}`;
}

/**
 * `FakeEngine`: a real HTTP(S) server on loopback that imitates an oVirt
 * engine's SSO, PKI and REST API.
 *
 * @module
 */
import { handleApi } from "./api.ts";
import { type ApiContext, type Caller, fault } from "./context.ts";
import { type AuthContext, authenticate, challenge } from "./auth.ts";
import type { FakeEngineInjection, FakeEngineOptions, FakeEngineRequest } from "./options.ts";
import type { InjectionHandle } from "../injection_handle.ts";
import { caResponse, PKI_PATHS } from "./pki.ts";
import { redactBody, redactHeaders, redactQuery } from "./redact.ts";
import { seed } from "./seed.ts";
import { TlsFront } from "./tls_front.ts";
import { logout, negotiateGrant, passwordGrant, SsoTokens } from "./sso.ts";
import { API_PREFIX, Store } from "./store.ts";

const SSO_TOKEN = "/ovirt-engine/sso/oauth/token";
const SSO_HTTP = "/ovirt-engine/sso/oauth/token-http-auth";
const SSO_REVOKE = "/ovirt-engine/sso/oauth/revoke";
const SSO_LOGOUT = "/ovirt-engine/services/sso-logout";
const DEFAULT_USERS: Record<string, string> = { "admin@internal": "secret" };
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** An injected rule and its counters. */
class ActiveRule implements InjectionHandle {
  hits = 0;
  remaining: number;
  readonly rule: FakeEngineInjection;
  readonly #list: ActiveRule[];
  constructor(rule: FakeEngineInjection, list: ActiveRule[]) {
    this.rule = { ...rule };
    this.remaining = rule.times ?? Infinity;
    this.#list = list;
  }
  matches(method: string, path: string): boolean {
    if (this.remaining <= 0) return false;
    const rule = this.rule;
    if (rule.method && rule.method.toUpperCase() !== method) return false;
    if (rule.path instanceof RegExp) return rule.path.test(path);
    const rel = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length + 1) : undefined;
    return rule.path === path || (rel !== undefined && rule.path === rel);
  }
  remove(): void {
    const i = this.#list.indexOf(this);
    if (i >= 0) this.#list.splice(i, 1);
  }
}

/** Reads a request body up to a limit; undefined when it is larger. */
async function readBody(req: Request, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function hostForUrl(hostname: string): string {
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

/**
 * A fake oVirt engine for tests and demos: SSO with real bearer tokens, HTTP
 * Basic with `Prefer: persistent-auth` sessions, the CA at `pki-resource`,
 * in-memory VMs (with displays, consoles, CD-ROMs and tickets), VM pools,
 * hosts, clusters, data centers, storage domains, disks, templates and
 * networks carrying the engine's fields, links and actions; the
 * `All-Content` and `Filter` views, XML and JSON, faults, injected delays and
 * errors, and a log of every request with its secrets redacted.
 *
 * @example Start an engine and read its API root
 * ```ts
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * const response = await fetch(engine.url, {
 *   headers: { authorization: `Basic ${btoa("admin@internal:s3cret")}` },
 * });
 * console.log(response.status, (await response.text()).includes("<api>")); // 200 true
 * ```
 */
export class FakeEngine implements AsyncDisposable {
  /** The API URL, e.g. `http://127.0.0.1:41234/ovirt-engine/api`. */
  readonly url: string;
  /** The scheme, host and port, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The CA certificate (PEM) the engine hands out; undefined without TLS. */
  readonly caCert: string | undefined;
  #server: Deno.HttpServer<Deno.NetAddr>;
  #front?: TlsFront;
  #auth: AuthContext;
  #api: ApiContext;
  #tls?: { cert: string; ca: string };
  #rules: ActiveRule[] = [];
  #requests: FakeEngineRequest[] = [];
  #requestLogLimit: number;
  #maxBody: number;
  #closing = new AbortController();
  #closed?: Promise<void>;

  private constructor(options: FakeEngineOptions) {
    const tokens = new SsoTokens(options.tokenTtlMs ?? 30 * 60_000);
    const grants = new Map<string, ReadonlySet<string>>();
    for (const [user, ids] of Object.entries(options.grants ?? {})) grants.set(user, new Set(ids));
    this.#auth = {
      tokens,
      users: { ...(options.users ?? DEFAULT_USERS) },
      negotiateTokens: options.negotiateTokens,
      grants,
      secure: options.tls !== undefined,
      authCount: 0,
    };
    const store = new Store();
    if (options.seed !== false) seed(store);
    this.#api = { store, transitionMs: options.transitionMs ?? 0, startedAt: new Date() };
    this.#requestLogLimit = options.requestLogLimit ?? 10_000;
    this.#maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    if (options.tls) {
      const blocks = options.tls.cert.match(
        /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g,
      ) ?? [];
      const ca = options.tls.ca ?? blocks.at(-1) ?? options.tls.cert;
      this.#tls = { cert: blocks[0] ?? options.tls.cert, ca: ca.trim() + "\n" };
    }
    this.caCert = this.#tls?.ca;
    this.#api.caCert = this.caCert;
    const hostname = options.hostname ?? "127.0.0.1";
    const port = options.port ?? 0;
    // With TLS the HTTP server is a loopback backend of the TLS front.
    this.#server = Deno.serve(
      {
        port: options.tls ? 0 : port,
        hostname: options.tls ? "127.0.0.1" : hostname,
        onListen() {},
      },
      (req) => this.#handle(req),
    );
    if (options.tls) {
      try {
        this.#front = new TlsFront(
          { hostname, port, cert: options.tls.cert, key: options.tls.key },
          this.#server.addr.port,
        );
      } catch (e) {
        this.#server.shutdown();
        throw e;
      }
    }
    const scheme = options.tls ? "https" : "http";
    this.origin = `${scheme}://${hostForUrl(hostname)}:${
      this.#front?.port ?? this.#server.addr.port
    }`;
    this.url = `${this.origin}${API_PREFIX}`;
  }

  /**
   * Starts an engine, by default on 127.0.0.1 on a free port.
   *
   * @param options users (default `admin@internal` / `secret`), TLS (default
   * HTTP), `port` (default 0: a free one) and `hostname` (default 127.0.0.1),
   * token lifetime (default 30 min), transitions (default 0 ms), seed
   * (default on); default all of these.
   * @returns the running engine, already listening; `close()` (or `await using`) stops it.
   * It rejects when the server cannot listen (e.g. the port is taken).
   *
   * @example Start and stop an engine on a chosen address
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * const engine = await FakeEngine.start({ hostname: "127.0.0.1", port: 0 });
   * console.log(engine.url);
   * await engine.close();
   * ```
   */
  static start(options: FakeEngineOptions = {}): Promise<FakeEngine> {
    try {
      return Promise.resolve(new FakeEngine(options));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Every request received so far, oldest first (the newest
   * `requestLogLimit`), with credentials and secret fields redacted.
   *
   * @example Check what the last request sent
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * await (await fetch(engine.url)).body?.cancel();
   * console.assert(engine.requests.at(-1)?.status === 401);
   * ```
   */
  get requests(): readonly FakeEngineRequest[] {
    return this.#requests;
  }

  /**
   * Forgets the recorded requests.
   *
   * @example Start a test step with an empty log
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * engine.clearRequests();
   * console.assert(engine.requests.length === 0);
   * ```
   */
  clearRequests(): void {
    this.#requests.length = 0;
  }

  /**
   * How many issued tokens and Basic sessions are still valid (the name
   * `FakeCloud` uses).
   *
   * @example Count tokens
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * engine.issueToken("admin@internal");
   * console.assert(engine.validTokenCount === 1);
   * ```
   */
  get validTokenCount(): number {
    return this.#auth.tokens.active;
  }

  /**
   * Same as {@linkcode FakeEngine.validTokenCount}.
   *
   * @deprecated Use `validTokenCount`, as on `FakeCloud`.
   * @example Count tokens
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * console.assert(engine.activeTokens === 0);
   * ```
   */
  get activeTokens(): number {
    return this.validTokenCount;
  }

  /**
   * How many logins succeeded: SSO grants and HTTP Basic authentications.
   *
   * @example Count logins
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * console.assert(engine.authCount === 0);
   * ```
   */
  get authCount(): number {
    return this.#auth.authCount;
  }

  /**
   * Issues a token without a login, as if the user had one already.
   *
   * @param user a configured user (`admin@internal`); the name is not checked.
   * @returns a valid SSO token for that user, living `tokenTtlMs`.
   *
   * @example Call the API with an issued token
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * const token = engine.issueToken("admin@internal");
   * const r = await fetch(engine.url, { headers: { authorization: `Bearer ${token}` } });
   * console.assert(r.status === 200);
   * await r.body?.cancel();
   * ```
   */
  issueToken(user: string): string {
    return this.#auth.tokens.issue(user).token;
  }

  /**
   * Makes every token and session issued so far expired: the next API call
   * with one gets 401 (new logins still work).
   *
   * @example Expire the tokens
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * engine.issueToken("admin@internal");
   * engine.expireTokens();
   * console.assert(engine.validTokenCount === 0);
   * ```
   */
  expireTokens(): void {
    this.#auth.tokens.expireAll();
  }

  /**
   * Revokes every token and session.
   *
   * @example Revoke the tokens
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * engine.issueToken("admin@internal");
   * engine.revokeAll();
   * console.assert(engine.validTokenCount === 0);
   * ```
   */
  revokeAll(): void {
    this.#auth.tokens.revokeAll();
  }

  /**
   * Adds a fault or delay rule; rules are tried in the order added. Returns
   * the rule's live state (hits, remaining, remove), as `FakeCloud.inject`.
   *
   * @param rule the path (and method) to answer, with the status, body, headers or delay to send.
   * @returns the live rule: hits, remaining, `remove()`.
   *
   * @example Fail the next VM list
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * const rule = engine.inject({ path: "vms", method: "GET", status: 503, times: 1 });
   * console.assert(rule.remaining === 1);
   * ```
   */
  inject(rule: FakeEngineInjection): InjectionHandle {
    const active = new ActiveRule(rule, this.#rules);
    this.#rules.push(active);
    return active;
  }

  /**
   * Drops every injected rule.
   *
   * @example Drop the rules
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * engine.inject({ path: "vms", status: 503 });
   * engine.clearInjections();
   * ```
   */
  clearInjections(): void {
    this.#rules.length = 0;
  }

  /**
   * `OVIRT_*` variables that log in as a user, as Ansible's oVirt modules
   * read them (`OVIRT_URL`, `OVIRT_USERNAME`, `OVIRT_PASSWORD`).
   *
   * @param user a configured user (default the first).
   * @returns `OVIRT_*` variables with the engine's URL and the user's credentials.
   * @throws {RangeError} for a user the engine does not have.
   *
   * @example Pass the engine to a subprocess
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * console.assert(String(engine.env().OVIRT_USERNAME) === "admin@internal");
   * ```
   */
  env(user?: string): Record<string, string> {
    const users = this.#auth.users;
    const name = user ?? Object.keys(users)[0] ?? "admin@internal";
    if (!Object.hasOwn(users, name)) throw new RangeError(`Unknown user: ${name}`);
    return { OVIRT_URL: this.url, OVIRT_USERNAME: name, OVIRT_PASSWORD: users[name]! };
  }

  /**
   * Stops the server; pending injected delays end at once. Safe to call twice.
   *
   * @returns a promise that resolves once the TLS front (if any) and the
   * server have shut down (the same promise each call).
   *
   * @example Stop an engine
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * const engine = await FakeEngine.start();
   * await engine.close();
   * ```
   */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closing.abort();
      const front = this.#front?.close() ?? Promise.resolve();
      this.#closed = front.then(() => this.#server.shutdown());
    }
    return this.#closed;
  }

  /**
   * Same as {@linkcode FakeEngine.close}, for `await using`.
   *
   * @returns a promise that resolves once the engine has shut down.
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * The URLs only: no password or token.
   *
   * @returns the API URL, the origin, and whether it serves TLS.
   *
   * @example Print an engine
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * await using engine = await FakeEngine.start();
   * console.assert(!(JSON.stringify(engine).includes("secret")));
   * ```
   */
  toJSON(): Record<string, unknown> {
    return { url: this.url, origin: this.origin, tls: this.#tls !== undefined };
  }

  /**
   * The URLs only: no password or token.
   *
   * @returns `FakeEngine` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `FakeEngine ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * The URLs only, for Node's and Bun's `util.inspect`.
   *
   * @returns `FakeEngine` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `FakeEngine ${JSON.stringify(this.toJSON())}`;
  }

  #sleep(ms: number): Promise<void> {
    const signal = this.#closing.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done);
    });
  }

  #record(entry: FakeEngineRequest): void {
    this.#requests.push(entry);
    const over = this.#requests.length - this.#requestLogLimit;
    if (over > 0) this.#requests.splice(0, over);
  }

  async #handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const contentType = req.headers.get("content-type") ?? "";
    const entry: FakeEngineRequest = {
      method: req.method,
      path: url.pathname,
      ...redactQuery(url),
      headers: redactHeaders(req.headers),
      body: "",
      status: 0,
    };
    this.#record(entry);
    const body = await readBody(req, this.#maxBody);
    let response: Response;
    if (body === undefined) {
      response = fault(
        { json: false },
        413,
        "Request Entity Too Large",
        `The request body is larger than ${this.#maxBody} bytes.`,
      );
    } else {
      entry.body = redactBody(body, contentType);
      response = await this.#answer(req, url, body, contentType, entry);
    }
    entry.status = response.status;
    return response;
  }

  async #answer(
    req: Request,
    url: URL,
    body: string,
    contentType: string,
    entry: FakeEngineRequest,
  ): Promise<Response> {
    const active = this.#rules.find((r) => r.matches(req.method, url.pathname));
    if (active) {
      active.hits++;
      if (--active.remaining <= 0) active.remove();
      const rule = active.rule;
      if (rule.delayMs) await this.#sleep(rule.delayMs);
      if (rule.status !== undefined || rule.body !== undefined) {
        const text = rule.body ?? "";
        const type = rule.contentType ??
          (text.trimStart().startsWith("<") ? "application/xml" : "application/json");
        return new Response(text || null, {
          status: rule.status ?? 200,
          headers: { ...(text ? { "content-type": type } : {}), ...rule.headers },
        });
      }
    }
    return this.#route(req, url, body, contentType, entry);
  }

  #route(
    req: Request,
    url: URL,
    body: string,
    contentType: string,
    entry: FakeEngineRequest,
  ): Response {
    const path = url.pathname;
    if (PKI_PATHS.includes(path)) {
      if (req.method !== "GET" && req.method !== "HEAD") return new Response(null, { status: 405 });
      return caResponse(path, url.searchParams, this.#tls);
    }
    if (path === SSO_TOKEN || path === SSO_HTTP || path === SSO_REVOKE || path === SSO_LOGOUT) {
      if (req.method !== "POST") return new Response(null, { status: 405 });
      const form = new URLSearchParams(body);
      if (path === SSO_TOKEN) return this.#counted(passwordGrant(this.#auth, form));
      if (path === SSO_HTTP) {
        return this.#counted(
          negotiateGrant(this.#auth, form, req.headers.get("authorization") ?? ""),
        );
      }
      return logout(this.#auth, form);
    }
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) {
      return new Response("<html><body><h1>Not Found</h1></body></html>", {
        status: 404,
        headers: { "content-type": "text/html" },
      });
    }
    const json = /application\/json/i.test(req.headers.get("accept") ?? "");
    const auth = authenticate(this.#auth, req.headers);
    if (!auth) return challenge();
    entry.user = auth.user;
    const flag = (header: string, param: string) =>
      (req.headers.get(header) ?? url.searchParams.get(param) ?? "").trim().toLowerCase() ===
        "true";
    const filter = flag("filter", "filter");
    const caller: Caller = { user: auth.user, grants: this.#auth.grants.get(auth.user) };
    if (caller.grants && !filter) {
      // A user without an administrator role may use the API only in the filtered (user) view.
      const response = fault(
        { json },
        403,
        "Operation Failed",
        "[Query execution failed due to insufficient permissions.]",
      );
      return withHeaders(response, auth.headers);
    }
    const apiReq = {
      method: req.method,
      rel: path.slice(API_PREFIX.length).replace(/^\/+/, ""),
      query: url.searchParams,
      body,
      contentType,
      json,
      allContent: flag("all-content", "all_content"),
      filter,
      caller,
    };
    let response: Response;
    try {
      response = handleApi(apiReq, this.#api);
    } catch (e) {
      response = fault(apiReq, 500, "Internal Server Error", String(e));
    }
    return withHeaders(response, auth.headers);
  }

  #counted(response: Response): Response {
    if (response.status === 200) this.#auth.authCount++;
    return response;
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.append(name, value);
  return response;
}

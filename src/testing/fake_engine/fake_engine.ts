/**
 * `FakeEngine`: a real HTTP(S) server on loopback that imitates an oVirt
 * engine's SSO and REST API.
 *
 * @module
 */
import { type ApiContext, fault, handleApi } from "./api.ts";
import type { FakeEngineOptions, InjectRule, RecordedRequest } from "./options.ts";
import { seed } from "./seed.ts";
import { logout, negotiateGrant, passwordGrant, type SsoContext, SsoTokens } from "./sso.ts";
import { API_PREFIX, Store } from "./store.ts";

const SSO_TOKEN = "/ovirt-engine/sso/oauth/token";
const SSO_HTTP = "/ovirt-engine/sso/oauth/token-http-auth";
const SSO_LOGOUT = "/ovirt-engine/services/sso-logout";
const DEFAULT_USERS: Record<string, string> = { "admin@internal": "secret" };

function redactForm(body: string): string {
  return body.replace(/(^|&)(password|token)=[^&]*/g, "$1$2=<redacted>");
}

function recordHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = name === "authorization" ? `${value.split(/\s+/)[0] ?? ""} <redacted>` : value;
  });
  return out;
}

/**
 * A fake oVirt engine for tests and demos: SSO with real bearer tokens,
 * in-memory VMs, hosts, clusters, data centers, storage domains, disks,
 * templates and networks, VM power actions, XML and JSON, faults, injected
 * delays and errors, and a log of every request.
 *
 * @example Start an engine and read its API root
 * ```ts
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * const token = engine.issueToken("admin@internal");
 * const response = await fetch(engine.url, { headers: { authorization: `Bearer ${token}` } });
 * console.log(response.status, (await response.text()).includes("<api>")); // 200 true
 * ```
 */
export class FakeEngine implements AsyncDisposable {
  /** The API URL, e.g. `http://127.0.0.1:41234/ovirt-engine/api`. */
  readonly url: string;
  /** The scheme, host and port, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  #server: Deno.HttpServer<Deno.NetAddr>;
  #tokens: SsoTokens;
  #sso: SsoContext;
  #api: ApiContext;
  #rules: InjectRule[] = [];
  #requests: RecordedRequest[] = [];
  #closing = new AbortController();
  #closed?: Promise<void>;

  private constructor(options: FakeEngineOptions) {
    this.#tokens = new SsoTokens(options.tokenTtlMs ?? 30 * 60_000);
    this.#sso = {
      tokens: this.#tokens,
      users: { ...(options.users ?? DEFAULT_USERS) },
      negotiateTokens: options.negotiateTokens,
    };
    const store = new Store();
    if (options.seed !== false) seed(store);
    this.#api = { store, transitionMs: options.transitionMs ?? 0, startedAt: new Date() };
    const tls = options.tls ? { cert: options.tls.cert, key: options.tls.key } : {};
    this.#server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen() {}, ...tls },
      (req) => this.#handle(req),
    );
    const scheme = options.tls ? "https" : "http";
    this.origin = `${scheme}://127.0.0.1:${this.#server.addr.port}`;
    this.url = `${this.origin}${API_PREFIX}`;
  }

  /**
   * Starts an engine on 127.0.0.1, on a free port.
   *
   * @example Start and stop an engine
   * ```ts
   * import { FakeEngine } from "@nimbus/apiclient/testing";
   * const engine = await FakeEngine.start();
   * console.log(engine.url);
   * await engine.close();
   * ```
   */
  static start(options: FakeEngineOptions = {}): Promise<FakeEngine> {
    return Promise.resolve(new FakeEngine(options));
  }

  /** Every request received so far, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Forgets the recorded requests. */
  clearRequests(): void {
    this.#requests.length = 0;
  }

  /** How many issued tokens are still valid. */
  get activeTokens(): number {
    return this.#tokens.active;
  }

  /** Issues a token without a login, as if the user had one already. */
  issueToken(user: string): string {
    return this.#tokens.issue(user).token;
  }

  /** Makes every token issued so far expired: the next API call gets 401. */
  expireTokens(): void {
    this.#tokens.expireAll();
  }

  /** Revokes every token. */
  revokeAll(): void {
    this.#tokens.revokeAll();
  }

  /** Adds a fault or delay rule; rules are tried in the order added. */
  inject(rule: InjectRule): void {
    this.#rules.push({ ...rule });
  }

  /** Drops every injected rule. */
  clearInjections(): void {
    this.#rules.length = 0;
  }

  /** Stops the server; pending injected delays end at once. */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closing.abort();
      this.#closed = this.#server.shutdown();
    }
    return this.#closed;
  }

  /** Same as {@linkcode FakeEngine.close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #matchRule(method: string, path: string): InjectRule | undefined {
    const rel = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length + 1) : undefined;
    const index = this.#rules.findIndex((rule) => {
      if (rule.method && rule.method.toUpperCase() !== method) return false;
      if (rule.path instanceof RegExp) return rule.path.test(path);
      return rule.path === path || (rel !== undefined && rule.path === rel);
    });
    const rule = this.#rules[index];
    if (!rule) return undefined;
    if (rule.times !== undefined && --rule.times <= 0) this.#rules.splice(index, 1);
    return rule;
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

  async #handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const body = await req.text();
    const contentType = req.headers.get("content-type") ?? "";
    this.#requests.push({
      method: req.method,
      path: url.pathname,
      rawQuery: url.search.replace(/^\?/, ""),
      query: Object.fromEntries(url.searchParams),
      headers: recordHeaders(req.headers),
      body: /form-urlencoded/i.test(contentType) ? redactForm(body) : body,
    });
    const rule = this.#matchRule(req.method, url.pathname);
    if (rule?.delayMs) await this.#sleep(rule.delayMs);
    if (rule && (rule.status !== undefined || rule.body !== undefined)) {
      const text = rule.body ?? "";
      const type = rule.contentType ??
        (text.trimStart().startsWith("<") ? "application/xml" : "application/json");
      return new Response(text || null, {
        status: rule.status ?? 200,
        headers: { ...(text ? { "content-type": type } : {}), ...rule.headers },
      });
    }
    return this.#route(req, url, body, contentType);
  }

  #route(req: Request, url: URL, body: string, contentType: string): Response {
    const path = url.pathname;
    if (path === SSO_TOKEN || path === SSO_HTTP || path === SSO_LOGOUT) {
      if (req.method !== "POST") return new Response(null, { status: 405 });
      const form = new URLSearchParams(body);
      if (path === SSO_TOKEN) return passwordGrant(this.#sso, form);
      if (path === SSO_HTTP) {
        return negotiateGrant(this.#sso, form, req.headers.get("authorization") ?? "");
      }
      return logout(this.#sso, form);
    }
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) {
      return new Response("<html><body><h1>Not Found</h1></body></html>", {
        status: 404,
        headers: { "content-type": "text/html" },
      });
    }
    const apiReq = {
      method: req.method,
      rel: path.slice(API_PREFIX.length).replace(/^\/+/, ""),
      query: url.searchParams,
      body,
      contentType,
      json: /application\/json/i.test(req.headers.get("accept") ?? ""),
    };
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
    if (!bearer || this.#tokens.check(bearer[1]!) === undefined) {
      return new Response(null, {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="RESTAPI"' },
      });
    }
    try {
      return handleApi(apiReq, this.#api);
    } catch (e) {
      return fault(apiReq, 500, "Internal Server Error", String(e));
    }
  }
}

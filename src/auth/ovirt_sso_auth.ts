/**
 * The oVirt engine's SSO (OAuth) login and revoke, used by `Connection`.
 *
 * @module
 */
import { sha256Hex } from "../_runtime/sha256.ts";
import { AuthError } from "../errors/sdk_error.ts";
import { displayUrl } from "../redaction/url_credentials.ts";
import { redactText } from "../redaction/redact_text.ts";
import { scrubSecrets } from "../redaction/scrub_secrets.ts";
import { gssapiNegotiate } from "./gssapi/mod.ts";

/**
 * What a Kerberos `negotiate` hook may return instead of the bare token: the
 * token and the client principal it was made for. With a principal, the SSO
 * token is cached under it; without one it is not cached at all, so two
 * Kerberos users can never share a cached token.
 *
 * @example
 * ```ts
 * import type { NegotiateResult } from "@nimbus/apiclient/auth";
 * const result: NegotiateResult = { token: "YIIC…", principal: "alice@EXAMPLE.COM" };
 * ```
 */
export interface NegotiateResult {
  /** The base64 SPNEGO token. */
  token: string;
  /** The client principal, e.g. `alice@EXAMPLE.COM`. */
  principal?: string;
}

/**
 * A Kerberos `negotiate` hook: the base64 SPNEGO token for a service such as
 * `HTTP@engine.example.com`, or a {@linkcode NegotiateResult}. A hook may
 * carry a `principal()` method naming the default principal without
 * negotiating (the GSSAPI default has one).
 *
 * @example
 * ```ts
 * import type { NegotiateHook } from "@nimbus/apiclient/auth";
 * const hook: NegotiateHook = () => Promise.resolve({ token: "YII…", principal: "bob@EXAMPLE.COM" });
 * ```
 */
export type NegotiateHook = ((service: string) => Promise<string | NegotiateResult>) & {
  principal?: () => Promise<string | undefined>;
};

/**
 * What an SSO endpoint answered, body fully read.
 *
 * @example A reply built from a fetch Response
 * ```ts
 * import type { SsoReply } from "@nimbus/apiclient/auth";
 * async function toReply(r: Response): Promise<SsoReply> {
 *   return {
 *     status: r.status,
 *     contentType: r.headers.get("content-type") ?? "",
 *     body: new Uint8Array(await r.arrayBuffer()),
 *   };
 * }
 * ```
 */
export interface SsoReply {
  /** The HTTP status. */
  status: number;
  /** The `Content-Type` header ("" when absent). */
  contentType: string;
  /** The body. */
  body: Uint8Array;
}

/**
 * Posts a form to an SSO endpoint. `Connection` supplies one that uses its
 * transport, timeout and debug log.
 *
 * @example A poster on the global fetch
 * ```ts
 * import type { SsoPost } from "@nimbus/apiclient/auth";
 * const post: SsoPost = async (url, form, headers) => {
 *   const r = await fetch(url, { method: "POST", body: form, headers });
 *   return {
 *     status: r.status,
 *     contentType: r.headers.get("content-type") ?? "",
 *     body: new Uint8Array(await r.arrayBuffer()),
 *   };
 * };
 * ```
 */
export type SsoPost = (url: string, form: URLSearchParams, headers: Headers) => Promise<SsoReply>;

/**
 * Options of {@linkcode OvirtSsoAuth}.
 *
 * @example A password login
 * ```ts
 * import type { OvirtSsoAuthOptions } from "@nimbus/apiclient/auth";
 * const options: OvirtSsoAuthOptions = {
 *   url: "https://engine.example.com/ovirt-engine/api",
 *   username: "admin@internal",
 *   password: "s3cret",
 * };
 * ```
 */
export interface OvirtSsoAuthOptions {
  /** The API URL, e.g. `https://engine.example.com/ovirt-engine/api`. */
  url: string;
  /** The user for the password grant, e.g. `admin@internal`. */
  username?: string;
  /** The password for the password grant. */
  password?: string;
  /** A token obtained elsewhere: no login happens while it works. */
  token?: string;
  /** Log in with Kerberos (HTTP Negotiate) instead of a password. */
  kerberos?: boolean;
  /**
   * Kerberos: returns the base64 SPNEGO token for a service such as `HTTP@engine.example.com`.
   * Default: {@linkcode gssapiNegotiate} (the system GSSAPI library through Deno FFI).
   */
  negotiate?: NegotiateHook;
  /** The SSO token URL; default `<origin>/ovirt-engine/sso/oauth/token` (or `token-http-auth`). */
  ssoUrl?: string;
  /** The SSO revoke URL; default `<origin>/ovirt-engine/services/sso-logout`. */
  ssoRevokeUrl?: string;
  /** The key of the token in the SSO reply; default `access_token`. */
  ssoTokenName?: string;
  /** The User-Agent of SSO requests. */
  userAgent?: string;
}

const JSON_TYPE = /^\s*(application|text)\/json\s*(;.*)?$/;

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Logs in to the engine's SSO with a password or Kerberos, or holds a token
 * given by the caller, and revokes it. Secrets live in private fields and
 * never show in `Deno.inspect`, `JSON.stringify` or error messages.
 *
 * @example Log in through a FakeEngine
 * ```ts
 * import { OvirtSsoAuth } from "@nimbus/apiclient/auth";
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * const auth = new OvirtSsoAuth({ url: engine.url, username: "admin@internal", password: "s3cret" });
 * const post = async (url: string, form: URLSearchParams, headers: Headers) => {
 *   const r = await fetch(url, { method: "POST", body: form, headers });
 *   return {
 *     status: r.status,
 *     contentType: r.headers.get("content-type") ?? "",
 *     body: new Uint8Array(await r.arrayBuffer()),
 *   };
 * };
 * const token = await auth.login(post);
 * await auth.revoke(post);
 * console.assert(token.length > 0);
 * ```
 */
export class OvirtSsoAuth {
  /** Always "ovirt-sso". */
  readonly authSystem: string = "ovirt-sso";
  /** The SSO token endpoint. */
  readonly ssoUrl: string;
  /** The SSO revoke endpoint. */
  readonly ssoRevokeUrl: string;
  /** The user name, "kerberos" for a Kerberos login, undefined for a token-only auth. */
  readonly user: string | undefined;
  /** Whether this auth can log in (a password or Kerberos is configured). */
  readonly canLogin: boolean;
  readonly #username: string | undefined;
  readonly #password: string | undefined;
  readonly #kerberos: boolean;
  readonly #negotiate: NegotiateHook;
  readonly #tokenName: string;
  readonly #userAgent: string;
  #token: string | undefined;
  #expiresAt: number | undefined;
  /** The Kerberos client principal, once known. */
  #principal: string | undefined;
  /** A negotiation made to learn the principal, used by the next login. */
  #pending: Promise<NegotiateResult> | undefined;

  /**
   * Creates the auth; nothing is sent until {@linkcode OvirtSsoAuth.login}.
   *
   * @param options the API URL, credentials (password, token or Kerberos) and SSO URLs (see {@linkcode OvirtSsoAuthOptions}); secrets stay private.
   * @throws {AuthError} for a `url` that does not parse (the message shows it without credentials).
   */
  constructor(options: OvirtSsoAuthOptions) {
    let origin: string;
    try {
      origin = new URL(options.url).origin;
    } catch (error) {
      // The parse error repeats the URL, credentials and all: name it without them.
      throw new AuthError(`The 'url' '${displayUrl(options.url)}' isn't a valid URL`, {
        cause: error instanceof Error ? new TypeError(displayUrl(error.message)) : undefined,
      });
    }
    this.#kerberos = options.kerberos === true;
    const entry = this.#kerberos ? "token-http-auth" : "token";
    this.ssoUrl = options.ssoUrl ?? `${origin}/ovirt-engine/sso/oauth/${entry}`;
    this.ssoRevokeUrl = options.ssoRevokeUrl ?? `${origin}/ovirt-engine/services/sso-logout`;
    this.#username = options.username;
    this.#password = options.password;
    this.#negotiate = options.negotiate ?? gssapiNegotiate;
    this.#tokenName = options.ssoTokenName ?? "access_token";
    this.#userAgent = options.userAgent ?? "nimbus-apiclient";
    this.#token = options.token;
    this.canLogin = this.#kerberos || options.username !== undefined;
    this.user = this.#kerberos ? "kerberos" : options.username;
  }

  /**
   * The current token, if there is one.
   *
   * @returns the token given, logged in or restored; undefined before a login or after `invalidate()`.
   */
  token(): string | undefined {
    return this.#token;
  }

  /**
   * When the current token expires (epoch ms), when the SSO said so.
   *
   * @returns the SSO's `exp` in epoch ms; undefined when it gave none, or one already past at login.
   */
  expiresAt(): number | undefined {
    return this.#expiresAt;
  }

  /**
   * Uses a token obtained elsewhere (e.g. from a token cache).
   *
   * @param token the SSO token to send from now on.
   * @param expiresAt when it expires, epoch ms; default unknown.
   */
  setToken(token: string, expiresAt?: number): void {
    this.#token = token;
    this.#expiresAt = expiresAt;
  }

  /** Forgets the current token, so the next request logs in. */
  invalidate(): void {
    this.#token = undefined;
    this.#expiresAt = undefined;
  }

  /**
   * What identifies this login in a token cache; undefined for a token-only
   * auth, and for Kerberos until the client principal is known.
   *
   * @returns `kind`, the SSO URL, the user, the Kerberos principal (if any) and,
   * with a password, `credential`: 32 hex digits of its salted SHA-256.
   */
  cacheScope(): Record<string, string> | undefined {
    if (this.user === undefined) return undefined;
    if (this.#kerberos && this.#principal === undefined) return undefined;
    const scope: Record<string, string> = { kind: "ovirt-sso", url: this.ssoUrl, user: this.user };
    if (this.#principal !== undefined) scope.principal = this.#principal;
    // A salted hash of the password, so a run with another password never reuses the token.
    if (this.#password !== undefined) {
      scope.credential = sha256Hex(`nimbus-apiclient:ovirt-sso:${this.ssoUrl}\0${this.#password}`)
        .slice(0, 32);
    }
    return scope;
  }

  /** The Kerberos client principal, once known (after {@linkcode identify} or a login). */
  get principal(): string | undefined {
    return this.#principal;
  }

  /**
   * Learns who logs in before a token cache is read: for Kerberos, the client
   * principal (from the hook's `principal()`, else by negotiating now and
   * keeping the token for the next login). Nothing to do for a password.
   *
   * @returns a promise that resolves once the principal is known (at once for a password).
   * @throws {AuthError} when the Kerberos negotiation fails or gives no token.
   */
  async identify(): Promise<void> {
    if (!this.#kerberos || this.#principal !== undefined) return;
    const named = await this.#negotiate.principal?.();
    if (named) {
      this.#principal = named;
      return;
    }
    this.#pending ??= this.#negotiateNow();
    await this.#pending;
  }

  /** Runs the hook; its failure becomes an AuthError carrying its reason. */
  async #negotiateNow(): Promise<NegotiateResult> {
    const host = new URL(this.ssoUrl).hostname.replace(/^\[(.*)\]$/, "$1");
    const service = `HTTP@${host}`;
    let result: string | NegotiateResult;
    try {
      result = await this.#negotiate(service);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthError(`Kerberos login for service '${service}' failed: ${reason}`, {
        cause: error,
      });
    }
    const negotiated = typeof result === "string" ? { token: result } : result;
    if (typeof negotiated?.token !== "string" || negotiated.token === "") {
      throw new AuthError(
        `Kerberos login for service '${service}' failed: the negotiate hook returned no token`,
      );
    }
    if (negotiated.principal) this.#principal = negotiated.principal;
    return negotiated;
  }

  /**
   * The secrets this auth knows, so logs can scrub them.
   *
   * @returns the password and the current token, each when set and at least 4 characters long.
   */
  secrets(): string[] {
    return [this.#password, this.#token].filter((s): s is string => !!s && s.length >= 4);
  }

  /**
   * Logs in and keeps the new token.
   *
   * @param post sends the form to the SSO and reads the whole reply (`Connection` gives its own).
   * @returns the new SSO token.
   * @throws {AuthError} for an SSO error, a non-JSON reply, a missing token, a
   * token-only auth, or a Kerberos auth whose GSSAPI negotiation fails.
   */
  async login(post: SsoPost): Promise<string> {
    const headers = this.#headers();
    let form: URLSearchParams;
    if (this.#kerberos) {
      // A negotiation made by identify() is used once; otherwise negotiate now, and learn
      // the principal again (a new kinit may have changed it) so the token is cached under it.
      if (!this.#pending && this.#negotiate.principal) {
        this.#principal = await this.#negotiate.principal().catch(() => undefined);
      }
      const pending = this.#pending ?? this.#negotiateNow();
      this.#pending = undefined;
      const negotiated = await pending;
      headers.set("Authorization", `Negotiate ${negotiated.token}`);
      form = new URLSearchParams({
        grant_type: "urn:ovirt:params:oauth:grant-type:http",
        scope: "ovirt-app-api",
      });
    } else {
      if (this.#username === undefined) {
        throw new AuthError(
          "The SSO token was rejected or is missing, and the connection has no username and " +
            "password or Kerberos to log in again",
        );
      }
      form = new URLSearchParams({
        grant_type: "password",
        scope: "ovirt-app-api",
        username: this.#username,
        password: this.#password ?? "",
      });
    }
    const reply = this.#read(await post(this.ssoUrl, form, headers), "authentication");
    const error = this.#error(reply);
    if (error) {
      // Some SSOs echo the submitted password in error_description.
      const shown = scrubSecrets(redactText(error), [this.#password]);
      throw new AuthError(`Error during SSO authentication ${shown}`, { code: reply.status });
    }
    const token = reply.json[this.#tokenName];
    if (typeof token !== "string" || token === "") {
      throw new AuthError(
        `The SSO reply from '${this.ssoUrl}' has no '${this.#tokenName}' value`,
        { code: reply.status },
      );
    }
    const exp = Number(reply.json.exp) * 1000;
    // An `exp` already past when the token arrives means the engine's clock is
    // behind ours: trusting it would log in again on every request.
    this.setToken(token, Number.isFinite(exp) && exp > Date.now() ? exp : undefined);
    return token;
  }

  /**
   * Revokes the current token (if any) and forgets it.
   *
   * @param post sends the form to the SSO and reads the whole reply (`Connection` gives its own).
   * @returns a promise that resolves once the SSO has answered; at once without a token.
   * The token is forgotten before the request, even when the revoke fails.
   * @throws {AuthError} when the SSO answers with an error or not in JSON.
   */
  async revoke(post: SsoPost): Promise<void> {
    const token = this.#token;
    if (token === undefined) return;
    this.invalidate();
    const form = new URLSearchParams({ scope: "ovirt-app-api", token });
    const reply = this.#read(await post(this.ssoRevokeUrl, form, this.#headers()), "revoke");
    const error = this.#error(reply);
    if (error) {
      const shown = scrubSecrets(redactText(error), [token]);
      throw new AuthError(`Error during SSO revoke ${shown}`, { code: reply.status });
    }
  }

  #headers(): Headers {
    return new Headers({
      "User-Agent": this.#userAgent,
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept": "application/json",
    });
  }

  /** The JSON object of a reply (a list gives its first item). */
  #read(reply: SsoReply, what: string): { status: number; json: Record<string, unknown> } {
    const clear = (why: string) =>
      new AuthError(
        `Error during SSO ${what}: the server answered HTTP ${reply.status} with ${why}; ` +
          `check the 'url' and 'ssoUrl' options and that the engine's SSO is reachable`,
        { code: reply.status },
      );
    if (!JSON_TYPE.test(reply.contentType)) {
      throw clear(`content type '${reply.contentType}' instead of JSON`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(reply.body));
    } catch {
      throw clear("a body that isn't valid JSON");
    }
    if (Array.isArray(parsed)) parsed = parsed[0];
    if (typeof parsed !== "object" || parsed === null) {
      throw clear("a JSON value that isn't an object");
    }
    return { status: reply.status, json: parsed as Record<string, unknown> };
  }

  /** `<code> : <text>` when the reply carries an `error`. */
  #error(reply: { json: Record<string, unknown> }): string | undefined {
    const json = reply.json;
    if (!("error" in json)) return undefined;
    return "error_description" in json
      ? `${text(json.error)} : ${text(json.error_description)}`
      : `${text(json.error_code)} : ${text(json.error)}`;
  }

  /**
   * No secrets in `JSON.stringify`.
   *
   * @returns the auth system, the SSO URL and the user.
   */
  toJSON(): Record<string, unknown> {
    return { authSystem: this.authSystem, ssoUrl: this.ssoUrl, user: this.user };
  }

  /**
   * No secrets in `Deno.inspect`.
   *
   * @returns `OvirtSsoAuth { ssoUrl, user, hasToken }`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.#describe();
  }

  /**
   * No secrets in Node's and Bun's `util.inspect`.
   *
   * @returns `OvirtSsoAuth { ssoUrl, user, hasToken }`.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#describe();
  }

  #describe(): string {
    return `OvirtSsoAuth { ssoUrl: ${JSON.stringify(this.ssoUrl)}, user: ${
      JSON.stringify(this.user ?? null)
    }, hasToken: ${this.#token !== undefined} }`;
  }
}

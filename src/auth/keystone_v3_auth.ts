/**
 * The v3 half shared by the password, token and application credential
 * plugins: `POST <authUrl>/auth/tokens`, scope, and the v3 token body.
 *
 * @module
 */
import {
  KeystoneAuthBase,
  type KeystoneAuthState,
  type KeystoneIdentityRef,
  parseExpiry,
} from "./keystone_auth_base.ts";
import {
  buildScope,
  describeScope,
  type KeystoneScopeOptions,
  pickScope,
  scopeKey,
  validateScope,
} from "./keystone_scope.ts";
import { ServiceCatalog } from "./service_catalog.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A v3 `user`/`project` object as a {@linkcode KeystoneIdentityRef}. */
function ref(value: unknown): KeystoneIdentityRef | undefined {
  if (!isRecord(value)) return undefined;
  const domain = isRecord(value.domain) ? value.domain : {};
  const out: KeystoneIdentityRef = {};
  if (str(value.id)) out.id = str(value.id);
  if (str(value.name)) out.name = str(value.name);
  if (str(domain.id)) out.domainId = str(domain.id);
  if (str(domain.name)) out.domainName = str(domain.name);
  return out;
}

/** The `identity` part of a v3 auth body: `{ methods: [m], [m]: data }`. */
export type KeystoneV3Identity = { methods: string[] } & Record<string, unknown>;

/**
 * Base of the v3 plugins. The login URL is `<authUrl>/auth/tokens` when the
 * auth URL ends in `/v3`, else `<authUrl>/v3/auth/tokens`; the token is the
 * `X-Subject-Token` header, the expiry `token.expires_at`.
 *
 * @example Scope options are shared by every v3 plugin
 * ```ts
 * import { KeystoneTokenAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystoneTokenAuth({
 *   authUrl: "http://127.0.0.1:5000/v3",
 *   token: "gAAAA…",
 *   domainName: "Default",
 * });
 * console.log(auth.scope); // { domainName: "Default" }
 * ```
 */
export abstract class KeystoneV3Auth extends KeystoneAuthBase {
  /** What the token is scoped to. */
  readonly scope: KeystoneScopeOptions;

  /**
   * Checks and keeps the scope.
   *
   * @param authUrl the Keystone URL; `/v3` is added to the login URL when it lacks it.
   * @param scope a project, a domain, the system, or nothing (unscoped); only
   * the scope fields are kept.
   * @throws {AuthorizationFailure} for several scope targets, or a system scope other than "all".
   * @throws {AuthPluginOptionsMissing} for a project name without its domain.
   */
  constructor(authUrl: string, scope: KeystoneScopeOptions) {
    super(authUrl);
    this.scope = pickScope(scope);
    validateScope(this.scope);
  }

  /** The `identity` part of the body (holds the secret). */
  protected abstract identity(): KeystoneV3Identity;
  /** Who logs in, without scope and URL: "user 'demo' (domain 'Default')". */
  protected abstract describeUser(): string;
  /** Fields naming the user in a cache key. */
  protected abstract userKey(): Record<string, string>;

  /** `<authUrl>/auth/tokens`, adding `/v3` when the URL lacks it. */
  protected tokensUrl(): string {
    const base = /\/v3$/.test(this.authUrl) ? this.authUrl : `${this.authUrl}/v3`;
    return `${base}/auth/tokens`;
  }

  /** `{ auth: { identity, scope? } }`. */
  protected loginBody(): unknown {
    const scope = buildScope(this.scope);
    const auth: Record<string, unknown> = { identity: this.identity() };
    if (scope) auth.scope = scope;
    return { auth };
  }

  /** User, scope and auth URL. */
  protected describeLogin(): string {
    return `${this.describeUser()}, ${describeScope(this.scope)}, at ${this.tokensUrl()}`;
  }

  /** User and scope fields. */
  protected identityKey(): Record<string, string> {
    return { ...this.userKey(), ...scopeKey(this.scope) };
  }

  /** Reads `{ token: { expires_at, catalog, user, project } }`. */
  protected parseToken(
    headerToken: string | undefined,
    body: unknown,
  ): KeystoneAuthState | undefined {
    if (!headerToken || !isRecord(body) || !isRecord(body.token)) return undefined;
    const token = body.token;
    return {
      token: headerToken,
      expiresAt: parseExpiry(token.expires_at),
      catalog: ServiceCatalog.fromV3(token),
      user: ref(token.user),
      project: ref(token.project),
      body,
    };
  }
}

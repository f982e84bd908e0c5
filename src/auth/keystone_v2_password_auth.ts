/**
 * Keystone v2.0 password authentication (keystoneauth's `v2password`), for
 * clouds that still serve `/v2.0/tokens`.
 *
 * @module
 */
import {
  KeystoneAuthBase,
  type KeystoneAuthState,
  type KeystoneIdentityRef,
  parseExpiry,
} from "./keystone_auth_base.ts";
import { ServiceCatalog } from "./service_catalog.ts";
import { requireOptions } from "./require_options.ts";

/** Options of {@linkcode KeystoneV2PasswordAuth}. */
export interface KeystoneV2PasswordAuthOptions {
  /** The Keystone URL, e.g. "http://127.0.0.1:5000/v2.0" (`/v2.0` is added when missing). */
  authUrl: string;
  /** The user name. */
  username?: string;
  /** The user id (wins over `username`). */
  userId?: string;
  /** The password. Kept private: never shown by inspect, JSON or errors. */
  password: string;
  /** The tenant (project) name. */
  tenantName?: string;
  /** The tenant (project) id (wins over `tenantName`). */
  tenantId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ref(value: unknown): KeystoneIdentityRef | undefined {
  if (!isRecord(value)) return undefined;
  const out: KeystoneIdentityRef = {};
  if (typeof value.id === "string") out.id = value.id;
  if (typeof value.name === "string") out.name = value.name;
  return out;
}

/**
 * Logs in through `POST <authUrl>/tokens` with
 * `{ auth: { passwordCredentials, tenantName|tenantId } }`; the token is
 * `access.token.id`, the expiry `access.token.expires`.
 *
 * @example
 * ```ts
 * import { KeystoneV2PasswordAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystoneV2PasswordAuth({
 *   authUrl: "http://127.0.0.1:5000/v2.0",
 *   username: "demo",
 *   password: "s3cret",
 *   tenantName: "demo",
 * });
 * console.assert(String(auth.authSystem) === "v2password");
 * ```
 */
export class KeystoneV2PasswordAuth extends KeystoneAuthBase {
  /** "v2password". */
  readonly authSystem: string = "v2password";
  /** The user name, when given. */
  readonly username?: string;
  /** The user id, when given. */
  readonly userId?: string;
  /** The tenant name, when given. */
  readonly tenantName?: string;
  /** The tenant id, when given. */
  readonly tenantId?: string;
  #password: string;

  /**
   * Checks and keeps the options.
   *
   * @throws {AuthPluginOptionsMissing} naming every missing option.
   * @param options the auth URL, credentials and scope (see {@linkcode KeystoneV2PasswordAuthOptions}); secrets stay private.
   */
  constructor(options: KeystoneV2PasswordAuthOptions) {
    requireOptions(options as unknown as Record<string, unknown>, [
      "authUrl",
      ["username", "userId"],
      "password",
    ]);
    super(options.authUrl);
    if (options.username) this.username = options.username;
    if (options.userId) this.userId = options.userId;
    if (options.tenantName) this.tenantName = options.tenantName;
    if (options.tenantId) this.tenantId = options.tenantId;
    this.#password = options.password;
  }

  /** `<authUrl>/tokens`, adding `/v2.0` when the URL lacks it. */
  protected tokensUrl(): string {
    const base = /\/v2\.0$/.test(this.authUrl) ? this.authUrl : `${this.authUrl}/v2.0`;
    return `${base}/tokens`;
  }

  /** `{ auth: { passwordCredentials: {…}, tenantId|tenantName } }`. */
  protected loginBody(): unknown {
    const credentials: Record<string, string> = this.userId
      ? { userId: this.userId }
      : { username: this.username ?? "" };
    credentials.password = this.#password;
    const auth: Record<string, unknown> = { passwordCredentials: credentials };
    if (this.tenantId) auth.tenantId = this.tenantId;
    else if (this.tenantName) auth.tenantName = this.tenantName;
    return { auth };
  }

  /** The password. */
  protected secrets(): string[] {
    return [this.#password];
  }

  /** User, tenant and auth URL. */
  protected describeLogin(): string {
    const user = this.userId ? `user id '${this.userId}'` : `user '${this.username}'`;
    const tenant = this.tenantId
      ? `tenant id '${this.tenantId}'`
      : this.tenantName
      ? `tenant '${this.tenantName}'`
      : "no tenant (unscoped token)";
    return `${user}, ${tenant}, at ${this.tokensUrl()}`;
  }

  /** User and tenant fields. */
  protected identityKey(): Record<string, string> {
    const key: Record<string, string> = this.userId
      ? { userId: this.userId }
      : { username: this.username ?? "" };
    if (this.tenantId) key.tenantId = this.tenantId;
    else if (this.tenantName) key.tenantName = this.tenantName;
    return key;
  }

  /** Reads `{ access: { token: { id, expires, tenant }, serviceCatalog, user } }`. */
  protected parseToken(
    _headerToken: string | undefined,
    body: unknown,
  ): KeystoneAuthState | undefined {
    if (!isRecord(body) || !isRecord(body.access)) return undefined;
    const access = body.access;
    const token = isRecord(access.token) ? access.token : undefined;
    if (!token || typeof token.id !== "string" || token.id === "") return undefined;
    return {
      token: token.id,
      expiresAt: parseExpiry(token.expires),
      catalog: ServiceCatalog.fromV2(access),
      user: ref(access.user),
      project: ref(token.tenant),
      body,
    };
  }
}

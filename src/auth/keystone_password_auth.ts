/**
 * Keystone v3 password authentication (keystoneauth's `v3password`).
 *
 * @module
 */
import { KeystoneV3Auth, type KeystoneV3Identity } from "./keystone_v3_auth.ts";
import type { KeystoneScopeOptions } from "./keystone_scope.ts";
import { requireOptions } from "./require_options.ts";

/** Options of {@linkcode KeystonePasswordAuth}. */
export interface KeystonePasswordAuthOptions extends KeystoneScopeOptions {
  /** The Keystone URL, e.g. "http://127.0.0.1:5000/v3" (`/v3` is added when missing). */
  authUrl: string;
  /** The user name; needs `userDomainName` or `userDomainId`. */
  username?: string;
  /** The user id (wins over `username`). */
  userId?: string;
  /** The user's domain name. */
  userDomainName?: string;
  /** The user's domain id. */
  userDomainId?: string;
  /** The password. Kept private: never shown by inspect, JSON or errors. */
  password: string;
}

/** The `user` object of a v3 password or application credential body. */
export function userRef(
  options: Pick<
    KeystonePasswordAuthOptions,
    "userId" | "username" | "userDomainId" | "userDomainName"
  >,
): Record<string, unknown> {
  if (options.userId) return { id: options.userId };
  const domain = options.userDomainId
    ? { id: options.userDomainId }
    : { name: options.userDomainName };
  return { name: options.username, domain };
}

/** "user 'demo' (domain 'Default')" or "user id 'abc'". */
export function describeUserRef(
  options: Pick<
    KeystonePasswordAuthOptions,
    "userId" | "username" | "userDomainId" | "userDomainName"
  >,
): string {
  if (options.userId) return `user id '${options.userId}'`;
  const domain = options.userDomainId
    ? `domain id '${options.userDomainId}'`
    : `domain '${options.userDomainName}'`;
  return `user '${options.username}' (${domain})`;
}

/**
 * Logs in with a user name (and domain) or user id and a password, scoped
 * to a project, a domain, the system, or unscoped.
 *
 * @example Project-scoped login through an HTTPClient
 * ```ts
 * import { HTTPClient } from "@nimbus/apiclient";
 * import { KeystonePasswordAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystonePasswordAuth({
 *   authUrl: "http://127.0.0.1:5000/v3",
 *   username: "demo",
 *   userDomainName: "Default",
 *   password: "s3cret",
 *   projectName: "demo",
 *   projectDomainName: "Default",
 * });
 * const http = new HTTPClient(auth, { regionName: "RegionOne" });
 * // await http.authenticate();
 * await http.close();
 * ```
 */
export class KeystonePasswordAuth extends KeystoneV3Auth {
  /** "v3password". */
  readonly authSystem: string = "v3password";
  /** The user name, when given. */
  readonly username?: string;
  /** The user id, when given. */
  readonly userId?: string;
  /** The user's domain name, when given. */
  readonly userDomainName?: string;
  /** The user's domain id, when given. */
  readonly userDomainId?: string;
  #password: string;

  /**
   * Checks and keeps the options.
   *
   * @throws {AuthPluginOptionsMissing} naming every missing option.
   * @throws {AuthorizationFailure} several scope targets.
   * @param options the auth URL, credentials and scope (see {@linkcode KeystonePasswordAuthOptions}); secrets stay private.
   */
  constructor(options: KeystonePasswordAuthOptions) {
    const opts = options as unknown as Record<string, unknown>;
    requireOptions(opts, ["authUrl", ["userId", "username"], "password"]);
    if (!options.userId) requireOptions(opts, [["userDomainName", "userDomainId"]]);
    super(options.authUrl, options);
    if (options.username) this.username = options.username;
    if (options.userId) this.userId = options.userId;
    if (options.userDomainName) this.userDomainName = options.userDomainName;
    if (options.userDomainId) this.userDomainId = options.userDomainId;
    this.#password = options.password;
  }

  /** `{ methods: ["password"], password: { user: {…, password} } }`. */
  protected identity(): KeystoneV3Identity {
    return {
      methods: ["password"],
      password: { user: { ...userRef(this), password: this.#password } },
    };
  }

  /** The password. */
  protected secrets(): string[] {
    return [this.#password];
  }

  /** "user 'demo' (domain 'Default')". */
  protected describeUser(): string {
    return describeUserRef(this);
  }

  /** User id, or name and domain. */
  protected userKey(): Record<string, string> {
    if (this.userId) return { userId: this.userId };
    return {
      username: this.username ?? "",
      userDomain: this.userDomainId ?? this.userDomainName ?? "",
    };
  }
}

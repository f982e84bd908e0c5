/**
 * Keystone v3 application credential authentication (keystoneauth's
 * `v3applicationcredential`).
 *
 * @module
 */
import { KeystoneV3Auth, type KeystoneV3Identity } from "./keystone_v3_auth.ts";
import { describeUserRef, userRef } from "./keystone_password_auth.ts";
import { requireOptions } from "./require_options.ts";

/** Options of {@linkcode KeystoneApplicationCredentialAuth}. */
export interface KeystoneApplicationCredentialAuthOptions {
  /** The Keystone URL, e.g. "http://127.0.0.1:5000/v3" (`/v3` is added when missing). */
  authUrl: string;
  /** The credential id; alone it is enough (with the secret). */
  applicationCredentialId?: string;
  /** The credential name; needs the user (`userId`, or `username` and its domain). */
  applicationCredentialName?: string;
  /** The secret. Kept private: never shown by inspect, JSON or errors. */
  applicationCredentialSecret: string;
  /** The owner's user id (with a credential name). */
  userId?: string;
  /** The owner's user name (with a credential name). */
  username?: string;
  /** The owner's domain name. */
  userDomainName?: string;
  /** The owner's domain id. */
  userDomainId?: string;
}

/**
 * Logs in with an application credential. The scope is the credential's
 * own project: Keystone refuses a `scope` in the request, so none is sent.
 *
 * @example By credential id
 * ```ts
 * import { KeystoneApplicationCredentialAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystoneApplicationCredentialAuth({
 *   authUrl: "http://127.0.0.1:5000/v3",
 *   applicationCredentialId: "aa10b4c4",
 *   applicationCredentialSecret: "s3cret",
 * });
 * console.assert(!(JSON.stringify(auth).includes("s3cret")));
 * ```
 */
export class KeystoneApplicationCredentialAuth extends KeystoneV3Auth {
  /** "v3applicationcredential". */
  readonly authSystem: string = "v3applicationcredential";
  /** The credential id, when given. */
  readonly applicationCredentialId?: string;
  /** The credential name, when given. */
  readonly applicationCredentialName?: string;
  /** The owner's user id, when given. */
  readonly userId?: string;
  /** The owner's user name, when given. */
  readonly username?: string;
  /** The owner's domain name, when given. */
  readonly userDomainName?: string;
  /** The owner's domain id, when given. */
  readonly userDomainId?: string;
  #secret: string;

  /**
   * Checks and keeps the options.
   *
   * @throws {AuthPluginOptionsMissing} naming every missing option.
   * @param options the auth URL, credentials and scope (see {@linkcode KeystoneApplicationCredentialAuthOptions}); secrets stay private.
   */
  constructor(options: KeystoneApplicationCredentialAuthOptions) {
    const opts = options as unknown as Record<string, unknown>;
    requireOptions(opts, [
      "authUrl",
      ["applicationCredentialId", "applicationCredentialName"],
      "applicationCredentialSecret",
    ]);
    if (!options.applicationCredentialId) {
      requireOptions(opts, [["userId", "username"]]);
      if (!options.userId) requireOptions(opts, [["userDomainName", "userDomainId"]]);
    }
    super(options.authUrl, {});
    if (options.applicationCredentialId) {
      this.applicationCredentialId = options.applicationCredentialId;
    }
    if (options.applicationCredentialName) {
      this.applicationCredentialName = options.applicationCredentialName;
    }
    if (options.userId) this.userId = options.userId;
    if (options.username) this.username = options.username;
    if (options.userDomainName) this.userDomainName = options.userDomainName;
    if (options.userDomainId) this.userDomainId = options.userDomainId;
    this.#secret = options.applicationCredentialSecret;
  }

  /** `{ id, secret }` or `{ name, secret, user }`. */
  protected identity(): KeystoneV3Identity {
    const credential: Record<string, unknown> = this.applicationCredentialId
      ? { id: this.applicationCredentialId }
      : { name: this.applicationCredentialName, user: userRef(this) };
    credential.secret = this.#secret;
    return { methods: ["application_credential"], application_credential: credential };
  }

  /** The secret. */
  protected secrets(): string[] {
    return [this.#secret];
  }

  /** "application credential id 'x'" or "application credential 'n' of user …". */
  protected describeUser(): string {
    if (this.applicationCredentialId) {
      return `application credential id '${this.applicationCredentialId}'`;
    }
    return `application credential '${this.applicationCredentialName}' of ${describeUserRef(this)}`;
  }

  /** The credential and the auth URL: its scope is fixed server-side. */
  protected override describeLogin(): string {
    return `${this.describeUser()}, at ${this.tokensUrl()}`;
  }

  /** Credential id, or name and owner. */
  protected userKey(): Record<string, string> {
    if (this.applicationCredentialId) {
      return { applicationCredentialId: this.applicationCredentialId };
    }
    return {
      applicationCredentialName: this.applicationCredentialName ?? "",
      user: this.userId ?? `${this.username}@${this.userDomainId ?? this.userDomainName}`,
    };
  }
}

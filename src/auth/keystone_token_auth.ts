/**
 * Keystone v3 token authentication (keystoneauth's `v3token`): trades a
 * token for a new, possibly differently scoped one.
 *
 * @module
 */
import { KeystoneV3Auth, type KeystoneV3Identity } from "./keystone_v3_auth.ts";
import type { KeystoneScopeOptions } from "./keystone_scope.ts";
import { requireOptions } from "./require_options.ts";

/** Options of {@linkcode KeystoneTokenAuth}. */
export interface KeystoneTokenAuthOptions extends KeystoneScopeOptions {
  /** The Keystone URL, e.g. "http://127.0.0.1:5000/v3" (`/v3` is added when missing). */
  authUrl: string;
  /** The existing token. Kept private: never shown by inspect, JSON or errors. */
  token: string;
}

/**
 * Logs in with an existing token (sent as the body's `token.id` and as
 * `X-Auth-Token`), e.g. to rescope an unscoped token to a project. After a
 * 401 it logs in again with the token it was given, which works as long as
 * that token is valid.
 *
 * @example Rescope a token to a project
 * ```ts
 * import { KeystoneTokenAuth } from "@nimbus/apiclient/auth";
 * const auth = new KeystoneTokenAuth({
 *   authUrl: "http://127.0.0.1:5000/v3",
 *   token: "gAAAA…",
 *   projectId: "8f0e1f2a",
 * });
 * console.assert(String(auth.authSystem) === "v3token");
 * ```
 */
export class KeystoneTokenAuth extends KeystoneV3Auth {
  /** "v3token". */
  readonly authSystem: string = "v3token";
  #token: string;

  /**
   * Checks and keeps the options.
   *
   * @throws {AuthPluginOptionsMissing} naming every missing option.
   * @throws {AuthorizationFailure} several scope targets.
   * @param options the auth URL, credentials and scope (see {@linkcode KeystoneTokenAuthOptions}); secrets stay private.
   */
  constructor(options: KeystoneTokenAuthOptions) {
    requireOptions(options as unknown as Record<string, unknown>, ["authUrl", "token"]);
    super(options.authUrl, options);
    this.#token = options.token;
  }

  /** `{ methods: ["token"], token: { id } }`. */
  protected identity(): KeystoneV3Identity {
    return { methods: ["token"], token: { id: this.#token } };
  }

  /** `X-Auth-Token` with the given token, as keystoneauth sends it. */
  protected override loginHeaders(): Record<string, string> {
    return { "X-Auth-Token": this.#token };
  }

  /** The given token. */
  protected secrets(): string[] {
    return [this.#token];
  }

  /** A token does not name its user before the login. */
  protected describeUser(): string {
    return "a given token";
  }

  /** Nothing but the scope and the token hash identify the user. */
  protected userKey(): Record<string, string> {
    return {};
  }
}

/**
 * The fake engine's SSO: issues, checks, expires and revokes bearer tokens,
 * and answers the token, token-http-auth, revoke and logout endpoints.
 *
 * @module
 */

interface Issued {
  user: string;
  expiresAt: number;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The token registry. */
export class SsoTokens {
  #tokens = new Map<string, Issued>();
  #ttlMs: number;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  /** Issues a token for a user. */
  issue(user: string, now: number = Date.now()): { token: string; expiresAt: number } {
    const token = randomToken();
    const expiresAt = now + this.#ttlMs;
    this.#tokens.set(token, { user, expiresAt });
    return { token, expiresAt };
  }

  /** The user of a valid token, undefined when unknown, revoked or expired. */
  check(token: string, now: number = Date.now()): string | undefined {
    const issued = this.#tokens.get(token);
    return issued && issued.expiresAt > now ? issued.user : undefined;
  }

  /** Forgets a token; true when it was known. */
  revoke(token: string): boolean {
    return this.#tokens.delete(token);
  }

  /** Makes every token issued so far expired. */
  expireAll(): void {
    for (const issued of this.#tokens.values()) issued.expiresAt = 0;
  }

  /** Forgets every token. */
  revokeAll(): void {
    this.#tokens.clear();
  }

  /** How many tokens are valid now. */
  get active(): number {
    const now = Date.now();
    let n = 0;
    for (const issued of this.#tokens.values()) if (issued.expiresAt > now) n++;
    return n;
  }
}

/** What the SSO endpoints need from the engine. */
export interface SsoContext {
  tokens: SsoTokens;
  users: Readonly<Record<string, string>>;
  /** SPNEGO token → user; undefined accepts any token as "kerberos@EXAMPLE.COM". */
  negotiateTokens?: Readonly<Record<string, string>>;
}

function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description });
}

function granted(ctx: SsoContext, user: string): Response {
  const { token, expiresAt } = ctx.tokens.issue(user);
  return json(200, {
    access_token: token,
    scope: "ovirt-app-api",
    exp: String(Math.floor(expiresAt / 1000)),
    token_type: "bearer",
  });
}

/** Answers `POST /ovirt-engine/sso/oauth/token` (password grant). */
export function passwordGrant(ctx: SsoContext, form: URLSearchParams): Response {
  const grant = form.get("grant_type");
  if (grant !== "password") {
    return oauthError(
      400,
      "unsupported_grant_type",
      `The authorization grant type '${grant ?? ""}' is not supported by this endpoint.`,
    );
  }
  if (!(form.get("scope") ?? "").split(" ").includes("ovirt-app-api")) {
    return oauthError(
      400,
      "invalid_scope",
      "The requested scope is invalid, unknown or malformed.",
    );
  }
  const user = form.get("username") ?? "";
  const password = form.get("password");
  if (!Object.hasOwn(ctx.users, user) || ctx.users[user] !== password) {
    return oauthError(
      401,
      "access_denied",
      `Cannot authenticate user '${user}': The username or password is incorrect..`,
    );
  }
  return granted(ctx, user);
}

/** Answers `POST /ovirt-engine/sso/oauth/token-http-auth` (Negotiate). */
export function negotiateGrant(ctx: SsoContext, form: URLSearchParams, auth: string): Response {
  if (form.get("grant_type") !== "urn:ovirt:params:oauth:grant-type:http") {
    return oauthError(400, "unsupported_grant_type", "The grant type must be http.");
  }
  const match = /^Negotiate\s+(\S+)$/i.exec(auth);
  if (!match) {
    return json(401, {
      error: "access_denied",
      error_description: "Cannot authenticate user: no Negotiate credentials were sent.",
    }, { "www-authenticate": "Negotiate" });
  }
  const tokenIn = match[1]!;
  const user = ctx.negotiateTokens === undefined
    ? "kerberos@EXAMPLE.COM"
    : Object.hasOwn(ctx.negotiateTokens, tokenIn)
    ? ctx.negotiateTokens[tokenIn]
    : undefined;
  if (user === undefined) {
    return oauthError(401, "access_denied", "Cannot authenticate user: Negotiate failed.");
  }
  return granted(ctx, user);
}

/** Answers `POST /ovirt-engine/services/sso-logout` and `POST /ovirt-engine/sso/oauth/revoke`. */
export function logout(ctx: SsoContext, form: URLSearchParams): Response {
  const token = form.get("token");
  if (token) ctx.tokens.revoke(token);
  return json(200, {});
}

/**
 * How the fake engine authenticates an API request, as engine 4.5 does: an
 * SSO bearer token, HTTP Basic credentials, or the `JSESSIONID` session a
 * Basic login opened with `Prefer: persistent-auth`.
 *
 * @module
 */
import type { SsoContext } from "./sso.ts";

/** What authentication needs from the engine. */
export interface AuthContext extends SsoContext {
  /** Non-administrators and the entity ids they hold a role on. */
  grants: ReadonlyMap<string, ReadonlySet<string>>;
  /** Served over TLS (session cookies are `Secure`). */
  secure: boolean;
  /** Successful logins so far (SSO grants and Basic authentications). */
  authCount: number;
}

/** An authenticated request: the user and headers to add to the reply. */
export interface Authenticated {
  /** The user name. */
  user: string;
  /** Reply headers, e.g. the `Set-Cookie` of a new session. */
  headers: Record<string, string>;
}

const SESSION_COOKIE = "JSESSIONID";

function sessionCookie(headers: Headers): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=");
  }
  return undefined;
}

function wantsSession(headers: Headers): boolean {
  return /(^|[\s,;])persistent-auth($|[\s,;])/i.test(headers.get("prefer") ?? "");
}

/** Decodes `Basic <base64(user:password)>`; undefined when malformed. */
function basicCredentials(value: string): { user: string; password: string } | undefined {
  let decoded: string;
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The user a request authenticates as, or undefined (answer with
 * {@linkcode challenge}). A Basic login with `Prefer: persistent-auth` opens
 * a session (a `JSESSIONID` cookie) that later requests may use instead.
 */
export function authenticate(ctx: AuthContext, headers: Headers): Authenticated | undefined {
  const authorization = (headers.get("authorization") ?? "").trim();
  const session = sessionCookie(headers);
  const sessionUser = session !== undefined && wantsSession(headers)
    ? ctx.tokens.check(session)
    : undefined;
  if (authorization === "") {
    return sessionUser === undefined ? undefined : { user: sessionUser, headers: {} };
  }
  const [scheme = "", credentials = "", ...extra] = authorization.split(/\s+/);
  if (extra.length > 0 || credentials === "") return undefined;
  if (/^bearer$/i.test(scheme)) {
    const user = ctx.tokens.check(credentials);
    return user === undefined ? undefined : { user, headers: {} };
  }
  if (!/^basic$/i.test(scheme)) return undefined;
  const given = basicCredentials(credentials);
  if (
    !given || !Object.hasOwn(ctx.users, given.user) || ctx.users[given.user] !== given.password
  ) {
    return undefined;
  }
  ctx.authCount++;
  if (!wantsSession(headers) || sessionUser === given.user) {
    return { user: given.user, headers: {} };
  }
  const { token } = ctx.tokens.issue(given.user);
  const attributes = `Path=/ovirt-engine/api; HttpOnly${ctx.secure ? "; Secure" : ""}`;
  return {
    user: given.user,
    headers: { "set-cookie": `${SESSION_COOKIE}=${token}; ${attributes}` },
  };
}

/** The engine's 401: it challenges for HTTP Basic on the API. */
export function challenge(): Response {
  return new Response(null, {
    status: 401,
    headers: { "www-authenticate": 'Basic realm="RESTAPI"' },
  });
}

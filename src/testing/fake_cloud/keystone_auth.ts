/**
 * Keystone token routes: v3 `/auth/tokens` (issue, validate, check,
 * revoke) and v2.0 `/tokens`, with the service catalog of a token.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import {
  type CloudState,
  hexId,
  isoSeconds,
  type JsonObject,
  sha256Hex,
  type TokenRecord,
  type TokenScope,
} from "./state.ts";
import { empty, json, keystoneError, obj } from "./respond.ts";

const AUTH_FAILED = "The request you have made requires authentication.";

class AuthFailure extends Error {
  constructor(readonly status: number, message: string = AUTH_FAILED) {
    super(message);
  }
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function findDomain(state: CloudState, ref: unknown): JsonObject | undefined {
  const r = obj(ref);
  if (!r) return undefined;
  if (str(r.id)) return state.domains.get(String(r.id));
  if (str(r.name)) return [...state.domains.values()].find((d) => d.name === r.name);
  return undefined;
}

function findUser(state: CloudState, ref: unknown): JsonObject | undefined {
  const r = obj(ref);
  if (!r) throw new AuthFailure(400, "Invalid input: user is required.");
  if (str(r.id)) return state.users.get(String(r.id));
  if (!str(r.name)) throw new AuthFailure(400, "Invalid input: user needs an id or a name.");
  const domain = findDomain(state, r.domain);
  if (!domain) {
    if (!obj(r.domain)) throw new AuthFailure(400, "Invalid input: user name needs a domain.");
    return undefined;
  }
  return [...state.users.values()].find((u) => u.name === r.name && u.domain_id === domain.id);
}

function findProject(state: CloudState, ref: JsonObject): JsonObject | undefined {
  if (str(ref.id)) return state.projects.get(String(ref.id));
  const domain = findDomain(state, ref.domain);
  if (!domain) return undefined;
  return [...state.projects.values()].find((p) => p.name === ref.name && p.domain_id === domain.id);
}

/** Resolves a scope request to a scope and the user's roles on it. */
function resolveScope(
  state: CloudState,
  user: JsonObject,
  scope: unknown,
): { scope: TokenScope; roleIds: string[] } {
  const userId = String(user.id);
  let s = obj(scope);
  if (scope === undefined && str(user.default_project_id)) {
    s = { project: { id: user.default_project_id } };
  }
  if (!s || scope === "unscoped") return { scope: { kind: "unscoped" }, roleIds: [] };
  const keys = Object.keys(s);
  if (keys.length !== 1) throw new AuthFailure(400, "Only one scope may be requested.");
  let result: { scope: TokenScope; roleIds: string[] };
  if (obj(s.project)) {
    const project = findProject(state, obj(s.project) ?? {});
    if (!project || !project.enabled) throw new AuthFailure(401);
    const projectId = String(project.id);
    result = {
      scope: { kind: "project", projectId },
      roleIds: state.rolesOn(userId, { projectId }),
    };
  } else if (obj(s.domain)) {
    const domain = findDomain(state, s.domain);
    if (!domain || !domain.enabled) throw new AuthFailure(401);
    const domainId = String(domain.id);
    result = { scope: { kind: "domain", domainId }, roleIds: state.rolesOn(userId, { domainId }) };
  } else if (obj(s.system)) {
    result = { scope: { kind: "system" }, roleIds: state.rolesOn(userId, { system: true }) };
  } else {
    throw new AuthFailure(400, `Invalid scope: ${keys[0]}`);
  }
  if (result.roleIds.length === 0) throw new AuthFailure(401);
  return result;
}

async function issueV3(state: CloudState, ctx: RouteContext): Promise<TokenRecord> {
  const identity = obj(obj(obj(ctx.body)?.auth)?.identity);
  const methods = identity?.methods;
  if (!identity || !Array.isArray(methods) || methods.length === 0) {
    throw new AuthFailure(400, "Invalid input: auth.identity.methods is required.");
  }
  const scopeReq = obj(obj(ctx.body)?.auth)?.scope;
  const method = String(methods[0]);
  const now = Date.now();
  const base = { issuedAt: now, expiresAt: now + state.tokenTtlMs, auditId: hexId().slice(0, 22) };
  if (method === "password") {
    const p = obj(identity.password);
    const user = findUser(state, p?.user);
    const password = str(obj(p?.user)?.password);
    if (!user || !user.enabled || password === undefined) throw new AuthFailure(401);
    if (state.passwords.get(String(user.id)) !== password) throw new AuthFailure(401);
    return {
      id: "",
      userId: String(user.id),
      methods: ["password"],
      ...base,
      ...resolveScope(state, user, scopeReq),
    };
  }
  if (method === "token") {
    const raw = str(obj(identity.token)?.id);
    const old = state.validToken(raw ?? null);
    if (!old) throw new AuthFailure(401);
    const user = state.users.get(old.userId) ?? {};
    if (old.appCredId) throw new AuthFailure(401);
    const scoped = resolveScope(state, user, scopeReq);
    return {
      id: "",
      userId: old.userId,
      methods: ["token"],
      ...base,
      ...scoped,
      expiresAt: old.expiresAt,
    };
  }
  if (method === "application_credential") {
    const a = obj(identity.application_credential) ?? {};
    let record = str(a.id) ? state.appCreds.get(String(a.id)) : undefined;
    if (!str(a.id)) {
      const user = findUser(state, a.user);
      record = [...state.appCreds.values()].find((c) =>
        c.data.name === a.name && c.data.user_id === user?.id
      );
    }
    const secret = str(a.secret);
    if (!record || secret === undefined) throw new AuthFailure(401);
    if ((await sha256Hex(secret)) !== record.secretHash) throw new AuthFailure(401);
    const expires = str(record.data.expires_at);
    if (expires && Date.parse(expires) <= now) throw new AuthFailure(401);
    const user = state.users.get(String(record.data.user_id));
    if (!user?.enabled) throw new AuthFailure(401);
    const roles = record.data.roles as JsonObject[];
    const projectId = String(record.data.project_id);
    return {
      id: "",
      userId: String(user.id),
      methods: ["application_credential"],
      ...base,
      scope: { kind: "project", projectId },
      roleIds: roles.map((r) => String(r.id)),
      appCredId: String(record.data.id),
    };
  }
  throw new AuthFailure(401, `Attempted to authenticate with an unsupported method: ${method}.`);
}

/** The v3 catalog a token sees. */
export function catalogV3(state: CloudState, token: TokenRecord): JsonObject[] {
  const projectId = state.projectOf(token);
  const out: JsonObject[] = [];
  for (const service of state.services.values()) {
    const endpoints: JsonObject[] = [];
    for (const ep of state.endpoints.values()) {
      if (ep.service_id !== service.id || ep.enabled === false) continue;
      const url = String(ep.url);
      if (/\$\((project|tenant)_id\)s/.test(url) && !projectId) continue;
      endpoints.push({
        id: ep.id,
        interface: ep.interface,
        region: ep.region_id,
        region_id: ep.region_id,
        url: url.replace(/\$\((project|tenant)_id\)s/g, projectId ?? ""),
      });
    }
    if (endpoints.length) {
      out.push({ id: service.id, type: service.type, name: service.name, endpoints });
    }
  }
  return out;
}

function refOf(state: CloudState, map: Map<string, JsonObject>, id: string): JsonObject {
  const rec = map.get(id) ?? {};
  const domain = state.domains.get(String(rec.domain_id));
  return {
    id,
    name: rec.name,
    domain: domain ? { id: domain.id, name: domain.name } : undefined,
  };
}

/** The v3 token body of a token. */
export function tokenBodyV3(state: CloudState, token: TokenRecord, catalog: boolean): JsonObject {
  const body: JsonObject = {
    methods: token.methods,
    user: { ...refOf(state, state.users, token.userId), password_expires_at: null },
    audit_ids: [token.auditId],
    expires_at: new Date(token.expiresAt).toISOString().replace("Z", "000Z"),
    issued_at: new Date(token.issuedAt).toISOString().replace("Z", "000Z"),
  };
  const s = token.scope;
  if (s.kind === "project") {
    body.project = refOf(state, state.projects, s.projectId);
    body.is_domain = false;
  } else if (s.kind === "domain") {
    const d = state.domains.get(s.domainId) ?? {};
    body.domain = { id: s.domainId, name: d.name };
  } else if (s.kind === "system") {
    body.system = { all: true };
  }
  if (s.kind !== "unscoped") {
    body.roles = token.roleIds.map((id) => ({ id, name: state.roles.get(id)?.name }));
    if (catalog) body.catalog = catalogV3(state, token);
  }
  if (token.appCredId) {
    const c = state.appCreds.get(token.appCredId);
    body.application_credential = {
      id: token.appCredId,
      name: c?.data.name,
      restricted: !c?.data.unrestricted,
    };
  }
  return body;
}

function catalogV2(state: CloudState, token: TokenRecord): JsonObject[] {
  return catalogV3(state, token).map((service) => {
    const byRegion = new Map<string, JsonObject>();
    for (const ep of service.endpoints as JsonObject[]) {
      const region = String(ep.region_id);
      const entry = byRegion.get(region) ?? { region, id: ep.id };
      entry[`${ep.interface}URL`] = ep.url;
      byRegion.set(region, entry);
    }
    return {
      type: service.type,
      name: service.name,
      endpoints: [...byRegion.values()],
      endpoints_links: [],
    };
  });
}

function postV2(state: CloudState, ctx: RouteContext): TokenRecord {
  const auth = obj(obj(ctx.body)?.auth);
  if (!auth) throw new AuthFailure(400, "Expecting to find auth in request body.");
  const now = Date.now();
  let user: JsonObject | undefined;
  let methods = ["password"];
  const creds = obj(auth.passwordCredentials);
  if (creds) {
    user = str(creds.userId)
      ? state.users.get(String(creds.userId))
      : [...state.users.values()].find((u) =>
        u.name === creds.username && u.domain_id === "default"
      );
    if (!user || !user.enabled) throw new AuthFailure(401);
    if (state.passwords.get(String(user.id)) !== creds.password) throw new AuthFailure(401);
  } else if (obj(auth.token)) {
    const old = state.validToken(str(obj(auth.token)?.id) ?? null);
    if (!old) throw new AuthFailure(401);
    user = state.users.get(old.userId);
    methods = ["token"];
  } else {
    throw new AuthFailure(400, "Expecting passwordCredentials or token in auth.");
  }
  if (!user) throw new AuthFailure(401);
  const projectRef = str(auth.tenantId)
    ? { id: auth.tenantId }
    : str(auth.tenantName)
    ? { name: auth.tenantName, domain: { id: "default" } }
    : undefined;
  const scoped = resolveScope(state, user, projectRef ? { project: projectRef } : "unscoped");
  return {
    id: "",
    userId: String(user.id),
    methods,
    issuedAt: now,
    expiresAt: now + state.tokenTtlMs,
    auditId: hexId().slice(0, 22),
    ...scoped,
  };
}

function newTokenId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(48));
  return "gAAAAA" + btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, "");
}

/** Registers the token routes (paths relative to `/identity`). */
export function addTokenRoutes(router: Router, state: CloudState): void {
  router.add("POST", "/v3/auth/tokens", async (ctx) => {
    state.authCount++;
    try {
      const token = await issueV3(state, ctx);
      token.id = newTokenId();
      state.tokens.set(token.id, token);
      const catalog = !ctx.url.searchParams.has("nocatalog");
      return json({ token: tokenBodyV3(state, token, catalog) }, 201, {
        "x-subject-token": token.id,
      });
    } catch (e) {
      if (e instanceof AuthFailure) return keystoneError(e.status, e.message);
      throw e;
    }
  }, true);

  const subject = (ctx: RouteContext): TokenRecord | undefined =>
    state.validToken(ctx.req.headers.get("x-subject-token"));
  router.add("GET", "/v3/auth/tokens", (ctx) => {
    const token = subject(ctx);
    if (!token) return keystoneError(404, "Could not find token.");
    const catalog = !ctx.url.searchParams.has("nocatalog");
    const body = json({ token: tokenBodyV3(state, token, catalog) }, 200, {
      "x-subject-token": token.id,
    });
    return ctx.req.method === "HEAD" ? empty(200, body.headers) : body;
  });
  router.add("DELETE", "/v3/auth/tokens", (ctx) => {
    const token = subject(ctx);
    if (!token) return keystoneError(404, "Could not find token.");
    state.tokens.delete(token.id);
    return empty(204);
  });
  router.add("GET", "/v3/auth/catalog", (ctx) => json({ catalog: catalogV3(state, ctx.token!) }));

  router.add("POST", "/v2.0/tokens", (ctx) => {
    state.authCount++;
    try {
      const token = postV2(state, ctx);
      token.id = newTokenId();
      state.tokens.set(token.id, token);
      const user = state.users.get(token.userId) ?? {};
      const projectId = state.projectOf(token);
      const project = projectId ? state.projects.get(projectId) : undefined;
      const access: JsonObject = {
        token: {
          id: token.id,
          issued_at: isoSeconds(token.issuedAt),
          expires: isoSeconds(token.expiresAt),
          audit_ids: [token.auditId],
          ...(project
            ? {
              tenant: {
                id: project.id,
                name: project.name,
                enabled: project.enabled,
                description: project.description,
              },
            }
            : {}),
        },
        serviceCatalog: project ? catalogV2(state, token) : [],
        user: {
          id: user.id,
          name: user.name,
          username: user.name,
          roles: state.roleNames(token).map((name) => ({ name })),
          roles_links: [],
        },
        metadata: { is_admin: 0, roles: token.roleIds },
      };
      return json({ access });
    } catch (e) {
      if (e instanceof AuthFailure) return keystoneError(e.status, e.message);
      throw e;
    }
  }, true);
}

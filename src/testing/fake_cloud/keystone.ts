/**
 * The Keystone v3 identity API: projects, users, domains, roles, regions,
 * services, endpoints, application credentials, grants and role
 * assignments. Token routes live in `keystone_auth.ts`.
 *
 * @module
 */
import type { Handler, RouteContext, Router } from "./router.ts";
import { type CloudState, hexId, type JsonObject, sha256Hex } from "./state.ts";
import { clone, empty, json, keystoneError, PageError, paginate } from "./respond.ts";

interface Collection {
  plural: string;
  singular: string;
  map: (s: CloudState) => Map<string, JsonObject>;
  required: string[];
  defaults: JsonObject;
  filters: string[];
  /** Fields whose values must be unique, scoped by the listed sibling field. */
  unique?: { field: string; within?: string };
}

const COLLECTIONS: Collection[] = [
  {
    plural: "projects",
    singular: "project",
    map: (s) => s.projects,
    required: ["name"],
    defaults: { domain_id: "default", description: "", enabled: true, is_domain: false, tags: [] },
    filters: ["name", "domain_id", "enabled", "parent_id"],
    unique: { field: "name", within: "domain_id" },
  },
  {
    plural: "users",
    singular: "user",
    map: (s) => s.users,
    required: ["name"],
    defaults: { domain_id: "default", enabled: true, password_expires_at: null, options: {} },
    filters: ["name", "domain_id", "enabled"],
    unique: { field: "name", within: "domain_id" },
  },
  {
    plural: "domains",
    singular: "domain",
    map: (s) => s.domains,
    required: ["name"],
    defaults: { description: "", enabled: true, tags: [] },
    filters: ["name", "enabled"],
    unique: { field: "name" },
  },
  {
    plural: "roles",
    singular: "role",
    map: (s) => s.roles,
    required: ["name"],
    defaults: { domain_id: null, description: null, options: {} },
    filters: ["name", "domain_id"],
    unique: { field: "name", within: "domain_id" },
  },
  {
    plural: "regions",
    singular: "region",
    map: (s) => s.regionRecords,
    required: [],
    defaults: { description: "", parent_region_id: null },
    filters: ["parent_region_id"],
  },
  {
    plural: "services",
    singular: "service",
    map: (s) => s.services,
    required: ["type"],
    defaults: { enabled: true, description: "" },
    filters: ["type", "name"],
  },
  {
    plural: "endpoints",
    singular: "endpoint",
    map: (s) => s.endpoints,
    required: ["service_id", "interface", "url"],
    defaults: { enabled: true, region_id: null },
    filters: ["service_id", "interface", "region_id"],
  },
];

function obj(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as JsonObject
    : undefined;
}

/** What a record looks like on the wire: secrets dropped, links added. */
function view(ctx: RouteContext, plural: string, rec: JsonObject): JsonObject {
  const out = clone(rec);
  if (plural === "endpoints") out.region = out.region_id;
  out.links = { self: `${ctx.base}/v3/${plural}/${encodeURIComponent(String(rec.id))}` };
  return out;
}

/** A page of a Keystone list, with `links.next` when more remain. */
export function keystoneList(
  ctx: RouteContext,
  key: string,
  items: JsonObject[],
): Response {
  try {
    const page = paginate(items, ctx.url.searchParams, {
      defaultLimit: 1000,
      maxLimit: 1000,
      fullPageHasNext: false,
    });
    let next: string | null = null;
    if (page.nextMarker !== undefined) {
      const q = new URLSearchParams(ctx.url.searchParams);
      q.set("limit", String(page.limit));
      q.set("marker", page.nextMarker);
      next = `${ctx.base}${ctx.path}?${q}`;
    }
    return json({
      [key]: page.items,
      links: { self: `${ctx.base}${ctx.path}`, previous: null, next },
    });
  } catch (e) {
    if (e instanceof PageError) return keystoneError(400, e.message);
    throw e;
  }
}

function matchesFilters(rec: JsonObject, query: URLSearchParams, filters: string[]): boolean {
  for (const f of filters) {
    const want = query.get(f);
    if (want !== null && String(rec[f]) !== want) return false;
  }
  return true;
}

const forbidden = (): Response =>
  keystoneError(403, "You are not authorized to perform the requested action.");

function adminOnly(handler: Handler): Handler {
  return (ctx) => ctx.state.isAdmin(ctx.token!) ? handler(ctx) : forbidden();
}

function addCollection(router: Router, c: Collection): void {
  const path = `/v3/${c.plural}`;
  const notFound = (id: string) => keystoneError(404, `Could not find ${c.singular}: ${id}.`);
  router.add("GET", path, (ctx) => {
    const items = [...c.map(ctx.state).values()]
      .filter((r) => matchesFilters(r, ctx.url.searchParams, c.filters))
      .map((r) => view(ctx, c.plural, r));
    return keystoneList(ctx, c.plural, items);
  });
  router.add("GET", `${path}/:id`, (ctx) => {
    const rec = c.map(ctx.state).get(ctx.params.id!);
    return rec ? json({ [c.singular]: view(ctx, c.plural, rec) }) : notFound(ctx.params.id!);
  });
  const conflict = (ctx: RouteContext, rec: JsonObject, selfId?: string): Response | undefined => {
    const u = c.unique;
    if (!u) return undefined;
    const clash = [...c.map(ctx.state).values()].find((o) =>
      o.id !== selfId && o[u.field] === rec[u.field] && (!u.within || o[u.within] === rec[u.within])
    );
    if (!clash) return undefined;
    return keystoneError(
      409,
      `Conflict occurred attempting to store ${c.singular} - Duplicate entry found with ${u.field} ${
        String(rec[u.field])
      }.`,
    );
  };
  router.add(
    "POST",
    path,
    adminOnly((ctx) => {
      const input = obj(obj(ctx.body)?.[c.singular]);
      if (!input) return keystoneError(400, `Invalid input for field '${c.singular}'.`);
      for (const field of c.required) {
        if (input[field] === undefined) {
          return keystoneError(
            400,
            `Invalid input for field '${field}': '${field}' is a required property.`,
          );
        }
      }
      const { password, ...fields } = input;
      const rec: JsonObject = { ...clone(c.defaults), ...fields, id: fields.id ?? hexId() };
      if (c.plural === "regions" && typeof input.id === "string") rec.id = input.id;
      if (c.map(ctx.state).has(String(rec.id))) {
        return keystoneError(
          409,
          `Conflict occurred attempting to store ${c.singular} - Duplicate ID, ${rec.id}.`,
        );
      }
      const clash = conflict(ctx, rec);
      if (clash) return clash;
      if (c.plural === "projects" && !ctx.state.domains.has(String(rec.domain_id))) {
        return keystoneError(400, `Could not find domain: ${rec.domain_id}.`);
      }
      c.map(ctx.state).set(String(rec.id), rec);
      if (c.plural === "users" && typeof password === "string") {
        ctx.state.passwords.set(String(rec.id), password);
      }
      return json({ [c.singular]: view(ctx, c.plural, rec) }, 201);
    }),
  );
  router.add(
    "PATCH",
    `${path}/:id`,
    adminOnly((ctx) => {
      const rec = c.map(ctx.state).get(ctx.params.id!);
      if (!rec) return notFound(ctx.params.id!);
      const input = obj(obj(ctx.body)?.[c.singular]);
      if (!input) return keystoneError(400, `Invalid input for field '${c.singular}'.`);
      if (input.id !== undefined && input.id !== rec.id) {
        return keystoneError(400, "Cannot change ID");
      }
      const { password, ...fields } = input;
      const merged = { ...rec, ...fields };
      const clash = conflict(ctx, merged, String(rec.id));
      if (clash) return clash;
      Object.assign(rec, fields);
      if (c.plural === "users" && typeof password === "string") {
        ctx.state.passwords.set(String(rec.id), password);
      }
      return json({ [c.singular]: view(ctx, c.plural, rec) });
    }),
  );
  router.add(
    "DELETE",
    `${path}/:id`,
    adminOnly((ctx) => {
      const id = ctx.params.id!;
      const rec = c.map(ctx.state).get(id);
      if (!rec) return notFound(id);
      if (c.plural === "domains" && rec.enabled) {
        return keystoneError(
          403,
          "Cannot delete a domain that is enabled, please disable it first.",
        );
      }
      c.map(ctx.state).delete(id);
      const s = ctx.state;
      if (c.plural === "users") {
        s.passwords.delete(id);
        s.assignments = s.assignments.filter((a) => a.userId !== id);
        for (const [tid, t] of s.tokens) if (t.userId === id) s.tokens.delete(tid);
      }
      if (c.plural === "projects") s.assignments = s.assignments.filter((a) => a.projectId !== id);
      if (c.plural === "roles") s.assignments = s.assignments.filter((a) => a.roleId !== id);
      return empty(204);
    }),
  );
}

type Target = { projectId?: string; domainId?: string; system?: boolean };

function addGrants(router: Router): void {
  const targets: [string, (ctx: RouteContext) => Target | Response][] = [
    [
      "/v3/projects/:target/users/:user/roles",
      (ctx) =>
        ctx.state.projects.has(ctx.params.target!)
          ? { projectId: ctx.params.target! }
          : keystoneError(404, `Could not find project: ${ctx.params.target}.`),
    ],
    [
      "/v3/domains/:target/users/:user/roles",
      (ctx) =>
        ctx.state.domains.has(ctx.params.target!)
          ? { domainId: ctx.params.target! }
          : keystoneError(404, `Could not find domain: ${ctx.params.target}.`),
    ],
    ["/v3/system/users/:user/roles", () => ({ system: true })],
  ];
  for (const [base, resolve] of targets) {
    const lookup = (ctx: RouteContext, withRole: boolean) => {
      const target = resolve(ctx);
      if (target instanceof Response) return target;
      const userId = ctx.params.user!;
      if (!ctx.state.users.has(userId)) {
        return keystoneError(404, `Could not find user: ${userId}.`);
      }
      const roleId = ctx.params.role ?? "";
      if (withRole && !ctx.state.roles.has(roleId)) {
        return keystoneError(404, `Could not find role: ${roleId}.`);
      }
      const index = ctx.state.assignments.findIndex((a) =>
        a.userId === userId && a.roleId === roleId &&
        a.projectId === target.projectId && a.domainId === target.domainId &&
        (a.system ?? false) === (target.system ?? false)
      );
      return { target, userId, roleId, index };
    };
    router.add("GET", base, (ctx) => {
      const found = lookup(ctx, false);
      if (found instanceof Response) return found;
      const ids = ctx.state.rolesOn(found.userId, found.target);
      const roles = ids.map((id) => ctx.state.roles.get(id)).filter((r) => r !== undefined)
        .map((r) => view(ctx, "roles", r));
      return keystoneList(ctx, "roles", roles);
    });
    router.add("GET", `${base}/:role`, (ctx) => {
      const found = lookup(ctx, true);
      if (found instanceof Response) return found;
      return found.index >= 0 ? empty(204) : keystoneError(404, `Could not find role assignment.`);
    });
    router.add(
      "PUT",
      `${base}/:role`,
      adminOnly((ctx) => {
        const found = lookup(ctx, true);
        if (found instanceof Response) return found;
        if (found.index < 0) {
          ctx.state.assignments.push({
            roleId: found.roleId,
            userId: found.userId,
            ...found.target,
          });
        }
        return empty(204);
      }),
    );
    router.add(
      "DELETE",
      `${base}/:role`,
      adminOnly((ctx) => {
        const found = lookup(ctx, true);
        if (found instanceof Response) return found;
        if (found.index < 0) return keystoneError(404, "Could not find role assignment.");
        ctx.state.assignments.splice(found.index, 1);
        return empty(204);
      }),
    );
  }

  router.add("GET", "/v3/role_assignments", (ctx) => {
    const q = ctx.url.searchParams;
    const s = ctx.state;
    const names = q.has("include_names");
    const ref = (map: Map<string, JsonObject>, id: string) =>
      names ? { id, name: map.get(id)?.name } : { id };
    const items = s.assignments.filter((a) =>
      (!q.get("user.id") || a.userId === q.get("user.id")) &&
      (!q.get("role.id") || a.roleId === q.get("role.id")) &&
      (!q.get("scope.project.id") || a.projectId === q.get("scope.project.id")) &&
      (!q.get("scope.domain.id") || (a.domainId === q.get("scope.domain.id") && !a.projectId)) &&
      (!q.get("scope.system") || a.system === true)
    ).map((a) => {
      const scope = a.projectId
        ? { project: ref(s.projects, a.projectId) }
        : a.domainId
        ? { domain: ref(s.domains, a.domainId) }
        : { system: { all: true } };
      const path = a.projectId
        ? `/v3/projects/${a.projectId}/users/${a.userId}/roles/${a.roleId}`
        : a.domainId
        ? `/v3/domains/${a.domainId}/users/${a.userId}/roles/${a.roleId}`
        : `/v3/system/users/${a.userId}/roles/${a.roleId}`;
      return {
        id: `${a.userId}:${a.roleId}:${a.projectId ?? a.domainId ?? "system"}`,
        role: ref(s.roles, a.roleId),
        user: ref(s.users, a.userId),
        scope,
        links: { assignment: `${ctx.base}${path}` },
      };
    });
    return keystoneList(ctx, "role_assignments", items);
  });
}

function addAppCreds(router: Router): void {
  const base = "/v3/users/:user/application_credentials";
  const own = (ctx: RouteContext): Response | undefined => {
    const userId = ctx.params.user!;
    if (!ctx.state.users.has(userId)) return keystoneError(404, `Could not find user: ${userId}.`);
    if (ctx.token!.userId !== userId && !ctx.state.isAdmin(ctx.token!)) return forbidden();
    return undefined;
  };
  const list = (ctx: RouteContext) =>
    [...ctx.state.appCreds.values()].map((c) => c.data).filter((d) =>
      d.user_id === ctx.params.user
    );
  const show = (ctx: RouteContext, d: JsonObject): JsonObject => ({
    ...clone(d),
    links: { self: `${ctx.base}/v3/users/${d.user_id}/application_credentials/${d.id}` },
  });
  router.add("GET", base, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const name = ctx.url.searchParams.get("name");
    const items = list(ctx).filter((d) => name === null || d.name === name).map((d) =>
      show(ctx, d)
    );
    return keystoneList(ctx, "application_credentials", items);
  });
  router.add("GET", `${base}/:id`, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const d = list(ctx).find((x) => x.id === ctx.params.id);
    return d
      ? json({ application_credential: show(ctx, d) })
      : keystoneError(404, `Could not find Application Credential: ${ctx.params.id}.`);
  });
  router.add("POST", base, async (ctx) => {
    const token = ctx.token!;
    if (token.userId !== ctx.params.user) return forbidden();
    const projectId = ctx.state.projectOf(token);
    if (!projectId || token.appCredId) return forbidden();
    const input = obj(obj(ctx.body)?.application_credential);
    if (!input || typeof input.name !== "string") {
      return keystoneError(400, "Invalid input for field 'name': 'name' is a required property.");
    }
    if (list(ctx).some((d) => d.name === input.name)) {
      return keystoneError(
        409,
        "Conflict occurred attempting to store application_credential - Duplicate entry.",
      );
    }
    const secret = typeof input.secret === "string"
      ? input.secret
      : btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48)))).replace(
        /[+/=]/g,
        "",
      );
    const wanted = Array.isArray(input.roles) ? input.roles as JsonObject[] : undefined;
    const roleIds = wanted
      ? wanted.map((r) =>
        String(r.id ?? [...ctx.state.roles.values()].find((x) => x.name === r.name)?.id ?? "")
      )
      : token.roleIds;
    if (roleIds.some((id) => !token.roleIds.includes(id))) return forbidden();
    const data: JsonObject = {
      id: hexId(),
      name: input.name,
      description: input.description ?? null,
      user_id: token.userId,
      project_id: projectId,
      expires_at: input.expires_at ?? null,
      unrestricted: input.unrestricted ?? false,
      access_rules: [],
      roles: roleIds.map((id) => ({ id, name: ctx.state.roles.get(id)?.name, domain_id: null })),
    };
    ctx.state.appCreds.set(String(data.id), { data, secretHash: await sha256Hex(secret) });
    return json({ application_credential: { ...show(ctx, data), secret } }, 201);
  });
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const d = list(ctx).find((x) => x.id === ctx.params.id);
    if (!d) return keystoneError(404, `Could not find Application Credential: ${ctx.params.id}.`);
    ctx.state.appCreds.delete(String(d.id));
    for (const [tid, t] of ctx.state.tokens) if (t.appCredId === d.id) ctx.state.tokens.delete(tid);
    return empty(204);
  });
}

/** Registers the identity API routes (paths relative to `/identity`). */
export function addIdentityRoutes(router: Router): void {
  const version = (ctx: RouteContext) => ({
    id: "v3.14",
    status: "stable",
    updated: "2020-04-07T00:00:00Z",
    links: [{ rel: "self", href: `${ctx.base}/v3/` }],
    "media-types": [{
      base: "application/json",
      type: "application/vnd.openstack.identity-v3+json",
    }],
  });
  router.add("GET", "/v3", (ctx) => json({ version: version(ctx) }), true);
  router.add("GET", "/", (ctx) => json({ versions: { values: [version(ctx)] } }, 300), true);
  for (const c of COLLECTIONS) addCollection(router, c);
  addGrants(router);
  addAppCreds(router);
}

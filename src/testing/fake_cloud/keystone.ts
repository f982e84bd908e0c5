/**
 * The Keystone v3 identity API: projects, users, domains, roles, regions,
 * services, endpoints, application credentials, grants and role
 * assignments. Token routes live in `keystone_auth.ts`.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { type CloudState, hexId, type JsonObject } from "./state.ts";
import { clone, empty, json, keystoneError, obj } from "./respond.ts";
import {
  adminOnly,
  forbidden,
  keystoneList,
  matchesFilters,
  matchesTags,
  view,
} from "./keystone_common.ts";
import { mayRead } from "./keystone_policy.ts";
import { invalidField } from "./keystone_schema.ts";
import { addGrants } from "./keystone_grants.ts";
import { addAppCreds } from "./keystone_app_creds.ts";
import { addAccessRoutes } from "./keystone_access.ts";
import { addGroupMembership } from "./keystone_groups.ts";
import { addPasswordChange } from "./keystone_password.ts";

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
    defaults: {
      domain_id: "default",
      description: "",
      enabled: true,
      is_domain: false,
      tags: [],
      options: {},
    },
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
    plural: "groups",
    singular: "group",
    map: (s) => s.groups,
    required: ["name"],
    defaults: { domain_id: "default", description: "" },
    filters: ["name", "domain_id"],
    unique: { field: "name", within: "domain_id" },
  },
  {
    plural: "domains",
    singular: "domain",
    map: (s) => s.domains,
    required: ["name"],
    defaults: { description: "", enabled: true, tags: [], options: {} },
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
    defaults: { enabled: true },
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

function addCollection(router: Router, c: Collection): void {
  const path = `/v3/${c.plural}`;
  const notFound = (id: string) => keystoneError(404, `Could not find ${c.singular}: ${id}.`);
  router.add("GET", path, (ctx) => {
    if (!mayRead(ctx, c.plural)) return forbidden(`identity:list_${c.plural}`);
    const items = [...c.map(ctx.state).values()]
      .filter((r) => matchesFilters(r, ctx.url.searchParams, c.filters))
      .filter((r) => matchesTags(r, ctx.url.searchParams))
      .map((r) => view(ctx, c.plural, r));
    return keystoneList(ctx, c.plural, items);
  });
  router.add("GET", `${path}/:id`, (ctx) => {
    const rec = c.map(ctx.state).get(ctx.params.id!);
    // Keystone checks the policy before it looks: a member gets 403, not 404.
    if (!mayRead(ctx, c.plural, ctx.params.id!)) return forbidden(`identity:get_${c.singular}`);
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
      const invalid = invalidField(c.plural, input, c.required);
      if (invalid) return keystoneError(400, invalid);
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
      const invalid = invalidField(c.plural, input, []);
      if (invalid) return keystoneError(400, invalid);
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
      if (c.plural === "users") {
        for (const members of s.groupMembers.values()) members.delete(id);
      }
      if (c.plural === "groups") {
        s.groupMembers.delete(id);
        s.assignments = s.assignments.filter((a) => a.groupId !== id);
      }
      if (c.plural === "projects") s.assignments = s.assignments.filter((a) => a.projectId !== id);
      if (c.plural === "roles") s.assignments = s.assignments.filter((a) => a.roleId !== id);
      if (c.plural === "regions") deleteChildRegions(s, id);
      return empty(204);
    }),
  );
}

/** Keystone deletes a region's sub-regions with it, all the way down. */
function deleteChildRegions(state: CloudState, parentId: string): void {
  for (const [id, region] of [...state.regionRecords]) {
    if (region.parent_region_id !== parentId) continue;
    state.regionRecords.delete(id);
    deleteChildRegions(state, id);
  }
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
  // The v2.0 document clients fetch for discovery (the fake still serves v2.0 tokens).
  router.add("GET", "/v2.0", (ctx) =>
    json({
      version: {
        id: "v2.0",
        status: "deprecated",
        updated: "2016-08-04T00:00:00Z",
        links: [
          { rel: "self", href: `${ctx.base}/v2.0/` },
          { rel: "describedby", type: "text/html", href: "https://docs.openstack.org/" },
        ],
        "media-types": [{
          base: "application/json",
          type: "application/vnd.openstack.identity-v2.0+json",
        }],
      },
    }), true);
  router.add("GET", "/", (ctx) => json({ versions: { values: [version(ctx)] } }, 300), true);
  for (const c of COLLECTIONS) addCollection(router, c);
  addGrants(router);
  addAppCreds(router);
  addAccessRoutes(router);
  addGroupMembership(router);
  addPasswordChange(router);
}

/**
 * Keystone grants (`PUT/HEAD/DELETE /{projects|domains}/{t}/{users|groups}/{a}/roles/{r}`
 * and `/system/{users|groups}/{a}/roles/{r}`) and `GET /role_assignments`.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { Assignment, JsonObject } from "./state.ts";
import { empty, keystoneError } from "./respond.ts";
import { adminOnly, keystoneList, view } from "./keystone_common.ts";

type Target = { projectId?: string; domainId?: string; system?: boolean };
type Actor = { userId?: string; groupId?: string };

const TARGETS: [string, (ctx: RouteContext) => Target | Response][] = [
  [
    "/v3/projects/:target",
    (ctx) =>
      ctx.state.projects.has(ctx.params.target!)
        ? { projectId: ctx.params.target! }
        : keystoneError(404, `Could not find project: ${ctx.params.target}.`),
  ],
  [
    "/v3/domains/:target",
    (ctx) =>
      ctx.state.domains.has(ctx.params.target!)
        ? { domainId: ctx.params.target! }
        : keystoneError(404, `Could not find domain: ${ctx.params.target}.`),
  ],
  ["/v3/system", () => ({ system: true })],
];

const ACTORS: [string, (ctx: RouteContext) => Actor | Response][] = [
  [
    "users",
    (ctx) =>
      ctx.state.users.has(ctx.params.actor!)
        ? { userId: ctx.params.actor! }
        : keystoneError(404, `Could not find user: ${ctx.params.actor}.`),
  ],
  [
    "groups",
    (ctx) =>
      ctx.state.groups.has(ctx.params.actor!)
        ? { groupId: ctx.params.actor! }
        : keystoneError(404, `Could not find group: ${ctx.params.actor}.`),
  ],
];

function same(a: Assignment, actor: Actor, target: Target, roleId?: string): boolean {
  return (roleId === undefined || a.roleId === roleId) &&
    a.userId === actor.userId && a.groupId === actor.groupId &&
    a.projectId === target.projectId && a.domainId === target.domainId &&
    (a.system ?? false) === (target.system ?? false);
}

function addGrantRoutes(
  router: Router,
  base: string,
  resolveTarget: (ctx: RouteContext) => Target | Response,
  resolveActor: (ctx: RouteContext) => Actor | Response,
): void {
  const lookup = (ctx: RouteContext, withRole: boolean) => {
    const target = resolveTarget(ctx);
    if (target instanceof Response) return target;
    const actor = resolveActor(ctx);
    if (actor instanceof Response) return actor;
    const roleId = ctx.params.role ?? "";
    if (withRole && !ctx.state.roles.has(roleId)) {
      return keystoneError(404, `Could not find role: ${roleId}.`);
    }
    const index = ctx.state.assignments.findIndex((a) => same(a, actor, target, roleId));
    return { target, actor, roleId, index };
  };
  router.add("GET", base, (ctx) => {
    const found = lookup(ctx, false);
    if (found instanceof Response) return found;
    const roles = ctx.state.assignments.filter((a) => same(a, found.actor, found.target))
      .map((a) => ctx.state.roles.get(a.roleId)).filter((r) => r !== undefined)
      .map((r) => view(ctx, "roles", r));
    return keystoneList(ctx, "roles", roles);
  });
  router.add("GET", `${base}/:role`, (ctx) => {
    const found = lookup(ctx, true);
    if (found instanceof Response) return found;
    return found.index >= 0 ? empty(204) : keystoneError(404, "Could not find role assignment.");
  });
  router.add(
    "PUT",
    `${base}/:role`,
    adminOnly((ctx) => {
      const found = lookup(ctx, true);
      if (found instanceof Response) return found;
      if (found.index < 0) {
        ctx.state.assignments.push({ roleId: found.roleId, ...found.actor, ...found.target });
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

/** The assignments `GET /role_assignments` shows; `effective` expands groups to their members. */
function listed(ctx: RouteContext): Assignment[] {
  const s = ctx.state;
  if (!ctx.url.searchParams.has("effective")) return s.assignments;
  const out: Assignment[] = [];
  for (const a of s.assignments) {
    if (a.groupId === undefined) {
      out.push(a);
      continue;
    }
    for (const userId of s.groupMembers.get(a.groupId) ?? []) {
      const { groupId: _group, ...rest } = a;
      out.push({ ...rest, userId });
    }
  }
  return out;
}

/** Registers the grant and role assignment routes (paths relative to `/identity`). */
export function addGrants(router: Router): void {
  for (const [targetPath, resolveTarget] of TARGETS) {
    for (const [actorKind, resolveActor] of ACTORS) {
      addGrantRoutes(
        router,
        `${targetPath}/${actorKind}/:actor/roles`,
        resolveTarget,
        resolveActor,
      );
    }
  }

  router.add(
    "GET",
    "/v3/role_assignments",
    adminOnly((ctx) => {
      const q = ctx.url.searchParams;
      const s = ctx.state;
      const names = ["", "true", "1"].includes(q.get("include_names")?.toLowerCase() ?? "no");
      // With include_names Keystone adds the name, and the owning domain of users,
      // groups, projects and domain-specific roles.
      const ref = (map: Map<string, JsonObject>, id: string, owned: boolean) => {
        if (!names) return { id };
        const rec = map.get(id);
        const out: JsonObject = { id, name: rec?.name };
        const domainId = rec?.domain_id;
        if (owned && typeof domainId === "string") {
          out.domain = { id: domainId, name: s.domains.get(domainId)?.name };
        }
        return out;
      };
      const items = listed(ctx).filter((a) =>
        (!q.get("user.id") || a.userId === q.get("user.id")) &&
        (!q.get("group.id") || a.groupId === q.get("group.id")) &&
        (!q.get("role.id") || a.roleId === q.get("role.id")) &&
        (!q.get("scope.project.id") || a.projectId === q.get("scope.project.id")) &&
        (!q.get("scope.domain.id") ||
          (a.domainId === q.get("scope.domain.id") && !a.projectId)) &&
        (!q.get("scope.system") || a.system === true)
      ).map((a) => {
        const scope = a.projectId
          ? { project: ref(s.projects, a.projectId, true) }
          : a.domainId
          ? { domain: ref(s.domains, a.domainId, false) }
          : { system: { all: true } };
        const target = a.projectId
          ? `/v3/projects/${a.projectId}`
          : a.domainId
          ? `/v3/domains/${a.domainId}`
          : "/v3/system";
        const actor = a.userId !== undefined
          ? { user: ref(s.users, a.userId, true) }
          : { group: ref(s.groups, a.groupId ?? "", true) };
        const actorPath = a.userId !== undefined ? `users/${a.userId}` : `groups/${a.groupId}`;
        return {
          role: ref(s.roles, a.roleId, true),
          ...actor,
          scope,
          links: { assignment: `${ctx.base}${target}/${actorPath}/roles/${a.roleId}` },
        };
      });
      return keystoneList(ctx, "role_assignments", items);
    }),
  );
}

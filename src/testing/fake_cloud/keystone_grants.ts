/**
 * Keystone grants (`PUT/HEAD/DELETE /projects|domains|system/…/users/{u}/roles/{r}`)
 * and `GET /role_assignments`.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { empty, keystoneError } from "./respond.ts";
import { adminOnly, keystoneList, view } from "./keystone_common.ts";

type Target = { projectId?: string; domainId?: string; system?: boolean };

export function addGrants(router: Router): void {
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

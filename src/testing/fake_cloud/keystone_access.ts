/**
 * What a user can scope to: `GET /v3/auth/projects`, `/v3/auth/domains`,
 * `/v3/auth/system` and `/v3/users/{u}/projects`.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { json, keystoneError } from "./respond.ts";
import { forbidden, keystoneList, view } from "./keystone_common.ts";

function projectsOf(ctx: RouteContext, userId: string): JsonObject[] {
  const ids = new Set(
    ctx.state.effectiveAssignments(userId).filter((a) => a.projectId).map((a) => a.projectId),
  );
  return [...ctx.state.projects.values()]
    .filter((p) => ids.has(String(p.id)) && p.enabled)
    .map((p) => view(ctx, "projects", p));
}

/** Registers the access routes (paths relative to `/identity`). */
export function addAccessRoutes(router: Router): void {
  router.add(
    "GET",
    "/v3/auth/projects",
    (ctx) => keystoneList(ctx, "projects", projectsOf(ctx, ctx.token!.userId)),
  );
  router.add("GET", "/v3/auth/domains", (ctx) => {
    const ids = new Set(
      ctx.state.effectiveAssignments(ctx.token!.userId).filter((a) => a.domainId && !a.projectId)
        .map((a) => a.domainId),
    );
    const domains = [...ctx.state.domains.values()].filter((d) => ids.has(String(d.id)))
      .map((d) => view(ctx, "domains", d));
    return keystoneList(ctx, "domains", domains);
  });
  router.add("GET", "/v3/auth/system", (ctx) => {
    const has = ctx.state.effectiveAssignments(ctx.token!.userId).some((a) => a.system);
    return json({ system: has ? [{ all: true }] : [], links: { self: `${ctx.base}${ctx.path}` } });
  });
  router.add("GET", "/v3/users/:user/projects", (ctx) => {
    const userId = ctx.params.user!;
    if (!ctx.state.users.has(userId)) return keystoneError(404, `Could not find user: ${userId}.`);
    if (ctx.token!.userId !== userId && !ctx.state.isAdmin(ctx.token!)) return forbidden();
    return keystoneList(ctx, "projects", projectsOf(ctx, userId));
  });
}

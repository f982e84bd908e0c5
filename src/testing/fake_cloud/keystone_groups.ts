/**
 * Keystone group membership: `PUT/HEAD/DELETE /v3/groups/{g}/users/{u}`,
 * `GET /v3/groups/{g}/users` and `GET /v3/users/{u}/groups`.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { empty, keystoneError } from "./respond.ts";
import { adminOnly, forbidden, keystoneList, view } from "./keystone_common.ts";

/** Registers the membership routes (paths relative to `/identity`). */
export function addGroupMembership(router: Router): void {
  const base = "/v3/groups/:group/users";
  const check = (ctx: RouteContext, withUser: boolean): Response | Set<string> => {
    const groupId = ctx.params.group!;
    if (!ctx.state.groups.has(groupId)) {
      return keystoneError(404, `Could not find group: ${groupId}.`);
    }
    if (withUser && !ctx.state.users.has(ctx.params.user!)) {
      return keystoneError(404, `Could not find user: ${ctx.params.user}.`);
    }
    let members = ctx.state.groupMembers.get(groupId);
    if (!members) ctx.state.groupMembers.set(groupId, members = new Set());
    return members;
  };
  router.add("GET", base, (ctx) => {
    const members = check(ctx, false);
    if (members instanceof Response) return members;
    const users = [...members].map((id) => ctx.state.users.get(id)).filter((u) => u !== undefined)
      .map((u) => view(ctx, "users", u));
    return keystoneList(ctx, "users", users);
  });
  router.add("GET", `${base}/:user`, (ctx) => {
    const members = check(ctx, true);
    if (members instanceof Response) return members;
    return members.has(ctx.params.user!)
      ? empty(204)
      : keystoneError(404, `User ${ctx.params.user} is not a member of group ${ctx.params.group}.`);
  });
  router.add(
    "PUT",
    `${base}/:user`,
    adminOnly((ctx) => {
      const members = check(ctx, true);
      if (members instanceof Response) return members;
      members.add(ctx.params.user!);
      return empty(204);
    }),
  );
  router.add(
    "DELETE",
    `${base}/:user`,
    adminOnly((ctx) => {
      const members = check(ctx, true);
      if (members instanceof Response) return members;
      if (!members.delete(ctx.params.user!)) {
        return keystoneError(
          404,
          `User ${ctx.params.user} is not a member of group ${ctx.params.group}.`,
        );
      }
      return empty(204);
    }),
  );
  router.add("GET", "/v3/users/:user/groups", (ctx) => {
    const userId = ctx.params.user!;
    if (!ctx.state.users.has(userId)) return keystoneError(404, `Could not find user: ${userId}.`);
    if (ctx.token!.userId !== userId && !ctx.state.isAdmin(ctx.token!)) return forbidden();
    const groups = [...ctx.state.groupMembers].filter(([, m]) => m.has(userId))
      .map(([id]) => ctx.state.groups.get(id)).filter((g) => g !== undefined)
      .map((g) => view(ctx, "groups", g));
    return keystoneList(ctx, "groups", groups);
  });
}

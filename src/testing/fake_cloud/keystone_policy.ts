/**
 * Keystone's default read policy (Zed, legacy rules on): what a token
 * without the admin role may read. A member lists no projects, users,
 * roles, services, endpoints, groups or domains (403); it may read its own
 * project, its own user and its project's domain; regions are public to
 * any token.
 *
 * @module
 */
import type { RouteContext } from "./router.ts";

/** Whether the request's token may read `plural` (one record when `id` is given). */
export function mayRead(ctx: RouteContext, plural: string, id?: string): boolean {
  const token = ctx.token;
  if (!token) return false;
  if (ctx.state.isAdmin(token)) return true;
  if (plural === "regions") return true;
  if (id === undefined) return false;
  const project = ctx.state.projectOf(token);
  if (plural === "projects") return id === project;
  if (plural === "users") return id === token.userId;
  if (plural === "domains") {
    const domain = token.scope.kind === "domain"
      ? token.scope.domainId
      : project
      ? ctx.state.projects.get(project)?.domain_id
      : undefined;
    return id === domain;
  }
  return false;
}

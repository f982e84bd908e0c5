/**
 * Helpers shared by the Keystone routes: record views, lists with
 * `links.next`, and the admin check.
 *
 * @module
 */
import type { Handler, RouteContext } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { clone, json, keystoneError } from "./respond.ts";

/** What a record looks like on the wire: secrets dropped, links added. */
export function view(ctx: RouteContext, plural: string, rec: JsonObject): JsonObject {
  const out = clone(rec);
  if (plural === "endpoints") out.region = out.region_id;
  out.links = { self: `${ctx.base}/v3/${plural}/${encodeURIComponent(String(rec.id))}` };
  return out;
}

/**
 * A Keystone list. Keystone ignores `limit` and `marker` (without a
 * configured `list_limit` it returns everything at once): `links.next` is null.
 */
export function keystoneList(
  ctx: RouteContext,
  key: string,
  items: JsonObject[],
): Response {
  return json({
    [key]: items,
    links: { self: `${ctx.base}${ctx.path}`, previous: null, next: null },
  });
}

export function matchesFilters(
  rec: JsonObject,
  query: URLSearchParams,
  filters: string[],
): boolean {
  for (const f of filters) {
    const want = query.get(f);
    if (want !== null && String(rec[f]) !== want) return false;
  }
  return true;
}

/**
 * Keystone's tag filters: `tags` (all of), `tags-any` (any of), `not-tags`
 * (not all of) and `not-tags-any` (none of), each a comma-separated list.
 */
export function matchesTags(rec: JsonObject, query: URLSearchParams): boolean {
  const have = new Set(Array.isArray(rec.tags) ? rec.tags.map(String) : []);
  const list = (key: string) => query.get(key)?.split(",").filter((t) => t !== "");
  const all = list("tags");
  if (all && !all.every((t) => have.has(t))) return false;
  const any = list("tags-any");
  if (any && !any.some((t) => have.has(t))) return false;
  const notAll = list("not-tags");
  if (notAll && notAll.every((t) => have.has(t))) return false;
  const notAny = list("not-tags-any");
  if (notAny && notAny.some((t) => have.has(t))) return false;
  return true;
}

/** Keystone's 403; with the policy rule when known (`identity:list_users`), as Keystone words it. */
export const forbidden = (rule?: string): Response =>
  keystoneError(
    403,
    rule
      ? `You are not authorized to perform the requested action: ${rule}.`
      : "You are not authorized to perform the requested action.",
  );

export function adminOnly(handler: Handler): Handler {
  return (ctx) => ctx.state.isAdmin(ctx.token!) ? handler(ctx) : forbidden();
}

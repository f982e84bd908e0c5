/**
 * Helpers shared by the Keystone routes: record views, lists with
 * `links.next`, and the admin check.
 *
 * @module
 */
import type { Handler, RouteContext } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { clone, json, keystoneError, PageError, paginate } from "./respond.ts";

/** What a record looks like on the wire: secrets dropped, links added. */
export function view(ctx: RouteContext, plural: string, rec: JsonObject): JsonObject {
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

export const forbidden = (): Response =>
  keystoneError(403, "You are not authorized to perform the requested action.");

export function adminOnly(handler: Handler): Handler {
  return (ctx) => ctx.state.isAdmin(ctx.token!) ? handler(ctx) : forbidden();
}

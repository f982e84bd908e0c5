/**
 * Helpers shared by the Nova routes: links and Nova's paging
 * (`<key>_links` next whenever a page is full).
 *
 * @module
 */
import type { RouteContext } from "./router.ts";
import { versionAtLeast } from "./microversion.ts";
import type { JsonObject } from "./state.ts";
import { json, nextQuery, novaError, PageError, paginate } from "./respond.ts";

/** Whether the request's negotiated compute microversion is at least `want` ("2.19"). */
export function atLeast(ctx: RouteContext, want: string): boolean {
  return versionAtLeast(ctx.microversion || "2.1", want);
}

/** A bookmark link as Nova puts it in a server's image and flavor: no version in the path. */
export function bookmark(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  return [{ rel: "bookmark", href: `${ctx.base}/${kind}/${encodeURIComponent(id)}` }];
}

export function link(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  const href = `${ctx.base}/v2.1/${kind}/${encodeURIComponent(id)}`;
  return [{ rel: "self", href }, { rel: "bookmark", href }];
}

/** A list reply with `<key>_links` when the page is full. */
export function novaList(
  ctx: RouteContext,
  key: string,
  items: JsonObject[],
  pageKey = "id",
): Response {
  try {
    const page = paginate(items, ctx.url.searchParams, {
      defaultLimit: 1000,
      maxLimit: 1000,
      fullPageHasNext: true,
      key: pageKey,
    });
    const body: JsonObject = { [key]: page.items };
    if (page.nextMarker !== undefined) {
      body[`${key}_links`] = [{
        rel: "next",
        href: `${ctx.base}${ctx.path}?${
          nextQuery(ctx.url.searchParams, page.limit, page.nextMarker)
        }`,
      }];
    }
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return novaError(400, e.message);
    throw e;
  }
}

/**
 * Helpers shared by the Trove routes: links, Trove's paging, status
 * settling and datastore lookup.
 *
 * @module
 */
import type { RouteContext } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { json, novaError, PageError, paginate } from "./respond.ts";

export function root(ctx: RouteContext): string {
  return `${ctx.base}/v1.0/${encodeURIComponent(ctx.params.project!)}`;
}

export function links(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  const href = `${root(ctx)}/${kind}/${encodeURIComponent(id)}`;
  return [{ rel: "self", href }, { rel: "bookmark", href }];
}

/** A Trove list: `links` with `next` when more items remain. */
export function troveList(
  ctx: RouteContext,
  key: string,
  items: JsonObject[],
  pageKey = "id",
): Response {
  try {
    const page = paginate(items, ctx.url.searchParams, {
      defaultLimit: 20,
      maxLimit: 100,
      fullPageHasNext: false,
      key: pageKey,
    });
    const body: JsonObject = { [key]: page.items };
    if (page.nextMarker !== undefined) {
      const q = new URLSearchParams(ctx.url.searchParams);
      q.set("limit", String(page.limit));
      q.set("marker", page.nextMarker);
      body.links = [{ rel: "next", href: `${ctx.base}${ctx.path}?${q}` }];
    } else {
      body.links = [];
    }
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return novaError(400, e.message);
    throw e;
  }
}

export function settle(state: CloudState, rec: JsonObject, from: string, to: string): void {
  if (rec.status === from && state.built(Number(rec._createdMs))) rec.status = to;
}

export function defaultDatastore(state: CloudState): JsonObject | undefined {
  return [...state.datastores.values()][0];
}

export function findDatastore(state: CloudState, ref: string | undefined): JsonObject | undefined {
  if (ref === undefined) return defaultDatastore(state);
  return [...state.datastores.values()].find((d) => d.id === ref || d.name === ref);
}

/**
 * What an API handler works with: the authenticated request, the engine's
 * state, and the XML/JSON reply it builds.
 *
 * @module
 */
import type { Obj } from "./model.ts";
import { type Extras, renderJson, renderXml } from "./render.ts";
import type { Store } from "./store.ts";

/** Who is calling, and how they asked to see things. */
export interface Caller {
  /** The user name, e.g. `admin@internal`. */
  user: string;
  /**
   * The entity ids the user holds a role on; undefined for an administrator
   * (who sees everything).
   */
  grants?: ReadonlySet<string>;
}

/** One API request, already authenticated. */
export interface ApiRequest {
  method: string;
  /** The path under the API root, without leading slash. */
  rel: string;
  query: URLSearchParams;
  body: string;
  contentType: string;
  /** Answer in JSON (`Accept: application/json`). */
  json: boolean;
  /** `All-Content: true` or `all_content=true`: include the expensive fields. */
  allContent: boolean;
  /** `Filter: true` or `filter=true`: the user's own view (only what they hold a role on). */
  filter: boolean;
  /** The authenticated caller. */
  caller: Caller;
}

/** What the API needs from the engine. */
export interface ApiContext {
  store: Store;
  transitionMs: number;
  startedAt: Date;
  /** The CA certificate the engine hands out, when it serves TLS. */
  caCert?: string;
}

/** A reply in the format the request asked for (XML unless `Accept: application/json`). */
export function reply(
  req: Pick<ApiRequest, "json">,
  status: number,
  xml: () => string,
  json: () => string,
): Response {
  return req.json
    ? new Response(json(), { status, headers: { "content-type": "application/json" } })
    : new Response(xml(), { status, headers: { "content-type": "application/xml" } });
}

/** A `<fault>` (or JSON fault) response. */
export function fault(
  req: Pick<ApiRequest, "json">,
  status: number,
  reason: string,
  detail: string,
): Response {
  const value: Obj = { reason, detail };
  return reply(req, status, () => renderXml("fault", value), () => renderJson(value));
}

/** One object as the reply. */
export function one(
  req: ApiRequest,
  status: number,
  tag: string,
  value: Obj,
  extras?: Extras,
): Response {
  return reply(req, status, () => renderXml(tag, value, extras), () => renderJson(value, extras));
}

/** A 400 fault for a body that does not parse. */
export function badBody(req: ApiRequest, error: unknown): Response {
  return fault(req, 400, "Request syntactically incorrect.", String(error));
}

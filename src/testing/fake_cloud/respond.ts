/**
 * Response helpers: JSON replies, each service's error body shape and the
 * paging rules of the services.
 *
 * @module
 */
import type { JsonObject } from "./state.ts";

/** A JSON reply. */
export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** A reply without a body. */
export function empty(status = 204, headers?: HeadersInit): Response {
  return new Response(null, { status, headers });
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** The title of a status. */
export function titleOf(status: number): string {
  return TITLES[status] ?? "Error";
}

/** Keystone's error body: `{"error": {code, title, message}}`. */
export function keystoneError(status: number, message: string): Response {
  return json({ error: { code: status, title: titleOf(status), message } }, status);
}

/** The 401 every service answers without a valid token. */
export function unauthorized(authUrl: string): Response {
  return json(
    {
      error: {
        code: 401,
        title: "Unauthorized",
        message: "The request you have made requires authentication.",
      },
    },
    401,
    { "www-authenticate": `Keystone uri="${authUrl}"` },
  );
}

const NOVA_KEYS: Record<number, string> = {
  400: "badRequest",
  403: "forbidden",
  404: "itemNotFound",
  409: "conflictingRequest",
  413: "overLimit",
  422: "unprocessableEntity",
};

/** Nova and Trove's error body: `{"itemNotFound": {code, message}}`. */
export function novaError(status: number, message: string): Response {
  const key = NOVA_KEYS[status] ?? "computeFault";
  return json({ [key]: { code: status, message } }, status);
}

/** Glance's error body: plain text, as webob renders it. */
export function glanceError(status: number, message: string): Response {
  return new Response(`${status} ${titleOf(status)}\n\n${message}\n\n   `, {
    status,
    headers: { "content-type": "text/plain; charset=UTF-8" },
  });
}

/** Placement's API-SIG error body: `{"errors": [{status, title, detail, code}]}`. */
export function placementError(status: number, detail: string, requestId = ""): Response {
  return json({
    errors: [{
      status,
      title: titleOf(status),
      detail,
      code: "placement.undefined_code",
      request_id: requestId,
    }],
  }, status);
}

/** One page of a marker-paged collection. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The marker of the next page, when there may be one. */
  nextMarker?: string;
  /** The limit used. */
  limit: number;
}

/** Thrown by {@linkcode paginate} on a bad `limit` or an unknown `marker`. */
export class PageError extends Error {}

/**
 * Cuts a page out of `items` after `marker`. `fullPageHasNext` gives a next
 * marker whenever the page is full (Nova, Glance); otherwise only when more
 * items remain (Trove, Keystone).
 */
export function paginate<T extends JsonObject>(
  items: T[],
  query: URLSearchParams,
  options: { defaultLimit: number; maxLimit: number; fullPageHasNext: boolean; key?: string },
): Page<T> {
  const key = options.key ?? "id";
  const rawLimit = query.get("limit");
  let limit = options.defaultLimit;
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit)) throw new PageError(`Invalid limit: ${rawLimit}`);
    limit = Math.min(Number(rawLimit), options.maxLimit);
  }
  let start = 0;
  const marker = query.get("marker");
  if (marker !== null) {
    const at = items.findIndex((item) => String(item[key]) === marker);
    if (at < 0) throw new PageError(`marker [${marker}] not found`);
    start = at + 1;
  }
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  const hasNext = page.length > 0 && (options.fullPageHasNext ? page.length === limit : more);
  const last = page[page.length - 1];
  return {
    items: page,
    limit,
    ...(hasNext && last ? { nextMarker: String(last[key]) } : {}),
  };
}

/** A query string with `limit` and `marker` replaced. */
export function nextQuery(query: URLSearchParams, limit: number, marker: string): string {
  const q = new URLSearchParams(query);
  q.set("limit", String(limit));
  q.set("marker", marker);
  return q.toString();
}

/** A deep copy, so callers never share state with the store. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The value as a JSON object, or undefined when it is not one. */
export function obj(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as JsonObject
    : undefined;
}

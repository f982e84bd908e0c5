/**
 * A small path router for the fake cloud's services.
 *
 * @module
 */
import type { CloudState, TokenRecord } from "./state.ts";

/** What a route handler gets for one request. */
export interface RouteContext {
  /** The incoming request. */
  req: Request;
  /** The request URL. */
  url: URL;
  /** The path relative to the service root, e.g. `/v2.1/servers`. */
  path: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  /** The parsed JSON body (undefined when there is none or it is not JSON). */
  body: unknown;
  /** The token that authenticated the request (absent on public routes). */
  token?: TokenRecord;
  /** The shared in-memory state. */
  state: CloudState;
  /** The public base URL of the service the route belongs to, no trailing slash. */
  base: string;
  /** The region the request was addressed to. */
  region: string;
  /** The request id the reply will carry. */
  requestId: string;
  /** The negotiated microversion (compute, placement), else "". */
  microversion: string;
}

/** A route handler. */
export type Handler = (ctx: RouteContext) => Response | Promise<Response>;

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
  public: boolean;
}

/** The outcome of a lookup. */
export type RouteMatch =
  | { kind: "found"; handler: Handler; params: Record<string, string>; public: boolean }
  | { kind: "method"; allowed: string[] }
  | { kind: "none" };

/** Routes keyed by method and a `/a/:id/b` pattern. */
export class Router {
  #routes: Route[] = [];

  /** Adds a route; `isPublic` routes need no token. */
  add(method: string, pattern: string, handler: Handler, isPublic = false): this {
    const names: string[] = [];
    const source = pattern.replace(/\/+$/, "").split("/").map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(part.slice(1));
      return "([^/]+)";
    }).join("/");
    this.#routes.push({
      method,
      regex: new RegExp(`^${source}/?$`),
      names,
      handler,
      public: isPublic,
    });
    return this;
  }

  /** Finds the route of a method and path. */
  match(method: string, path: string): RouteMatch {
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      const wanted = method === "HEAD" && route.method === "GET" ? "HEAD" : route.method;
      if (wanted !== method && route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? "");
      });
      return { kind: "found", handler: route.handler, params, public: route.public };
    }
    return allowed.length ? { kind: "method", allowed } : { kind: "none" };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

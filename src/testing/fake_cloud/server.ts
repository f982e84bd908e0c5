/**
 * The fake cloud's request handler: splits the URL into region, interface
 * and service, applies injected faults, checks the token, negotiates
 * microversions and stamps request ids.
 *
 * @module
 */
import { type RouteContext, Router } from "./router.ts";
import type { CloudState } from "./state.ts";
import {
  glanceError,
  json,
  keystoneError,
  novaError,
  placementError,
  unauthorized,
} from "./respond.ts";
import { addTokenRoutes } from "./keystone_auth.ts";
import { addIdentityRoutes } from "./keystone.ts";
import { addComputeRoutes, COMPUTE_MAX_VERSION } from "./compute.ts";
import { addImageRoutes } from "./image.ts";
import { negotiateGlanceError } from "./image_errors.ts";
import { addPlacementRoutes, PLACEMENT_MAX_VERSION, versionAtLeast } from "./placement.ts";
import { addTroveRoutes } from "./trove.ts";
import { addNetworkRoutes, neutronError } from "./network.ts";
import { addBlockStorageRoutes, VOLUME_MAX_VERSION } from "./block_storage.ts";
import { type FakeCloudRequest, maskSecrets, safeHeaders } from "./request_log.ts";
import type { InjectionHandle } from "../injection_handle.ts";

/** A fault or delay to apply to matching requests. */
export interface FakeCloudInjection {
  /** The full path (`/compute/v2.1/servers/detail`) or a pattern tested against it. */
  path: string | RegExp;
  /** Only this method; any when absent. */
  method?: string;
  /** Answer with this status instead of the real handler. */
  status?: number;
  /** Headers added to the reply (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  /** The reply body: an object is sent as JSON, a string as is. */
  body?: unknown;
  /** Wait this long before answering (ms). */
  delayMs?: number;
  /** How many requests this applies to (default 1; `Infinity` for all). */
  times?: number;
}

/** An active injection. */
export class ActiveInjection implements InjectionHandle {
  hits = 0;
  remaining: number;
  constructor(readonly rule: FakeCloudInjection, private readonly list: ActiveInjection[]) {
    this.remaining = rule.times ?? 1;
  }
  matches(method: string, path: string): boolean {
    if (this.remaining <= 0) return false;
    if (this.rule.method && this.rule.method.toUpperCase() !== method) return false;
    return typeof this.rule.path === "string" ? this.rule.path === path : this.rule.path.test(path);
  }
  remove(): void {
    const i = this.list.indexOf(this);
    if (i >= 0) this.list.splice(i, 1);
  }
}

type ErrorFn = (status: number, message: string) => Response;

interface Service {
  type: string;
  router: Router;
  error: ErrorFn;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

const MICROVERSION = /^(\d+)\.(\d+)$/;

/** Reads the requested microversion of a service; "latest" maps to the maximum. */
function microversionOf(
  req: Request,
  service: string,
  min: string,
  max: string,
  legacy?: string,
): string | Response {
  let wanted: string | undefined;
  const header = req.headers.get("openstack-api-version");
  if (header) {
    for (const part of header.split(",")) {
      const [name, value] = part.trim().split(/\s+/);
      if (name?.toLowerCase() === service && value) wanted = value;
    }
  }
  if (!wanted && legacy) wanted = req.headers.get(legacy) ?? undefined;
  if (!wanted) return min;
  if (wanted === "latest") return max;
  if (!MICROVERSION.test(wanted)) {
    return json({ error: `Invalid microversion ${wanted}` }, 400);
  }
  if (!versionAtLeast(wanted, min) || !versionAtLeast(max, wanted)) {
    return novaError(
      406,
      `Version ${wanted} is not supported by the API. Minimum is ${min} and maximum is ${max}.`,
    );
  }
  return wanted;
}

/** The first path segment of each service (the catalog URLs of seed.ts) → its service type. */
const SERVICE_TYPES_BY_SEGMENT: Record<string, string> = {
  identity: "identity",
  compute: "compute",
  image: "image",
  placement: "placement",
  database: "database",
  network: "network",
  volume: "block-storage",
};

/** The fake cloud's request handler and its shared pieces. */
export class CloudServer {
  /** Every request received, in order. */
  readonly requests: FakeCloudRequest[] = [];
  /** The log keeps at most this many entries, dropping the oldest. */
  requestLogLimit = 10_000;
  /** Active injections, first match wins. */
  readonly injections: ActiveInjection[] = [];
  /** Aborts pending delays on close. */
  readonly closing: AbortController = new AbortController();
  readonly #services: Map<string, Service> = new Map();

  constructor(readonly state: CloudState) {
    const make = (type: string, error: ErrorFn) => {
      const router = new Router();
      this.#services.set(type, { type, router, error });
      return router;
    };
    const identity = make("identity", keystoneError);
    addTokenRoutes(identity, state);
    addIdentityRoutes(identity);
    addComputeRoutes(make("compute", novaError));
    addImageRoutes(make("image", glanceError));
    addPlacementRoutes(make("placement", (s, m) => placementError(s, m)));
    addTroveRoutes(make("database", novaError));
    addNetworkRoutes(make("network", (s, m) => neutronError(s, m)));
    addBlockStorageRoutes(make("block-storage", novaError));
  }

  /** Answers one request. */
  async handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const requestId = `req-${crypto.randomUUID()}`;
    let rest = url.pathname;
    let region = this.state.regions[0] ?? "RegionOne";
    let iface = "public";
    const regionMatch = /^\/regions\/([^/]+)(\/.*)?$/.exec(rest);
    if (regionMatch) {
      region = decodeURIComponent(regionMatch[1] ?? "");
      rest = regionMatch[2] ?? "/";
    }
    const ifaceMatch = /^\/(internal|admin)(\/.*)?$/.exec(rest);
    if (ifaceMatch) {
      iface = ifaceMatch[1] ?? "public";
      rest = ifaceMatch[2] ?? "/";
    }
    const serviceName = /^\/([^/]+)/.exec(rest)?.[1] ?? "";
    const serviceType = SERVICE_TYPES_BY_SEGMENT[serviceName] ?? "";
    const servicePath = serviceType ? rest.slice(serviceName.length + 1) || "/" : rest;

    let body: unknown;
    let badJson = false;
    const type = req.headers.get("content-type") ?? "";
    if (type.includes("json") && req.body) {
      const text = await req.text();
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          badJson = true;
        }
      }
    }
    const entry: FakeCloudRequest = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: await safeHeaders(req.headers),
      service: serviceType,
      region,
      interface: iface,
      requestId,
      status: 0,
    };
    if (body !== undefined) entry.body = maskSecrets(body);
    this.requests.push(entry);
    if (this.requests.length > this.requestLogLimit) {
      this.requests.splice(0, this.requests.length - this.requestLogLimit);
    }

    let response: Response;
    const extra = new Headers({ "x-openstack-request-id": requestId });
    if (serviceType === "compute") extra.set("x-compute-request-id", requestId);
    try {
      response = await this.#dispatch(req, url, {
        prefix: url.pathname.slice(0, url.pathname.length - rest.length),
        serviceType,
        servicePath,
        region,
        iface,
        body,
        badJson,
        requestId,
        extra,
      });
    } catch (e) {
      const service = this.#services.get(serviceType);
      const message = `Unexpected error in the fake cloud: ${
        e instanceof Error ? e.message : String(e)
      }`;
      response = service ? service.error(500, message) : new Response(message, { status: 500 });
    }
    if (serviceType === "image") response = await negotiateGlanceError(req, response);
    const headers = new Headers(response.headers);
    for (const [k, v] of extra) if (!headers.has(k)) headers.set(k, v);
    entry.status = response.status;
    const nullBody = req.method === "HEAD" || response.status === 204 || response.status === 304;
    return new Response(nullBody ? null : response.body, { status: response.status, headers });
  }

  async #dispatch(
    req: Request,
    url: URL,
    info: {
      prefix: string;
      serviceType: string;
      servicePath: string;
      region: string;
      iface: string;
      body: unknown;
      badJson: boolean;
      requestId: string;
      extra: Headers;
    },
  ): Promise<Response> {
    const injection = this.injections.find((i) => i.matches(req.method, url.pathname));
    if (injection) {
      injection.hits++;
      injection.remaining--;
      const rule = injection.rule;
      if (rule.delayMs) {
        await sleep(rule.delayMs, AbortSignal.any([req.signal, this.closing.signal]));
      }
      for (const [k, v] of Object.entries(rule.headers ?? {})) info.extra.set(k, v);
      if (rule.status !== undefined) {
        const isText = typeof rule.body === "string";
        const payload = rule.body === undefined
          ? null
          : isText
          ? String(rule.body)
          : JSON.stringify(rule.body);
        const headers = new Headers(rule.headers);
        if (payload !== null && !headers.has("content-type")) {
          headers.set("content-type", isText ? "text/plain" : "application/json");
        }
        return new Response(payload, { status: rule.status, headers });
      }
    }

    const service = this.#services.get(info.serviceType);
    if (!service) {
      return new Response("404 Not Found\n", {
        status: 404,
        headers: { "content-type": "text/plain" },
      });
    }
    const match = service.router.match(req.method, info.servicePath);
    if (match.kind === "none") {
      return service.error(404, `The resource could not be found: ${url.pathname}`);
    }
    if (match.kind === "method") {
      const r = service.error(405, `The method ${req.method} is not allowed for this resource.`);
      r.headers.set("allow", [...new Set(match.allowed)].join(", "));
      return r;
    }
    const ctx: RouteContext = {
      req,
      url,
      path: info.servicePath,
      params: match.params,
      body: info.body,
      state: this.state,
      base: `${this.state.origin}${info.prefix}/${
        info.serviceType === "block-storage" ? "volume" : info.serviceType
      }`,
      region: info.region,
      requestId: info.requestId,
      microversion: "",
    };
    if (!match.public) {
      const token = this.state.validToken(req.headers.get("x-auth-token"));
      if (!token) return unauthorized(`${this.state.origin}/identity/v3`);
      ctx.token = token;
      const project = match.params.project;
      if (
        info.serviceType === "database" && project !== undefined &&
        project !== this.state.projectOf(token)
      ) {
        return novaError(403, `User does not have admin privileges for project ${project}.`);
      }
      if (
        info.serviceType === "block-storage" && project !== undefined &&
        project !== this.state.projectOf(token)
      ) {
        return novaError(400, "Malformed request url");
      }
    }
    if (info.badJson) return service.error(400, "Malformed request body: invalid JSON.");
    if (info.serviceType === "compute") {
      const v = microversionOf(
        req,
        "compute",
        "2.1",
        COMPUTE_MAX_VERSION,
        "x-openstack-nova-api-version",
      );
      if (v instanceof Response) return v;
      ctx.microversion = v;
      info.extra.set("openstack-api-version", `compute ${v}`);
      info.extra.set("x-openstack-nova-api-version", v);
      info.extra.set("vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    } else if (info.serviceType === "placement") {
      const v = microversionOf(req, "placement", "1.0", PLACEMENT_MAX_VERSION);
      if (v instanceof Response) return v;
      ctx.microversion = v;
      info.extra.set("openstack-api-version", `placement ${v}`);
      info.extra.set("vary", "openstack-api-version");
    } else if (info.serviceType === "block-storage") {
      const v = microversionOf(req, "volume", "3.0", VOLUME_MAX_VERSION);
      if (v instanceof Response) return v;
      ctx.microversion = v;
      info.extra.set("openstack-api-version", `volume ${v}`);
      info.extra.set("vary", "OpenStack-API-Version");
    }
    return await match.handler(ctx);
  }
}

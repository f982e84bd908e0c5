/**
 * The service catalog a Keystone token carries (v3 and v2.0 shapes), and
 * the endpoint lookup over it.
 *
 * @module
 */
import { AmbiguousEndpoints, EndpointNotFound } from "../errors/client_exception.ts";

/** One endpoint of the catalog, the same for v3 and v2.0 catalogs. */
export interface CatalogEndpoint {
  /** The service type, e.g. "compute". */
  serviceType: string;
  /** The service name, e.g. "nova", when the catalog names it. */
  serviceName?: string;
  /** The service id (v3 only). */
  serviceId?: string;
  /** "public", "internal" or "admin" (v2.0's publicURL… are normalised). */
  interface: string;
  /** The region id, when the endpoint has one. */
  region?: string;
  /** The endpoint's base URL. */
  url: string;
  /** The endpoint id, when the catalog gives it. */
  id?: string;
}

/** What {@linkcode ServiceCatalog.urlFor} looks for. */
export interface UrlForOptions {
  /** The service type, e.g. "compute" or "identity". */
  serviceType: string;
  /** "public" (default), "internal", "admin", or "publicURL", "internalURL", "adminURL". */
  interface?: string;
  /** The region; needed when the service has endpoints in several regions. */
  regionName?: string;
  /** The service name; needed when several services share the type. */
  serviceName?: string;
}

/**
 * "publicURL" and "public" name the same interface (v2.0 and v3 spellings).
 *
 * @example
 * ```ts
 * import { normalizeInterface } from "./service_catalog.ts";
 * console.assert(String(normalizeInterface("internalURL")) === "internal");
 * ```
 */
export function normalizeInterface(name: string): string {
  return name.replace(/URL$/, "").toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function withoutUndefined(endpoint: CatalogEndpoint): CatalogEndpoint {
  const copy = { ...endpoint } as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy as unknown as CatalogEndpoint;
}

const V2_INTERFACES = ["publicURL", "internalURL", "adminURL"] as const;

/**
 * A Keystone service catalog. Built from a v3 token body
 * ({@linkcode ServiceCatalog.fromV3}) or a v2.0 `access` body
 * ({@linkcode ServiceCatalog.fromV2}); {@linkcode ServiceCatalog.urlFor}
 * finds one endpoint or says clearly why it cannot.
 *
 * @example Look up the public compute endpoint of a region
 * ```ts
 * import { ServiceCatalog } from "@nimbus/apiclient/auth";
 * const catalog = ServiceCatalog.fromV3({
 *   catalog: [{
 *     type: "compute",
 *     name: "nova",
 *     endpoints: [
 *       { interface: "public", region_id: "RegionOne", url: "http://127.0.0.1:8774/v2.1" },
 *       { interface: "public", region_id: "RegionTwo", url: "http://127.0.0.2:8774/v2.1" },
 *     ],
 *   }],
 * });
 * console.log(catalog.urlFor({ serviceType: "compute", regionName: "RegionTwo" }));
 * ```
 */
export class ServiceCatalog {
  /** Every endpoint of the catalog, in catalog order. */
  readonly endpoints: readonly CatalogEndpoint[];

  /**
   * Creates a catalog from already normalised endpoints.
   *
   * @param endpoints the catalog's endpoints, one per service, region and interface; default none (an empty catalog).
   */
  constructor(endpoints: CatalogEndpoint[] = []) {
    this.endpoints = endpoints.map(withoutUndefined);
  }

  /**
   * Reads a v3 catalog: a token body `{ token: { catalog } }`, the `token`
   * object itself, or the `catalog` array. Odd entries are skipped.
   *
   * @param token the `token` object of a Keystone v3 reply (with its `catalog`).
   * @returns the catalog.
   */
  static fromV3(token: unknown): ServiceCatalog {
    const inner = isRecord(token) && isRecord(token.token) ? token.token : token;
    const catalog = Array.isArray(inner) ? inner : isRecord(inner) ? inner.catalog : undefined;
    const endpoints: CatalogEndpoint[] = [];
    if (!Array.isArray(catalog)) return new ServiceCatalog();
    for (const service of catalog) {
      if (!isRecord(service) || typeof service.type !== "string") continue;
      if (!Array.isArray(service.endpoints)) continue;
      for (const ep of service.endpoints) {
        if (!isRecord(ep) || !optionalString(ep.url) || typeof ep.interface !== "string") continue;
        endpoints.push({
          serviceType: service.type,
          serviceName: optionalString(service.name),
          serviceId: optionalString(service.id),
          interface: normalizeInterface(ep.interface),
          region: optionalString(ep.region_id) ?? optionalString(ep.region),
          url: ep.url as string,
          id: optionalString(ep.id),
        });
      }
    }
    return new ServiceCatalog(endpoints);
  }

  /**
   * Reads a v2.0 catalog: a body `{ access: { serviceCatalog } }`, the
   * `access` object itself, or the `serviceCatalog` array. Each v2.0
   * endpoint gives up to three endpoints (public, internal, admin).
   *
   * @param access the `access` object of a Keystone v2.0 reply (with its `serviceCatalog`).
   * @returns the catalog.
   */
  static fromV2(access: unknown): ServiceCatalog {
    const inner = isRecord(access) && isRecord(access.access) ? access.access : access;
    const catalog = Array.isArray(inner)
      ? inner
      : isRecord(inner)
      ? inner.serviceCatalog
      : undefined;
    const endpoints: CatalogEndpoint[] = [];
    if (!Array.isArray(catalog)) return new ServiceCatalog();
    for (const service of catalog) {
      if (!isRecord(service) || typeof service.type !== "string") continue;
      if (!Array.isArray(service.endpoints)) continue;
      for (const ep of service.endpoints) {
        if (!isRecord(ep)) continue;
        for (const key of V2_INTERFACES) {
          const url = optionalString(ep[key]);
          if (!url) continue;
          endpoints.push({
            serviceType: service.type,
            serviceName: optionalString(service.name),
            interface: normalizeInterface(key),
            region: optionalString(ep.region),
            url,
            id: optionalString(ep.id),
          });
        }
      }
    }
    return new ServiceCatalog(endpoints);
  }

  /** True when the catalog has no endpoint at all (an unscoped token). */
  get isEmpty(): boolean {
    return this.endpoints.length === 0;
  }

  /**
   * Every endpoint matching the filters. A service without a name in the
   * catalog passes any `serviceName` filter, as in keystoneauth.
   *
   * @param options service type or name, interface and region.
   * @returns the matching endpoints.
   */
  filter(options: UrlForOptions): CatalogEndpoint[] {
    const iface = normalizeInterface(options.interface ?? "public");
    return this.endpoints.filter((ep) =>
      ep.serviceType === options.serviceType &&
      ep.interface === iface &&
      (options.regionName === undefined || ep.region === options.regionName) &&
      (options.serviceName === undefined || ep.serviceName === undefined ||
        ep.serviceName === options.serviceName)
    );
  }

  /**
   * The URL of the one endpoint matching the filters.
   *
   * @throws {EndpointNotFound} nothing matches; the message says what the
   *   catalog has for that service type instead.
   * @throws {AmbiguousEndpoints} several different URLs match; the message
   *   names the regions (or services) to choose from.
   *
   * @param options service type or name, interface and region.
   * @returns the one matching URL.
   */
  urlFor(options: UrlForOptions): string {
    const iface = normalizeInterface(options.interface ?? "public");
    const matches = this.filter(options);
    const urls = new Set(matches.map((ep) => ep.url));
    if (urls.size === 1) return matches[0]!.url;
    if (urls.size === 0) throw new EndpointNotFound(this.#notFoundMessage(options, iface));
    const regions = unique(matches.map((ep) => ep.region ?? "(no region)"));
    const names = unique(matches.map((ep) => ep.serviceName ?? "(unnamed)"));
    let hint: string;
    if (regions.length > 1) {
      hint = `in regions ${regions.join(", ")}; pass regionName to choose one`;
    } else if (names.length > 1) {
      hint = `from services ${names.join(", ")}; pass serviceName to choose one`;
    } else {
      hint = `with different URLs (${[...urls].join(", ")})`;
    }
    throw new AmbiguousEndpoints(
      matches,
      `Found ${matches.length} ${iface} endpoints for ${describe(options)} ${hint}`,
    );
  }

  /**
   * The endpoints, e.g. for a token cache.
   *
   * @returns a copy of the endpoint list (it holds no token).
   */
  toJSON(): CatalogEndpoint[] {
    return [...this.endpoints];
  }

  #notFoundMessage(options: UrlForOptions, iface: string): string {
    if (this.isEmpty) {
      return `${iface} endpoint for ${describe(options)} not found: the service catalog is empty` +
        " (is the token scoped to a project?)";
    }
    let message = `${iface} endpoint for ${describe(options)}` +
      (options.regionName === undefined ? "" : ` in ${options.regionName} region`) +
      " not found";
    const sameType = this.endpoints.filter((ep) => ep.serviceType === options.serviceType);
    if (sameType.length === 0) {
      const types = unique(this.endpoints.map((ep) => ep.serviceType));
      return `${message}; the catalog has no ${options.serviceType} service (it has: ${
        types.join(", ")
      })`;
    }
    const have = unique(
      sameType.map((ep) =>
        `${ep.interface}${ep.region === undefined ? "" : ` in ${ep.region}`}` +
        (ep.serviceName === undefined ? "" : ` (${ep.serviceName})`)
      ),
    );
    message += `; ${options.serviceType} endpoints in the catalog: ${have.join(", ")}`;
    return message;
  }
}

function describe(options: UrlForOptions): string {
  return `${options.serviceType} service` +
    (options.serviceName === undefined ? "" : ` named ${options.serviceName}`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

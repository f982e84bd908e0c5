/**
 * `ServiceClient`: what every OpenStack service client of this package adds
 * to `BaseClient`, in one place: `Accept: application/json` on every call,
 * the client's own default headers (microversions), and version discovery
 * for catalog endpoints published without a version (`http://host/identity`).
 *
 * @module
 */
import { BaseClient, type Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import type { RequestOptions } from "../../http/options.ts";
import { EndpointNotFound } from "../../errors/client_exception.ts";
import { withDefaultHeaders } from "./microversion.ts";

/** The catalog type a client resolved to when its own type is missing (an alias). */
const resolvedTypes = new WeakMap<object, string>();

/** A catalog URL whose path already names an API version (`/v3`, `/v2.1`, `/v3/<project>`). */
const VERSIONED = /\/v\d+(\.\d+)?(\/|$)/;

/** Methods whose call may be sent twice without doing anything twice. */
const SAFE_TO_REPEAT = new Set(["GET", "HEAD", "PUT", "DELETE"]);

function isVersioned(endpoint: string): boolean {
  try {
    return VERSIONED.test(new URL(endpoint).pathname);
  } catch {
    return true;
  }
}

function isStream(options: RequestOptions): boolean {
  return options.body instanceof ReadableStream || options.stream === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The path segment of the wanted API version in a version document (the
 * root of an unversioned endpoint): Keystone's `{"versions": {"values": [...]}}`
 * or Nova/Cinder's `{"versions": [...]}`. Only the last path segment of the
 * version's `self` link is used, so a document naming another host never
 * sends this client's token there.
 *
 * @example Pick v3 out of Keystone's root document
 * ```ts
 * import { versionSegment } from "./service_client.ts";
 * const doc = { versions: { values: [{ id: "v3.14", status: "stable",
 *   links: [{ rel: "self", href: "http://h/identity/v3/" }] }] } };
 * console.assert(String(versionSegment(doc, "v3")) === "v3");
 * ```
 */
export function versionSegment(document: unknown, wanted: string): string | undefined {
  if (!isRecord(document)) return undefined;
  const versions = isRecord(document.versions) ? document.versions.values : document.versions;
  if (!Array.isArray(versions)) return undefined;
  const major = wanted.replace(/\..*$/, "");
  const candidates = versions.filter((v) =>
    isRecord(v) && typeof v.id === "string" &&
    (v.id === wanted || v.id.replace(/\..*$/, "") === major)
  ) as Record<string, unknown>[];
  // Prefer the exact id, then the CURRENT/stable one.
  candidates.sort((a, b) => score(b, wanted) - score(a, wanted));
  for (const version of candidates) {
    const links = Array.isArray(version.links) ? version.links : [];
    const self = links.find((l) => isRecord(l) && l.rel === "self") as
      | Record<string, unknown>
      | undefined;
    const href = typeof self?.href === "string" ? self.href : undefined;
    const segment = href
      ? new URL(href, "http://discovery.invalid").pathname.split("/").filter(Boolean).pop()
      : undefined;
    if (segment && /^v\d+(\.\d+)?$/.test(segment)) return segment;
    return wanted;
  }
  return undefined;
}

function score(version: Record<string, unknown>, wanted: string): number {
  const status = String(version.status ?? "").toUpperCase();
  return (version.id === wanted ? 2 : 0) + (status === "CURRENT" || status === "STABLE" ? 1 : 0);
}

/**
 * The base of this package's OpenStack clients. Subclasses set
 * `static serviceType`, optionally `static apiVersion` (the version their
 * paths are relative to, e.g. "v3": an unversioned catalog endpoint is then
 * resolved once through the service's version document) and
 * {@linkcode ServiceClient.defaultHeaders} (microversions).
 *
 * @example A client for a service this package does not cover
 * ```ts
 * import { HTTPClient } from "@nimbus/apiclient";
 * import { TokenEndpointAuth } from "@nimbus/apiclient/auth";
 * import { ServiceClient } from "@nimbus/apiclient/services/openstack";
 * class Dns extends ServiceClient {
 *   static override serviceType = "dns";
 * }
 * await using http = new HTTPClient(new TokenEndpointAuth({ token: "t", endpoint: "http://127.0.0.1:9001" }));
 * console.assert(String(new Dns(http).serviceType) === "dns");
 * ```
 */
export class ServiceClient extends BaseClient {
  /** The version the client's paths are relative to ("v3"); none: paths carry it. */
  static apiVersion?: string;
  /** Other catalog types of the same service, tried when the catalog lacks `serviceType`. */
  static serviceTypeAliases: readonly string[] = [];
  #prefix: string | undefined;
  #discovering: Promise<string> | undefined;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(http: HTTPClient, extensions?: Extension[]) {
    super(http, extensions);
  }

  /**
   * Headers this client adds to each of its requests unless the caller set them.
   *
   * @returns the headers; none here, subclasses add their microversion.
   */
  defaultHeaders(): Record<string, string> {
    return {};
  }

  /** The catalog type: the class's, or the alias the catalog has instead. */
  override get serviceType(): string | undefined {
    return resolvedTypes.get(this) ?? super.serviceType;
  }

  /**
   * Adds `Accept`, the default headers and the discovered version path. A
   * catalog without the client's service type but with an alias (Cinder's
   * "volumev3") is used through the alias; the call had not been sent.
   *
   * @param method the HTTP method.
   * @param url the path below the service's versioned endpoint.
   * @param options headers, `json` or `body`, query, timeout, signal; default none.
   * @returns the response, its body already read.
   * @throws {EndpointNotFound} when the catalog has neither the service type nor an alias.
   */
  override async clientRequest(
    method: string,
    url: string,
    options: RequestOptions = {},
  ): Promise<Response> {
    try {
      return await this.#send(method, url, options);
    } catch (error) {
      if (!(error instanceof EndpointNotFound) || !this.#switchToAlias()) throw error;
      return await this.#send(method, url, options);
    }
  }

  #switchToAlias(): boolean {
    if (resolvedTypes.has(this)) return false;
    for (const alias of (this.constructor as typeof ServiceClient).serviceTypeAliases) {
      if (this.#lookup(alias) !== undefined) {
        resolvedTypes.set(this, alias);
        this.cachedEndpoint = undefined;
        return true;
      }
    }
    return false;
  }

  async #send(method: string, url: string, options: RequestOptions): Promise<Response> {
    const headers = { Accept: "application/json", ...this.defaultHeaders() };
    const prepared = withDefaultHeaders(options, headers);
    const wanted = (this.constructor as typeof ServiceClient).apiVersion;
    if (!wanted || this.#prefix !== undefined) {
      return await super.clientRequest(method, (this.#prefix ?? "") + url, prepared);
    }
    const known = this.cachedEndpoint ?? this.#lookup();
    if (known === undefined && SAFE_TO_REPEAT.has(method.toUpperCase()) && !isStream(options)) {
      // Before the first login the endpoint is unknown: send the call as it is (the catalog
      // usually gives a versioned URL), and only when the URL it went to proves unversioned
      // discover the version and send the call again (a safe method, a replayable body).
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await super.clientRequest(method, url, prepared);
      } catch (error) {
        failure = error;
      }
      const used = this.cachedEndpoint;
      if (used === undefined || isVersioned(used)) {
        // Only an endpoint that was reached proves the catalog versioned; a call that failed
        // before one was known (a refused login) leaves discovery to the next call.
        if (used !== undefined) this.#prefix = "";
        if (response) return response;
        throw failure;
      }
      await response?.body?.cancel();
      const prefix = await this.#versionPrefix(wanted, used);
      return await super.clientRequest(method, prefix + url, prepared);
    }
    const prefix = await this.#versionPrefix(wanted, known);
    return await super.clientRequest(method, prefix + url, prepared);
  }

  #versionPrefix(wanted: string, known: string | undefined): Promise<string> {
    if (this.#prefix !== undefined) return Promise.resolve(this.#prefix);
    if (known !== undefined && isVersioned(known)) return Promise.resolve(this.#prefix = "");
    return this.#discovering ??= this.#discover(wanted).then((prefix) => {
      this.#prefix = prefix;
      return prefix;
    }).finally(() => {
      this.#discovering = undefined;
    });
  }

  async #discover(wanted: string): Promise<string> {
    let document: unknown;
    try {
      // The root of the endpoint: a version list when unversioned, the version itself otherwise.
      const response = await super.clientRequest("GET", "", {
        headers: { Accept: "application/json", ...this.defaultHeaders() },
      });
      document = await response.json().catch(() => undefined);
    } catch {
      return "";
    }
    const endpoint = this.cachedEndpoint;
    if (endpoint !== undefined && isVersioned(endpoint)) return "";
    const segment = versionSegment(document, wanted);
    return segment ? `/${segment}` : "";
  }

  #lookup(serviceType = this.serviceType ?? ""): string | undefined {
    try {
      const found = this.httpClient.authPlugin?.tokenAndEndpoint(
        this.endpointType ?? this.httpClient.endpointType,
        serviceType,
        this.httpClient.regionName,
      );
      return found?.endpoint;
    } catch {
      return undefined;
    }
  }
}

/**
 * `Manager`: list (following the API's paging), get, create, update,
 * delete, find and findAll for one resource collection, configured per API.
 *
 * @module
 */
import type { BaseClient } from "../../http/base_client.ts";
import type { RequestOptions } from "../../http/options.ts";
import { ClientException, NoUniqueMatch } from "../../errors/client_exception.ts";
import { NotFound } from "../../errors/http_error.ts";
import { pathSegment } from "./path.ts";

/** Options of one manager call: a signal and a timeout. */
export interface CallOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Timeout in ms for this call. */
  timeout?: number;
}

/** Query parameters of a list call; `undefined` values are left out. */
export type ListQuery = Record<string, string | number | boolean | undefined>;

/**
 * CRUD over one collection of an OpenStack API. Resources are plain
 * objects with the API's own field names.
 *
 * @example Walk every server, 50 per page, and find one by name
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * for await (const server of cloud.compute.servers.list({ limit: 50 })) {
 *   console.log(server.id, server.status);
 * }
 * const tiny = await cloud.compute.flavors.find({ name: "m1.tiny" });
 * console.assert(tiny.ram === 512);
 * ```
 */
export interface Manager<T, C = Partial<T>> {
  /**
   * Iterates the collection; `limit` is the page size; the API's paging is followed to the end.
   *
   * @param query the list's query parameters (`limit`, the API's filters); default none.
   * @returns the resources, page after page, fetched as they are iterated.
   */
  list(query?: ListQuery): AsyncIterableIterator<T>;
  /**
   * One resource; `NotFound` when it does not exist. `options` bound the call (waiters use it).
   *
   * @param id the resource's id.
   * @param options a signal and a timeout for this call; default the client's.
   * @returns the resource, unwrapped.
   * @throws {NotFound} when it does not exist.
   */
  get(id: string, options?: CallOptions): Promise<T>;
  /**
   * Creates a resource from the body without its wrapper; resolves to the reply unwrapped.
   *
   * @param body the new resource's fields, without the API's wrapper key.
   * @returns the created resource.
   */
  create(body: C): Promise<T>;
  /**
   * Updates with the API's own verb; resolves to the updated resource.
   *
   * @param id the resource's id.
   * @param body the fields to change.
   * @returns the resource after the update.
   */
  update(id: string, body: Partial<T>): Promise<T>;
  /**
   * Deletes a resource.
   *
   * @param id the resource's id.
   * @returns a promise that resolves once the API has accepted the delete.
   */
  delete(id: string): Promise<void>;
  /**
   * The one resource whose attributes equal every given one; `NotFound` / `NoUniqueMatch` otherwise.
   *
   * @param filter the attributes to match, compared deeply.
   * @returns the one matching resource.
   * @throws {NotFound} when none matches.
   * @throws {NoUniqueMatch} when more than one does.
   */
  find(filter: Partial<T>): Promise<T>;
  /**
   * Every resource whose attributes equal every given one.
   *
   * @param filter the attributes to match, compared deeply.
   * @returns the matching resources, in list order; empty when none match.
   */
  findAll(filter: Partial<T>): Promise<T[]>;
}

/**
 * How an API pages its lists:
 * - `keystone`: `links.next` (a URL or null)
 * - `nova`: `<plural>_links` with `rel: "next"`
 * - `glance`: a top-level `next` path
 * - `trove`: `links` with `rel: "next"`
 * - `none`: one reply holds everything
 */
export type PagingStyle = "keystone" | "nova" | "glance" | "trove" | "none";

/** How `update()` talks to the API. */
export type UpdateStyle = "PATCH" | "PUT" | "json-patch";

/** What a {@linkcode ResourceManager} needs to know about its API. */
export interface ResourceManagerOptions<T, C> {
  /** The name used in `find` errors, e.g. "Server". */
  resourceName: string;
  /** The collection path relative to the endpoint, e.g. "/servers". */
  path: string;
  /** The list path when it differs, e.g. "/servers/detail". */
  listPath?: string;
  /** The key wrapping one resource (`{"server": …}`); absent when bodies are bare. */
  singular?: string;
  /** The key holding the list (`{"servers": […]}`). */
  plural: string;
  /** The field that identifies a resource in paths and markers (default "id"). */
  idKey?: string;
  /** The API's paging. */
  paging: PagingStyle;
  /** The verb of `update()`. */
  update: UpdateStyle;
  /** Turns a list item into a resource (Nova keypairs come wrapped). */
  listItem?: (item: unknown) => T;
  /** The create request body (default: wrapped in `singular`). */
  createBody?: (body: C) => unknown;
  /**
   * The resource a create reply stands for, when the reply has no body
   * (default: the `Location` header's last segment is fetched).
   */
  createdWithoutBody?: (body: C, response: Response) => Promise<T> | T;
  /** Extra request headers (microversions). */
  headers?: () => HeadersInit | undefined;
  /** Content type of `json-patch` updates. */
  patchType?: string;
  /**
   * `findAll` sends the filter's string, number and boolean values as list
   * query parameters (the service filters; Neutron, Cinder), and still
   * checks every match itself.
   */
  serverFilter?: boolean;
  /**
   * Query keys never sent because the service refuses or ignores them
   * (`limit` and `marker` where it does not page: Placement answers 400,
   * Keystone ignores them); `list()` leaves them out.
   */
  dropQuery?: readonly string[];
}

/** Longest list walk: a guard against an API that never stops paging. */
const MAX_PAGES = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of JSON-like values, for `find`.
 *
 * @example Compare two values
 * ```ts
 * import { sameValue } from "./manager.ts";
 * console.log(sameValue({ a: [1] }, { a: [1] }), sameValue({ a: 1 }, { a: "1" })); // true false
 * ```
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * Whether a resource matches every attribute of a filter.
 *
 * @example Match a resource against a filter
 * ```ts
 * import { matchesFilter } from "./manager.ts";
 * console.assert(matchesFilter({ name: "web", status: "ACTIVE" }, { name: "web" }));
 * ```
 */
export function matchesFilter(resource: unknown, filter: Record<string, unknown>): boolean {
  if (!isRecord(resource)) return false;
  return Object.entries(filter).every(([k, v]) => sameValue(resource[k], v));
}

/**
 * The query of an API's next-page link, or undefined on the last page.
 *
 * @example Read the next marker of a Glance page
 * ```ts
 * import { nextPageQuery } from "./manager.ts";
 * const q = nextPageQuery("glance", "images", { images: [], next: "/v2/images?marker=abc" });
 * console.assert(String(q?.get("marker")) === "abc");
 * ```
 */
export function nextPageQuery(
  style: PagingStyle,
  plural: string,
  reply: unknown,
): URLSearchParams | undefined {
  if (!isRecord(reply)) return undefined;
  let href: unknown;
  if (style === "keystone") href = isRecord(reply.links) ? reply.links.next : undefined;
  else if (style === "glance") href = reply.next;
  else if (style === "nova" || style === "trove") {
    const links = style === "nova" ? reply[`${plural}_links`] : reply.links;
    if (Array.isArray(links)) href = links.find((l) => isRecord(l) && l.rel === "next")?.href;
  }
  if (typeof href !== "string" || href === "") return undefined;
  // Only the query of the link is used: the next page is asked for on this
  // client's own endpoint, so a link naming another host never gets the token.
  return new URL(href, "http://next.invalid").searchParams;
}

/**
 * The {@linkcode Manager} of one collection, configured for its API.
 *
 * @example A manager for a collection this package does not cover
 * ```ts
 * import { BaseClient, HTTPClient } from "@nimbus/apiclient";
 * import { TokenEndpointAuth } from "@nimbus/apiclient/auth";
 * import { ResourceManager } from "./manager.ts";
 *
 * class Dns extends BaseClient {
 *   static override serviceType = "dns";
 *   readonly zones = new ResourceManager<{ id: string; name: string }>(this, {
 *     resourceName: "Zone", path: "/v2/zones", plural: "zones", paging: "glance", update: "PATCH",
 *   });
 * }
 * await using http = new HTTPClient(new TokenEndpointAuth({ token: "t", endpoint: "http://127.0.0.1:9001" }));
 * console.assert(new Dns(http).zones.itemPath("a/b") === "/v2/zones/a%2Fb");
 * ```
 */
export class ResourceManager<T, C = Partial<T>> implements Manager<T, C> {
  /** The client requests go through. */
  readonly client: BaseClient;
  readonly #o: ResourceManagerOptions<T, C>;

  /**
   * Creates the manager; nothing is sent until a call.
   *
   * @param client the service client requests go through.
   * @param options the collection's paths, wrapper keys, paging and update verb.
   */
  constructor(client: BaseClient, options: ResourceManagerOptions<T, C>) {
    this.client = client;
    this.#o = options;
  }

  /**
   * The path of one resource.
   *
   * @param id the resource's id (or its `idKey` value), percent-encoded into one segment.
   * @returns `<path>/<id>`.
   * @throws {ValidationError} for an id of "", "." or "..".
   */
  itemPath(id: string): string {
    return `${this.#o.path}/${pathSegment(id)}`;
  }

  #options(extra: RequestOptions = {}): RequestOptions {
    const headers = new Headers(this.#o.headers?.());
    for (const [k, v] of new Headers(extra.headers)) headers.set(k, v);
    return { ...extra, headers };
  }

  #unwrap(reply: unknown): T {
    if (this.#o.singular && isRecord(reply) && this.#o.singular in reply) {
      return reply[this.#o.singular] as T;
    }
    return reply as T;
  }

  /**
   * Iterates the collection across pages. Only the query of a next link is
   * used: the next page is asked for on this client's endpoint.
   *
   * @param query the list's query parameters; `dropQuery` keys are left out. Default none.
   * @returns the resources, page after page; it ends on a page without a next
   * link, an empty page, or a next link naming the same page again.
   * @throws {ClientException} when the service still sends next links after 10 000 pages.
   */
  async *list(query: ListQuery = {}): AsyncIterableIterator<T> {
    const path = this.#o.listPath ?? this.#o.path;
    query = { ...query };
    for (const key of this.#o.dropQuery ?? []) delete query[key];
    let q: ListQuery = { ...query };
    let lastPage: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.client.get(path, this.#options({ query: q }));
      const reply: unknown = await readJson(response);
      const items = isRecord(reply) ? reply[this.#o.plural] : undefined;
      const list = Array.isArray(items) ? items : [];
      for (const item of list) yield this.#o.listItem ? this.#o.listItem(item) : item as T;
      const next = nextPageQuery(this.#o.paging, this.#o.plural, reply);
      if (!next || list.length === 0) return;
      // A next link that asks for the same page again would loop forever.
      const nextKey = next.toString();
      if (nextKey === lastPage) return;
      lastPage = nextKey;
      q = { ...query, ...Object.fromEntries(next) };
    }
    throw new ClientException(
      `Stopped listing ${path} after ${MAX_PAGES} pages: the service keeps sending next links`,
    );
  }

  /**
   * One resource by id.
   *
   * @param id the resource's id.
   * @param options a signal and a timeout for this call; default the client's.
   * @returns the resource, unwrapped from `singular`.
   * @throws {NotFound} when it does not exist.
   */
  async get(id: string, options: CallOptions = {}): Promise<T> {
    const response = await this.client.get(
      this.itemPath(id),
      this.#options({ signal: options.signal, timeout: options.timeout }),
    );
    return this.#unwrap(await readJson(response));
  }

  /**
   * Creates a resource.
   *
   * @param body the new resource's fields; wrapped in `singular` unless `createBody` says otherwise.
   * @returns the reply, unwrapped; for a reply without a body, `createdWithoutBody`, else
   * the resource the `Location` header names (fetched), else `body` itself.
   */
  async create(body: C): Promise<T> {
    const payload = this.#o.createBody
      ? this.#o.createBody(body)
      : this.#o.singular
      ? { [this.#o.singular]: body }
      : body;
    const response = await this.client.post(this.#o.path, this.#options({ json: payload }));
    const reply = await readJson(response);
    if (reply !== undefined) return this.#unwrap(reply);
    if (this.#o.createdWithoutBody) return await this.#o.createdWithoutBody(body, response);
    const location = response.headers.get("location");
    const id = location
      ? decodeURIComponent(location.replace(/\/+$/, "").split("/").pop() ?? "")
      : "";
    if (id) return await this.get(id);
    return body as unknown as T;
  }

  /**
   * Updates a resource with the API's verb; a reply without a body is followed by `get()`.
   * For `json-patch`, the resource is read first, and a field set to `undefined` is removed.
   *
   * @param id the resource's id.
   * @param body the fields to change.
   * @returns the resource after the update.
   */
  async update(id: string, body: Partial<T>): Promise<T> {
    let response: Response;
    if (this.#o.update === "json-patch") {
      const current = await this.get(id) as Record<string, unknown>;
      const ops = Object.entries(body as Record<string, unknown>).flatMap(([key, value]) => {
        const path = `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        if (value === undefined) return key in current ? [{ op: "remove", path }] : [];
        return [{ op: key in current ? "replace" : "add", path, value }];
      });
      response = await this.client.patch(
        this.itemPath(id),
        this.#options({
          body: JSON.stringify(ops),
          headers: {
            "Content-Type": this.#o.patchType ?? "application/openstack-images-v2.1-json-patch",
          },
        }),
      );
    } else {
      const payload = this.#o.singular ? { [this.#o.singular]: body } : body;
      const send = this.#o.update === "PATCH" ? this.client.patch : this.client.put;
      response = await send.call(this.client, this.itemPath(id), this.#options({ json: payload }));
    }
    const reply = await readJson(response);
    return reply === undefined ? await this.get(id) : this.#unwrap(reply);
  }

  /**
   * Deletes a resource.
   *
   * @param id the resource's id.
   * @returns a promise that resolves once the API has answered (its body is discarded).
   */
  async delete(id: string): Promise<void> {
    const response = await this.client.delete(this.itemPath(id), this.#options());
    await response.body?.cancel();
  }

  /**
   * Every resource matching the filter. With `serverFilter`, the filter's
   * string, number and boolean values are also sent as list query parameters.
   *
   * @param filter the attributes to match, compared deeply.
   * @returns the matching resources, in list order; empty when none match.
   */
  async findAll(filter: Partial<T>): Promise<T[]> {
    const found: T[] = [];
    const query: ListQuery = {};
    if (this.#o.serverFilter) {
      for (const [k, v] of Object.entries(filter as Record<string, unknown>)) {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") query[k] = v;
      }
    }
    for await (const item of this.list(query)) {
      if (matchesFilter(item, filter as Record<string, unknown>)) found.push(item);
    }
    return found;
  }

  /**
   * The one resource matching the filter.
   *
   * @param filter the attributes to match, compared deeply.
   * @returns the one matching resource.
   * @throws {NotFound} when none matches.
   * @throws {NoUniqueMatch} when more than one does.
   */
  async find(filter: Partial<T>): Promise<T> {
    const found = await this.findAll(filter);
    const shown = JSON.stringify(filter);
    if (found.length === 0) throw new NotFound(`No ${this.#o.resourceName} matching ${shown}.`);
    if (found.length > 1) {
      throw new NoUniqueMatch(`${found.length} ${this.#o.resourceName} resources match ${shown}.`);
    }
    return found[0] as T;
  }
}

/**
 * The JSON body of a response, or undefined when there is none.
 *
 * @example Read a body that may be empty
 * ```ts
 * import { readJson } from "./manager.ts";
 * console.log(await readJson(new Response('{"a":1}')), await readJson(new Response(null, { status: 202 })));
 * ```
 */
export async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One member of a response's JSON object (`{"limits": {...}}` → the
 * limits), for calls whose reply wraps one value under a known key.
 *
 * @param response the reply.
 * @param key the member the service documents.
 * @param what the call, for the error: e.g. `GET /limits`.
 * @returns the member's value.
 * @throws {ClientException} the body is empty, not JSON, or has no such member: a
 *   service that answered something else than its API says, named, never a `TypeError`.
 *
 * @example Read the `quota_set` of a reply
 * ```ts
 * import { readMember } from "./manager.ts";
 * const reply = Response.json({ quota_set: { cores: 20 } });
 * console.log(await readMember(reply, "quota_set", "GET /os-quota-sets/p1"));
 * ```
 */
export async function readMember(response: Response, key: string, what: string): Promise<unknown> {
  const reply = await readJson(response);
  if (typeof reply !== "object" || reply === null || !(key in reply)) {
    throw new ClientException(
      `${what}: the reply (HTTP ${response.status}) has no "${key}" member`,
    );
  }
  return (reply as Record<string, unknown>)[key];
}

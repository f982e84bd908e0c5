/**
 * `FakeCloud`: a real HTTP server on loopback that imitates an OpenStack
 * cloud (Keystone, Nova, Glance, Placement, Trove) for tests and demos.
 *
 * @module
 */
import { CloudState, hexId } from "./state.ts";
import { addGeneratedImage } from "./image_generated.ts";
import { prefixOf, seed, type SeededUser, SERVICE_PATHS } from "./seed.ts";
import { ActiveInjection, CloudServer, type FakeCloudInjection } from "./server.ts";
import type { InjectionHandle } from "../injection_handle.ts";
import type { FakeCloudRequest } from "./request_log.ts";

/** Options of {@linkcode FakeCloud.start}. */
export interface FakeCloudOptions {
  /** The port to listen on (default 0: a free one). */
  port?: number;
  /** The address to listen on (default "127.0.0.1"; "::1" for IPv6 loopback). */
  hostname?: string;
  /** Region names; the first is the default (default `["RegionOne"]`). */
  regions?: string[];
  /** Token lifetime in ms (default one hour). */
  tokenTtlMs?: number;
  /** How long new servers, instances and backups stay in BUILD/NEW (default 0). */
  buildTimeMs?: number;
  /** The admin user's password (default {@linkcode FakeCloud.ADMIN_PASSWORD}). */
  adminPassword?: string;
  /** The demo user's password (default {@linkcode FakeCloud.DEMO_PASSWORD}). */
  demoPassword?: string;
  /** Serve HTTPS with this PEM certificate and key (for TLS tests); HTTP when absent. */
  tls?: { cert: string; key: string };
  /** How many requests `requests` keeps, oldest dropped first (default 10 000). */
  requestLogLimit?: number;
}

/**
 * An imitation OpenStack cloud on `http://127.0.0.1:<random port>`.
 *
 * It serves Keystone v3 (`/identity/v3`) and v2.0 (`/identity/v2.0`), Nova
 * v2.1 (`/compute/v2.1`), Glance v2 (`/image`), Placement (`/placement`)
 * and Trove v1.0 (`/database/v1.0/<project id>`), all in memory. Seeded:
 * domain `Default`; user `admin` (password {@linkcode FakeCloud.ADMIN_PASSWORD},
 * role admin on projects `admin` and `demo`, on the domain and on the
 * system); user `demo` (password {@linkcode FakeCloud.DEMO_PASSWORD}, role
 * member on project `demo`); flavors m1.tiny … m1.xlarge (ids "1"…"5"); a
 * public cirros image; a resource provider `compute-0`; datastores mysql and
 * postgresql.
 *
 * Non-default regions are served under `/regions/<name>/…`, internal and
 * admin endpoints under `/internal/…` and `/admin/…` (same data).
 *
 * @example Log in and list servers with fetch
 * ```ts
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using cloud = await FakeCloud.start();
 * const res = await fetch(`${cloud.authUrl}/auth/tokens`, {
 *   method: "POST",
 *   headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ auth: {
 *     identity: { methods: ["password"], password: { user: {
 *       name: "admin", domain: { name: "Default" }, password: FakeCloud.ADMIN_PASSWORD } } },
 *     scope: { project: { name: "admin", domain: { name: "Default" } } },
 *   } }),
 * });
 * await res.body?.cancel();
 * const token = res.headers.get("x-subject-token") ?? "";
 * const servers = await fetch(`${cloud.url}/compute/v2.1/servers`, { headers: { "x-auth-token": token } });
 * console.log((await servers.json()).servers); // []
 * ```
 */
export class FakeCloud implements AsyncDisposable {
  /** The admin user's default password. */
  static readonly ADMIN_PASSWORD: string = "nimbus-admin-pw";
  /** The demo user's default password. */
  static readonly DEMO_PASSWORD: string = "nimbus-demo-pw";

  /** The origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The Keystone v3 URL: `${url}/identity/v3`. */
  readonly authUrl: string;
  /** The seeded admin user, its project and password. */
  readonly admin: SeededUser;
  /** The seeded demo user, its project and password. */
  readonly demo: SeededUser;
  readonly #server: Deno.HttpServer<Deno.NetAddr>;
  readonly #handler: CloudServer;
  readonly #state: CloudState;
  #closed: Promise<void> | undefined;

  private constructor(
    server: Deno.HttpServer<Deno.NetAddr>,
    handler: CloudServer,
    state: CloudState,
    users: { admin: SeededUser; demo: SeededUser },
  ) {
    this.#server = server;
    this.#handler = handler;
    this.#state = state;
    this.url = state.origin;
    this.authUrl = `${state.origin}/identity/v3`;
    this.admin = users.admin;
    this.demo = users.demo;
  }

  /**
   * Starts a cloud, by default on 127.0.0.1 with a port chosen by the system.
   *
   * @param options regions (default `["RegionOne"]`), users' passwords, token
   * lifetime (default one hour), build time (default 0), TLS (default HTTP),
   * `port` (default 0: a free one), `hostname` (default 127.0.0.1) and the
   * request log's size (default 10 000); default all of these.
   * @returns the running cloud, already listening; `close()` (or `await using`) stops it.
   */
  static start(options: FakeCloudOptions = {}): Promise<FakeCloud> {
    // A port already in use rejects the promise, as FakeEngine.start does, instead of
    // throwing at the call where a `.catch()` would not see it.
    try {
      return Promise.resolve(FakeCloud.#open(options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  static #open(options: FakeCloudOptions): FakeCloud {
    const state = new CloudState();
    if (options.regions?.length) state.regions = [...options.regions];
    if (options.tokenTtlMs !== undefined) state.tokenTtlMs = options.tokenTtlMs;
    if (options.buildTimeMs !== undefined) state.buildTimeMs = options.buildTimeMs;
    const handler = new CloudServer(state);
    if (options.requestLogLimit !== undefined) handler.requestLogLimit = options.requestLogLimit;
    const hostname = options.hostname ?? "127.0.0.1";
    const listen = { hostname, port: options.port ?? 0, onListen() {} };
    const server = Deno.serve(
      options.tls ? { ...listen, cert: options.tls.cert, key: options.tls.key } : listen,
      (req) => handler.handle(req),
    );
    // Catalog URLs carry the address the cloud listens on (IPv6 in brackets).
    const host = hostname.includes(":") ? `[${hostname}]` : hostname;
    state.origin = `${options.tls ? "https" : "http"}://${host}:${server.addr.port}`;
    const users = seed(state, {
      admin: options.adminPassword ?? FakeCloud.ADMIN_PASSWORD,
      demo: options.demoPassword ?? FakeCloud.DEMO_PASSWORD,
    });
    return new FakeCloud(server, handler, state, users);
  }

  /**
   * The requests received, oldest first (the last `requestLogLimit`); tokens
   * appear only as `{SHA256}<hex>`, passwords and secrets as `***`.
   */
  get requests(): FakeCloudRequest[] {
    return this.#handler.requests;
  }

  /** How many token POSTs (v3 and v2.0) the cloud has answered. */
  get authCount(): number {
    return this.#state.authCount;
  }

  /** The lifetime of new tokens in ms. */
  get tokenTtlMs(): number {
    return this.#state.tokenTtlMs;
  }
  /**
   * Changes the lifetime of tokens issued from now on; issued ones keep theirs.
   *
   * @param ms the new lifetime, ms.
   */
  set tokenTtlMs(ms: number) {
    this.#state.tokenTtlMs = ms;
  }

  /** How long new servers, instances and backups stay in BUILD/NEW, in ms. */
  get buildTimeMs(): number {
    return this.#state.buildTimeMs;
  }
  /**
   * Changes the build time. A status is worked out when read, so resources
   * still building are affected too.
   *
   * @param ms the new build time, ms (0: active at once).
   */
  set buildTimeMs(ms: number) {
    this.#state.buildTimeMs = ms;
  }

  /** Revokes every token: the next request with one gets 401. */
  revokeAll(): void {
    this.#state.tokens.clear();
  }

  /** Makes every issued token expired (new logins still work). */
  expireTokens(): void {
    const past = Date.now() - 1;
    for (const token of this.#state.tokens.values()) token.expiresAt = past;
  }

  /** How many tokens are currently valid. */
  get validTokenCount(): number {
    return [...this.#state.tokens.keys()].filter((t) => this.#state.validToken(t)).length;
  }

  /**
   * Adds a fault or a delay for matching requests (first match wins, `times`
   * defaults to 1). Without `status` the real handler answers after the delay.
   *
   * @param rule the path (and method) to answer, with the status, headers, body or delay to send.
   * @returns the live rule: hits, remaining, `remove()`.
   */
  inject(rule: FakeCloudInjection): InjectionHandle {
    const active = new ActiveInjection(rule, this.#handler.injections);
    this.#handler.injections.push(active);
    return active;
  }

  /** Removes every injection. */
  clearInjections(): void {
    this.#handler.injections.length = 0;
  }

  /** Clears the request log. */
  clearRequests(): void {
    this.#handler.requests.length = 0;
  }

  /**
   * Issues a token without a login (not counted in `authCount`), project
   * scoped to the user's project: for tests of `TokenEndpointAuth`.
   *
   * @param user the seeded user (default `admin`).
   * @returns a valid token, scoped to the user's project.
   */
  issueToken(user: "admin" | "demo" = "admin"): string {
    const seeded = user === "admin" ? this.admin : this.demo;
    const id = `gAAAAA${hexId()}${hexId()}`;
    const now = Date.now();
    this.#state.tokens.set(id, {
      id,
      userId: seeded.userId,
      methods: ["password"],
      scope: { kind: "project", projectId: seeded.projectId },
      roleIds: this.#state.rolesOn(seeded.userId, { projectId: seeded.projectId }),
      issuedAt: now,
      expiresAt: now + this.#state.tokenTtlMs,
      auditId: hexId().slice(0, 22),
    });
    return id;
  }

  /**
   * The catalog URL of a service (`identity`, `compute`, `image`,
   * `placement`, `database`); the database URL holds the given project.
   *
   * @param serviceType the catalog service type (`compute`, `image`...).
   * @param options region (default the first), interface (default `public`)
   * and project id of the URL (default the admin's).
   * @returns the endpoint URL the catalog lists.
   * @throws {RangeError} for a service type the cloud does not serve.
   */
  endpoint(
    serviceType: string,
    options: { region?: string; interface?: "public" | "internal" | "admin"; projectId?: string } =
      {},
  ): string {
    const service = SERVICE_PATHS[serviceType];
    if (!service) throw new RangeError(`Unknown service type: ${serviceType}`);
    const region = options.region ?? this.#state.regions[0] ?? "RegionOne";
    const prefix = prefixOf(this.#state, region, options.interface ?? "public");
    const path = service.path.replace("$(project_id)s", options.projectId ?? this.admin.projectId);
    return `${this.url}${prefix}${path}`;
  }

  /**
   * Adds an active public image of `size` bytes generated as they are sent
   * (never held in memory), with Glance's `checksum` and `os_hash_value`:
   * for large-download tests. Resolves to the image id.
   *
   * @param options the image's name and size in bytes (its data is generated, not stored).
   * @returns the new image's id.
   */
  addGeneratedImage(options: { name: string; size: number }): Promise<string> {
    return addGeneratedImage(this.#state, options);
  }

  /**
   * `OS_*` variables that log in as a seeded user, as `openstack` CLI reads them.
   *
   * @param user the seeded user (default `admin`).
   * @returns `OS_*` variables for `loadPluginFromEnv` or `openCloud({ env })`.
   */
  env(user: "admin" | "demo" = "admin"): Record<string, string> {
    const seeded = user === "admin" ? this.admin : this.demo;
    return {
      OS_AUTH_TYPE: "password",
      OS_AUTH_URL: this.authUrl,
      OS_IDENTITY_API_VERSION: "3",
      OS_USERNAME: seeded.username,
      OS_PASSWORD: seeded.password,
      OS_USER_DOMAIN_NAME: seeded.domainName,
      OS_PROJECT_NAME: seeded.projectName,
      OS_PROJECT_DOMAIN_NAME: seeded.domainName,
      OS_REGION_NAME: this.#state.regions[0] ?? "RegionOne",
    };
  }

  /**
   * Stops the server; pending injected delays end at once. Safe to call twice.
   *
   * @returns a promise that resolves once the server has shut down (the same promise each call).
   */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#handler.closing.abort();
      this.#closed = this.#server.shutdown();
    }
    return this.#closed;
  }

  /**
   * The URLs only: no password or token.
   *
   * @returns the origin, the Keystone URL and the region names.
   */
  toJSON(): Record<string, unknown> {
    return { url: this.url, authUrl: this.authUrl, regions: this.#state.regions };
  }

  /**
   * The URLs only: no password or token.
   *
   * @returns `FakeCloud` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `FakeCloud ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `FakeCloud` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `FakeCloud ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * Same as {@linkcode FakeCloud.close}, for `await using`.
   *
   * @returns a promise that resolves once the server has shut down.
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

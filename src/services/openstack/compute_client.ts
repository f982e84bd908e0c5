/**
 * `ComputeClient`: Nova v2.1 (service type "compute").
 *
 * @module
 */
import type { Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { ServiceClient } from "./service_client.ts";
import { pathSegment } from "./path.ts";
import { type FlavorExtras, flavorExtras, type ServerExtras, serverExtras } from "./compute_ops.ts";
import type {
  AvailabilityZone,
  ComputeLimits,
  ComputeQuotaSet,
  Flavor,
  FlavorCreate,
  Keypair,
  KeypairCreate,
  Server,
  ServerCreate,
  ServerGroup,
} from "./compute_types.ts";
import { readJson, readMember } from "./manager.ts";

/** Options of {@linkcode ComputeClient}. */
export interface ComputeClientOptions {
  /** The compute microversion sent with this client's requests, e.g. "2.79". */
  microversion?: string;
  /** Extension managers. */
  extensions?: Extension[];
}

/** Server actions on top of the manager. */
export interface ServerActions {
  /** Starts a stopped server (`os-start`). */
  start(id: string): Promise<void>;
  /** Stops a running server (`os-stop`). */
  stop(id: string): Promise<void>;
  /** Reboots a server, SOFT by default. */
  reboot(id: string, options?: { type?: "SOFT" | "HARD" }): Promise<void>;
  /** Any `POST /servers/{id}/action` body; resolves to the raw reply. */
  action(id: string, body: Record<string, unknown>): Promise<Response>;
}

/**
 * The Nova API. A microversion belongs to this client: its requests carry
 * `OpenStack-API-Version: compute <v>` and `X-OpenStack-Nova-API-Version: <v>`;
 * other clients on the same HTTPClient are not affected.
 *
 * @example Boot a server, stop it, list servers page by page
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const server = await cloud.compute.servers.create({ name: "web", flavorRef: "1" });
 * console.log(server.id, typeof server.adminPass); // <uuid> string
 * await cloud.compute.servers.stop(server.id);
 * for await (const s of cloud.compute.servers.list({ limit: 100 })) console.log(s.name, s.status);
 * ```
 */
export class ComputeClient extends ServiceClient {
  /** "compute". */
  static override serviceType: string = "compute";
  /** Paths are relative to v2.1. */
  static override apiVersion: string = "v2.1";
  /** The microversion this client sends, if any. */
  readonly microversion: string | undefined;
  /** Servers (`list()` uses `/servers/detail`), their actions, metadata, attachments and `waitFor`. */
  readonly servers: Manager<Server, ServerCreate> & ServerActions & ServerExtras;
  /** Flavors (`list()` uses `/flavors/detail`), extra specs and access. */
  readonly flavors: Manager<Flavor, FlavorCreate> & FlavorExtras;
  /** Server groups (no update in Nova; `list()` is one page unless `limit`/`offset` are given). */
  readonly serverGroups: Manager<ServerGroup>;
  /** Keypairs, keyed by name. */
  readonly keypairs: Manager<Keypair, KeypairCreate>;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param options the microversion of this client's requests (default none: the service's base version), extensions (default none).
   */
  constructor(http: HTTPClient, options: ComputeClientOptions = {}) {
    super(http, options.extensions);
    this.microversion = options.microversion;
    const servers = new ResourceManager<Server, ServerCreate>(this, {
      resourceName: "Server",
      path: "/servers",
      listPath: "/servers/detail",
      singular: "server",
      plural: "servers",
      paging: "nova",
      update: "PUT",
    });
    const action = async (id: string, body: Record<string, unknown>) =>
      await this.post(`/servers/${pathSegment(id)}/action`, { json: body });
    const fire = async (id: string, body: Record<string, unknown>) => {
      const response = await action(id, body);
      await response.body?.cancel();
    };
    this.servers = Object.assign(servers, serverExtras(this, servers, fire), {
      action,
      start: (id: string) => fire(id, { "os-start": null }),
      stop: (id: string) => fire(id, { "os-stop": null }),
      reboot: (id: string, o: { type?: "SOFT" | "HARD" } = {}) =>
        fire(id, { reboot: { type: o.type ?? "SOFT" } }),
    });
    const flavors = new ResourceManager<Flavor, FlavorCreate>(this, {
      resourceName: "Flavor",
      path: "/flavors",
      listPath: "/flavors/detail",
      singular: "flavor",
      plural: "flavors",
      paging: "nova",
      update: "PUT",
    });
    this.flavors = Object.assign(flavors, flavorExtras(this));
    this.serverGroups = new ResourceManager<ServerGroup>(this, {
      resourceName: "ServerGroup",
      path: "/os-server-groups",
      singular: "server_group",
      plural: "server_groups",
      paging: "none",
      update: "PUT",
    });
    this.keypairs = new ResourceManager<Keypair, KeypairCreate>(this, {
      resourceName: "Keypair",
      path: "/os-keypairs",
      singular: "keypair",
      plural: "keypairs",
      idKey: "name",
      paging: "nova",
      update: "PUT",
      listItem: (item) =>
        (typeof item === "object" && item !== null && "keypair" in item
          ? (item as { keypair: Keypair }).keypair
          : item) as Keypair,
    });
  }

  /**
   * The project's absolute limits and usage (`GET /limits`).
   *
   * @returns the `limits` object: `absolute` (`maxTotalCores`, `totalCoresUsed`…) and `rate`.
   * @throws {HttpError} for a status ≥ 400.
   */
  async limits(): Promise<ComputeLimits> {
    return await readMember(await this.get("/limits"), "limits", "GET /limits") as ComputeLimits;
  }

  /**
   * A project's quotas (`GET /os-quota-sets/{project}`); `defaults: true` for the defaults.
   *
   * @param projectId the project whose quotas to read.
   * @param options `defaults: true` reads the defaults (`/defaults`) instead (default false).
   * @returns the quota set; -1 means unlimited.
   * @throws {ValidationError} for a `projectId` of "", "." or "..".
   * @throws {HttpError} for a status ≥ 400.
   */
  async quotaSet(
    projectId: string,
    options: { defaults?: boolean } = {},
  ): Promise<ComputeQuotaSet> {
    const path = `/os-quota-sets/${pathSegment(projectId)}${options.defaults ? "/defaults" : ""}`;
    return await readMember(await this.get(path), "quota_set", `GET ${path}`) as ComputeQuotaSet;
  }

  /**
   * Changes a project's quotas (admin); resolves to the new quota set.
   *
   * @param projectId the project whose quotas change.
   * @param quotas the quotas to change (`{ cores: 40 }`); the others stay.
   * @returns the project's quota set after the change.
   * @throws {ValidationError} for a `projectId` of "", "." or "..".
   * @throws {HttpError} for a status ≥ 400 (`Forbidden` when not admin).
   */
  async updateQuotaSet(
    projectId: string,
    quotas: Partial<Omit<ComputeQuotaSet, "id">>,
  ): Promise<ComputeQuotaSet> {
    const response = await this.put(`/os-quota-sets/${pathSegment(projectId)}`, {
      json: { quota_set: quotas },
    });
    return await readMember(
      response,
      "quota_set",
      `PUT /os-quota-sets/${pathSegment(projectId)}`,
    ) as ComputeQuotaSet;
  }

  /**
   * Resets a project's quotas to the defaults (admin).
   *
   * @param projectId the project whose quotas go back to the defaults.
   * @returns a promise that resolves once Nova has reset them.
   * @throws {ValidationError} for a `projectId` of "", "." or "..".
   * @throws {HttpError} for a status ≥ 400 (`Forbidden` when not admin).
   */
  async deleteQuotaSet(projectId: string): Promise<void> {
    const response = await this.delete(`/os-quota-sets/${pathSegment(projectId)}`);
    await response.body?.cancel();
  }

  /**
   * The availability zones (`detail: true`: with hosts, admin).
   *
   * @param options `detail: true` lists the hosts and their services too (admin; default false).
   * @returns the zones (empty when Nova lists none).
   * @throws {HttpError} for a status ≥ 400.
   */
  async availabilityZones(options: { detail?: boolean } = {}): Promise<AvailabilityZone[]> {
    const path = options.detail ? "/os-availability-zone/detail" : "/os-availability-zone";
    const reply = await readJson(await this.get(path)) as {
      availabilityZoneInfo?: AvailabilityZone[];
    } | undefined;
    return reply?.availabilityZoneInfo ?? [];
  }

  /**
   * The microversion headers, on this client's requests only.
   *
   * @returns `OpenStack-API-Version: compute <v>` and `X-OpenStack-Nova-API-Version: <v>`
   * when a microversion is set, else none.
   */
  override defaultHeaders(): Record<string, string> {
    if (!this.microversion) return {};
    return {
      "OpenStack-API-Version": `compute ${this.microversion}`,
      "X-OpenStack-Nova-API-Version": this.microversion,
    };
  }
}

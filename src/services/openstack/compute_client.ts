/**
 * `ComputeClient`: Nova v2.1 (service type "compute").
 *
 * @module
 */
import { BaseClient, type Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import type { RequestOptions } from "../../http/options.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { withDefaultHeaders } from "./microversion.ts";
import { pathSegment } from "./path.ts";
import type {
  Flavor,
  FlavorCreate,
  Keypair,
  KeypairCreate,
  Server,
  ServerCreate,
} from "./compute_types.ts";

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
export class ComputeClient extends BaseClient {
  /** "compute". */
  static override serviceType: string = "compute";
  /** The microversion this client sends, if any. */
  readonly microversion: string | undefined;
  /** Servers (`list()` uses `/servers/detail`) and their actions. */
  readonly servers: Manager<Server, ServerCreate> & ServerActions;
  /** Flavors (`list()` uses `/flavors/detail`). */
  readonly flavors: Manager<Flavor, FlavorCreate>;
  /** Keypairs, keyed by name. */
  readonly keypairs: Manager<Keypair, KeypairCreate>;

  /** Creates the client on a shared HTTPClient. */
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
    this.servers = Object.assign(servers, {
      action,
      start: (id: string) => fire(id, { "os-start": null }),
      stop: (id: string) => fire(id, { "os-stop": null }),
      reboot: (id: string, o: { type?: "SOFT" | "HARD" } = {}) =>
        fire(id, { reboot: { type: o.type ?? "SOFT" } }),
    });
    this.flavors = new ResourceManager<Flavor, FlavorCreate>(this, {
      resourceName: "Flavor",
      path: "/flavors",
      listPath: "/flavors/detail",
      singular: "flavor",
      plural: "flavors",
      paging: "nova",
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

  /** Adds the microversion headers to this client's requests only. */
  override clientRequest(
    method: string,
    url: string,
    options: RequestOptions = {},
  ): Promise<Response> {
    if (!this.microversion) return super.clientRequest(method, url, options);
    return super.clientRequest(
      method,
      url,
      withDefaultHeaders(options, {
        "OpenStack-API-Version": `compute ${this.microversion}`,
        "X-OpenStack-Nova-API-Version": this.microversion,
      }),
    );
  }
}

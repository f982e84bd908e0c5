/**
 * `PlacementClient`: the Placement API (service type "placement").
 *
 * @module
 */
import type { Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, readJson, ResourceManager } from "./manager.ts";
import { ServiceClient } from "./service_client.ts";
import { pathSegment } from "./path.ts";
import type { Inventory, ResourceProvider, ResourceProviderCreate } from "./placement_types.ts";

/** Options of {@linkcode PlacementClient}. */
export interface PlacementClientOptions {
  /** The placement microversion sent with this client's requests, e.g. "1.20". */
  microversion?: string;
  /** Extension managers. */
  extensions?: Extension[];
}

/**
 * The Placement API. A microversion belongs to this client
 * (`OpenStack-API-Version: placement <v>`). Before 1.20 a created provider
 * comes back without a body; `create()` then fetches it. Placement does
 * not page resource providers and answers 400 to `limit`: `list()` never
 * sends `limit` or `marker`.
 *
 * @example Inventories and usages of every provider
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * for await (const rp of cloud.placement.resourceProviders.list()) {
 *   const inventories = await cloud.placement.inventories(rp.uuid);
 *   console.log(rp.name, inventories.VCPU?.total, await cloud.placement.usages(rp.uuid));
 * }
 * ```
 */
export class PlacementClient extends ServiceClient {
  /** "placement". */
  static override serviceType: string = "placement";
  /** The microversion this client sends, if any. */
  readonly microversion: string | undefined;
  /** Resource providers, keyed by uuid. */
  readonly resourceProviders: Manager<ResourceProvider, ResourceProviderCreate>;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param options the microversion of this client's requests (default none: the service's base version), extensions (default none).
   */
  constructor(http: HTTPClient, options: PlacementClientOptions = {}) {
    super(http, options.extensions);
    this.microversion = options.microversion;
    this.resourceProviders = new ResourceManager<ResourceProvider, ResourceProviderCreate>(this, {
      resourceName: "ResourceProvider",
      path: "/resource_providers",
      plural: "resource_providers",
      idKey: "uuid",
      paging: "none",
      update: "PUT",
      // Placement does not page providers and answers 400 to `limit`: never sent.
      dropQuery: ["limit", "marker"],
    });
  }

  /**
   * A provider's inventories by resource class.
   *
   * @param providerUuid the resource provider.
   * @returns its inventories by resource class (`VCPU`, `MEMORY_MB`...).
   */
  async inventories(providerUuid: string): Promise<Record<string, Inventory>> {
    const response = await this.get(`/resource_providers/${pathSegment(providerUuid)}/inventories`);
    const reply = await readJson(response) as
      | { inventories?: Record<string, Inventory> }
      | undefined;
    return reply?.inventories ?? {};
  }

  /**
   * A provider's usages by resource class.
   *
   * @param providerUuid the resource provider.
   * @returns its usage by resource class.
   */
  async usages(providerUuid: string): Promise<Record<string, number>> {
    const response = await this.get(`/resource_providers/${pathSegment(providerUuid)}/usages`);
    const reply = await readJson(response) as { usages?: Record<string, number> } | undefined;
    return reply?.usages ?? {};
  }

  /**
   * The microversion header, on this client's requests only.
   *
   * @returns `OpenStack-API-Version: placement <v>` when a microversion is set, else none.
   */
  override defaultHeaders(): Record<string, string> {
    return this.microversion ? { "OpenStack-API-Version": `placement ${this.microversion}` } : {};
  }
}

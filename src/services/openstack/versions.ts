/**
 * Version maps for `BaseClient.getClass`: API version → client class.
 *
 * @module
 */
import { IdentityClient } from "./identity_client.ts";
import { ComputeClient } from "./compute_client.ts";
import { ImageClient } from "./image_client.ts";
import { PlacementClient } from "./placement_client.ts";
import { DatabaseClient } from "./database_client.ts";
import { NetworkClient } from "./network_client.ts";
import { BlockStorageClient } from "./block_storage_client.ts";

/**
 * Identity client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { identityVersions } from "@nimbus/apiclient/services/openstack";
 * const Client = BaseClient.getClass("identity", 3, identityVersions);
 * console.assert(String(Client.serviceType) === "identity");
 * ```
 */
export const identityVersions: { "3": typeof IdentityClient } = { "3": IdentityClient };

/**
 * Compute client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { computeVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("compute", "2.1", computeVersions).serviceType) === "compute");
 * ```
 */
export const computeVersions: { "2.1": typeof ComputeClient } = { "2.1": ComputeClient };

/**
 * Image client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { imageVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("image", 2, imageVersions).serviceType) === "image");
 * ```
 */
export const imageVersions: { "2": typeof ImageClient } = { "2": ImageClient };

/**
 * Placement client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { placementVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("placement", "1.0", placementVersions).serviceType) === "placement");
 * ```
 */
export const placementVersions: { "1.0": typeof PlacementClient } = { "1.0": PlacementClient };

/**
 * Database (Trove) client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { databaseVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("database", "1.0", databaseVersions).serviceType) === "database");
 * ```
 */
export const databaseVersions: { "1.0": typeof DatabaseClient } = { "1.0": DatabaseClient };

/**
 * Network (Neutron) client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { networkVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("network", "2.0", networkVersions).serviceType) === "network");
 * ```
 */
export const networkVersions: { "2.0": typeof NetworkClient } = { "2.0": NetworkClient };

/**
 * Block Storage (Cinder) client classes by version.
 *
 * @example Pick a client class by version
 * ```ts
 * import { BaseClient } from "@nimbus/apiclient";
 * import { blockStorageVersions } from "@nimbus/apiclient/services/openstack";
 * console.assert(String(BaseClient.getClass("block-storage", 3, blockStorageVersions).serviceType) === "block-storage");
 * ```
 */
export const blockStorageVersions: { "3": typeof BlockStorageClient } = {
  "3": BlockStorageClient,
};

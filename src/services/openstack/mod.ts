/**
 * OpenStack service clients: Keystone v3 (`IdentityClient`), Nova v2.1
 * (`ComputeClient`), Glance v2 (`ImageClient`), Placement
 * (`PlacementClient`), Trove v1.0 (`DatabaseClient`), Neutron v2.0
 * (`NetworkClient`) and Cinder v3 (`BlockStorageClient`), their resource
 * types, version maps, and `openCloud` to get them all on one session.
 *
 * @example Boot a server on a FakeCloud
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 *
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const image = await cloud.image.images.find({ name: "cirros-0.6.2-x86_64-disk" });
 * const server = await cloud.compute.servers.create({ name: "web", flavorRef: "1", imageRef: image.id });
 * await cloud.compute.servers.stop(server.id);
 * console.assert((await cloud.compute.servers.get(server.id)).status === "SHUTOFF");
 * ```
 *
 * @module
 */
export {
  BlockStorageClient,
  type BlockStorageClientOptions,
  type SnapshotActions,
  type VolumeActions,
} from "./block_storage_client.ts";
export type {
  Volume,
  VolumeAttachment,
  VolumeBackup,
  VolumeSnapshot,
  VolumeType,
} from "./block_storage_types.ts";
export { ComputeClient, type ComputeClientOptions, type ServerActions } from "./compute_client.ts";
export type {
  FlavorExtras,
  RebuildOptions,
  ServerExtras,
  VolumeAttachmentCreate,
} from "./compute_ops.ts";
export type {
  AvailabilityZone,
  ComputeLimits,
  ComputeQuotaSet,
  Flavor,
  FlavorAccess,
  FlavorCreate,
  Keypair,
  KeypairCreate,
  Server,
  ServerCreate,
  ServerGroup,
} from "./compute_types.ts";
export { DatabaseClient, type InstanceActions } from "./database_client.ts";
export type {
  Backup,
  BackupCreate,
  Configuration,
  ConfigurationCreate,
  Database,
  DatabaseCreate,
  DatabaseFlavor,
  DatabaseUser,
  DatabaseUserCreate,
  Datastore,
  Instance,
  InstanceCreate,
} from "./database_types.ts";
export { IdentityClient, type RoleAssignments } from "./identity_client.ts";
export type {
  ApplicationCredential,
  ApplicationCredentialCreate,
  CatalogService,
  CatalogServiceCreate,
  Domain,
  DomainCreate,
  Endpoint,
  EndpointCreate,
  Group,
  GroupCreate,
  Project,
  ProjectCreate,
  Region,
  RegionCreate,
  Role,
  RoleAssignment,
  RoleCreate,
  RoleGrant,
  User,
  UserCreate,
} from "./identity_types.ts";
export { ImageClient, type ImageManager, type TransferProgress } from "./image_client.ts";
export type { Image, ImageCreate } from "./image_types.ts";
export type { CallOptions, ListQuery, Manager } from "./manager.ts";
export { NetworkClient, type RouterActions } from "./network_client.ts";
export type {
  ExternalGatewayInfo,
  FloatingIp,
  Network,
  Port,
  Router,
  RouterInterface,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
} from "./network_types.ts";
export { type Cloud, type Microversions, openCloud, type OpenCloudOptions } from "./open_cloud.ts";
export { PlacementClient, type PlacementClientOptions } from "./placement_client.ts";
export type { Inventory, ResourceProvider, ResourceProviderCreate } from "./placement_types.ts";
export { ServiceClient } from "./service_client.ts";
export {
  blockStorageVersions,
  computeVersions,
  databaseVersions,
  identityVersions,
  imageVersions,
  networkVersions,
  placementVersions,
} from "./versions.ts";
export type { WaitOptions } from "./wait_for.ts";

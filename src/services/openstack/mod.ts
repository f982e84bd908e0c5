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
 * console.log((await cloud.compute.servers.get(server.id)).status); // SHUTOFF
 * ```
 *
 * @module
 */
export * from "./manager.ts";
export * from "./path.ts";
export * from "./service_client.ts";
export * from "./identity_types.ts";
export * from "./compute_types.ts";
export * from "./image_types.ts";
export * from "./placement_types.ts";
export * from "./database_types.ts";
export * from "./network_types.ts";
export * from "./block_storage_types.ts";
export * from "./wait_for.ts";
export * from "./identity_client.ts";
export * from "./compute_client.ts";
export * from "./image_client.ts";
export * from "./placement_client.ts";
export * from "./database_client.ts";
export * from "./network_client.ts";
export * from "./block_storage_client.ts";
export type {
  FlavorExtras,
  RebuildOptions,
  ServerExtras,
  VolumeAttachmentCreate,
} from "./compute_ops.ts";
export * from "./versions.ts";
export * from "./open_cloud.ts";
export * from "./image_transfer.ts";

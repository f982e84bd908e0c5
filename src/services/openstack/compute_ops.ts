/**
 * The Nova operations people automate on top of the server and flavor
 * managers: server actions, metadata, console output, volume attachments,
 * the server waiter, flavor extra specs and access.
 *
 * @module
 */
import type { ServiceClient } from "./service_client.ts";
import { type Manager, readJson, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import { waitForStatus, type WaitOptions } from "./wait_for.ts";
import type { FlavorAccess, Server, ServerCreate } from "./compute_types.ts";
import type { VolumeAttachment } from "./block_storage_types.ts";

/** Options of `servers.rebuild()`: the new image and any other rebuild field. */
export interface RebuildOptions {
  /** The image to rebuild from. */
  imageRef: string;
  /** A new name. */
  name?: string;
  /** A new root password. */
  adminPass?: string;
  /** New metadata (replaces the old). */
  metadata?: Record<string, string>;
  /** Other fields (`description`, `key_name` by microversion…). */
  [key: string]: unknown;
}

/** The server operations added to the manager. */
export interface ServerExtras {
  /** Pauses a running server (`pause`). */
  pause(id: string): Promise<void>;
  /** Unpauses it (`unpause`). */
  unpause(id: string): Promise<void>;
  /** Suspends a running server (`suspend`). */
  suspend(id: string): Promise<void>;
  /** Resumes a suspended server (`resume`). */
  resume(id: string): Promise<void>;
  /** Locks a server against changes by non-admins (`lock`). */
  lock(id: string, options?: { locked_reason?: string }): Promise<void>;
  /** Unlocks it (`unlock`). */
  unlock(id: string): Promise<void>;
  /** Rebuilds a server from an image; resolves to the server as Nova returns it. */
  rebuild(id: string, options: RebuildOptions): Promise<Server>;
  /** Resizes to a flavor; the server goes to VERIFY_RESIZE. */
  resize(id: string, flavorRef: string): Promise<void>;
  /** Confirms a resize (VERIFY_RESIZE → ACTIVE). */
  confirmResize(id: string): Promise<void>;
  /** Reverts a resize (back to the old flavor). */
  revertResize(id: string): Promise<void>;
  /** Snapshots a server into a new image; resolves to the image id. */
  createImage(id: string, name: string, metadata?: Record<string, string>): Promise<string>;
  /** The console log; `length` keeps only its last lines. */
  consoleOutput(id: string, options?: { length?: number }): Promise<string>;
  /** The server's metadata. */
  metadata(id: string): Promise<Record<string, string>>;
  /** Replaces the server's metadata; resolves to it. */
  setMetadata(id: string, metadata: Record<string, string>): Promise<Record<string, string>>;
  /** Adds or changes keys, keeping the others; resolves to the whole metadata. */
  updateMetadata(id: string, metadata: Record<string, string>): Promise<Record<string, string>>;
  /** Removes one key. */
  deleteMetadata(id: string, key: string): Promise<void>;
  /**
   * The volumes attached to a server (Nova `os-volume_attachments`):
   * `create({ volumeId })` attaches, `delete(volumeId)` detaches.
   */
  volumeAttachments(serverId: string): Manager<VolumeAttachment, VolumeAttachmentCreate>;
  /** Waits for a status (default failure: ERROR; the server's `fault.message` names the reason). */
  waitFor(id: string, options: WaitOptions<Server>): Promise<Server>;
}

/** The body of `volumeAttachments(serverId).create()`. */
export interface VolumeAttachmentCreate {
  /** The volume. */
  volumeId: string;
  /** A device name hint, e.g. /dev/vdb. */
  device?: string;
  /** Other fields (`tag`, `delete_on_termination` by microversion). */
  [key: string]: unknown;
}

type Fire = (id: string, body: Record<string, unknown>) => Promise<void>;

/** A server fault's message, the reason Nova gives for ERROR. */
function faultOf(server: Server): string | undefined {
  const fault = server.fault as { message?: unknown } | undefined;
  return typeof fault?.message === "string" ? fault.message : undefined;
}

/**
 * The server operations of a compute client, built on its action call.
 *
 * @example Pause and unpause a server
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const { id } = await cloud.compute.servers.create({ name: "web", flavorRef: "1" });
 * await cloud.compute.servers.waitFor(id, { status: "ACTIVE", interval: 10 });
 * await cloud.compute.servers.pause(id);
 * console.assert(String((await cloud.compute.servers.get(id)).status) === "PAUSED");
 * ```
 */
export function serverExtras(
  client: ServiceClient,
  servers: Manager<Server, ServerCreate>,
  fire: Fire,
): ServerExtras {
  const metaPath = (id: string) => `/servers/${pathSegment(id)}/metadata`;
  const metadataOf = async (response: Response) =>
    ((await readJson(response)) as { metadata?: Record<string, string> } | undefined)?.metadata ??
      {};
  const simple = (name: string) => (id: string) => fire(id, { [name]: null });
  return {
    pause: simple("pause"),
    unpause: simple("unpause"),
    suspend: simple("suspend"),
    resume: simple("resume"),
    lock: (id, options) => fire(id, { lock: options?.locked_reason ? options : null }),
    unlock: simple("unlock"),
    rebuild: async (id, options) => {
      const response = await client.post(`/servers/${pathSegment(id)}/action`, {
        json: { rebuild: options },
      });
      const reply = await readJson(response) as { server?: Server } | undefined;
      return reply?.server ?? await servers.get(id);
    },
    resize: (id, flavorRef) => fire(id, { resize: { flavorRef } }),
    confirmResize: simple("confirmResize"),
    revertResize: simple("revertResize"),
    createImage: async (id, name, metadata) => {
      const response = await client.post(`/servers/${pathSegment(id)}/action`, {
        json: { createImage: metadata ? { name, metadata } : { name } },
      });
      // 2.45+ answers {"image_id"}; older microversions only a Location header.
      const reply = await readJson(response) as { image_id?: string } | undefined;
      const fromHeader = response.headers.get("location")?.replace(/\/+$/, "").split("/").pop();
      const imageId = reply?.image_id ?? fromHeader;
      if (!imageId) throw new TypeError("Nova answered createImage without an image id");
      return decodeURIComponent(imageId);
    },
    consoleOutput: async (id, options = {}) => {
      const response = await client.post(`/servers/${pathSegment(id)}/action`, {
        json: {
          "os-getConsoleOutput": options.length === undefined ? {} : { length: options.length },
        },
      });
      return ((await readJson(response)) as { output?: string } | undefined)?.output ?? "";
    },
    metadata: async (id) => await metadataOf(await client.get(metaPath(id))),
    setMetadata: async (id, metadata) =>
      await metadataOf(await client.put(metaPath(id), { json: { metadata } })),
    updateMetadata: async (id, metadata) =>
      await metadataOf(await client.post(metaPath(id), { json: { metadata } })),
    deleteMetadata: async (id, key) => {
      const response = await client.delete(`${metaPath(id)}/${pathSegment(key)}`);
      await response.body?.cancel();
    },
    volumeAttachments: (serverId) =>
      new ResourceManager<VolumeAttachment, VolumeAttachmentCreate>(client, {
        resourceName: "VolumeAttachment",
        path: `/servers/${pathSegment(serverId)}/os-volume_attachments`,
        singular: "volumeAttachment",
        plural: "volumeAttachments",
        paging: "none",
        update: "PUT",
      }),
    waitFor: (id, options) =>
      waitForStatus(
        {
          resourceName: "Server",
          get: (i, call) => servers.get(i, call),
          failStatus: ["ERROR"],
          reason: faultOf,
        },
        id,
        options,
      ),
  };
}

/** Flavor extra specs and access, added to the flavor manager. */
export interface FlavorExtras {
  /** The flavor's extra specs (`os-extra_specs`). */
  extraSpecs(flavorId: string): Promise<Record<string, string>>;
  /** Adds or changes extra specs (admin); resolves to the ones sent, as Nova echoes them. */
  setExtraSpecs(flavorId: string, specs: Record<string, string>): Promise<Record<string, string>>;
  /** Removes one extra spec (admin). */
  deleteExtraSpec(flavorId: string, key: string): Promise<void>;
  /** The projects a private flavor is shared with. */
  access(flavorId: string): Promise<FlavorAccess[]>;
  /** Shares a private flavor with a project (admin); resolves to the new access list. */
  addAccess(flavorId: string, projectId: string): Promise<FlavorAccess[]>;
  /** Stops sharing it (admin); resolves to the new access list. */
  removeAccess(flavorId: string, projectId: string): Promise<FlavorAccess[]>;
}

/**
 * The flavor extra spec and access calls of a compute client.
 *
 * @example Read a flavor's extra specs
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * console.log(await cloud.compute.flavors.extraSpecs("1")); // {}
 * ```
 */
export function flavorExtras(client: ServiceClient): FlavorExtras {
  const specs = (id: string) => `/flavors/${pathSegment(id)}/os-extra_specs`;
  const accessOf = async (response: Response) =>
    ((await readJson(response)) as { flavor_access?: FlavorAccess[] } | undefined)
      ?.flavor_access ?? [];
  const accessAction = async (id: string, action: string, tenant: string) =>
    await accessOf(
      await client.post(`/flavors/${pathSegment(id)}/action`, { json: { [action]: { tenant } } }),
    );
  return {
    extraSpecs: async (id) =>
      ((await readJson(await client.get(specs(id)))) as { extra_specs?: Record<string, string> })
        ?.extra_specs ?? {},
    setExtraSpecs: async (id, extra) =>
      ((await readJson(await client.post(specs(id), { json: { extra_specs: extra } }))) as {
        extra_specs?: Record<string, string>;
      })?.extra_specs ?? {},
    deleteExtraSpec: async (id, key) => {
      const response = await client.delete(`${specs(id)}/${pathSegment(key)}`);
      await response.body?.cancel();
    },
    access: async (id) =>
      await accessOf(await client.get(`/flavors/${pathSegment(id)}/os-flavor-access`)),
    addAccess: (id, project) => accessAction(id, "addTenantAccess", project),
    removeAccess: (id, project) => accessAction(id, "removeTenantAccess", project),
  };
}

/**
 * `BlockStorageClient`: Cinder v3 (service type "block-storage", also
 * published as "volumev3").
 *
 * @module
 */
import type { Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import { ServiceClient } from "./service_client.ts";
import { waitForStatus, type WaitOptions } from "./wait_for.ts";
import type { Volume, VolumeBackup, VolumeSnapshot, VolumeType } from "./block_storage_types.ts";

/** Options of {@linkcode BlockStorageClient}. */
export interface BlockStorageClientOptions {
  /** The volume microversion sent with this client's requests, e.g. "3.60". */
  microversion?: string;
  /** Extension managers. */
  extensions?: Extension[];
}

/** Volume actions and the waiter on top of the manager. */
export interface VolumeActions {
  /** Grows a volume to `newSize` GiB (`os-extend`; the volume must be available). */
  extend(id: string, newSize: number): Promise<void>;
  /** Waits for a status (default failures: error, error_extending, error_restoring). */
  waitFor(id: string, options: WaitOptions<Volume>): Promise<Volume>;
}

/** The waiter of snapshots. */
export interface SnapshotActions {
  /** Waits for a status (default failure: error). */
  waitFor(id: string, options: WaitOptions<VolumeSnapshot>): Promise<VolumeSnapshot>;
}

/**
 * The Cinder v3 API. The catalog gives the endpoint with the project id
 * (`http://host:8776/v3/<project>`); an unversioned one is resolved through
 * Cinder's version document. A microversion belongs to this client
 * (`OpenStack-API-Version: volume <v>`). Lists page with `limit`/`marker`
 * (`<plural>_links`) and take Cinder's filters (`status`, `name`…).
 * Volumes are attached to servers through Nova
 * (`compute.servers.volumeAttachments(serverId)`).
 *
 * @example Create a volume, wait for it, grow it
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const volume = await cloud.blockStorage.volumes.create({ name: "data", size: 1 });
 * await cloud.blockStorage.volumes.waitFor(volume.id, { status: "available", interval: 50 });
 * await cloud.blockStorage.volumes.extend(volume.id, 2);
 * ```
 */
export class BlockStorageClient extends ServiceClient {
  /** "block-storage". */
  static override serviceType: string = "block-storage";
  /** Paths are relative to v3 (with the project id when the catalog gives one). */
  static override apiVersion: string = "v3";
  /** Catalogs that publish Cinder v3 only as "volumev3". */
  static override serviceTypeAliases: readonly string[] = ["volumev3"];
  /** The microversion this client sends, if any. */
  readonly microversion: string | undefined;
  /** Volumes (`list()` uses `/volumes/detail`), `extend` and `waitFor`. */
  readonly volumes: Manager<Volume> & VolumeActions;
  /** Snapshots (`list()` uses `/snapshots/detail`) and `waitFor`. */
  readonly snapshots: Manager<VolumeSnapshot> & SnapshotActions;
  /** Volume types. */
  readonly volumeTypes: Manager<VolumeType>;
  /** Backups (`list()` uses `/backups/detail`), where the cloud runs cinder-backup. */
  readonly backups: Manager<VolumeBackup>;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param options the microversion of this client's requests (default none: the service's base version), extensions (default none).
   */
  constructor(http: HTTPClient, options: BlockStorageClientOptions = {}) {
    super(http, options.extensions);
    this.microversion = options.microversion;
    const cinder = <T>(resourceName: string, path: string, singular: string, plural: string) =>
      new ResourceManager<T>(this, {
        resourceName,
        path,
        listPath: `${path}/detail`,
        singular,
        plural,
        paging: "nova",
        update: "PUT",
        serverFilter: true,
      });
    const volumes = cinder<Volume>("Volume", "/volumes", "volume", "volumes");
    this.volumes = Object.assign(volumes, {
      extend: async (id: string, newSize: number) => {
        const response = await this.post(`/volumes/${pathSegment(id)}/action`, {
          json: { "os-extend": { new_size: newSize } },
        });
        await response.body?.cancel();
      },
      waitFor: (id: string, o: WaitOptions<Volume>) =>
        waitForStatus(
          {
            resourceName: "Volume",
            get: (i, call) => volumes.get(i, call),
            failStatus: ["ERROR", "error_extending", "error_restoring"],
          },
          id,
          o,
        ),
    });
    const snapshots = cinder<VolumeSnapshot>(
      "VolumeSnapshot",
      "/snapshots",
      "snapshot",
      "snapshots",
    );
    this.snapshots = Object.assign(snapshots, {
      waitFor: (id: string, o: WaitOptions<VolumeSnapshot>) =>
        waitForStatus(
          {
            resourceName: "VolumeSnapshot",
            get: (i, call) => snapshots.get(i, call),
            failStatus: ["ERROR"],
          },
          id,
          o,
        ),
    });
    this.volumeTypes = new ResourceManager<VolumeType>(this, {
      resourceName: "VolumeType",
      path: "/types",
      singular: "volume_type",
      plural: "volume_types",
      paging: "nova",
      update: "PUT",
    });
    this.backups = cinder<VolumeBackup>("VolumeBackup", "/backups", "backup", "backups");
  }

  /**
   * The microversion header, on this client's requests only.
   *
   * @returns `OpenStack-API-Version: volume <v>` when a microversion is set, else none.
   */
  override defaultHeaders(): Record<string, string> {
    return this.microversion ? { "OpenStack-API-Version": `volume ${this.microversion}` } : {};
  }
}

/**
 * `DatabaseClient`: Trove v1.0 (service type "database").
 *
 * @module
 */
import type { BaseClient, Extension } from "../../http/base_client.ts";
import { ServiceClient } from "./service_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { NotFound } from "../../errors/http_error.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import { waitForStatus, type WaitOptions } from "./wait_for.ts";
import type {
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

/** Instance actions on top of the manager. */
export interface InstanceActions {
  /** Restarts the database service. */
  restart(id: string): Promise<void>;
  /** Grows the data volume to `size` GiB. */
  resizeVolume(id: string, size: number): Promise<void>;
  /** Waits for a status (default failures: ERROR, FAILED). */
  waitFor(id: string, options: WaitOptions<Instance>): Promise<Instance>;
}

/**
 * A manager of name-keyed rows of an instance (databases, users): Trove
 * answers their creation with 202 and no body, so `create()` resolves to
 * what was sent; Trove has no single-database GET, so `get()` searches the
 * list.
 */
class InstanceRowsManager<T extends { name: string }, C extends { name: string }>
  extends ResourceManager<T, C> {
  readonly #plural: string;
  readonly #name: string;
  constructor(client: BaseClient, path: string, plural: string, singular: string, name: string) {
    super(client, {
      resourceName: name,
      path,
      singular,
      plural,
      idKey: "name",
      paging: "trove",
      update: "PUT",
      createBody: (body) => ({ [plural]: [body] }),
      createdWithoutBody: (body) => body as unknown as T,
    });
    this.#plural = plural;
    this.#name = name;
  }
  override async get(id: string): Promise<T> {
    if (this.#plural === "users") return await super.get(id);
    for await (const row of this.list()) if (row.name === id) return row;
    throw new NotFound(`${this.#name} ${id} could not be found.`);
  }
}

/**
 * The Trove API. The catalog endpoint holds the project id
 * (`…/v1.0/<project id>`).
 *
 * @example Create an instance and a database on it
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const db = cloud.database;
 * const inst = await db.instances.create({ name: "db1", flavorRef: "2", volume: { size: 2 } });
 * await db.databases(inst.id).create({ name: "app" });
 * await db.instances.resizeVolume(inst.id, 4);
 * console.assert((await db.instances.get(inst.id)).volume?.size === 4);
 * ```
 */
export class DatabaseClient extends ServiceClient {
  /** "database". */
  static override serviceType: string = "database";
  /** Instances with restart and volume resize. */
  readonly instances: Manager<Instance, InstanceCreate> & InstanceActions;
  /** Flavors as Trove shows them ({@linkcode DatabaseFlavor}: `str_id`, integer or null `id`). */
  readonly flavors: Manager<DatabaseFlavor>;
  /** Datastores (get by id or name). */
  readonly datastores: Manager<Datastore>;
  /** Backups. */
  readonly backups: Manager<Backup, BackupCreate>;
  /** Configuration groups; `update()` merges values (PATCH). */
  readonly configurations: Manager<Configuration, ConfigurationCreate>;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(http: HTTPClient, extensions?: Extension[]) {
    super(http, extensions);
    const trove = <T, C = Partial<T>>(
      name: string,
      path: string,
      singular: string,
      plural: string,
    ) =>
      new ResourceManager<T, C>(this, {
        resourceName: name,
        path,
        singular,
        plural,
        paging: "trove",
        update: "PATCH",
      });
    const action = async (id: string, body: Record<string, unknown>) => {
      const response = await this.post(`/instances/${pathSegment(id)}/action`, { json: body });
      await response.body?.cancel();
    };
    const instances = trove<Instance, InstanceCreate>(
      "Instance",
      "/instances",
      "instance",
      "instances",
    );
    this.instances = Object.assign(
      instances,
      {
        waitFor: (id: string, o: WaitOptions<Instance>) =>
          waitForStatus(
            {
              resourceName: "Instance",
              get: (i, call) => instances.get(i, call),
              failStatus: ["ERROR", "FAILED"],
            },
            id,
            o,
          ),
        restart: (id: string) => action(id, { restart: {} }),
        resizeVolume: (id: string, size: number) => action(id, { resize: { volume: { size } } }),
      },
    );
    this.flavors = trove<DatabaseFlavor>("Flavor", "/flavors", "flavor", "flavors");
    this.datastores = trove<Datastore>("Datastore", "/datastores", "datastore", "datastores");
    this.backups = trove<Backup, BackupCreate>("Backup", "/backups", "backup", "backups");
    this.configurations = trove<Configuration, ConfigurationCreate>(
      "Configuration",
      "/configurations",
      "configuration",
      "configurations",
    );
  }

  /**
   * The databases of an instance, keyed by name.
   *
   * @param instanceId the Trove instance.
   * @returns the manager of its databases (name-keyed).
   */
  databases(instanceId: string): Manager<Database, DatabaseCreate> {
    return new InstanceRowsManager<Database, DatabaseCreate>(
      this,
      `/instances/${pathSegment(instanceId)}/databases`,
      "databases",
      "database",
      "Database",
    );
  }

  /**
   * The database users of an instance, keyed by name.
   *
   * @param instanceId the Trove instance.
   * @returns the manager of its users (name-keyed).
   */
  users(instanceId: string): Manager<DatabaseUser, DatabaseUserCreate> {
    return new InstanceRowsManager<DatabaseUser, DatabaseUserCreate>(
      this,
      `/instances/${pathSegment(instanceId)}/users`,
      "users",
      "user",
      "DatabaseUser",
    );
  }
}

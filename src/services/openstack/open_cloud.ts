/**
 * `openCloud`: one HTTPClient and lazily created service clients for a
 * cloud, from an auth plugin, `clouds.yaml` or `OS_*` variables.
 *
 * @module
 */
import { HTTPClient } from "../../http/http_client.ts";
import type { HTTPClientOptions } from "../../http/options.ts";
import type { AuthPlugin } from "../../auth/auth_plugin.ts";
import { loadCloudConfig } from "../../auth/cloud_config.ts";
import { PermissionRequired } from "../../errors/permission_required.ts";
import { ValidationError } from "../../errors/client_exception.ts";
import { readTextFileSync } from "../../_runtime/files.ts";
import { loadPluginFromCloudConfig } from "../../auth/load_plugin_from_env.ts";
import { IdentityClient } from "./identity_client.ts";
import { ComputeClient } from "./compute_client.ts";
import { ImageClient } from "./image_client.ts";
import { PlacementClient } from "./placement_client.ts";
import { DatabaseClient } from "./database_client.ts";
import { NetworkClient } from "./network_client.ts";
import { BlockStorageClient } from "./block_storage_client.ts";

/** Options of {@linkcode openCloud}. */
export interface OpenCloudOptions {
  /** The auth plugin; without it, `cloud` (clouds.yaml) or `env` (`OS_*`) describe the login. */
  auth?: AuthPlugin;
  /** A cloud in clouds.yaml (default `OS_CLOUD`). */
  cloud?: string;
  /** The environment (default: the process's, each `OS_*` variable read when looked up). */
  env?: Record<string, string | undefined>;
  /** HTTPClient options; they win over clouds.yaml's `region_name` and `interface`. */
  http?: HTTPClientOptions;
  /** Microversions of the clients that have them. */
  microversions?: Microversions;
}

/** Microversions of the clients that have them. */
export interface Microversions {
  /** Nova, e.g. "2.79". */
  compute?: string;
  /** Placement, e.g. "1.20". */
  placement?: string;
  /** Cinder, e.g. "3.60". */
  blockStorage?: string;
}

/** A cloud: one shared HTTPClient and a client per service, created on first use. */
export interface Cloud extends AsyncDisposable {
  /** The session every client below shares (one token). */
  readonly http: HTTPClient;
  /** Keystone v3. */
  readonly identity: IdentityClient;
  /** Nova v2.1. */
  readonly compute: ComputeClient;
  /** Glance v2. */
  readonly image: ImageClient;
  /** Placement. */
  readonly placement: PlacementClient;
  /** Trove v1.0. */
  readonly database: DatabaseClient;
  /** Neutron v2.0. */
  readonly network: NetworkClient;
  /** Cinder v3. */
  readonly blockStorage: BlockStorageClient;
}

class OpenedCloud implements Cloud {
  readonly http: HTTPClient;
  readonly #microversions: Microversions;
  #identity?: IdentityClient;
  #compute?: ComputeClient;
  #image?: ImageClient;
  #placement?: PlacementClient;
  #database?: DatabaseClient;
  #network?: NetworkClient;
  #blockStorage?: BlockStorageClient;

  constructor(http: HTTPClient, microversions: Microversions) {
    this.http = http;
    this.#microversions = microversions;
  }
  get identity(): IdentityClient {
    return this.#identity ??= new IdentityClient(this.http);
  }
  get compute(): ComputeClient {
    return this.#compute ??= new ComputeClient(this.http, {
      microversion: this.#microversions.compute,
    });
  }
  get image(): ImageClient {
    return this.#image ??= new ImageClient(this.http);
  }
  get placement(): PlacementClient {
    return this.#placement ??= new PlacementClient(this.http, {
      microversion: this.#microversions.placement,
    });
  }
  get database(): DatabaseClient {
    return this.#database ??= new DatabaseClient(this.http);
  }
  get network(): NetworkClient {
    return this.#network ??= new NetworkClient(this.http);
  }
  get blockStorage(): BlockStorageClient {
    return this.#blockStorage ??= new BlockStorageClient(this.http, {
      microversion: this.#microversions.blockStorage,
    });
  }
  [Symbol.asyncDispose](): Promise<void> {
    return this.http.close();
  }
  toJSON(): Record<string, unknown> {
    return { http: this.http.toJSON() };
  }
  [Symbol.for("Deno.customInspect")](): string {
    return `Cloud ${JSON.stringify(this.toJSON())}`;
  }

  /** The same for Node's and Bun's `util.inspect`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Cloud ${JSON.stringify(this.toJSON())}`;
  }
}

function readPem(path: string, what: string): string {
  try {
    return readTextFileSync(path);
  } catch (cause) {
    if (cause instanceof PermissionRequired) throw cause;
    throw new ValidationError(`Cannot read the ${what} file '${path}'`, { cause });
  }
}

/**
 * Fills TLS options from clouds.yaml settings (`cacert`, `cert`, `key`,
 * `verify: false`; from the environment `OS_CACERT`, `OS_CERT`, `OS_KEY`,
 * `OS_INSECURE`) where `http` does not set them.
 */
function applyTlsSettings(
  settings: Readonly<Record<string, unknown>>,
  http: HTTPClientOptions,
): void {
  if (http.insecure === undefined && settings.verify === false) http.insecure = true;
  const caFile = typeof settings.cacert === "string"
    ? settings.cacert
    : typeof settings.verify === "string"
    ? settings.verify
    : undefined;
  if (http.caCerts === undefined && caFile) http.caCerts = [readPem(caFile, "cacert")];
  if (http.cert === undefined && typeof settings.cert === "string") {
    const certText = readPem(settings.cert, "cert");
    const key = typeof settings.key === "string" ? readPem(settings.key, "key") : certText;
    http.cert = { cert: certText, key };
  }
}

/**
 * Opens a cloud. With `auth`, that plugin logs in; otherwise the plugin
 * comes from `cloud`/`OS_CLOUD` (clouds.yaml) or the `OS_*` variables, and
 * their `region_name`/`interface` become the HTTPClient's `regionName`/
 * `endpointType`, and `cacert`/`cert`/`key`/`verify: false` its TLS
 * options, unless `http` sets them. Nothing is sent until a client
 * makes its first request. When the catalog holds a service in several
 * regions and no region is set, requests fail with `AmbiguousEndpoints`
 * naming the regions.
 *
 * @param options an auth plugin, or a `cloud` in clouds.yaml, or `env` (`OS_*`); HTTPClient options; microversions.
 * @returns the clients of the cloud on one shared session; dispose it to close the session.
 *
 * @example Against a FakeCloud
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 *
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * for await (const flavor of cloud.compute.flavors.list()) console.log(flavor.name);
 * ```
 */
export function openCloud(options: OpenCloudOptions = {}): Cloud {
  let auth = options.auth;
  const http: HTTPClientOptions = { ...options.http };
  if (!auth) {
    const config = loadCloudConfig({ cloud: options.cloud, env: options.env });
    auth = loadPluginFromCloudConfig(config);
    if (http.regionName === undefined && config.regionName) http.regionName = config.regionName;
    if (http.endpointType === undefined && config.interface) http.endpointType = config.interface;
    applyTlsSettings(config.settings, http);
  }
  return new OpenedCloud(new HTTPClient(auth, http), options.microversions ?? {});
}

/**
 * Nova v2.1 resources, with the API's own field names.
 *
 * @module
 */

/** A server (`GET /servers/detail`). */
export interface Server {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** ACTIVE, BUILD, SHUTOFF, ERROR… */
  status: string;
  /** The owning project. */
  tenant_id?: string;
  /** The owning user. */
  user_id?: string;
  /** The flavor (`{id, links}`, or the flavor's fields from 2.47). */
  flavor: Record<string, unknown>;
  /** The image (`{id, links}`), or "" when booted from a volume. */
  image: Record<string, unknown> | string;
  /** Addresses by network name. */
  addresses?: Record<string, { addr: string; version: number; [key: string]: unknown }[]>;
  /** Key/value metadata. */
  metadata?: Record<string, string>;
  /** The keypair used. */
  key_name?: string | null;
  /** ISO creation time. */
  created?: string;
  /** ISO update time. */
  updated?: string;
  /** Only in the reply of `create()`: the root password. */
  adminPass?: string;
  /** Other fields ("OS-EXT-STS:vm_state"…). */
  [key: string]: unknown;
}
/** The body of `servers.create()`. */
export interface ServerCreate {
  /** The name. */
  name: string;
  /** The flavor id. */
  flavorRef: string;
  /** The image id (absent when booting from a volume). */
  imageRef?: string;
  /** A keypair name. */
  key_name?: string;
  /** Key/value metadata. */
  metadata?: Record<string, string>;
  /** Networks: "auto", "none" or a list. */
  networks?: "auto" | "none" | Record<string, unknown>[];
  /** Other fields. */
  [key: string]: unknown;
}

/** A flavor. */
export interface Flavor {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** Memory in MiB. */
  ram: number;
  /** Root disk in GiB. */
  disk: number;
  /** Virtual CPUs. */
  vcpus: number;
  /** Free text (2.55). */
  description?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `flavors.create()` (admin). */
export interface FlavorCreate {
  /** The name. */
  name: string;
  /** Memory in MiB. */
  ram: number;
  /** Virtual CPUs. */
  vcpus: number;
  /** Root disk in GiB. */
  disk: number;
  /** A chosen id (generated when absent). */
  id?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A keypair; its name is its id. */
export interface Keypair {
  /** The name. */
  name: string;
  /** The OpenSSH public key. */
  public_key: string;
  /** The key fingerprint. */
  fingerprint: string;
  /** "ssh" or "x509". */
  type?: string;
  /** Only in the reply of `create()` when Nova generated the key. */
  private_key?: string;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `keypairs.create()`. */
export interface KeypairCreate {
  /** The name. */
  name: string;
  /** A public key to import; absent lets Nova generate one (older microversions). */
  public_key?: string;
  /** "ssh" or "x509". */
  type?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A server group (`/os-server-groups`). */
export interface ServerGroup {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** The policy (2.64+): affinity, anti-affinity, soft-affinity, soft-anti-affinity. */
  policy?: string;
  /** The policies (before 2.64). */
  policies?: string[];
  /** The member server ids. */
  members: string[];
  /** Policy rules (2.64+), e.g. `max_server_per_host`. */
  rules?: Record<string, unknown>;
  /** Other fields (`project_id`, `user_id`, `metadata`…). */
  [key: string]: unknown;
}

/** `GET /limits`: the rate limits and the absolute limits and usage of the project. */
export interface ComputeLimits {
  /** Rate limits (empty on current Nova). */
  rate: unknown[];
  /** maxTotalInstances, totalInstancesUsed, maxTotalCores… */
  absolute: Record<string, number>;
  /** Other fields. */
  [key: string]: unknown;
}

/** A project's compute quotas (`/os-quota-sets/{project}`); -1 means unlimited. */
export interface ComputeQuotaSet {
  /** The project id. */
  id: string;
  /** Servers. */
  instances?: number;
  /** vCPUs. */
  cores?: number;
  /** Memory in MiB. */
  ram?: number;
  /** Keypairs. */
  key_pairs?: number;
  /** Server groups. */
  server_groups?: number;
  /** Members per server group. */
  server_group_members?: number;
  /** Metadata items per server. */
  metadata_items?: number;
  /** Other fields. */
  [key: string]: unknown;
}

/** An availability zone (`/os-availability-zone`). */
export interface AvailabilityZone {
  /** The zone name. */
  zoneName: string;
  /** Whether the zone is available. */
  zoneState: { available: boolean };
  /** Hosts and their services (admin `detail` only), else null. */
  hosts: Record<string, unknown> | null;
}

/** One project's access to a private flavor. */
export interface FlavorAccess {
  /** The flavor. */
  flavor_id: string;
  /** The project. */
  tenant_id: string;
}

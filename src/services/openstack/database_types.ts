/**
 * Trove v1.0 resources, with the API's own field names.
 *
 * @module
 */

/** A database instance. */
export interface Instance {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** BUILD, ACTIVE, REBOOT, RESIZE, ERROR… */
  status: string;
  /** The flavor (`{id, links}`). */
  flavor: { id: string; [key: string]: unknown };
  /** The volume (`{size}` in GiB). */
  volume?: { size: number; [key: string]: unknown };
  /** The datastore (`{type, version}`). */
  datastore: { type: string; version: string; [key: string]: unknown };
  /** The region. */
  region?: string;
  /** The attached configuration group, or null. */
  configuration?: { id: string; [key: string]: unknown } | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `instances.create()`. */
export interface InstanceCreate {
  /** The name. */
  name: string;
  /** The flavor id. */
  flavorRef: string;
  /** The volume size. */
  volume?: { size: number };
  /** The datastore (default: the cloud's default). */
  datastore?: { type: string; version?: string };
  /** Databases to create. */
  databases?: DatabaseCreate[];
  /** Users to create. */
  users?: DatabaseUserCreate[];
  /** Other fields. */
  [key: string]: unknown;
}

/**
 * A flavor as Trove lists it: its own shape, not compute's `Flavor` (the
 * integer `id` is null for flavors whose Nova id is not a number; `str_id`
 * always holds the id as a string).
 */
export interface DatabaseFlavor {
  /** The Nova id as an integer, or null when it is not one. */
  id: number | null;
  /** The id as a string: use this one. */
  str_id: string;
  /** The name. */
  name: string;
  /** Memory in MiB. */
  ram: number;
  /** Virtual CPUs. */
  vcpus?: number;
  /** Other fields. */
  [key: string]: unknown;
}

/** A datastore with its versions. */
export interface Datastore {
  /** The id. */
  id: string;
  /** The name, e.g. "mysql". */
  name: string;
  /** The default version's id. */
  default_version?: string;
  /** The versions. */
  versions: { id: string; name: string; active: number | boolean; [key: string]: unknown }[];
  /** Other fields. */
  [key: string]: unknown;
}

/** A backup. */
export interface Backup {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** NEW, BUILDING, COMPLETED, FAILED… */
  status: string;
  /** The instance it was taken from. */
  instance_id: string;
  /** Free text. */
  description?: string | null;
  /** Size in GiB. */
  size?: number | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `backups.create()`. */
export interface BackupCreate {
  /** The name. */
  name: string;
  /** The instance id. */
  instance: string;
  /** Free text. */
  description?: string;
  /** For an incremental backup. */
  parent_id?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A configuration group. */
export interface Configuration {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** Free text. */
  description?: string | null;
  /** The settings (only in `get()`). */
  values?: Record<string, unknown>;
  /** The datastore name. */
  datastore_name?: string;
  /** The datastore version name. */
  datastore_version_name?: string;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `configurations.create()`. */
export interface ConfigurationCreate {
  /** The name. */
  name: string;
  /** The settings. */
  values: Record<string, unknown>;
  /** Free text. */
  description?: string;
  /** The datastore. */
  datastore?: { type: string; version?: string };
  /** Other fields. */
  [key: string]: unknown;
}

/** A database on an instance; its name is its id. */
export interface Database {
  /** The name. */
  name: string;
  /** Character set. */
  character_set?: string;
  /** Collation. */
  collate?: string;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `databases(instanceId).create()`. */
export interface DatabaseCreate {
  /** The name. */
  name: string;
  /** Character set. */
  character_set?: string;
  /** Collation. */
  collate?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A database user on an instance; its name is its id. */
export interface DatabaseUser {
  /** The name. */
  name: string;
  /** The host it may connect from ("%" for any). */
  host?: string;
  /** The databases it can use. */
  databases?: { name: string }[];
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `users(instanceId).create()`. */
export interface DatabaseUserCreate {
  /** The name. */
  name: string;
  /** The password (never returned by the API). */
  password: string;
  /** The host ("%" when absent). */
  host?: string;
  /** The databases it can use. */
  databases?: { name: string }[];
  /** Other fields. */
  [key: string]: unknown;
}

/**
 * Glance v2 resources, with the API's own field names.
 *
 * @module
 */

/** An image. Custom properties appear as top-level fields. */
export interface Image {
  /** The id. */
  id: string;
  /** The name. */
  name: string | null;
  /** queued, saving, active, deactivated, killed, deleted… */
  status: string;
  /** public, private, shared or community. */
  visibility: string;
  /** Protected images cannot be deleted. */
  protected: boolean;
  /** qcow2, raw… */
  disk_format: string | null;
  /** bare, ovf… */
  container_format: string | null;
  /** Size in bytes, once uploaded. */
  size: number | null;
  /** Minimum disk in GiB. */
  min_disk: number;
  /** Minimum memory in MiB. */
  min_ram: number;
  /** The owning project. */
  owner: string;
  /** Tags. */
  tags: string[];
  /** Other fields (custom properties). */
  [key: string]: unknown;
}
/** The body of `images.create()`. */
export interface ImageCreate {
  /** The name. */
  name: string;
  /** qcow2, raw… */
  disk_format?: string;
  /** bare, ovf… */
  container_format?: string;
  /** Default "shared". */
  visibility?: "public" | "private" | "shared" | "community";
  /** A chosen id. */
  id?: string;
  /** Tags. */
  tags?: string[];
  /** Minimum disk in GiB. */
  min_disk?: number;
  /** Minimum memory in MiB. */
  min_ram?: number;
  /** Custom properties. */
  [key: string]: unknown;
}

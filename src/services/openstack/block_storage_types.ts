/**
 * Cinder v3 resources and Nova's volume attachments, with the APIs' own
 * field names. Fields the types do not name are kept as sent.
 *
 * @module
 */

/** A volume (`GET /volumes/detail`). */
export interface Volume {
  /** The id. */
  id: string;
  /** The name, null when none. */
  name: string | null;
  /** creating, available, in-use, error, extending, deleting… (lower case). */
  status: string;
  /** Size in GiB. */
  size: number;
  /** The volume type's name. */
  volume_type: string | null;
  /** The availability zone. */
  availability_zone: string;
  /** Free text, null when none. */
  description: string | null;
  /** Whether it can be booted from ("true"/"false", a string in Cinder's API). */
  bootable: string;
  /** Whether several servers may attach it. */
  multiattach: boolean;
  /** Where it is attached. */
  attachments: {
    server_id: string;
    attachment_id: string;
    device?: string;
    [key: string]: unknown;
  }[];
  /** Key/value metadata. */
  metadata: Record<string, string>;
  /** The snapshot it was made from, or null. */
  snapshot_id: string | null;
  /** The volume it was cloned from, or null. */
  source_volid: string | null;
  /** ISO creation time. */
  created_at: string;
  /** ISO update time, or null. */
  updated_at: string | null;
  /** The owning project (admin view). */
  "os-vol-tenant-attr:tenant_id"?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A volume snapshot. */
export interface VolumeSnapshot {
  /** The id. */
  id: string;
  /** The name, null when none. */
  name: string | null;
  /** creating, available, error, deleting… */
  status: string;
  /** The volume it was taken of. */
  volume_id: string;
  /** Size in GiB. */
  size: number;
  /** Free text, null when none. */
  description: string | null;
  /** Key/value metadata. */
  metadata: Record<string, string>;
  /** ISO creation time. */
  created_at: string;
  /** ISO update time, or null. */
  updated_at: string | null;
  /** Other fields. */
  [key: string]: unknown;
}

/** A volume type. */
export interface VolumeType {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** Free text, null when none. */
  description: string | null;
  /** Whether every project sees it. */
  is_public: boolean;
  /** Extra specs (admin). */
  extra_specs?: Record<string, string>;
  /** Other fields. */
  [key: string]: unknown;
}

/** A volume backup (clouds that run cinder-backup). */
export interface VolumeBackup {
  /** The id. */
  id: string;
  /** The name, null when none. */
  name: string | null;
  /** creating, available, error, restoring, deleting… */
  status: string;
  /** The volume it backs up. */
  volume_id: string;
  /** Size in GiB. */
  size: number;
  /** Free text, null when none. */
  description: string | null;
  /** Whether it is incremental. */
  is_incremental?: boolean;
  /** ISO creation time. */
  created_at: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A volume attached to a server (Nova `os-volume_attachments`; its id is the volume id). */
export interface VolumeAttachment {
  /** The attachment's id in Nova's view: the volume id. */
  id: string;
  /** The volume. */
  volumeId: string;
  /** The server. */
  serverId: string;
  /** The device path, e.g. /dev/vdb (null on some drivers). */
  device: string | null;
  /** Other fields (`tag`, `delete_on_termination`, `attachment_id` by microversion). */
  [key: string]: unknown;
}

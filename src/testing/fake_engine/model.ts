/**
 * The FakeEngine's in-memory object shape and the collections it serves.
 *
 * @module
 */

/** A field value of a fake engine object, before rendering as XML or JSON. */
export type Value = string | number | boolean | Date | Obj | ListValue;

/** An engine object or reference: `id` and `href` become XML attributes. */
export interface Obj {
  [field: string]: Value | undefined;
}

/** A nested list with its item tag: `<usages><usage>vm</usage></usages>`. */
export class ListValue {
  /** The tag of each item, e.g. "usage". */
  readonly item: string;
  /** The items. */
  readonly items: Value[];
  constructor(item: string, items: Value[]) {
    this.item = item;
    this.items = items;
  }
}

/** One kind of collection the fake engine serves. */
export interface KindDef {
  /** The URL segment, e.g. "datacenters". */
  readonly segment: string;
  /** The tag of one object, e.g. "data_center". */
  readonly single: string;
  /** The tag of the collection, e.g. "data_centers". */
  readonly plural: string;
  /** Sub-collection segments of each entity. */
  readonly subs: readonly string[];
  /** Action segments of each entity. */
  readonly actions: readonly string[];
}

function kind(
  segment: string,
  single: string,
  plural: string,
  subs: string[] = [],
  actions: string[] = [],
): KindDef {
  return { segment, single, plural, subs, actions };
}

/** The VM actions the fake engine implements. */
export const VM_ACTIONS: readonly string[] = ["start", "stop", "shutdown", "reboot", "suspend"];

/** Every kind, by URL segment. */
export const KINDS: ReadonlyMap<string, KindDef> = new Map(
  [
    kind("vms", "vm", "vms", ["diskattachments", "nics", "snapshots"], [...VM_ACTIONS]),
    kind("hosts", "host", "hosts"),
    kind("clusters", "cluster", "clusters"),
    kind("datacenters", "data_center", "data_centers"),
    kind("storagedomains", "storage_domain", "storage_domains"),
    kind("disks", "disk", "disks"),
    kind("templates", "template", "templates"),
    kind("networks", "network", "networks"),
    kind("diskattachments", "disk_attachment", "disk_attachments"),
    kind("nics", "nic", "nics"),
    kind("snapshots", "snapshot", "snapshots"),
  ].map((k) => [k.segment, k]),
);

/** The top-level collections, in the order the API root lists them. */
export const TOP_LEVEL: readonly string[] = [
  "clusters",
  "datacenters",
  "disks",
  "hosts",
  "networks",
  "storagedomains",
  "templates",
  "vms",
];

/** The kind of a segment (throws for a segment the engine does not know). */
export function kindOf(segment: string): KindDef {
  const def = KINDS.get(segment);
  if (!def) throw new Error(`unknown collection ${segment}`);
  return def;
}

/** A reference to another object: `<cluster href="…" id="…"/>`. */
export function ref(prefix: string, segment: string, id: string): Obj {
  return { href: `${prefix}/${segment}/${id}`, id };
}

/** True for a plain nested object (not a list, date or scalar). */
export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !(value instanceof ListValue) &&
    !(value instanceof Date) && !Array.isArray(value);
}

/**
 * The FakeEngine's in-memory object shape and the collections it serves:
 * every kind with its sub-collections (`<link rel>`) and actions
 * (`<actions>`), named as the engine's API model names them.
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

/**
 * A sub-collection that shows entities of a top-level collection instead of
 * holding its own (`datacenters/<id>/clusters` lists the clusters whose
 * `data_center` is that data center).
 */
export interface ViewDef {
  /** The top-level collection, e.g. "clusters". */
  readonly from: string;
  /** The reference field (or list of references) that must name the parent. */
  readonly field: string;
}

/** One kind of collection the fake engine serves. */
export interface KindDef {
  /** The URL segment, e.g. "datacenters". */
  readonly segment: string;
  /** The tag of one object, e.g. "data_center". */
  readonly single: string;
  /** The tag of the collection, e.g. "data_centers". */
  readonly plural: string;
  /** Sub-collections of each entity, in the order their links are shown. */
  readonly subs: readonly KindDef[];
  /** Action segments of each entity. */
  readonly actions: readonly string[];
  /** The collection takes `?search=` (the API root links `<segment>/search`). */
  readonly searchable: boolean;
  /** Set for a sub-collection that is a view of a top-level collection. */
  readonly view?: ViewDef;
}

function kind(
  segment: string,
  single: string,
  plural: string,
  options: {
    subs?: KindDef[];
    actions?: string[];
    searchable?: boolean;
    view?: ViewDef;
  } = {},
): KindDef {
  return {
    segment,
    single,
    plural,
    subs: options.subs ?? [],
    actions: options.actions ?? [],
    searchable: options.searchable ?? false,
    view: options.view,
  };
}

/** An empty sub-collection the engine links (permissions, tags, statistics…). */
function leaf(segment: string, single: string, plural: string = `${single}s`): KindDef {
  return kind(segment, single, plural);
}

const permissions = leaf("permissions", "permission");
const tags = leaf("tags", "tag");
const statistics = leaf("statistics", "statistic");
const affinityLabels = leaf("affinitylabels", "affinity_label");
const katelloErrata = leaf("katelloerrata", "katello_erratum", "katello_errata");

/** The VM actions of the engine's model, in its order. */
export const VM_ACTIONS: readonly string[] = [
  "cancelmigration",
  "commitsnapshot",
  "clone",
  "detach",
  "export",
  "freezefilesystems",
  "logon",
  "maintenance",
  "migrate",
  "previewsnapshot",
  "autopincpuandnumanodes",
  "reboot",
  "reset",
  "reordermacaddresses",
  "shutdown",
  "start",
  "stop",
  "suspend",
  "thawfilesystems",
  "ticket",
  "undosnapshot",
  "screenshot",
];

const VM_SUBS: KindDef[] = [
  affinityLabels,
  leaf("applications", "application"),
  kind("cdroms", "cdrom", "cdroms"),
  kind("diskattachments", "disk_attachment", "disk_attachments"),
  leaf("floppies", "floppy", "floppies"),
  kind("graphicsconsoles", "graphics_console", "graphics_consoles", {
    actions: ["proxyticket", "remoteviewerconnectionfile", "ticket"],
  }),
  leaf("hostdevices", "host_device"),
  katelloErrata,
  leaf("mediateddevices", "vm_mediated_device"),
  kind("nics", "nic", "nics", { actions: ["activate", "deactivate"] }),
  leaf("numanodes", "vm_numa_node"),
  permissions,
  leaf("reporteddevices", "reported_device"),
  leaf("sessions", "session"),
  kind("snapshots", "snapshot", "snapshots", { actions: ["restore"] }),
  statistics,
  tags,
  leaf("watchdogs", "watchdog"),
];

const HOST_SUBS: KindDef[] = [
  affinityLabels,
  leaf("cpuunits", "host_cpu_unit"),
  leaf("devices", "host_device"),
  leaf("externalnetworkproviderconfigurations", "external_network_provider_configuration"),
  leaf("fenceagents", "agent"),
  leaf("hooks", "hook"),
  katelloErrata,
  leaf("networkattachments", "network_attachment"),
  kind("nics", "host_nic", "host_nics"),
  leaf("numanodes", "host_numa_node"),
  permissions,
  leaf("storage", "host_storage"),
  leaf("storageconnectionextensions", "storage_connection_extension"),
  statistics,
  tags,
  leaf("unmanagednetworks", "unmanaged_network"),
];

const CLUSTER_SUBS: KindDef[] = [
  leaf("affinitygroups", "affinity_group"),
  leaf("cpuprofiles", "cpu_profile"),
  leaf("enabledfeatures", "cluster_feature"),
  leaf("externalnetworkproviders", "external_provider"),
  leaf("glusterhooks", "gluster_hook"),
  leaf("glustervolumes", "gluster_volume"),
  leaf("networkfilters", "network_filter"),
  kind("networks", "network", "networks", { view: { from: "networks", field: "data_center" } }),
  permissions,
];

const DATA_CENTER_SUBS: KindDef[] = [
  kind("clusters", "cluster", "clusters", { view: { from: "clusters", field: "data_center" } }),
  leaf("iscsibonds", "iscsi_bond"),
  kind("networks", "network", "networks", { view: { from: "networks", field: "data_center" } }),
  permissions,
  leaf("qoss", "qos", "qoss"),
  leaf("quotas", "quota"),
  kind("storagedomains", "storage_domain", "storage_domains", {
    view: { from: "storagedomains", field: "data_centers" },
  }),
];

const STORAGE_DOMAIN_SUBS: KindDef[] = [
  kind("disks", "disk", "disks", { view: { from: "disks", field: "storage_domains" } }),
  leaf("diskprofiles", "disk_profile"),
  leaf("disksnapshots", "disk_snapshot"),
  leaf("files", "file"),
  leaf("images", "image"),
  permissions,
  leaf("storageconnections", "storage_connection"),
  leaf("templates", "template"),
  leaf("vms", "vm"),
];

/** Every top-level kind, by URL segment, in the order the API root links them. */
export const KINDS: ReadonlyMap<string, KindDef> = new Map(
  [
    kind("clusters", "cluster", "clusters", {
      subs: CLUSTER_SUBS,
      actions: ["refreshglusterhealstatus", "resetemulatedmachine", "syncallnetworks", "upgrade"],
      searchable: true,
    }),
    kind("datacenters", "data_center", "data_centers", {
      subs: DATA_CENTER_SUBS,
      actions: ["cleanfinishedtasks", "setmaster"],
      searchable: true,
    }),
    kind("disks", "disk", "disks", {
      subs: [permissions, statistics],
      actions: ["convert", "copy", "export", "move", "reduce", "refreshlun", "sparsify"],
      searchable: true,
    }),
    kind("hosts", "host", "hosts", {
      subs: HOST_SUBS,
      actions: [
        "activate",
        "approve",
        "commitnetconfig",
        "copyhostnetworks",
        "deactivate",
        "discoveriscsi",
        "enrollcertificate",
        "fence",
        "forceselectspm",
        "install",
        "iscsidiscover",
        "iscsilogin",
        "refresh",
        "setupnetworks",
        "syncallnetworks",
        "unregisteredstoragedomainsdiscover",
        "upgrade",
        "upgradecheck",
      ],
      searchable: true,
    }),
    kind("networks", "network", "networks", { subs: [permissions], searchable: true }),
    kind("storagedomains", "storage_domain", "storage_domains", {
      subs: STORAGE_DOMAIN_SUBS,
      actions: ["isattached", "reduceluns", "refreshluns", "updateovfstore"],
      searchable: true,
    }),
    kind("templates", "template", "templates", {
      subs: [permissions, tags],
      actions: ["export"],
      searchable: true,
    }),
    kind("vmpools", "vm_pool", "vm_pools", {
      subs: [permissions],
      actions: ["allocatevm"],
      searchable: true,
    }),
    kind("vms", "vm", "vms", { subs: VM_SUBS, actions: [...VM_ACTIONS], searchable: true }),
  ].map((k) => [k.segment, k]),
);

/** The top-level collections, in the order the API root lists them. */
export const TOP_LEVEL: readonly string[] = [...KINDS.keys()];

/** The kind of a top-level segment (throws for a segment the engine does not serve). */
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

/**
 * The objects a fresh FakeEngine holds: one data center and cluster named
 * Default, two hosts, two storage domains, the ovirtmgmt network, the Blank
 * template and three VMs with their disks.
 *
 * @module
 */
import { ListValue, type Obj, ref } from "./model.ts";
import { API_PREFIX, type Store } from "./store.ts";

/**
 * Fixed ids of the seeded objects, for tests and examples.
 *
 * @example Read a seeded VM
 * ```ts
 * import { FakeEngine, SEED_IDS } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start();
 * const token = engine.issueToken("admin@internal");
 * const response = await fetch(`${engine.url}/vms/${SEED_IDS.web1}`, {
 *   headers: { authorization: `Bearer ${token}` },
 * });
 * console.log((await response.text()).includes("<name>web1</name>")); // true
 * ```
 */
export const SEED_IDS: {
  readonly dataCenter: string;
  readonly cluster: string;
  readonly host1: string;
  readonly host2: string;
  readonly data1: string;
  readonly data2: string;
  readonly ovirtmgmt: string;
  readonly blank: string;
  readonly web1: string;
  readonly web2: string;
  readonly db1: string;
} = {
  dataCenter: "2a3c1a5e-0000-4000-8000-000000000001",
  cluster: "2a3c1a5e-0000-4000-8000-000000000002",
  host1: "2a3c1a5e-0000-4000-8000-000000000011",
  host2: "2a3c1a5e-0000-4000-8000-000000000012",
  data1: "2a3c1a5e-0000-4000-8000-000000000021",
  data2: "2a3c1a5e-0000-4000-8000-000000000022",
  ovirtmgmt: "2a3c1a5e-0000-4000-8000-000000000031",
  blank: "00000000-0000-0000-0000-000000000000",
  web1: "2a3c1a5e-0000-4000-8000-000000000101",
  web2: "2a3c1a5e-0000-4000-8000-000000000102",
  db1: "2a3c1a5e-0000-4000-8000-000000000103",
} as const;

const r = (segment: string, id: string): Obj => ref(API_PREFIX, segment, id);
const version = (major: number, minor: number): Obj => ({ major, minor });
const GIB = 1024 ** 3;

/** Fields of a new VM the caller did not give. */
export function vmDefaults(): Obj {
  return {
    status: "down",
    memory: GIB,
    cpu: { architecture: "x86_64", topology: { cores: 1, sockets: 1, threads: 1 } },
    os: { type: "other" },
    type: "server",
    stateless: false,
    creation_time: new Date(),
    template: r("templates", SEED_IDS.blank),
  };
}

function seedVm(
  store: Store,
  id: string,
  name: string,
  status: string,
  memoryGib: number,
  diskSizeGib: number,
  index: number,
): void {
  const vm: Obj = {
    name,
    description: `${name} server`,
    ...vmDefaults(),
    status,
    memory: memoryGib * GIB,
    cpu: { architecture: "x86_64", topology: { cores: 2, sockets: 1, threads: 1 } },
    os: { type: "rhel_9x64" },
    cluster: r("clusters", SEED_IDS.cluster),
    creation_time: new Date(Date.UTC(2026, 0, 10 + index, 9, 30)),
  };
  if (status === "up") vm.host = r("hosts", index % 2 === 0 ? SEED_IDS.host1 : SEED_IDS.host2);
  store.insert("vms", vm, id);
  const diskId = id.replace(/01(\d\d)$/, "02$1");
  store.insert("disks", {
    name: `${name}_Disk1`,
    alias: `${name}_Disk1`,
    provisioned_size: diskSizeGib * GIB,
    actual_size: Math.round(diskSizeGib * GIB / 4),
    format: "cow",
    status: "ok",
    storage_type: "image",
    sparse: true,
    storage_domains: new ListValue("storage_domain", [r("storagedomains", SEED_IDS.data1)]),
  }, diskId);
  store.insert(`vms/${id}/diskattachments`, {
    active: true,
    bootable: true,
    interface: "virtio_scsi",
    disk: r("disks", diskId),
    vm: r("vms", id),
  }, diskId);
  store.insert(`vms/${id}/nics`, {
    name: "nic1",
    interface: "virtio",
    linked: true,
    plugged: true,
    mac: { address: `56:6f:1a:5e:00:0${index}` },
    vm: r("vms", id),
  });
  store.insert(`vms/${id}/snapshots`, {
    description: "Active VM",
    snapshot_type: "active",
    snapshot_status: "ok",
    date: new Date(Date.UTC(2026, 0, 10 + index, 9, 30)),
    vm: r("vms", id),
  });
}

/** Fills a store with the seed objects. */
export function seed(store: Store): void {
  store.insert("datacenters", {
    name: "Default",
    description: "The default Data Center",
    local: false,
    status: "up",
    storage_format: "v5",
    version: version(4, 7),
    supported_versions: new ListValue("version", [version(4, 7)]),
  }, SEED_IDS.dataCenter);
  store.insert("clusters", {
    name: "Default",
    description: "The default server cluster",
    cpu: { architecture: "x86_64", type: "Intel Nehalem Family" },
    version: version(4, 7),
    data_center: r("datacenters", SEED_IDS.dataCenter),
  }, SEED_IDS.cluster);
  for (
    const [id, name, ip] of [
      [SEED_IDS.host1, "host1", "192.0.2.11"],
      [SEED_IDS.host2, "host2", "192.0.2.12"],
    ] as const
  ) {
    store.insert("hosts", {
      name,
      address: ip,
      status: "up",
      type: "rhel",
      memory: 64 * GIB,
      cpu: { name: "Intel Xeon", topology: { cores: 8, sockets: 2, threads: 2 } },
      cluster: r("clusters", SEED_IDS.cluster),
    }, id);
  }
  for (
    const [id, name, type, address, path] of [
      [SEED_IDS.data1, "data1", "nfs", "nfs.example.com", "/exports/data1"],
      [SEED_IDS.data2, "data2", "iscsi", "iscsi.example.com", ""],
    ] as const
  ) {
    const storage: Obj = { type, address };
    if (path) storage.path = path;
    store.insert("storagedomains", {
      name,
      type: "data",
      status: "active",
      master: id === SEED_IDS.data1,
      available: 900 * GIB,
      used: 100 * GIB,
      committed: 80 * GIB,
      storage,
      data_centers: new ListValue("data_center", [r("datacenters", SEED_IDS.dataCenter)]),
    }, id);
  }
  store.insert("networks", {
    name: "ovirtmgmt",
    description: "Management Network",
    mtu: 0,
    stp: false,
    usages: new ListValue("usage", ["vm", "management"]),
    data_center: r("datacenters", SEED_IDS.dataCenter),
  }, SEED_IDS.ovirtmgmt);
  store.insert("templates", {
    name: "Blank",
    description: "Blank template",
    status: "ok",
    memory: GIB,
    creation_time: new Date(Date.UTC(2008, 3, 1)),
  }, SEED_IDS.blank);
  seedVm(store, SEED_IDS.web1, "web1", "up", 4, 20, 1);
  seedVm(store, SEED_IDS.web2, "web2", "down", 4, 20, 2);
  seedVm(store, SEED_IDS.db1, "db1", "up", 16, 100, 3);
}

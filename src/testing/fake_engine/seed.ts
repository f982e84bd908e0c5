/**
 * The objects a fresh FakeEngine holds: one data center and cluster named
 * Default, two hosts, two storage domains, the ovirtmgmt network, the Blank
 * template, a VM pool and three VMs with their disks, NICs, CD-ROMs and
 * graphics consoles. Field names and enum values are the engine API model's;
 * every entity carries the fields a real engine 4.5 shows for it.
 *
 * @module
 */
import { isObj, ListValue, type Obj, ref } from "./model.ts";
import { API_PREFIX, type Entity, type Store } from "./store.ts";

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
 * console.assert((await response.text()).includes("<name>web1</name>"));
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
  readonly pool: string;
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
  pool: "2a3c1a5e-0000-4000-8000-000000000041",
  web1: "2a3c1a5e-0000-4000-8000-000000000101",
  web2: "2a3c1a5e-0000-4000-8000-000000000102",
  db1: "2a3c1a5e-0000-4000-8000-000000000103",
} as const;

/** The engine's graphics console ids are the protocol name in hex. */
export const CONSOLE_IDS: Readonly<Record<string, string>> = {
  spice: "7370696365",
  vnc: "766e63",
};

/** The id every VM's one CD-ROM has on a real engine. */
export const CDROM_ID = "00000000-0000-0000-0000-000000000000";

const r = (segment: string, id: string): Obj => ref(API_PREFIX, segment, id);
/** A reference to something the fake does not serve: the id only, no dangling href. */
const idOnly = (id: string): Obj => ({ id });
const version = (major: number, minor: number): Obj => ({ major, minor });
const fullVersion = (full: string, major: number, minor: number, build: number): Obj => ({
  build,
  full_version: full,
  major,
  minor,
  revision: 0,
});
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const DEFAULT_QUOTA = "2a3c1a5e-0000-4000-8000-0000000000a1";
const DEFAULT_CPU_PROFILE = "2a3c1a5e-0000-4000-8000-0000000000a2";
const DEFAULT_MAC_POOL = "58ca604b-017d-0374-0220-00000000014e";
const MIGRATION_POLICY = "80554327-0569-496b-bdeb-fcbbf52b827b";
const SCHEDULING_POLICY = "b4ed2332-a7ac-4d5f-9596-99a439cb2812";
const SMALL_ICON = "8f7c1f0d-0000-4000-8000-0000000000b1";
const LARGE_ICON = "8f7c1f0d-0000-4000-8000-0000000000b2";

/** Host addresses by host id, for VM displays. */
const HOST_ADDRESS: Readonly<Record<string, string>> = {
  [SEED_IDS.host1]: "192.0.2.11",
  [SEED_IDS.host2]: "192.0.2.12",
};

/** The address a VM's display and consoles listen on, on its host. */
export function hostAddress(hostId: string): string {
  return HOST_ADDRESS[hostId] ?? "192.0.2.11";
}

/** The certificate subject of a host's display (what SPICE clients check). */
export function hostSubject(hostId: string): string {
  return `O=example.com,CN=${hostAddress(hostId)}`;
}

/** The `<display>` of a VM; `address`/`port`s are set only while it runs. */
export function vmDisplay(type: "spice" | "vnc"): Obj {
  return {
    type,
    allow_override: false,
    copy_paste_enabled: true,
    disconnect_action: "LOCK_SCREEN",
    disconnect_action_delay: 0,
    file_transfer_enabled: true,
    keyboard_layout: "en-us",
    monitors: 1,
    single_qxl_pci: false,
    smartcard_enabled: false,
    video_type: type === "spice" ? "qxl" : "vga",
  };
}

/** Fields of a new VM the caller did not give (what the engine fills in on add). */
export function vmDefaults(): Obj {
  const now = new Date();
  return {
    comment: "",
    type: "server",
    memory: GIB,
    cpu: { architecture: "x86_64", topology: { cores: 1, sockets: 1, threads: 1 } },
    cpu_shares: 0,
    bios: { boot_menu: { enabled: false }, type: "q35_ovmf" },
    os: { boot: { devices: new ListValue("device", ["hd"]) }, type: "other" },
    creation_time: now,
    origin: "ovirt",
    stateless: false,
    delete_protected: false,
    high_availability: { enabled: false, priority: 0 },
    display: vmDisplay("spice"),
    sso: { methods: new ListValue("method", [{ id: "guest_agent" }]) },
    rng_device: { rate: { bytes: 0, period: 0 }, source: "urandom" },
    console: { enabled: false },
    usb: { enabled: false },
    soundcard_enabled: false,
    tunnel_migration: false,
    migration_downtime: -1,
    virtio_scsi: { enabled: true },
    serial_number: { policy: "vm" },
    start_paused: false,
    migration: {
      auto_converge: "inherit",
      compressed: "inherit",
      encrypted: "inherit",
      parallel_migrations_policy: "inherit",
    },
    io: { threads: 1 },
    custom_properties: new ListValue("custom_property", []),
    custom_emulated_machine: "pc-q35-rhel8.6.0",
    time_zone: { name: "Etc/GMT" },
    small_icon: idOnly(SMALL_ICON),
    large_icon: idOnly(LARGE_ICON),
    memory_policy: {
      ballooning: true,
      guaranteed: GIB,
      max: 4 * GIB,
    },
    cpu_profile: idOnly(DEFAULT_CPU_PROFILE),
    quota: idOnly(DEFAULT_QUOTA),
    storage_error_resume_behaviour: "auto_resume",
    placement_policy: { affinity: "migratable" },
    multi_queues_enabled: true,
    virtio_scsi_multi_queues_enabled: false,
    tpm_enabled: false,
    auto_pinning_policy: "disabled",
    cpu_pinning_policy: "none",
    status: "down",
    stop_reason: "",
    stop_time: now,
    run_once: false,
    use_latest_template_version: false,
    next_run_configuration_exists: false,
    numa_tune_mode: "interleave",
    has_illegal_images: false,
    template: r("templates", SEED_IDS.blank),
    original_template: r("templates", SEED_IDS.blank),
  };
}

/** The guest-reported fields of a running VM (the guest agent's report). */
export function guestFields(name: string): Obj {
  return {
    fqdn: `${name}.example.com`,
    guest_operating_system: {
      architecture: "x86_64",
      codename: "Plow",
      distribution: "Red Hat Enterprise Linux",
      family: "Linux",
      kernel: { version: fullVersion("5.14.0-362.8.1.el9_3.x86_64", 5, 14, 0) },
      version: { full_version: "9.3", major: 9, minor: 3 },
    },
    guest_time_zone: { name: "UTC", utc_offset: "+00:00" },
  };
}

interface SeedVm {
  id: string;
  name: string;
  status: "up" | "down";
  memoryGib: number;
  diskGib: number;
  index: number;
  display: "spice" | "vnc";
  iso?: string;
}

function seedVm(store: Store, vm: SeedVm): void {
  const created = new Date(Date.UTC(2026, 0, 10 + vm.index, 9, 30));
  const hostId = vm.index % 2 === 0 ? SEED_IDS.host1 : SEED_IDS.host2;
  const data: Obj = {
    name: vm.name,
    description: `${vm.name} server`,
    ...vmDefaults(),
    memory: vm.memoryGib * GIB,
    cpu: { architecture: "x86_64", topology: { cores: 2, sockets: 1, threads: 1 } },
    os: { boot: { devices: new ListValue("device", ["hd"]) }, type: "rhel_9x64" },
    creation_time: created,
    high_availability: { enabled: vm.name === "db1", priority: vm.name === "db1" ? 50 : 0 },
    display: vmDisplay(vm.display),
    initialization: {
      authorized_ssh_keys: "",
      cloud_init_network_protocol: "eni",
      custom_script: "",
      host_name: `${vm.name}.example.com`,
      regenerate_ssh_keys: false,
      timezone: "Etc/GMT",
      user_name: "cloud-user",
      configuration: { type: "ovf", data: `<ovf:Envelope ovf:version="4.1"/>` },
    },
    memory_policy: {
      ballooning: true,
      guaranteed: vm.memoryGib * GIB,
      max: vm.memoryGib * 4 * GIB,
    },
    cluster: r("clusters", SEED_IDS.cluster),
    status: vm.status,
    start_time: new Date(Date.UTC(2026, 1, 1, 8, vm.index)),
    stop_time: new Date(Date.UTC(2026, 0, 31, 18, vm.index)),
  };
  if (vm.name === "db1") {
    data.storage_domain = r("storagedomains", SEED_IDS.data1);
    data.lease = { storage_domain: r("storagedomains", SEED_IDS.data1) };
  }
  if (vm.status === "up") {
    Object.assign(data, guestFields(vm.name));
    data.host = r("hosts", hostId);
    Object.assign(data.display as Obj, {
      address: hostAddress(hostId),
      port: 5900 + 2 * vm.index,
      secure_port: 5901 + 2 * vm.index,
      certificate: { organization: "example.com", subject: hostSubject(hostId) },
    });
  }
  const entity = store.insert("vms", data, vm.id);
  const vmRef = r("vms", vm.id);
  const diskId = vm.id.replace(/01(\d\d)$/, "02$1");
  store.insert("disks", {
    name: `${vm.name}_Disk1`,
    alias: `${vm.name}_Disk1`,
    provisioned_size: vm.diskGib * GIB,
    actual_size: Math.round(vm.diskGib * GIB / 4),
    total_size: Math.round(vm.diskGib * GIB / 4),
    format: "cow",
    content_type: "data",
    backup: "none",
    propagate_errors: false,
    qcow_version: "qcow2_v3",
    shareable: false,
    sparse: true,
    status: "ok",
    storage_type: "image",
    wipe_after_delete: false,
    image_id: vm.id.replace(/^2a3c1a5e/, "7e3c1a5e"),
    storage_domains: new ListValue("storage_domain", [r("storagedomains", SEED_IDS.data1)]),
  }, diskId);
  store.insert(`vms/${vm.id}/diskattachments`, {
    active: true,
    bootable: true,
    interface: "virtio_scsi",
    logical_name: vm.status === "up" ? "/dev/sda" : undefined,
    pass_discard: false,
    read_only: false,
    uses_scsi_reservation: false,
    disk: r("disks", diskId),
    vm: vmRef,
  }, diskId);
  store.insert(`vms/${vm.id}/nics`, {
    name: "nic1",
    interface: "virtio",
    linked: true,
    plugged: true,
    synced: true,
    mac: { address: `56:6f:1a:5e:00:0${vm.index}` },
    vnic_profile: idOnly("0000000a-000a-000a-000a-000000000398"),
    vm: vmRef,
  });
  store.insert(`vms/${vm.id}/snapshots`, {
    description: "Active VM",
    date: created,
    persist_memorystate: false,
    snapshot_status: "ok",
    snapshot_type: "active",
    vm: vmRef,
  });
  addVmDevices(store, entity, vm.iso);
}

/**
 * The devices every VM has: one CD-ROM (with an ISO when given) and a
 * graphics console for its display's protocol.
 */
export function addVmDevices(store: Store, vm: Entity, iso?: string): void {
  const id = String(vm.data.id);
  const vmRef: Obj = { href: vm.data.href, id };
  store.insert(`vms/${id}/cdroms`, { ...(iso ? { file: { id: iso } } : {}), vm: vmRef }, CDROM_ID);
  const display = vm.data.display;
  const protocol = isObj(display) && display.type === "vnc" ? "vnc" : "spice";
  store.insert(`vms/${id}/graphicsconsoles`, { protocol, vm: vmRef }, CONSOLE_IDS[protocol]);
}

function seedHost(store: Store, id: string, name: string, index: number): void {
  const address = hostAddress(id);
  store.insert("hosts", {
    name,
    comment: "",
    address,
    status: "up",
    certificate: { organization: "example.com", subject: hostSubject(id) },
    external_status: "ok",
    port: 54321,
    type: "rhel",
    spm: { priority: 5, status: index === 1 ? "spm" : "none" },
    version: fullVersion("vdsm-4.50.5.1-1.el9", 4, 50, 5),
    hardware_information: {
      family: "Xeon",
      manufacturer: "Example Systems",
      product_name: "R750",
      serial_number: `EX${index}0042`,
      supported_rng_sources: new ListValue("supported_rng_source", ["hwrng", "urandom"]),
      uuid: `4c4c4544-0042-3510-8000-00000000000${index}`,
      version: "1.0",
    },
    power_management: {
      automatic_pm_enabled: true,
      enabled: false,
      kdump_detection: true,
      pm_proxies: new ListValue("pm_proxy", [{ type: "cluster" }, { type: "dc" }]),
    },
    ksm: { enabled: false, merge_across_nodes: true },
    transparent_hugepages: { enabled: true },
    iscsi: { initiator: `iqn.1994-05.com.redhat:${name}` },
    ssh: {
      fingerprint: `SHA256:${btoa(name.repeat(8)).slice(0, 43)}`,
      port: 22,
    },
    cpu: {
      name: "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
      speed: 2000,
      topology: { cores: 8, sockets: 2, threads: 2 },
      type: "Intel Icelake Server Family",
    },
    memory: 64 * GIB,
    max_scheduling_memory: 60 * GIB,
    summary: { active: 1, migrating: 0, total: 1 },
    override_iptables: false,
    protocol: "stomp",
    os: {
      custom_kernel_cmdline: "",
      reported_kernel_cmdline:
        "BOOT_IMAGE=(hd0,msdos1)/vmlinuz-5.14.0-362.el9.x86_64 root=/dev/mapper/rhel-root ro",
      type: "RHEL",
      version: { full_version: "9.3 - 1.el9", major: 9, minor: 3 },
    },
    libvirt_version: fullVersion("libvirt-9.5.0-7.el9", 9, 5, 0),
    hosted_engine: { active: false, configured: false, global_maintenance: false },
    kdump_status: "disabled",
    se_linux: { mode: "enforcing" },
    auto_numa_status: "disable",
    numa_supported: false,
    update_available: false,
    network_operation_in_progress: false,
    reinstallation_required: false,
    device_passthrough: { enabled: false },
    vgpu_placement: "consolidated",
    ovn_configured: true,
    cluster: r("clusters", SEED_IDS.cluster),
  }, id);
  store.insert(`hosts/${id}/nics`, {
    name: "eth0",
    boot_protocol: "static",
    bridged: true,
    ip: { address, gateway: "192.0.2.1", netmask: "255.255.255.0", version: "v4" },
    mac: { address: `52:54:00:00:00:1${index}` },
    mtu: 1500,
    speed: 10_000 * MIB,
    status: "up",
    network: r("networks", SEED_IDS.ovirtmgmt),
    host: r("hosts", id),
  });
}

/** Fills a store with the seed objects. */
export function seed(store: Store): void {
  store.insert("datacenters", {
    name: "Default",
    description: "The default Data Center",
    comment: "",
    local: false,
    storage_format: "v5",
    version: version(4, 7),
    supported_versions: new ListValue("version", [version(4, 7)]),
    status: "up",
    quota_mode: "disabled",
    mac_pool: idOnly(DEFAULT_MAC_POOL),
  }, SEED_IDS.dataCenter);
  store.insert("clusters", {
    name: "Default",
    description: "The default server cluster",
    comment: "",
    cpu: { architecture: "x86_64", type: "Intel Icelake Server Family" },
    memory_policy: { over_commit: { percent: 100 }, transparent_hugepages: { enabled: true } },
    version: version(4, 7),
    supported_versions: new ListValue("version", [version(4, 7)]),
    error_handling: { on_error: "migrate" },
    virt_service: true,
    gluster_service: false,
    threads_as_cores: false,
    tunnel_migration: false,
    trusted_service: false,
    ha_reservation: false,
    vnc_encryption: false,
    bios_type: "q35_ovmf",
    optional_reason: false,
    maintenance_reason_required: false,
    ballooning_enabled: true,
    ksm: { enabled: true, merge_across_nodes: true },
    serial_number: { policy: "host" },
    required_rng_sources: new ListValue("required_rng_source", ["urandom"]),
    fencing_policy: {
      enabled: true,
      skip_if_connectivity_broken: { enabled: false, threshold: 50 },
      skip_if_gluster_bricks_up: false,
      skip_if_gluster_quorum_not_met: false,
      skip_if_sd_active: { enabled: false },
    },
    migration: {
      auto_converge: "false",
      bandwidth: { assignment_method: "auto" },
      compressed: "false",
      encrypted: "false",
      parallel_migrations_policy: "disabled",
      policy: idOnly(MIGRATION_POLICY),
    },
    custom_scheduling_policy_properties: new ListValue("property", [
      { name: "HighUtilization", value: "80" },
      { name: "CpuOverCommitDurationMinutes", value: "2" },
    ]),
    switch_type: "legacy",
    firewall_type: "firewalld",
    log_max_memory_used_threshold: 95,
    log_max_memory_used_threshold_type: "percentage",
    fips_mode: "disabled",
    upgrade_in_progress: false,
    upgrade_percent_complete: 0,
    scheduling_policy: idOnly(SCHEDULING_POLICY),
    data_center: r("datacenters", SEED_IDS.dataCenter),
    management_network: r("networks", SEED_IDS.ovirtmgmt),
    mac_pool: idOnly(DEFAULT_MAC_POOL),
  }, SEED_IDS.cluster);
  seedHost(store, SEED_IDS.host1, "host1", 1);
  seedHost(store, SEED_IDS.host2, "host2", 2);
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
      comment: "",
      type: "data",
      status: "active",
      external_status: "ok",
      master: id === SEED_IDS.data1,
      storage,
      available: 900 * GIB,
      used: 100 * GIB,
      committed: 80 * GIB,
      storage_format: "v5",
      wipe_after_delete: false,
      discard_after_delete: false,
      supports_discard: type === "iscsi",
      supports_discard_zeroes_data: false,
      warning_low_space_indicator: 10,
      critical_space_action_blocker: 5,
      backup: false,
      block_size: 512,
      data_centers: new ListValue("data_center", [r("datacenters", SEED_IDS.dataCenter)]),
    }, id);
  }
  store.insert("networks", {
    name: "ovirtmgmt",
    description: "Management Network",
    comment: "",
    mtu: 0,
    port_isolation: false,
    stp: false,
    usages: new ListValue("usage", ["vm", "management"]),
    vdsm_name: "ovirtmgmt",
    data_center: r("datacenters", SEED_IDS.dataCenter),
  }, SEED_IDS.ovirtmgmt);
  store.insert("templates", {
    name: "Blank",
    description: "Blank template",
    comment: "",
    status: "ok",
    type: "server",
    memory: GIB,
    cpu: { architecture: "undefined", topology: { cores: 1, sockets: 16, threads: 1 } },
    os: { boot: { devices: new ListValue("device", ["hd"]) }, type: "other" },
    display: vmDisplay("spice"),
    stateless: false,
    creation_time: new Date(Date.UTC(2008, 3, 1)),
    version: { version_name: "base version", version_number: 1 },
  }, SEED_IDS.blank);
  store.insert("vmpools", {
    name: "desktops",
    description: "Desktop pool",
    comment: "",
    // Its VMs are made on first allocation, so the seeded VM list stays web1, web2, db1.
    size: 2,
    prestarted_vms: 0,
    max_user_vms: 1,
    display: vmDisplay("spice"),
    rng_device: { rate: { bytes: 0, period: 0 }, source: "urandom" },
    soundcard_enabled: false,
    type: "automatic",
    use_latest_template_version: false,
    stateful: false,
    auto_storage_select: false,
    tpm_enabled: false,
    cluster: r("clusters", SEED_IDS.cluster),
    template: r("templates", SEED_IDS.blank),
  }, SEED_IDS.pool);
  const vms: SeedVm[] = [
    {
      id: SEED_IDS.web1,
      name: "web1",
      status: "up",
      memoryGib: 4,
      diskGib: 20,
      index: 1,
      display: "spice",
      iso: "CentOS-Stream-9-x86_64-dvd1.iso",
    },
    {
      id: SEED_IDS.web2,
      name: "web2",
      status: "down",
      memoryGib: 4,
      diskGib: 20,
      index: 2,
      display: "spice",
    },
    {
      id: SEED_IDS.db1,
      name: "db1",
      status: "up",
      memoryGib: 16,
      diskGib: 100,
      index: 3,
      display: "vnc",
    },
  ];
  for (const vm of vms) seedVm(store, vm);
}

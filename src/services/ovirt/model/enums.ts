/**
 * The enums of the oVirt model with their wire values.
 *
 * @module
 */
import type { ModelEnum } from "./schema.ts";

/** The enums, in alphabetical order. */
export const ENUMS: ModelEnum[] = [
  { name: "Architecture", values: "aarch64 ppc64 s390x undefined x86_64" },
  { name: "AutoNumaStatus", values: "disable enable unknown" },
  {
    name: "BiosType",
    values: "cluster_default i440fx_sea_bios q35_ovmf q35_sea_bios q35_secure_boot",
  },
  { name: "BootDevice", values: "cdrom hd network" },
  { name: "BootProtocol", values: "autoconf dhcp none poly_dhcp_autoconf static" },
  { name: "CpuMode", values: "custom host_model host_passthrough" },
  {
    name: "DataCenterStatus",
    values: "contend maintenance not_operational problematic uninitialized up",
  },
  {
    name: "DiskContentType",
    values: `backup_scratch data hosted_engine hosted_engine_configuration hosted_engine_metadata
      hosted_engine_sanlock iso memory_dump_volume memory_metadata_volume ovf_store`,
  },
  { name: "DiskFormat", values: "cow raw" },
  { name: "DiskInterface", values: "ide sata spapr_vscsi virtio virtio_scsi" },
  { name: "DiskStatus", values: "illegal locked ok" },
  { name: "DiskStorageType", values: "cinder image lun managed_block_storage" },
  { name: "DisplayType", values: "spice vnc" },
  { name: "ExternalStatus", values: "error failure info ok warning" },
  { name: "FirewallType", values: "firewalld iptables" },
  { name: "GraphicsType", values: "spice vnc" },
  { name: "HostProtocol", values: "stomp xml" },
  {
    name: "HostStatus",
    values: `connecting down error initializing install_failed installing installing_os kdumping
      maintenance non_operational non_responsive pending_approval preparing_for_maintenance reboot
      unassigned up`,
  },
  { name: "HostType", values: "ovirt_node rhel rhev_h" },
  { name: "ImageFileType", values: "disk floppy iso" },
  { name: "ImageTransferDirection", values: "download upload" },
  {
    name: "ImageTransferPhase",
    values: `cancelled cancelled_system cancelled_user finalizing_cleanup finalizing_failure
      finalizing_success finished_cleanup finished_failure finished_success initializing
      paused_system paused_user resuming transferring unknown`,
  },
  { name: "ImageTransferTimeoutPolicy", values: "cancel legacy pause" },
  { name: "InheritableBoolean", values: "false inherit true" },
  { name: "IpVersion", values: "v4 v6" },
  { name: "JobStatus", values: "aborted failed finished started unknown" },
  { name: "LogSeverity", values: "alert error normal warning" },
  { name: "LunStatus", values: "free unusable used" },
  { name: "NetworkStatus", values: "non_operational operational" },
  { name: "NetworkUsage", values: "default_route display gluster management migration vm" },
  { name: "NfsVersion", values: "auto v3 v4 v4_0 v4_1 v4_2" },
  {
    name: "NicInterface",
    values: "e1000 e1000e pci_passthrough rtl8139 rtl8139_virtio spapr_vlan virtio",
  },
  { name: "NicStatus", values: "down up" },
  { name: "PowerManagementStatus", values: "off on unknown" },
  { name: "QcowVersion", values: "qcow2_v2 qcow2_v3" },
  { name: "QuotaModeType", values: "audit disabled enabled" },
  { name: "RngSource", values: "hwrng random urandom" },
  { name: "SnapshotStatus", values: "in_preview locked ok" },
  { name: "SnapshotType", values: "active preview regular stateless" },
  { name: "SpmStatus", values: "contending none spm" },
  { name: "SsoMethod", values: "guest_agent" },
  { name: "StatisticKind", values: "counter gauge" },
  {
    name: "StatisticUnit",
    values: "bits_per_second bytes bytes_per_second count_per_second none percent seconds",
  },
  {
    name: "StepEnum",
    values: "executing finalizing rebalancing_volume removing_volume unknown validating",
  },
  { name: "StepStatus", values: "aborted failed finished started unknown" },
  {
    name: "StorageDomainStatus",
    values: `activating active detaching inactive locked maintenance mixed preparing_for_maintenance
      unattached unknown`,
  },
  { name: "StorageDomainType", values: "data export image iso managed_block_storage volume" },
  { name: "StorageFormat", values: "v1 v2 v3 v4 v5" },
  {
    name: "StorageType",
    values: "cinder fcp glance glusterfs iscsi localfs managed_block_storage nfs posixfs",
  },
  { name: "SwitchType", values: "legacy ovs" },
  { name: "TemplateStatus", values: "illegal locked ok" },
  { name: "UsbType", values: "legacy native" },
  { name: "ValueType", values: "decimal integer string" },
  { name: "VmPoolType", values: "automatic manual" },
  {
    name: "VmStatus",
    doc: "The run state of a virtual machine.",
    values: `down image_locked migrating not_responding paused powering_down powering_up
      reboot_in_progress restoring_state saving_state suspended unassigned unknown up
      wait_for_launch`,
  },
  { name: "VmType", values: "desktop high_performance server" },
];

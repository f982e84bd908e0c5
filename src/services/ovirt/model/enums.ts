/**
 * The enums of the oVirt engine API model with their wire values, in
 * declaration order; a trailing `~` marks a deprecated value.
 *
 * @module
 */
import type { ModelEnum } from "./schema.ts";

/** The enums, in alphabetical order. */
export const ENUMS: ModelEnum[] = [
  {
    name: "AccessProtocol",
    values: "gluster nfs cifs",
  },
  {
    name: "Architecture",
    values: "undefined x86_64 ppc64 s390x aarch64 loongarch64",
  },
  {
    name: "AutoNumaStatus",
    values: "disable enable unknown",
  },
  {
    name: "AutoPinningPolicy",
    values: "disabled existing adjust",
    deprecated: true,
  },
  {
    name: "BackupPhase",
    values: "initializing starting ready finalizing succeeded failed",
  },
  {
    name: "BiosType",
    values: "cluster_default i440fx_sea_bios q35_sea_bios q35_ovmf q35_secure_boot",
  },
  {
    name: "BootDevice",
    values: "cdrom hd network",
  },
  {
    name: "BootProtocol",
    values: "autoconf dhcp poly_dhcp_autoconf static none",
  },
  {
    name: "CheckpointState",
    values: "created invalid",
  },
  {
    name: "CloudInitNetworkProtocol",
    values: "eni openstack_metadata",
  },
  {
    name: "ClusterUpgradeAction",
    values: "start update_progress finish",
  },
  {
    name: "ConfigurationType",
    values: "ovf ova",
  },
  {
    name: "CpuMode",
    values: "custom host_model host_passthrough",
  },
  {
    name: "CpuPinningPolicy",
    values: "none manual resize_and_pin_numa dedicated isolate_threads",
  },
  {
    name: "CreationStatus",
    values: "pending in_progress complete failed",
  },
  {
    name: "DataCenterStatus",
    values: "uninitialized up maintenance not_operational problematic contend",
  },
  {
    name: "DiskBackup",
    values: "none incremental",
  },
  {
    name: "DiskBackupMode",
    values: "full incremental",
  },
  {
    name: "DiskContentType",
    values: `data ovf_store memory_dump_volume memory_metadata_volume iso hosted_engine
      hosted_engine_sanlock hosted_engine_metadata hosted_engine_configuration backup_scratch`,
  },
  {
    name: "DiskFormat",
    values: "cow raw",
  },
  {
    name: "DiskInterface",
    values: "ide virtio_scsi virtio spapr_vscsi sata",
  },
  {
    name: "DiskStatus",
    values: "illegal locked ok",
  },
  {
    name: "DiskStorageType",
    values: "image lun cinder managed_block_storage",
  },
  {
    name: "DiskType",
    values: "data system",
  },
  {
    name: "DisplayType",
    values: "vnc spice",
  },
  {
    name: "EntityExternalStatus",
    values: "ok info warning error failure",
  },
  {
    name: "ExternalStatus",
    values: "error failure info ok warning",
  },
  {
    name: "ExternalSystemType",
    values: "vdsm gluster",
  },
  {
    name: "ExternalVmProviderType",
    values: "kvm xen vmware",
  },
  {
    name: "FenceType",
    values: "manual restart start stop status",
  },
  {
    name: "FipsMode",
    values: "undefined disabled enabled",
  },
  {
    name: "FirewallType",
    values: "iptables firewalld",
  },
  {
    name: "GlusterBrickStatus",
    values: "up down unknown",
  },
  {
    name: "GlusterHookStatus",
    values: "enabled disabled missing",
  },
  {
    name: "GlusterState",
    values: "up down unknown",
  },
  {
    name: "GlusterVolumeStatus",
    values: "up down unknown",
  },
  {
    name: "GlusterVolumeType",
    values: `distribute replicate distributed_replicate stripe distributed_stripe striped_replicate
      distributed_striped_replicate disperse distributed_disperse`,
  },
  {
    name: "GraphicsType",
    values: "spice vnc",
  },
  {
    name: "HookContentType",
    values: "text binary",
  },
  {
    name: "HookStage",
    values: "pre post",
  },
  {
    name: "HookStatus",
    values: "enabled disabled missing",
  },
  {
    name: "HostProtocol",
    values: "xml stomp",
  },
  {
    name: "HostStatus",
    values: `down error initializing installing install_failed maintenance non_operational
      non_responsive pending_approval~ preparing_for_maintenance connecting reboot unassigned
      up installing_os kdumping`,
  },
  {
    name: "HostType",
    values: "rhel rhev_h~ ovirt_node",
  },
  {
    name: "ImageFileType",
    values: "iso floppy disk",
  },
  {
    name: "ImageTransferDirection",
    values: "upload download",
  },
  {
    name: "ImageTransferPhase",
    values: `unknown initializing transferring resuming paused_system paused_user cancelled~
      finalizing_success finalizing_failure finished_success finished_failure cancelled_system
      cancelled_user finalizing_cleanup finished_cleanup`,
  },
  {
    name: "ImageTransferTimeoutPolicy",
    values: "legacy pause cancel",
  },
  {
    name: "InheritableBoolean",
    values: "true false inherit",
  },
  {
    name: "IpVersion",
    values: "v4 v6",
  },
  {
    name: "JobStatus",
    values: "aborted failed finished started unknown",
  },
  {
    name: "KdumpStatus",
    values: "unknown disabled enabled",
  },
  {
    name: "LogMaxMemoryUsedThresholdType",
    values: "percentage absolute_value_in_mb",
  },
  {
    name: "LogSeverity",
    values: "normal warning error alert",
  },
  {
    name: "LunStatus",
    values: "free used unusable",
  },
  {
    name: "MessageBrokerType",
    values: "qpid rabbit_mq",
    deprecated: true,
  },
  {
    name: "MigrateOnError",
    values: "migrate do_not_migrate migrate_highly_available",
  },
  {
    name: "MigrationBandwidthAssignmentMethod",
    values: "auto custom hypervisor_default",
  },
  {
    name: "NetworkPluginType",
    values: "open_vswitch~",
    deprecated: true,
  },
  {
    name: "NetworkStatus",
    values: "operational non_operational",
  },
  {
    name: "NetworkUsage",
    values: "default_route display gluster management migration vm",
  },
  {
    name: "NfsVersion",
    values: "auto v3 v4 v4_0 v4_1 v4_2",
  },
  {
    name: "NicInterface",
    values: "e1000 e1000e virtio rtl8139 rtl8139_virtio spapr_vlan pci_passthrough",
  },
  {
    name: "NicStatus",
    values: "down up",
  },
  {
    name: "NotifiableEvent",
    values: `engine_stop engine_backup_started engine_backup_completed engine_backup_failed
      engine_ca_certification_is_about_to_expire engine_ca_certification_has_expired
      engine_certification_is_about_to_expire engine_certification_has_expired
      cluster_alert_ha_reservation network_update_display_for_cluster_with_active_vm
      cluster_alert_ha_reservation_down host_failure host_updates_are_available
      host_updates_are_available_with_packages user_host_maintenance
      user_host_maintenance_manual_ha user_host_maintenance_migration_failed
      host_activate_manual_ha host_activate_failed host_recover_failed host_approve_failed
      host_install_failed host_time_drift_alert host_set_nonoperational
      host_set_nonoperational_iface_down host_low_mem host_high_mem_use
      host_interface_high_network_use host_high_cpu_use host_high_swap_use host_low_swap
      host_interface_state_down host_bond_slave_state_down
      network_update_display_for_host_with_active_vm host_certification_is_about_to_expire
      host_certification_has_expired host_certificate_has_invalid_san
      host_set_nonoperational_domain system_change_storage_pool_status_no_host_for_spm
      system_deactivated_storage_domain vm_failure vm_migration_start vm_migration_failed
      vm_migration_to_server_failed vm_not_responding vm_status_restored ha_vm_restart_failed
      ha_vm_failed vm_console_connected vm_console_disconnected vm_set_ticket vm_down_error
      host_initiated_run_vm_failed vm_paused vm_paused_eio vm_paused_enospc vm_paused_eperm
      vm_paused_error vm_recovered_from_pause_error mac_address_is_external
      host_slow_storage_response_time irs_failure irs_disk_space_low
      irs_confirmed_disk_space_low irs_disk_space_low_error
      number_of_lvs_on_storage_domain_exceeded_threshold gluster_volume_create
      gluster_volume_create_failed gluster_volume_option_added gluster_volume_option_modified
      gluster_volume_option_set_failed gluster_volume_start gluster_volume_start_failed
      gluster_volume_stop gluster_volume_stop_failed gluster_volume_options_reset
      gluster_volume_options_reset_all gluster_volume_options_reset_failed
      gluster_volume_delete gluster_volume_delete_failed gluster_volume_add_brick
      gluster_volume_add_brick_failed gluster_volume_remove_bricks
      gluster_volume_remove_bricks_failed start_removing_gluster_volume_bricks
      start_removing_gluster_volume_bricks_failed gluster_volume_remove_bricks_stop
      gluster_volume_remove_bricks_stop_failed gluster_volume_rebalance_start
      gluster_volume_rebalance_start_failed gluster_volume_rebalance_stop
      gluster_volume_rebalance_stop_failed gluster_volume_replace_brick_failed
      gluster_volume_replace_brick_start gluster_volume_replace_brick_start_failed
      gluster_volume_brick_replaced gluster_volume_rebalance_start_detected_from_cli
      start_removing_gluster_volume_bricks_detected_from_cli
      gluster_volume_rebalance_not_found_from_cli
      remove_gluster_volume_bricks_not_found_from_cli gluster_volume_snapshot_created
      gluster_volume_snapshot_create_failed gluster_server_add_failed gluster_server_remove
      gluster_server_remove_failed gluster_volume_profile_start
      gluster_volume_profile_start_failed gluster_volume_profile_stop
      gluster_volume_profile_stop_failed gluster_hook_enable gluster_hook_enable_failed
      gluster_hook_disable gluster_hook_disable_failed gluster_hook_detected_new
      gluster_hook_conflict_detected gluster_hook_detected_delete gluster_hook_added
      gluster_hook_add_failed gluster_hook_removed gluster_hook_remove_failed
      gluster_service_started gluster_service_start_failed gluster_service_stopped
      gluster_service_stop_failed gluster_service_restarted gluster_service_restart_failed
      gluster_brick_status_changed gluster_volume_snapshot_deleted
      gluster_volume_snapshot_delete_failed gluster_volume_all_snapshots_deleted
      gluster_volume_all_snapshots_delete_failed gluster_volume_snapshot_activated
      gluster_volume_snapshot_activate_failed gluster_volume_snapshot_deactivated
      gluster_volume_snapshot_deactivate_failed gluster_volume_snapshot_restored
      gluster_volume_snapshot_restore_failed gluster_volume_confirmed_space_low dwh_stopped
      dwh_error gluster_volume_rebalance_finished gluster_volume_migrate_brick_data_finished
      host_untrusted user_update_vm_from_trusted_to_untrusted
      user_update_vm_from_untrusted_to_trusted
      importexport_import_vm_from_trusted_to_untrusted
      importexport_import_vm_from_untrusted_to_trusted user_add_vm_from_trusted_to_untrusted
      user_add_vm_from_untrusted_to_trusted
      importexport_import_template_from_trusted_to_untrusted
      importexport_import_template_from_untrusted_to_trusted
      user_add_vm_template_from_trusted_to_untrusted
      user_add_vm_template_from_untrusted_to_trusted
      user_update_vm_template_from_trusted_to_untrusted
      user_update_vm_template_from_untrusted_to_trusted faulty_multipaths_on_host
      no_faulty_multipaths_on_host multipath_devices_without_valid_paths_on_host`,
  },
  {
    name: "NotificationMethod",
    values: "smtp snmp",
  },
  {
    name: "NumaTuneMode",
    values: "strict interleave preferred",
  },
  {
    name: "OpenStackNetworkProviderType",
    values: "neutron external",
  },
  {
    name: "OpenstackVolumeAuthenticationKeyUsageType",
    values: "ceph",
    deprecated: true,
  },
  {
    name: "OsType",
    values: `unassigned windows_xp windows_2003 windows_2008 other_linux other rhel_5 rhel_4 rhel_3
      windows_2003x64 windows_7 windows_7x64 rhel_5x64 rhel_4x64 rhel_3x64 windows_2008x64
      windows_2008r2x64 rhel_6 rhel_6x64 windows_8 windows_8x64 windows_2012x64`,
    deprecated: true,
  },
  {
    name: "ParallelMigrationsPolicy",
    values: "inherit auto auto_parallel disabled custom",
  },
  {
    name: "PayloadEncoding",
    values: "base64 plaintext",
  },
  {
    name: "PmProxyType",
    values: "cluster dc other_dc",
  },
  {
    name: "PolicyUnitType",
    values: "filter weight load_balancing",
  },
  {
    name: "PowerManagementStatus",
    values: "on off unknown",
  },
  {
    name: "QcowVersion",
    values: "qcow2_v2 qcow2_v3",
  },
  {
    name: "QosType",
    values: "storage cpu network hostnetwork",
  },
  {
    name: "QuotaModeType",
    values: "enabled disabled audit",
  },
  {
    name: "ReportedDeviceType",
    values: "network",
  },
  {
    name: "ResolutionType",
    values: "add copy",
  },
  {
    name: "RngSource",
    values: "random urandom hwrng",
  },
  {
    name: "RoleType",
    values: "admin user",
  },
  {
    name: "ScsiGenericIO",
    values: "filtered unfiltered disabled",
  },
  {
    name: "SeLinuxMode",
    values: "enforcing permissive disabled",
  },
  {
    name: "SerialNumberPolicy",
    values: "host vm custom none",
  },
  {
    name: "SnapshotStatus",
    values: "ok locked in_preview",
  },
  {
    name: "SnapshotType",
    values: "regular active stateless preview",
  },
  {
    name: "SpmStatus",
    values: "none contending spm",
  },
  {
    name: "SshAuthenticationMethod",
    values: "password publickey",
  },
  {
    name: "SsoMethod",
    values: "guest_agent",
  },
  {
    name: "StatisticKind",
    values: "counter gauge",
  },
  {
    name: "StatisticUnit",
    values: "bits_per_second bytes bytes_per_second count_per_second none percent seconds",
  },
  {
    name: "StepEnum",
    values: "validating executing finalizing rebalancing_volume removing_bricks unknown",
  },
  {
    name: "StepStatus",
    values: "aborted failed finished started unknown",
  },
  {
    name: "StorageDomainStatus",
    values: `active inactive locked mixed unattached maintenance preparing_for_maintenance detaching
      activating unknown`,
  },
  {
    name: "StorageDomainType",
    values: "data iso export image volume managed_block_storage",
  },
  {
    name: "StorageFormat",
    values: "v1 v2 v3 v4 v5",
  },
  {
    name: "StorageType",
    values: "iscsi fcp nfs localfs posixfs glusterfs glance cinder managed_block_storage",
  },
  {
    name: "SwitchType",
    values: "legacy ovs",
  },
  {
    name: "TemplateStatus",
    values: "illegal locked ok",
  },
  {
    name: "TpmSupport",
    values: "unsupported supported required",
  },
  {
    name: "TransportType",
    values: "tcp rdma",
  },
  {
    name: "UsbType",
    values: "legacy~ native",
  },
  {
    name: "ValueType",
    values: "decimal integer string",
  },
  {
    name: "VgpuPlacement",
    values: "consolidated separated",
  },
  {
    name: "VideoType",
    values: "bochs cirrus~ vga qxl~",
  },
  {
    name: "VmAffinity",
    values: "migratable user_migratable pinned",
  },
  {
    name: "VmDeviceType",
    values: "floppy cdrom",
  },
  {
    name: "VmPoolType",
    values: "automatic manual",
  },
  {
    name: "VmStatus",
    values: `unassigned down up powering_up paused migrating unknown not_responding wait_for_launch
      reboot_in_progress saving_state restoring_state suspended image_locked powering_down`,
  },
  {
    name: "VmStorageErrorResumeBehaviour",
    values: "leave_paused auto_resume kill",
  },
  {
    name: "VmType",
    values: "desktop server high_performance",
  },
  {
    name: "VnicPassThroughMode",
    values: "enabled disabled",
  },
  {
    name: "WatchdogAction",
    values: "none reset poweroff pause dump",
  },
  {
    name: "WatchdogModel",
    values: "i6300esb diag288",
  },
];

/**
 * The types of the oVirt model (a typed subset of the engine's metamodel).
 * Wire names and 64-bit fields follow the engine API; see `schema.ts` for
 * the entry syntax.
 *
 * @module
 */
import type { ModelType } from "./schema.ts";

/** `Identified`: the fields most entities share (`id`/`href` are built in). */
const I = "comment:s description:s name:s";

/** Fields of `VmBase`, shared by VMs, templates and instance types. */
const VM_BASE = `${I} bios:Bios cluster:Cluster cpu:Cpu cpuShares:i creationTime:t
  deleteProtected:b display:Display highAvailability:HighAvailability initialization:Initialization
  largeIcon:Icon memory:l memoryPolicy:MemoryPolicy migration:MigrationOptions
  migrationDowntime:i origin:s os:OperatingSystem smallIcon:Icon soundcardEnabled:b
  startPaused:b stateless:b storageDomain:StorageDomain timeZone:TimeZone type:VmType
  usb:Usb`;

/** The types, in alphabetical order. */
export const TYPES: ModelType[] = [
  {
    name: "Action",
    doc: "The parameters and the result of an action (`start`, `migrate`...).",
    fields: `activate:b async:b attachWgt:b authorizedKey:AuthorizedKey checkConnectivity:b
      clone:b cluster:Cluster collapseSnapshots:b commitOnSuccess:b connectivityTimeout:i
      dataCenter:DataCenter deployHostedEngine:b directory:s discardSnapshots:b
      discoveredTargets:[IscsiDetails] disk:Disk disks:[Disk] exclusive:b fault:Fault
      fenceType:s filename:s filter:b force:b host:Host image:s isAttached:b
      iscsi:IscsiDetails iscsiTargets:[s] job:Job logicalUnits:[LogicalUnit]
      maintenanceAfterRestart:b maintenanceEnabled:b migrateVmsInAffinityClosure:b
      modifiedBonds:[HostNic] modifiedNetworkAttachments:[NetworkAttachment] pause:b
      powerManagement:PowerManagement reason:s reboot:b removedBonds:[HostNic]
      removedNetworkAttachments:[NetworkAttachment] restoreMemory:b rootPassword!:s
      snapshot:Snapshot status:s stopGlusterService:b storageDomain:StorageDomain
      succeeded:b synchronizedNetworkAttachments:[NetworkAttachment] template:Template
      ticket:Ticket undeployHostedEngine:b useCloudInit:b useIgnition:b useInitialization:b
      useSysprep:b vm:Vm volatile:b ${I}`,
  },
  {
    name: "AffinityGroup",
    fields: `${I} cluster:Cluster enforcing:b hosts:[Host] hostsRule:AffinityRule positive:b
      priority:d vms:[Vm] vmsRule:AffinityRule`,
  },
  {
    name: "AffinityLabel",
    fields: `${I} hasImplicitAffinityGroup:b hosts:[Host] readOnly:b vms:[Vm]`,
  },
  { name: "AffinityRule", fields: "enabled:b enforcing:b positive:b" },
  {
    name: "Api",
    doc: "The API root: product information, summary and the authenticated user.",
    fields: `authenticatedUser:User effectiveUser:User productInfo:ProductInfo
      specialObjects:SpecialObjects summary:ApiSummary time:t`,
  },
  {
    name: "ApiSummary",
    fields:
      "hosts:ApiSummaryItem storageDomains:ApiSummaryItem users:ApiSummaryItem vms:ApiSummaryItem",
  },
  { name: "ApiSummaryItem", fields: "active:i total:i" },
  { name: "AuthorizedKey", fields: `${I} key:s user:User` },
  { name: "Bios", fields: "bootMenu:BootMenu type:BiosType" },
  {
    name: "Bonding",
    fields: "activeSlave:HostNic adPartnerMac:Mac options:[Option] slaves:[HostNic]",
  },
  { name: "Bookmark", fields: `${I} value:s` },
  { name: "Boot", fields: "devices:[BootDevice/device]" },
  { name: "BootMenu", fields: "enabled:b" },
  {
    name: "Cdrom",
    fields: `${I} file:File instanceType:InstanceType template:Template vm:Vm vms:[Vm]`,
  },
  {
    name: "Cluster",
    fields: `${I} affinityGroups:[AffinityGroup] ballooningEnabled:b cpu:Cpu
      dataCenter:DataCenter firewallType:FirewallType glusterService:b haReservation:b
      macPool:MacPool memoryPolicy:MemoryPolicy networks:[Network] permissions:[Permission]
      requiredRngSources:[RngSource/required_rng_source] switchType:SwitchType
      threadsAsCores:b trustedService:b tunnelMigration:b version:Version virtService:b`,
  },
  {
    name: "Cpu",
    fields: "architecture:Architecture mode:CpuMode name:s topology:CpuTopology type:s",
  },
  { name: "CpuTopology", fields: "cores:i sockets:i threads:i" },
  {
    name: "DataCenter",
    fields: `${I} clusters:[Cluster] local:b macPool:MacPool networks:[Network]
      permissions:[Permission] quotaMode:QuotaModeType status:DataCenterStatus
      storageDomains:[StorageDomain] storageFormat:StorageFormat supportedVersions:[Version]
      version:Version`,
  },
  {
    name: "Disk",
    fields: `${I} active:b actualSize:l alias:s bootable:b contentType:DiskContentType
      format:DiskFormat imageId:s initialSize:l interface:DiskInterface logicalName:s
      lunStorage:HostStorage permissions:[Permission] propagateErrors:b provisionedSize:l
      qcowVersion:QcowVersion readOnly:b shareable:b sparse:b statistics:[Statistic]
      status:DiskStatus storageDomain:StorageDomain storageDomains:[StorageDomain]
      storageType:DiskStorageType totalSize:l usesScsiReservation:b vm:Vm vms:[Vm]
      wipeAfterDelete:b`,
  },
  {
    name: "DiskAttachment",
    fields: `${I} active:b bootable:b disk:Disk interface:DiskInterface logicalName:s
      passDiscard:b readOnly:b template:Template usesScsiReservation:b vm:Vm`,
  },
  {
    name: "Display",
    fields: `address:s allowOverride:b copyPasteEnabled:b fileTransferEnabled:b monitors:i
      port:i securePort:i singleQxlPci:b smartcardEnabled:b type:DisplayType`,
  },
  { name: "Domain", fields: `${I} groups:[Group] user:User users:[User]` },
  {
    name: "Event",
    fields: `${I} cluster:Cluster code:i correlationId:s customData:s customId:i
      dataCenter:DataCenter floodRate:i host:Host index:i logOnHost:b origin:s
      severity:LogSeverity storageDomain:StorageDomain template:Template time:t user:User
      vm:Vm`,
  },
  { name: "File", fields: `${I} content:s storageDomain:StorageDomain type:s` },
  {
    name: "GraphicsConsole",
    fields: `${I} address:s instanceType:InstanceType port:i protocol:GraphicsType
      template:Template tlsPort:i vm:Vm`,
  },
  {
    name: "Group",
    fields: `${I} domain:Domain domainEntryId:s namespace:s permissions:[Permission]
      roles:[Role] tags:[Tag]`,
  },
  { name: "HighAvailability", fields: "enabled:b priority:i" },
  {
    name: "Host",
    fields: `${I} address:s affinityLabels:[AffinityLabel] autoNumaStatus:AutoNumaStatus
      cluster:Cluster cpu:Cpu externalStatus:ExternalStatus libvirtVersion:Version
      maxSchedulingMemory:l memory:l networkAttachments:[NetworkAttachment] nics:[HostNic]
      os:OperatingSystem permissions:[Permission] port:i powerManagement:PowerManagement
      protocol:HostProtocol rootPassword!:s spm:Spm statistics:[Statistic] status:HostStatus
      statusDetail:s summary:VmSummary tags:[Tag] type:HostType updateAvailable:b
      version:Version`,
  },
  {
    name: "HostNic",
    fields: `${I} baseInterface:s bonding:Bonding bootProtocol:BootProtocol bridged:b
      checkConnectivity:b customConfiguration:b host:Host ip:Ip ipv6:Ip
      ipv6BootProtocol:BootProtocol mac:Mac mtu:i network:Network
      networkAttachments:[NetworkAttachment] speed:l statistics:[Statistic] status:NicStatus
      vlan:Vlan`,
  },
  {
    name: "HostStorage",
    fields: `${I} address:s host:Host logicalUnits:[LogicalUnit] mountOptions:s nfsRetrans:i
      nfsTimeo:i nfsVersion:NfsVersion overrideLuns:b password!:s path:s port:i portal:s
      target:s type:StorageType username:s vfsType:s volumeGroup:VolumeGroup`,
  },
  { name: "Icon", fields: `${I} data:s mediaType:s` },
  {
    name: "Image",
    fields: `${I} size:l storageDomain:StorageDomain type:ImageFileType`,
  },
  {
    name: "ImageTransfer",
    fields: `${I} active:b direction:ImageTransferDirection disk:Disk format:DiskFormat
      host:Host image:Image inactivityTimeout:i phase:ImageTransferPhase proxyUrl:s
      shallow:b timeoutPolicy:ImageTransferTimeoutPolicy transferUrl:s transferred:l`,
  },
  {
    name: "Initialization",
    fields: `activeDirectoryOu:s authorizedSshKeys:s customScript:s dnsSearch:s dnsServers:s
      domain:s hostName:s inputLocale:s nicConfigurations:[NicConfiguration] orgName:s
      regenerateIds:b regenerateSshKeys:b rootPassword!:s systemLocale:s timezone:s
      uiLanguage:s userLocale:s userName:s windowsLicenseKey!:s`,
  },
  {
    name: "InstanceType",
    fields: `${VM_BASE} graphicsConsoles:[GraphicsConsole] nics:[Nic] status:TemplateStatus`,
  },
  { name: "Ip", fields: "address:s gateway:s netmask:s version:IpVersion" },
  { name: "IpAddressAssignment", fields: "assignmentMethod:BootProtocol ip:Ip" },
  {
    name: "IscsiDetails",
    fields: `address:s diskId:s initiator:s lunMapping:i password!:s paths:i port:i portal:s
      productId:s serial:s size:l status:s storageDomainId:s target:s username:s vendorId:s
      volumeGroupId:s`,
  },
  {
    name: "Job",
    fields: `${I} autoCleared:b endTime:t external:b lastUpdated:t owner:User startTime:t
      status:JobStatus steps:[Step]`,
  },
  {
    name: "LogicalUnit",
    fields: `address:s discardMaxSize:l diskId:s lunMapping:i password!:s paths:i port:i
      portal:s productId:s serial:s size:l status:LunStatus storageDomainId:s target:s
      username:s vendorId:s volumeGroupId:s`,
  },
  { name: "Mac", fields: "address:s" },
  {
    name: "MacPool",
    fields: `${I} allowDuplicates:b defaultPool:b permissions:[Permission] ranges:[Range]`,
  },
  { name: "MemoryPolicy", fields: "ballooning:b guaranteed:l max:l overCommit:MemoryOverCommit" },
  { name: "MemoryOverCommit", fields: "percent:i" },
  {
    name: "Method",
    doc: "An SSO method; its id is an `SsoMethod` written as attribute.",
    fields: "",
  },
  {
    name: "MigrationOptions",
    tag: "migration",
    fields:
      "autoConverge:InheritableBoolean compressed:InheritableBoolean encrypted:InheritableBoolean",
  },
  {
    name: "Network",
    fields: `${I} cluster:Cluster dataCenter:DataCenter display:b mtu:i
      permissions:[Permission] portIsolation:b profileRequired:b required:b
      status:NetworkStatus stp:b usages:[NetworkUsage] vdsmName:s vlan:Vlan
      vnicProfiles:[VnicProfile]`,
  },
  {
    name: "NetworkAttachment",
    fields: `${I} host:Host hostNic:HostNic inSync:b ipAddressAssignments:[IpAddressAssignment]
      network:Network`,
  },
  {
    name: "Nic",
    fields: `${I} bootProtocol:BootProtocol instanceType:InstanceType interface:NicInterface
      linked:b mac:Mac network:Network onBoot:b plugged:b statistics:[Statistic]
      template:Template vm:Vm vnicProfile:VnicProfile`,
  },
  {
    name: "NicConfiguration",
    fields: "bootProtocol:BootProtocol ip:Ip ipv6:Ip ipv6BootProtocol:BootProtocol name:s onBoot:b",
  },
  {
    name: "OperatingSystem",
    tag: "os",
    fields:
      "boot:Boot cmdline:s customKernelCmdline:s initrd:s kernel:s reportedKernelCmdline:s type:s",
  },
  {
    name: "OperatingSystemInfo",
    tag: "operating_system",
    plural: "operation_systems",
    fields: `${I} architecture:Architecture largeIcon:Icon smallIcon:Icon`,
  },
  { name: "Option", fields: "name:s type:s value:s" },
  {
    name: "Permission",
    fields: `${I} cluster:Cluster dataCenter:DataCenter disk:Disk group:Group host:Host
      role:Role storageDomain:StorageDomain template:Template user:User vm:Vm vmPool:VmPool`,
  },
  { name: "Permit", fields: `${I} administrative:b role:Role` },
  {
    name: "PowerManagement",
    fields: `address:s automaticPmEnabled:b enabled:b kdumpDetection:b password!:s port:i
      status:PowerManagementStatus type:s username:s`,
  },
  { name: "ProductInfo", fields: "instanceId:s name:s vendor:s version:Version" },
  { name: "Range", fields: "from:s to:s" },
  {
    name: "Role",
    fields: `${I} administrative:b mutable:b permits:[Permit] user:User`,
  },
  {
    name: "Snapshot",
    fields: `${VM_BASE} date:t diskAttachments:[DiskAttachment] disks:[Disk] nics:[Nic]
      persistMemorystate:b snapshotStatus:SnapshotStatus snapshotType:SnapshotType
      status:VmStatus vm:Vm`,
  },
  { name: "SpecialObjects", fields: "blankTemplate:Template rootTag:Tag" },
  { name: "Spm", fields: "priority:i status:SpmStatus" },
  { name: "Sso", fields: "methods:[Method]" },
  {
    name: "Statistic",
    fields: `${I} disk:Disk host:Host hostNic:HostNic kind:StatisticKind nic:Nic type:ValueType
      unit:StatisticUnit values:[Value] vm:Vm`,
  },
  {
    name: "Step",
    fields: `${I} endTime:t external:b job:Job number:i parentStep:Step progress:i
      startTime:t status:StepStatus type:StepEnum`,
  },
  {
    name: "StorageConnection",
    fields: `${I} address:s host:Host mountOptions:s nfsRetrans:i nfsTimeo:i
      nfsVersion:NfsVersion password!:s path:s port:i portal:s target:s type:StorageType
      username:s vfsType:s`,
  },
  {
    name: "StorageDomain",
    fields: `${I} available:l backup:b committed:l criticalSpaceActionBlocker:i
      dataCenter:DataCenter dataCenters:[DataCenter] discardAfterDelete:b disks:[Disk]
      externalStatus:ExternalStatus host:Host import:b master:b permissions:[Permission]
      status:StorageDomainStatus storage:HostStorage storageConnections:[StorageConnection]
      storageFormat:StorageFormat supportsDiscard:b templates:[Template]
      type:StorageDomainType used:l vms:[Vm] warningLowSpaceIndicator:i wipeAfterDelete:b`,
  },
  {
    name: "Tag",
    fields: `${I} group:Group host:Host parent:Tag template:Template user:User vm:Vm`,
  },
  {
    name: "Template",
    fields: `${VM_BASE} cdroms:[Cdrom] diskAttachments:[DiskAttachment]
      graphicsConsoles:[GraphicsConsole] nics:[Nic] permissions:[Permission]
      status:TemplateStatus tags:[Tag] version:TemplateVersion vm:Vm`,
  },
  { name: "TemplateVersion", fields: "baseTemplate:Template versionName:s versionNumber:i" },
  { name: "Ticket", fields: "expiry:i value!:s" },
  { name: "TimeZone", fields: "name:s utcOffset:s" },
  { name: "Usb", fields: "enabled:b type:UsbType" },
  {
    name: "User",
    fields: `${I} department:s domain:Domain domainEntryId:s email:s groups:[Group]
      lastName:s loggedIn:b namespace:s password!:s permissions:[Permission] principal:s
      roles:[Role] tags:[Tag] userName:s`,
  },
  { name: "Value", fields: "datum:d detail:s" },
  { name: "Version", fields: `${I} build:i fullVersion:s major:i minor:i revision:i` },
  { name: "Vlan", fields: "" },
  {
    name: "Vm",
    doc: "A virtual machine.",
    fields: `${VM_BASE} affinityLabels:[AffinityLabel] cdroms:[Cdrom]
      diskAttachments:[DiskAttachment] fqdn:s graphicsConsoles:[GraphicsConsole] host:Host
      instanceType:InstanceType nextRunConfigurationExists:b nics:[Nic]
      originalTemplate:Template permissions:[Permission] runOnce:b snapshots:[Snapshot]
      startTime:t statistics:[Statistic] status:VmStatus statusDetail:s stopReason:s
      stopTime:t tags:[Tag] template:Template useLatestTemplateVersion:b vmPool:VmPool`,
  },
  {
    name: "VmPool",
    fields: `${I} autoStorageSelect:b cluster:Cluster maxUserVms:i permissions:[Permission]
      prestartedVms:i size:i stateful:b template:Template type:VmPoolType
      useLatestTemplateVersion:b vm:Vm`,
  },
  { name: "VmSummary", fields: "active:i migrating:i total:i" },
  {
    name: "VnicProfile",
    fields: `${I} migratable:b network:Network permissions:[Permission] portMirroring:b`,
  },
  { name: "VolumeGroup", fields: "logicalUnits:[LogicalUnit] name:s" },
];

/**
 * The struct types of the oVirt engine API model (release 4.6), their own
 * fields in declaration order. See `schema.ts` for the entry syntax.
 *
 * @module
 */
import type { ModelType } from "./schema.ts";

/** The types, in alphabetical order. */
export const TYPES: ModelType[] = [
  {
    name: "Action",
    parent: "Identified",
    plural: "",
    builtin: true,
    fields: `status:s fault:Fault gracePeriod:GracePeriod job:Job activate:b allowPartialImport:b
      async:b attachWgt:b authorizedKey:AuthorizedKey bricks:[GlusterBrick]
      certificates:[Certificate] checkConnectivity:b clone:b cluster:Cluster
      collapseSnapshots:b commitOnSuccess:b connectivityTimeout:i correlationId:s
      dataCenter:DataCenter deployHostedEngine:b details:GlusterVolumeProfileDetails
      directory:s discardSnapshots:b discoveredTargets:[IscsiDetails] disk:Disk
      diskProfile:DiskProfile disks:[Disk] exclusive:b fenceType:s filename:s filter:b
      fixLayout:b follow:s force:b host:Host image:s importAsTemplate:b isAttached:b
      iscsi:IscsiDetails iscsiTargets:[s] lease:StorageDomainLease logicalUnits:[LogicalUnit]
      maintenanceAfterRestart:b maintenanceEnabled:b migrateVmsInAffinityClosure:b
      modifiedBonds:[HostNic] modifiedLabels:[NetworkLabel]
      modifiedNetworkAttachments:[NetworkAttachment] optimizeCpuSettings:b option:Option
      pause:b powerManagement:PowerManagement proxyTicket:ProxyTicket quota:Quota reason:s
      reassignBadMacs:b reboot:b registrationConfiguration:RegistrationConfiguration
      remoteViewerConnectionFile:s removedBonds:[HostNic] removedLabels:[NetworkLabel]
      removedNetworkAttachments:[NetworkAttachment] resolutionType:s restoreMemory:b
      rootPassword!:s snapshot:Snapshot sourceHost:Host ssh:Ssh stopGlusterService:b
      storageDomain:StorageDomain storageDomains:[StorageDomain] succeeded:b
      synchronizedNetworkAttachments:[NetworkAttachment] template:Template ticket:Ticket
      timeout:i undeployHostedEngine:b upgradeAction:ClusterUpgradeAction
      upgradePercentComplete:i useCloudInit:b useIgnition:b useInitialization:b useSysprep:b
      virtualFunctionsConfiguration:HostNicVirtualFunctionsConfiguration vm:Vm
      vnicProfileMappings:[VnicProfileMapping] volatile:b`,
  },
  {
    name: "AffinityGroup",
    parent: "Identified",
    fields:
      `positive~:b enforcing~:b vmsRule:AffinityRule hostsRule:AffinityRule priority:d broken:b
      cluster&:Cluster vms&:[Vm] hosts&:[Host] vmLabels&:[AffinityLabel]
      hostLabels&:[AffinityLabel]`,
  },
  {
    name: "AffinityLabel",
    parent: "Identified",
    fields: "hosts&:[Host] vms&:[Vm] readOnly:b hasImplicitAffinityGroup:b",
  },
  {
    name: "AffinityRule",
    fields: "positive:b enforcing:b enabled:b",
  },
  {
    name: "Agent",
    parent: "Identified",
    fields: `type:s address:s username:s password!:s options:[Option] encryptOptions:b concurrent:b
      order:i port:i host&:Host`,
  },
  {
    name: "AgentConfiguration",
    deprecated: true,
    fields:
      `networkMappings:s brokerType:MessageBrokerType address:s port:i username:s password!:s`,
  },
  {
    name: "Api",
    fields: `specialObjects:SpecialObjects productInfo:ProductInfo summary:ApiSummary time:t
      engineBackup:EngineBackupInfo authenticatedUser&:User effectiveUser&:User`,
  },
  {
    name: "ApiSummary",
    fields: `vms:ApiSummaryItem hosts:ApiSummaryItem users:ApiSummaryItem
      storageDomains:ApiSummaryItem`,
  },
  {
    name: "ApiSummaryItem",
    fields: "total:i active:i",
  },
  {
    name: "Application",
    parent: "Identified",
    fields: "vm&:Vm",
  },
  {
    name: "AuthorizedKey",
    parent: "Identified",
    fields: "key:s user&:User",
  },
  {
    name: "Backup",
    parent: "Identified",
    fields: `host&:Host fromCheckpointId:s toCheckpointId:s phase:BackupPhase creationDate:t
      modificationDate:t vm&:Vm disks&:[Disk] snapshot&:Snapshot`,
  },
  {
    name: "Balance",
    parent: "Identified",
    fields: "schedulingPolicy&:SchedulingPolicy schedulingPolicyUnit&:SchedulingPolicyUnit",
  },
  {
    name: "Bios",
    fields: "bootMenu:BootMenu type:BiosType",
  },
  {
    name: "BlockStatistic",
    fields: "statistics:[Statistic]",
  },
  {
    name: "Bonding",
    fields: "options:[Option] slaves:[HostNic] activeSlave&:HostNic adPartnerMac:Mac",
  },
  {
    name: "Bookmark",
    parent: "Identified",
    fields: "value:s",
  },
  {
    name: "Boot",
    fields: "devices:[BootDevice]",
  },
  {
    name: "BootMenu",
    fields: "enabled:b",
  },
  {
    name: "BrickProfileDetail",
    parent: "EntityProfileDetail",
    fields: "brick&:GlusterBrick",
  },
  {
    name: "Cdrom",
    parent: "Device",
    fields: "file:File",
  },
  {
    name: "Certificate",
    parent: "Identified",
    fields: "organization:s subject:s content:s",
  },
  {
    name: "Checkpoint",
    parent: "Identified",
    fields: "parentId:s creationDate:t state:CheckpointState vm&:Vm disks&:[Disk]",
  },
  {
    name: "CloudInit",
    deprecated: true,
    fields: `host:Host authorizedKeys:[AuthorizedKey] networkConfiguration:NetworkConfiguration
      regenerateSshKeys:b timezone:s users:[User] files:[File]`,
  },
  {
    name: "Cluster",
    parent: "Identified",
    fields: `cpu:Cpu memoryPolicy:MemoryPolicy version:Version supportedVersions:[Version]
      errorHandling:ErrorHandling virtService:b glusterService:b threadsAsCores:b
      tunnelMigration:b trustedService:b haReservation:b vncEncryption:b biosType:BiosType
      optionalReason~:b maintenanceReasonRequired~:b ballooningEnabled:b display:Display
      ksm:Ksm serialNumber:SerialNumber requiredRngSources:[RngSource]
      fencingPolicy:FencingPolicy migration:MigrationOptions
      customSchedulingPolicyProperties:[Property] switchType:SwitchType
      firewallType:FirewallType logMaxMemoryUsedThreshold:i
      logMaxMemoryUsedThresholdType:LogMaxMemoryUsedThresholdType
      enabledFeatures&:[ClusterFeature] schedulingPolicy&:SchedulingPolicy
      dataCenter&:DataCenter managementNetwork&:Network
      externalNetworkProviders&:[ExternalProvider] macPool&:MacPool
      affinityGroups&:[AffinityGroup] cpuProfiles&:[CpuProfile] glusterHooks&:[GlusterHook]
      glusterVolumes&:[GlusterVolume] networkFilters&:[NetworkFilter] networks&:[Network]
      permissions&:[Permission] glusterTunedProfile:s fipsMode:FipsMode upgradeInProgress:b
      upgradePercentComplete:i upgradeCorrelationId:s`,
  },
  {
    name: "ClusterFeature",
    parent: "Identified",
    fields: "clusterLevel&:ClusterLevel",
  },
  {
    name: "ClusterLevel",
    parent: "Identified",
    fields: "cpuTypes:[CpuType] permits:[Permit] clusterFeatures&:[ClusterFeature]",
  },
  {
    name: "Configuration",
    fields: "type:ConfigurationType data:s",
  },
  {
    name: "Console",
    fields: "enabled:b",
  },
  {
    name: "Core",
    fields: "index:i socket:i",
  },
  {
    name: "Cpu",
    fields: `type:s topology:CpuTopology level:i name:s speed:d cpuTune:CpuTune mode:CpuMode
      architecture:Architecture cores:[Core]`,
  },
  {
    name: "CpuProfile",
    parent: "Identified",
    fields: "qos&:Qos cluster&:Cluster permissions&:[Permission]",
  },
  {
    name: "CpuTopology",
    fields: "sockets:i cores:i threads:i",
  },
  {
    name: "CpuTune",
    fields: "vcpuPins:[VcpuPin]",
  },
  {
    name: "CpuType",
    fields: "name:s level:i architecture:Architecture",
  },
  {
    name: "CustomProperty",
    fields: "name:s value:s regexp:s",
  },
  {
    name: "DataCenter",
    parent: "Identified",
    fields: `local:b storageFormat:StorageFormat version:Version supportedVersions:[Version]
      status:DataCenterStatus quotaMode:QuotaModeType macPool&:MacPool
      storageDomains&:[StorageDomain] clusters&:[Cluster] networks&:[Network]
      permissions&:[Permission] quotas&:[Quota] qoss&:[Qos] iscsiBonds&:[IscsiBond]`,
  },
  {
    name: "Device",
    parent: "Identified",
    fields: "template&:Template instanceType&:InstanceType vms&:[Vm] vm~&:Vm",
  },
  {
    name: "Disk",
    parent: "Device",
    fields: `alias:s imageId:s provisionedSize:l initialSize:l actualSize:l totalSize:i
      status:DiskStatus interface~:DiskInterface format:DiskFormat qcowVersion:QcowVersion
      sparse:b bootable~:b shareable:b wipeAfterDelete:b propagateErrors:b active:b
      backup:DiskBackup backupMode:DiskBackupMode readOnly~:b lunStorage:HostStorage
      sgio:ScsiGenericIO usesScsiReservation:b storageType:DiskStorageType logicalName:s
      contentType:DiskContentType storageDomain&:StorageDomain storageDomains&:[StorageDomain]
      quota&:Quota diskProfile&:DiskProfile snapshot&:Snapshot
      openstackVolumeType&:OpenStackVolumeType permissions&:[Permission]
      diskSnapshots&:[DiskSnapshot] statistics&:[Statistic] externalDisk:s`,
  },
  {
    name: "DiskAttachment",
    parent: "Identified",
    fields: `bootable:b passDiscard:b interface:DiskInterface usesScsiReservation:b active:b
      logicalName:s readOnly:b disk&:Disk vm&:Vm template&:Template`,
  },
  {
    name: "DiskProfile",
    parent: "Identified",
    fields: "qos&:Qos storageDomain&:StorageDomain permissions&:[Permission]",
  },
  {
    name: "DiskSnapshot",
    parent: "Disk",
    fields: "disk&:Disk parent&:DiskSnapshot",
  },
  {
    name: "Display",
    fields: `type~:DisplayType videoType:VideoType address:s port:i securePort:i monitors:i
      singleQxlPci~:b allowOverride:b certificate:Certificate smartcardEnabled:b
      keyboardLayout:s proxy:s fileTransferEnabled:b copyPasteEnabled:b disconnectAction:s
      disconnectActionDelay:i`,
  },
  {
    name: "Dns",
    fields: "servers:[Host] searchDomains:[Host]",
  },
  {
    name: "DnsResolverConfiguration",
    fields: "nameServers:[s]",
  },
  {
    name: "Domain",
    parent: "Identified",
    fields: "user:User groups&:[Group] users&:[User]",
  },
  {
    name: "DynamicCpu",
    fields: "topology:CpuTopology cpuTune:CpuTune",
  },
  {
    name: "EngineBackupInfo",
    fields: `lastEngineBackup:t lastDbBackup:t lastDwhBackup:t lastCinderBackup:t
      lastKeycloakBackup:t lastGrafanaBackup:t`,
  },
  {
    name: "EntityProfileDetail",
    fields: "profileDetails:[ProfileDetail]",
  },
  {
    name: "ErrorHandling",
    fields: "onError:MigrateOnError",
  },
  {
    name: "Event",
    parent: "Identified",
    fields: `index:i code:i severity:LogSeverity time:t correlationId:s origin:s customId:i
      floodRate:i logOnHost:b customData:s user&:User vm&:Vm storageDomain&:StorageDomain
      host&:Host template&:Template cluster&:Cluster dataCenter&:DataCenter`,
  },
  {
    name: "EventSubscription",
    parent: "Identified",
    fields: "event:NotifiableEvent user:User notificationMethod:NotificationMethod address:s",
  },
  {
    name: "ExternalComputeResource",
    parent: "Identified",
    fields: "provider:s user:s url:s externalHostProvider&:ExternalHostProvider",
  },
  {
    name: "ExternalDiscoveredHost",
    parent: "Identified",
    fields: "ip:s mac:s subnetName:s lastReport:s externalHostProvider&:ExternalHostProvider",
  },
  {
    name: "ExternalHost",
    parent: "Identified",
    fields: "address:s externalHostProvider&:ExternalHostProvider",
  },
  {
    name: "ExternalHostGroup",
    parent: "Identified",
    fields: `architectureName:s operatingSystemName:s domainName:s subnetName:s
      externalHostProvider&:ExternalHostProvider`,
  },
  {
    name: "ExternalHostProvider",
    parent: "ExternalProvider",
    fields: `certificates&:[Certificate] computeResources&:[ExternalComputeResource]
      discoveredHosts&:[ExternalDiscoveredHost] hostGroups&:[ExternalHostGroup] hosts&:[Host]`,
  },
  {
    name: "ExternalNetworkProviderConfiguration",
    parent: "Identified",
    fields: "externalNetworkProvider&:ExternalProvider host&:Host",
  },
  {
    name: "ExternalProvider",
    parent: "Identified",
    fields: `url:s requiresAuthentication:b username:s password!:s authenticationUrl:s
      properties:[Property]`,
  },
  {
    name: "ExternalTemplateImport",
    fields: `url:s template&:Template cluster&:Cluster storageDomain&:StorageDomain host&:Host
      cpuProfile&:CpuProfile quota&:Quota clone:b`,
  },
  {
    name: "ExternalVmImport",
    fields: `provider:ExternalVmProviderType url:s username:s password!:s name:s sparse:b vm&:Vm
      cluster&:Cluster storageDomain&:StorageDomain cpuProfile&:CpuProfile quota&:Quota
      host&:Host driversIso&:File`,
  },
  {
    name: "Fault",
    builtin: true,
    fields: "reason:s detail:s",
  },
  {
    name: "FencingPolicy",
    fields: `enabled:b skipIfSdActive:SkipIfSdActive
      skipIfConnectivityBroken:SkipIfConnectivityBroken skipIfGlusterBricksUp:b
      skipIfGlusterQuorumNotMet:b`,
  },
  {
    name: "File",
    parent: "Identified",
    fields: "content:s type:s storageDomain&:StorageDomain",
  },
  {
    name: "Filter",
    parent: "Identified",
    fields: "position:i schedulingPolicyUnit&:SchedulingPolicyUnit",
  },
  {
    name: "Floppy",
    parent: "Device",
    fields: "file:File",
  },
  {
    name: "FopStatistic",
    fields: "name:s statistics:[Statistic]",
  },
  {
    name: "GlusterBrick",
    parent: "GlusterBrickAdvancedDetails",
    fields: `serverId:s brickDir:s status:GlusterBrickStatus glusterVolume&:GlusterVolume
      statistics&:[Statistic]`,
  },
  {
    name: "GlusterBrickAdvancedDetails",
    parent: "Device",
    fields: `port:i pid:i device:s mntOptions:s fsName:s glusterClients:[GlusterClient]
      memoryPools:[GlusterMemoryPool]`,
  },
  {
    name: "GlusterBrickMemoryInfo",
    fields: "memoryPools:[GlusterMemoryPool]",
  },
  {
    name: "GlusterClient",
    fields: "hostName:s clientPort:i bytesRead:l bytesWritten:l",
  },
  {
    name: "GlusterHook",
    parent: "Identified",
    fields: `glusterCommand:s stage:HookStage contentType:HookContentType checksum:s content:s
      conflictStatus:i conflicts:s status:GlusterHookStatus cluster&:Cluster
      serverHooks&:[GlusterServerHook]`,
  },
  {
    name: "GlusterMemoryPool",
    parent: "Identified",
    fields: `type:s hotCount:i coldCount:i paddedSize:i allocCount:i maxAlloc:i poolMisses:i
      maxStdalloc:i`,
  },
  {
    name: "GlusterServerHook",
    parent: "Identified",
    fields: "contentType:HookContentType status:GlusterHookStatus checksum:s host&:Host",
  },
  {
    name: "GlusterVolume",
    parent: "Identified",
    fields:
      `volumeType:GlusterVolumeType transportTypes:[TransportType] replicaCount:i stripeCount:i
      disperseCount:i redundancyCount:i options:[Option] status:GlusterVolumeStatus
      cluster&:Cluster bricks&%glusterBricks:[GlusterBrick] statistics&:[Statistic]`,
  },
  {
    name: "GlusterVolumeProfileDetails",
    parent: "Identified",
    fields: "brickProfileDetails:[BrickProfileDetail] nfsProfileDetails:[NfsProfileDetail]",
  },
  {
    name: "GracePeriod",
    builtin: true,
    fields: "expiry:i",
  },
  {
    name: "GraphicsConsole",
    parent: "Identified",
    fields: `protocol:GraphicsType port:i tlsPort:i address:s vm&:Vm template&:Template
      instanceType&:InstanceType`,
  },
  {
    name: "Group",
    parent: "Identified",
    fields: `domainEntryId:s namespace:s domain&:Domain roles&:[Role] permissions&:[Permission]
      tags&:[Tag]`,
  },
  {
    name: "GuestOperatingSystem",
    fields: "architecture:s codename:s distribution:s kernel:Kernel family:s version:Version",
  },
  {
    name: "HardwareInformation",
    fields: `manufacturer:s version:s serialNumber:s productName:s uuid:s family:s
      supportedRngSources:[RngSource]`,
  },
  {
    name: "HighAvailability",
    fields: "enabled:b priority:i",
  },
  {
    name: "Hook",
    parent: "Identified",
    fields: "eventName:s md5:s host&:Host",
  },
  {
    name: "Host",
    parent: "Identified",
    fields: `address:s status:HostStatus statusDetail:s certificate:Certificate
      externalStatus:ExternalStatus port:i type:HostType spm:Spm version:Version
      hardwareInformation:HardwareInformation powerManagement:PowerManagement ksm:Ksm
      transparentHugePages:TransparentHugePages iscsi:IscsiDetails rootPassword!:s ssh:Ssh
      cpu:Cpu cpuUnits&:[HostCpuUnit] memory:l maxSchedulingMemory:l summary:VmSummary
      overrideIptables:b protocol:HostProtocol os:OperatingSystem libvirtVersion:Version
      display:Display hostedEngine:HostedEngine kdumpStatus:KdumpStatus seLinux:SeLinux
      autoNumaStatus:AutoNumaStatus numaSupported:b updateAvailable:b
      networkOperationInProgress:b reinstallationRequired:b
      devicePassthrough:HostDevicePassthrough vgpuPlacement:VgpuPlacement ovnConfigured:b
      cluster&:Cluster hooks&:[Hook] externalHostProvider&:ExternalHostProvider
      storageConnectionExtensions&:[StorageConnectionExtension]
      affinityLabels&:[AffinityLabel] devices&:[HostDevice] agents&%fenceAgents:[Agent]
      katelloErrata&:[KatelloErratum] networkAttachments&:[NetworkAttachment] nics&:[HostNic]
      numaNodes&:[NumaNode] permissions&:[Permission] statistics&:[Statistic]
      storages&%storage:[HostStorage] tags&:[Tag] unmanagedNetworks&:[UnmanagedNetwork]
      externalNetworkProviderConfigurations&:[ExternalNetworkProviderConfiguration]`,
  },
  {
    name: "HostCpuUnit",
    parent: "Identified",
    fields: "socketId:i coreId:i cpuId:i vms&:[Vm] runsVdsm:b",
  },
  {
    name: "HostDevice",
    parent: "Identified",
    fields: `capability:s product:Product vendor:Vendor iommuGroup:i physicalFunction:HostDevice
      virtualFunctions:i placeholder:b driver:s mDevTypes:[MDevType] host&:Host
      parentDevice&:HostDevice vm&:Vm`,
  },
  {
    name: "HostDevicePassthrough",
    fields: "enabled:b",
  },
  {
    name: "HostNic",
    parent: "Identified",
    fields: `mac:Mac ip:Ip ipv6:Ip baseInterface:s vlan:Vlan bonding:Bonding
      bootProtocol:BootProtocol ipv6BootProtocol:BootProtocol statistics&:[Statistic]
      checkConnectivity:b speed:l status:NicStatus mtu:i bridged:b customConfiguration:b
      overrideConfiguration:b networkLabels&:[NetworkLabel] properties:[Property]
      adAggregatorId:i host&:Host network&:Network qos&:Qos physicalFunction&:HostNic
      virtualFunctionsConfiguration:HostNicVirtualFunctionsConfiguration`,
  },
  {
    name: "HostNicVirtualFunctionsConfiguration",
    fields: "maxNumberOfVirtualFunctions:i numberOfVirtualFunctions:i allNetworksAllowed:b",
  },
  {
    name: "HostStorage",
    parent: "Identified",
    fields: `address:s type:StorageType path:s mountOptions:s vfsType:s nfsVersion:NfsVersion
      nfsTimeo:i nfsRetrans:i port:i target:s username:s password!:s portal:s
      logicalUnits:[LogicalUnit] volumeGroup:VolumeGroup overrideLuns:b
      driverOptions:[Property] driverSensitiveOptions:[Property] host&:Host`,
  },
  {
    name: "HostedEngine",
    fields: "configured:b active:b score:i globalMaintenance:b localMaintenance:b",
  },
  {
    name: "Icon",
    parent: "Identified",
    fields: "mediaType:s data:s",
  },
  {
    name: "Identified",
    fields: "id@:s name:s description:s comment:s",
  },
  {
    name: "Image",
    parent: "Identified",
    fields: "storageDomain&:StorageDomain type:ImageFileType size:i",
  },
  {
    name: "ImageTransfer",
    parent: "Identified",
    fields: `proxyUrl:s transferUrl:s phase:ImageTransferPhase direction:ImageTransferDirection
      active:b transferred:i inactivityTimeout:i timeoutPolicy:ImageTransferTimeoutPolicy
      image~&:Image disk&:Disk snapshot&:DiskSnapshot host&:Host backup&:Backup
      format:DiskFormat shallow:b`,
  },
  {
    name: "Initialization",
    fields: `configuration:Configuration cloudInit~:CloudInit hostName:s domain:s timezone:s
      authorizedSshKeys:s regenerateSshKeys:b regenerateIds:b dnsServers:s dnsSearch:s
      nicConfigurations:[NicConfiguration] windowsLicenseKey!:s rootPassword!:s customScript:s
      inputLocale:s uiLanguage:s systemLocale:s userLocale:s userName:s activeDirectoryOu:s
      orgName:s cloudInitNetworkProtocol:CloudInitNetworkProtocol`,
  },
  {
    name: "InstanceType",
    parent: "Template",
    fields: "",
  },
  {
    name: "Io",
    fields: "threads:i",
  },
  {
    name: "Ip",
    fields: "address:s netmask:s gateway:s version:IpVersion",
  },
  {
    name: "IpAddressAssignment",
    fields: "ip:Ip assignmentMethod:BootProtocol",
  },
  {
    name: "IscsiBond",
    parent: "Identified",
    fields: `dataCenter&:DataCenter storageConnections&%storageServerConnections:[StorageConnection]
      networks&:[Network]`,
  },
  {
    name: "IscsiDetails",
    fields: `initiator:s port:i target:s username:s password!:s portal:s address:s serial:s
      vendorId:s productId:s lunMapping:i size:i paths:i status:s volumeGroupId:s
      storageDomainId:s diskId:s`,
  },
  {
    name: "Job",
    parent: "Identified",
    fields: `status:JobStatus startTime:t endTime:t lastUpdated:t external:b autoCleared:b
      owner&:User steps&:[Step]`,
  },
  {
    name: "KatelloErratum",
    parent: "Identified",
    fields: `title:s type:s issued:t severity:s solution:s summary:s packages:[Package] host&:Host
      vm&:Vm`,
  },
  {
    name: "Kernel",
    fields: "version:Version",
  },
  {
    name: "Ksm",
    fields: "enabled:b mergeAcrossNodes:b",
  },
  {
    name: "LinkLayerDiscoveryProtocolElement",
    parent: "Identified",
    fields: "type:i oui:i subtype:i properties:[Property]",
  },
  {
    name: "LogicalUnit",
    fields: `id@:s address:s port:i target:s username:s password!:s portal:s serial:s vendorId:s
      productId:s lunMapping:i size:l paths:i activePaths:i status:LunStatus volumeGroupId:s
      storageDomainId:s diskId:s discardMaxSize:i discardZeroesData~:b`,
  },
  {
    name: "MDevType",
    fields: "name:s humanReadableName:s availableInstances:i description:s",
  },
  {
    name: "Mac",
    fields: "address:s",
  },
  {
    name: "MacPool",
    parent: "Identified",
    fields: "allowDuplicates:b defaultPool:b ranges:[Range] permissions&:[Permission]",
  },
  {
    name: "MemoryOverCommit",
    fields: "percent:i",
  },
  {
    name: "MemoryPolicy",
    fields: `guaranteed:l max:i ballooning:b overCommit:MemoryOverCommit
      transparentHugePages:TransparentHugePages`,
  },
  {
    name: "Method",
    fields: "id@:SsoMethod",
  },
  {
    name: "MigrationBandwidth",
    fields: "assignmentMethod:MigrationBandwidthAssignmentMethod customValue:i",
  },
  {
    name: "MigrationOptions",
    fields: `autoConverge:InheritableBoolean compressed:InheritableBoolean
      encrypted:InheritableBoolean parallelMigrationsPolicy:ParallelMigrationsPolicy
      customParallelMigrations:i bandwidth:MigrationBandwidth policy&:MigrationPolicy`,
  },
  {
    name: "MigrationPolicy",
    parent: "Identified",
    fields: "",
  },
  {
    name: "Network",
    parent: "Identified",
    fields: `ip~:Ip vlan:Vlan stp:b status:NetworkStatus display~:b mtu:i usages:[NetworkUsage]
      required:b profileRequired:b dnsResolverConfiguration:DnsResolverConfiguration
      vdsmName:s dataCenter&:DataCenter cluster&:Cluster qos&:Qos
      networkLabels&:[NetworkLabel] permissions&:[Permission] vnicProfiles&:[VnicProfile]
      externalProvider&:OpenStackNetworkProvider externalProviderPhysicalNetwork&:Network
      portIsolation:b`,
  },
  {
    name: "NetworkAttachment",
    parent: "Identified",
    fields: `ipAddressAssignments:[IpAddressAssignment] properties:[Property] inSync:b
      reportedConfigurations:[ReportedConfiguration]
      dnsResolverConfiguration:DnsResolverConfiguration network&:Network hostNic&:HostNic
      host&:Host qos&:Qos`,
  },
  {
    name: "NetworkConfiguration",
    fields: "nics:[Nic] dns:Dns",
  },
  {
    name: "NetworkFilter",
    parent: "Identified",
    fields: "version:Version",
  },
  {
    name: "NetworkFilterParameter",
    parent: "Identified",
    fields: "value:s nic&:Nic",
  },
  {
    name: "NetworkLabel",
    parent: "Identified",
    fields: "network&:Network hostNic&:HostNic",
  },
  {
    name: "NfsProfileDetail",
    parent: "EntityProfileDetail",
    fields: "nfsServerIp:s",
  },
  {
    name: "Nic",
    parent: "Device",
    fields: `linked:b interface:NicInterface mac:Mac plugged:b synced:b bootProtocol:BootProtocol
      onBoot:b network&:Network statistics&:[Statistic] vnicProfile&:VnicProfile
      networkLabels&:[NetworkLabel] networkAttachments&:[NetworkAttachment]
      virtualFunctionAllowedLabels&:[NetworkLabel] virtualFunctionAllowedNetworks&:[Network]
      reportedDevices&:[ReportedDevice] networkFilterParameters&:[NetworkFilterParameter]`,
  },
  {
    name: "NicConfiguration",
    fields: `name:s ip:Ip bootProtocol:BootProtocol ipv6:Ip ipv6BootProtocol:BootProtocol onBoot:b`,
  },
  {
    name: "NumaNode",
    parent: "Identified",
    fields: "index:i memory:l cpu:Cpu nodeDistance:s host&:Host statistics&:[Statistic]",
  },
  {
    name: "NumaNodePin",
    fields: "hostNumaNode~:NumaNode pinned~:b index:i",
  },
  {
    name: "OpenStackImage",
    parent: "Identified",
    fields: "openstackImageProvider&:OpenStackImageProvider",
  },
  {
    name: "OpenStackImageProvider",
    parent: "OpenStackProvider",
    fields: "certificates&:[Certificate] images&:[OpenStackImage]",
  },
  {
    name: "OpenStackNetwork",
    parent: "Identified",
    fields: "openstackNetworkProvider&:OpenStackNetworkProvider",
  },
  {
    name: "OpenStackNetworkProvider",
    parent: "OpenStackProvider",
    fields: `pluginType~:NetworkPluginType externalPluginType:s
      agentConfiguration~:AgentConfiguration readOnly:b type:OpenStackNetworkProviderType
      certificates&:[Certificate] networks&:[OpenStackNetwork] subnets&:[OpenStackSubnet]
      autoSync:b unmanaged:b userDomainName:s projectName:s projectDomainName:s`,
  },
  {
    name: "OpenStackProvider",
    parent: "ExternalProvider",
    fields: "tenantName:s",
  },
  {
    name: "OpenStackSubnet",
    parent: "Identified",
    fields: "cidr:s ipVersion:s gateway:s dnsServers:[s] openstackNetwork&:OpenStackNetwork",
  },
  {
    name: "OpenStackVolumeProvider",
    parent: "OpenStackProvider",
    deprecated: true,
    fields: `dataCenter&:DataCenter certificates&:[Certificate] volumeTypes&:[OpenStackVolumeType]
      authenticationKeys&:[OpenstackVolumeAuthenticationKey]`,
  },
  {
    name: "OpenStackVolumeType",
    parent: "Identified",
    deprecated: true,
    fields: "properties:[Property] openstackVolumeProvider&:OpenStackVolumeProvider",
  },
  {
    name: "OpenstackVolumeAuthenticationKey",
    parent: "Identified",
    deprecated: true,
    fields: `uuid:s value!:s usageType:OpenstackVolumeAuthenticationKeyUsageType creationDate:t
      openstackVolumeProvider&:OpenStackVolumeProvider`,
  },
  {
    name: "OperatingSystem",
    fields: `type:s boot:Boot kernel:s initrd:s cmdline:s reportedKernelCmdline:s
      customKernelCmdline:s description:s version:Version`,
  },
  {
    name: "OperatingSystemInfo",
    parent: "Identified",
    fields: "largeIcon:Icon smallIcon:Icon architecture:Architecture tpmSupport:TpmSupport",
  },
  {
    name: "Option",
    fields: "name:s value:s type:s",
  },
  {
    name: "Package",
    fields: "name:s",
  },
  {
    name: "Payload",
    fields: "files:[File] volumeId:s type:VmDeviceType",
  },
  {
    name: "Permission",
    parent: "Identified",
    fields: `role&:Role user&:User group&:Group dataCenter&:DataCenter cluster&:Cluster host&:Host
      storageDomain&:StorageDomain vm&:Vm vmPool&:VmPool template&:Template disk&:Disk`,
  },
  {
    name: "Permit",
    parent: "Identified",
    fields: "administrative:b role&:Role",
  },
  {
    name: "PmProxy",
    fields: "type:PmProxyType",
  },
  {
    name: "PortMirroring",
    fields: "",
  },
  {
    name: "PowerManagement",
    fields:
      `enabled:b address:s username:s password!:s options:[Option] status:PowerManagementStatus
      pmProxies:[PmProxy] agents:[Agent] automaticPmEnabled:b kdumpDetection:b type:s`,
  },
  {
    name: "Product",
    parent: "Identified",
    fields: "",
  },
  {
    name: "ProductInfo",
    fields: "name:s vendor:s version:Version instanceId:s",
  },
  {
    name: "ProfileDetail",
    fields: `profileType:s duration:i statistics:[Statistic] blockStatistics:[BlockStatistic]
      fopStatistics:[FopStatistic]`,
  },
  {
    name: "Property",
    fields: "name:s value:s",
  },
  {
    name: "ProxyTicket",
    fields: "value:s",
  },
  {
    name: "Qos",
    parent: "Identified",
    fields: `type:QosType maxThroughput:i maxReadThroughput:i maxWriteThroughput:i maxIops:i
      maxReadIops:i maxWriteIops:i cpuLimit:i inboundAverage:i inboundPeak:i inboundBurst:i
      outboundAverage:i outboundPeak:i outboundBurst:i outboundAverageLinkshare:i
      outboundAverageUpperlimit:i outboundAverageRealtime:i dataCenter&:DataCenter`,
  },
  {
    name: "Quota",
    parent: "Identified",
    fields: `dataCenter:DataCenter vms:[Vm] disks:[Disk] users:[User] clusterSoftLimitPct:i
      clusterHardLimitPct:i storageSoftLimitPct:i storageHardLimitPct:i
      permissions&:[Permission] quotaClusterLimits&:[QuotaClusterLimit]
      quotaStorageLimits&:[QuotaStorageLimit]`,
  },
  {
    name: "QuotaClusterLimit",
    parent: "Identified",
    fields: `vcpuLimit:i vcpuUsage:i memoryLimit:f memoryUsage:f quota&:Quota cluster&:Cluster`,
  },
  {
    name: "QuotaStorageLimit",
    parent: "Identified",
    fields: "limit:l usage:f quota&:Quota storageDomain&:StorageDomain",
  },
  {
    name: "Range",
    fields: "from:s to:s",
  },
  {
    name: "Rate",
    fields: "bytes:i period:i",
  },
  {
    name: "RegistrationAffinityGroupMapping",
    fields: "from&:AffinityGroup to&:AffinityGroup",
  },
  {
    name: "RegistrationAffinityLabelMapping",
    fields: "from&:AffinityLabel to&:AffinityLabel",
  },
  {
    name: "RegistrationClusterMapping",
    fields: "from&:Cluster to&:Cluster",
  },
  {
    name: "RegistrationConfiguration",
    fields: `clusterMappings:[RegistrationClusterMapping] roleMappings:[RegistrationRoleMapping]
      lunMappings:[RegistrationLunMapping] domainMappings:[RegistrationDomainMapping]
      affinityGroupMappings:[RegistrationAffinityGroupMapping]
      affinityLabelMappings:[RegistrationAffinityLabelMapping]
      vnicProfileMappings:[RegistrationVnicProfileMapping]`,
  },
  {
    name: "RegistrationDomainMapping",
    fields: "from&:Domain to&:Domain",
  },
  {
    name: "RegistrationLunMapping",
    fields: "from&:Disk to&:Disk",
  },
  {
    name: "RegistrationRoleMapping",
    fields: "from&:Role to&:Role",
  },
  {
    name: "RegistrationVnicProfileMapping",
    fields: "from&:VnicProfile to&:VnicProfile",
  },
  {
    name: "ReportedConfiguration",
    fields: "name:s expectedValue:s actualValue:s inSync:b",
  },
  {
    name: "ReportedDevice",
    parent: "Identified",
    fields: "type:ReportedDeviceType mac:Mac ips:[Ip] vm&:Vm",
  },
  {
    name: "RngDevice",
    fields: "rate:Rate source:RngSource",
  },
  {
    name: "Role",
    parent: "Identified",
    fields: "mutable:b administrative:b user&:User permits&:[Permit]",
  },
  {
    name: "SchedulingPolicy",
    parent: "Identified",
    fields: `locked:b defaultPolicy:b properties:[Property] balances&:[Balance] filters&:[Filter]
      weight&%weights:[Weight]`,
  },
  {
    name: "SchedulingPolicyUnit",
    parent: "Identified",
    fields: "type:PolicyUnitType internal:b enabled:b properties:[Property]",
  },
  {
    name: "SeLinux",
    fields: "mode:SeLinuxMode",
  },
  {
    name: "SerialNumber",
    fields: "policy:SerialNumberPolicy value:s",
  },
  {
    name: "Session",
    parent: "Identified",
    fields: "protocol:s ip:Ip consoleUser:b user&:User vm&:Vm",
  },
  {
    name: "SkipIfConnectivityBroken",
    fields: "enabled:b threshold:i",
  },
  {
    name: "SkipIfSdActive",
    fields: "enabled:b",
  },
  {
    name: "Snapshot",
    parent: "Vm",
    fields: `date:t snapshotStatus:SnapshotStatus persistMemorystate:b snapshotType:SnapshotType
      vm&:Vm disks&:[Disk]`,
  },
  {
    name: "SpecialObjects",
    fields: "blankTemplate&:Template rootTag&:Tag",
  },
  {
    name: "Spm",
    fields: "priority:i status:SpmStatus",
  },
  {
    name: "Ssh",
    parent: "Identified",
    fields:
      `port:i fingerprint~:s publicKey:s authenticationMethod:SshAuthenticationMethod user:User`,
  },
  {
    name: "SshPublicKey",
    parent: "Identified",
    fields: "content:s user&:User",
  },
  {
    name: "Sso",
    fields: "methods:[Method]",
  },
  {
    name: "Statistic",
    parent: "Identified",
    fields: `values:[Value] kind:StatisticKind type:ValueType unit:StatisticUnit disk&:Disk
      host&:Host hostNic&:HostNic hostNumaNode&:NumaNode nic&:Nic vm&:Vm brick&:GlusterBrick
      step&:Step glusterVolume&:GlusterVolume`,
  },
  {
    name: "Step",
    parent: "Identified",
    fields: `type:StepEnum number:i status:StepStatus startTime:t endTime:t external:b
      externalType:ExternalSystemType parentStep&:Step job&:Job statistics&:[Statistic]
      progress:i executionHost&:Host`,
  },
  {
    name: "StorageConnection",
    parent: "Identified",
    fields: `address:s type:StorageType path:s mountOptions:s vfsType:s nfsVersion:NfsVersion
      nfsTimeo:i nfsRetrans:i port:i target:s username:s password!:s portal:s
      glusterVolume&:GlusterVolume host&:Host`,
  },
  {
    name: "StorageConnectionExtension",
    parent: "Identified",
    fields: "target:s username:s password!:s host&:Host",
  },
  {
    name: "StorageDomain",
    parent: "Identified",
    fields:
      `type:StorageDomainType status:StorageDomainStatus externalStatus:ExternalStatus master:b
      storage:HostStorage available:l used:l committed:l storageFormat:StorageFormat
      wipeAfterDelete:b discardAfterDelete:b supportsDiscard:b supportsDiscardZeroesData~:b
      import:b warningLowSpaceIndicator:i criticalSpaceActionBlocker:i host&:Host
      dataCenter&:DataCenter backup:b blockSize:i dataCenters&:[DataCenter] disks&:[Disk]
      diskProfiles&:[DiskProfile] diskSnapshots&:[DiskSnapshot] files&:[File] images&:[Image]
      permissions&:[Permission] storageConnections&:[StorageConnection] templates&:[Template]
      vms&:[Vm]`,
  },
  {
    name: "StorageDomainLease",
    fields: "storageDomain&:StorageDomain",
  },
  {
    name: "SystemOption",
    parent: "Identified",
    fields: "values:[SystemOptionValue]",
  },
  {
    name: "SystemOptionValue",
    fields: "value:s version:s",
  },
  {
    name: "Tag",
    parent: "Identified",
    fields: "host&:Host vm&:Vm user&:User group&:Group template&:Template parent&:Tag",
  },
  {
    name: "Template",
    parent: "VmBase",
    fields: `status:TemplateStatus vm:Vm version:TemplateVersion cdroms&:[Cdrom]
      graphicsConsoles&:[GraphicsConsole] nics&:[Nic] permissions&:[Permission] tags&:[Tag]
      watchdogs&:[Watchdog] diskAttachments&:[DiskAttachment]
      mediatedDevices&:[VmMediatedDevice]`,
  },
  {
    name: "TemplateVersion",
    fields: "versionNumber:i versionName:s baseTemplate&:Template",
  },
  {
    name: "Ticket",
    fields: "value!:s expiry:u",
  },
  {
    name: "TimeZone",
    fields: "name:s utcOffset:s",
  },
  {
    name: "TransparentHugePages",
    fields: "enabled:b",
  },
  {
    name: "UnmanagedNetwork",
    parent: "Identified",
    fields: "hostNic&:HostNic host&:Host",
  },
  {
    name: "Usb",
    fields: "enabled:b type:UsbType",
  },
  {
    name: "User",
    parent: "Identified",
    fields: `domainEntryId:s department:s loggedIn:b namespace:s lastName:s userName:s principal:s
      password!:s email:s domain&:Domain roles&:[Role] groups&:[Group]
      permissions&:[Permission] tags&:[Tag] sshPublicKeys&:[SshPublicKey]
      userOptions~:[Property] options&:[UserOption]`,
  },
  {
    name: "UserOption",
    parent: "Identified",
    fields: "content:s user&:User",
  },
  {
    name: "Value",
    fields: "datum:d detail:s",
  },
  {
    name: "VcpuPin",
    fields: "vcpu:i cpuSet:s",
  },
  {
    name: "Vendor",
    parent: "Identified",
    fields: "",
  },
  {
    name: "Version",
    parent: "Identified",
    fields: "major:i minor:i build:i revision:i fullVersion:s",
  },
  {
    name: "VirtioScsi",
    fields: "enabled:b",
  },
  {
    name: "VirtualNumaNode",
    parent: "NumaNode",
    fields: "numaNodePins:[NumaNodePin] numaTuneMode:NumaTuneMode vm&:Vm",
  },
  {
    name: "Vlan",
    fields: "id@:i",
  },
  {
    name: "Vm",
    parent: "VmBase",
    fields: `status:VmStatus statusDetail:s stopReason:s startTime:t stopTime:t runOnce:b
      payloads:[Payload] fqdn:s useLatestTemplateVersion:b nextRunConfigurationExists:b
      numaTuneMode~:NumaTuneMode guestTimeZone:TimeZone
      guestOperatingSystem:GuestOperatingSystem hasIllegalImages:b host&:Host
      template&:Template originalTemplate&:Template instanceType&:InstanceType nics&:[Nic]
      snapshots&:[Snapshot] vmPool&:VmPool cdroms&:[Cdrom] floppies&:[Floppy]
      reportedDevices&:[ReportedDevice] watchdogs&:[Watchdog] permissions&:[Permission]
      externalHostProvider&:ExternalHostProvider affinityLabels&:[AffinityLabel]
      applications&:[Application] graphicsConsoles&:[GraphicsConsole]
      hostDevices&:[HostDevice] katelloErrata&:[KatelloErratum] numaNodes&:[NumaNode]
      sessions&:[Session] statistics&:[Statistic] tags&:[Tag]
      diskAttachments&:[DiskAttachment] dynamicCpu&:DynamicCpu
      mediatedDevices&:[VmMediatedDevice]`,
  },
  {
    name: "VmBase",
    parent: "Identified",
    fields: `type:VmType memory:l cpu:Cpu cpuShares:i bios:Bios os:OperatingSystem creationTime:t
      origin:s stateless:b deleteProtected:b highAvailability:HighAvailability display:Display
      sso:Sso rngDevice:RngDevice console:Console domain:Domain usb:Usb soundcardEnabled:b
      tunnelMigration:b migrationDowntime:i virtioScsi:VirtioScsi serialNumber:SerialNumber
      startPaused:b migration:MigrationOptions io:Io customProperties:[CustomProperty]
      customEmulatedMachine:s customCpuModel:s timeZone:TimeZone smallIcon:Icon largeIcon:Icon
      initialization:Initialization memoryPolicy:MemoryPolicy
      customCompatibilityVersion:Version cluster&:Cluster storageDomain&:StorageDomain
      cpuProfile&:CpuProfile quota&:Quota lease:StorageDomainLease
      storageErrorResumeBehaviour:VmStorageErrorResumeBehaviour
      placementPolicy:VmPlacementPolicy multiQueuesEnabled:b virtioScsiMultiQueuesEnabled:b
      virtioScsiMultiQueues:i tpmEnabled:b autoPinningPolicy~:AutoPinningPolicy
      cpuPinningPolicy:CpuPinningPolicy`,
  },
  {
    name: "VmMediatedDevice",
    parent: "Device",
    fields: "specParams:[Property]",
  },
  {
    name: "VmPlacementPolicy",
    fields: "affinity:VmAffinity hosts&:[Host]",
  },
  {
    name: "VmPool",
    parent: "Identified",
    fields: `size:i prestartedVms:i maxUserVms:i display~:Display rngDevice:RngDevice
      soundcardEnabled:b type:VmPoolType useLatestTemplateVersion:b stateful:b
      autoStorageSelect:b tpmEnabled:b cluster&:Cluster template&:Template
      instanceType&:InstanceType vm&:Vm permissions&:[Permission]`,
  },
  {
    name: "VmSummary",
    fields: "active:i migrating:i total:i",
  },
  {
    name: "VnicPassThrough",
    fields: "mode:VnicPassThroughMode",
  },
  {
    name: "VnicProfile",
    parent: "Identified",
    fields: `portMirroring:b customProperties:[CustomProperty] passThrough:VnicPassThrough
      migratable:b network&:Network qos&:Qos networkFilter&:NetworkFilter
      failover&:VnicProfile permissions&:[Permission]`,
  },
  {
    name: "VnicProfileMapping",
    deprecated: true,
    fields: "sourceNetworkName~:s sourceNetworkProfileName~:s targetVnicProfile~&:VnicProfile",
  },
  {
    name: "VolumeGroup",
    fields: "id@:s name:s logicalUnits:[LogicalUnit]",
  },
  {
    name: "Watchdog",
    parent: "Device",
    fields: "model:WatchdogModel action:WatchdogAction",
  },
  {
    name: "Weight",
    parent: "Identified",
    fields:
      `factor:i schedulingPolicy&:SchedulingPolicy schedulingPolicyUnit&:SchedulingPolicyUnit`,
  },
];

/**
 * The services of the oVirt engine API model, S to Z: methods with their
 * parameters, mandatory inputs and signatures, and locators.
 * See `schema.ts` for the syntax.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";

/** The services S to Z, in alphabetical order. */
export const SERVICES_S_Z: ModelService[] = [
  {
    name: "SchedulingPolicies",
    methods: {
      Add: {
        params: "+$policy:SchedulingPolicy",
        mandatory: "policy.name",
      },
      List: "follow:s -$policies:[SchedulingPolicy] max:i filter:b",
    },
    locators: {
      policy: "SchedulingPolicy(id)",
    },
  },
  {
    name: "SchedulingPolicy",
    methods: {
      Get: "follow:s -$policy:SchedulingPolicy filter:b",
      Update: "+$policy:SchedulingPolicy async:b",
      Remove: "async:b",
    },
    locators: {
      filters: "Filters",
      weights: "Weights",
      balances: "Balances",
    },
  },
  {
    name: "SchedulingPolicyUnit",
    methods: {
      Get: "follow:s -$unit:SchedulingPolicyUnit filter:b",
      Remove: "async:b",
    },
  },
  {
    name: "SchedulingPolicyUnits",
    methods: {
      List: "follow:s -$units:[SchedulingPolicyUnit] max:i filter:b",
    },
    locators: {
      unit: "SchedulingPolicyUnit(id)",
    },
  },
  {
    name: "SnapshotCdrom",
    methods: {
      Get: "follow:s -$cdrom:Cdrom",
    },
  },
  {
    name: "SnapshotCdroms",
    methods: {
      List: "follow:s -$cdroms:[Cdrom] max:i",
    },
    locators: {
      cdrom: "SnapshotCdrom(id)",
    },
  },
  {
    name: "SnapshotDisk",
    methods: {
      Get: "follow:s -$disk:Disk",
    },
  },
  {
    name: "SnapshotDisks",
    methods: {
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "SnapshotDisk(id)",
    },
  },
  {
    name: "SnapshotNic",
    methods: {
      Get: "follow:s -$nic:Nic",
    },
  },
  {
    name: "SnapshotNics",
    methods: {
      List: "follow:s -$nics:[Nic] max:i",
    },
    locators: {
      nic: "SnapshotNic(id)",
    },
  },
  {
    name: "Snapshot",
    methods: {
      Get: "follow:s -$snapshot:Snapshot",
      Remove: "async:b allContent:b",
      Restore: "disks:[Disk] restoreMemory:b async:b",
    },
    locators: {
      cdroms: "SnapshotCdroms",
      disks: "SnapshotDisks",
      nics: "SnapshotNics",
    },
  },
  {
    name: "Snapshots",
    methods: {
      Add: {
        params: "+$snapshot:Snapshot",
        mandatory: "snapshot.description",
      },
      List: "follow:s -$snapshots:[Snapshot] max:i allContent:b",
    },
    locators: {
      snapshot: "Snapshot(id)",
    },
  },
  {
    name: "SshPublicKey",
    methods: {
      Get: "follow:s -$key:SshPublicKey",
      Update: {
        params: "+$key:SshPublicKey async:b",
        deprecated: true,
      },
      Remove: "async:b",
    },
  },
  {
    name: "SshPublicKeys",
    methods: {
      Add: {
        params: "+$key:SshPublicKey",
        mandatory: "key.content",
      },
      List: "follow:s -$keys:[SshPublicKey] max:i",
    },
    locators: {
      key: "SshPublicKey(id)",
    },
  },
  {
    name: "Statistic",
    methods: {
      Get: "follow:s -$statistic:Statistic",
    },
  },
  {
    name: "Statistics",
    methods: {
      List: "follow:s -$statistics:[Statistic] max:i",
    },
    locators: {
      statistic: "Statistic(id)",
    },
  },
  {
    name: "Step",
    parent: "Measurable",
    methods: {
      End: {
        params: "force:b succeeded:b async:b",
        mandatory: "succeeded",
      },
      Get: "follow:s -$step:Step",
    },
  },
  {
    name: "Steps",
    methods: {
      Add: {
        params: "+$step:Step",
        mandatory: "step.description step.type",
      },
      List: "follow:s -$steps:[Step] max:i",
    },
    locators: {
      step: "Step(id)",
    },
  },
  {
    name: "StorageDomainContentDisk",
    methods: {
      Get: "follow:s -$disk:Disk filter:b",
    },
  },
  {
    name: "StorageDomainContentDisks",
    methods: {
      List: "follow:s -$disks:[Disk] max:i search:s caseSensitive:b",
    },
    locators: {
      disk: "StorageDomainContentDisk(id)",
    },
  },
  {
    name: "StorageDomainDisk",
    parent: "Measurable",
    methods: {
      Copy: {
        params: "disk:Disk storageDomain:StorageDomain",
        deprecated: true,
      },
      Update: "+$disk:Disk",
      Export: "storageDomain:StorageDomain",
      Get: "follow:s -$disk:Disk",
      Move: "storageDomain:StorageDomain async:b filter:b",
      Remove: "",
      Sparsify: "",
      Reduce: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "StorageDomainDisks",
    methods: {
      Add: {
        params: "+$disk:Disk unregistered:b",
        deprecated: true,
      },
      List: "follow:s -$disks:[Disk] max:i unregistered:b",
    },
    locators: {
      disk: "StorageDomainDisk(id)",
    },
  },
  {
    name: "StorageDomainServerConnection",
    methods: {
      Get: "follow:s -$connection:StorageConnection",
      Remove: "async:b",
    },
  },
  {
    name: "StorageDomainServerConnections",
    methods: {
      Add: {
        params: "+$connection:StorageConnection",
        mandatory: "connection.id",
      },
      List: "follow:s -$connections:[StorageConnection] max:i",
    },
    locators: {
      connection: "StorageDomainServerConnection(id)",
    },
  },
  {
    name: "StorageDomain",
    methods: {
      Get: "follow:s -$storageDomain:StorageDomain filter:b",
      IsAttached: {
        params: "host:Host -isAttached:b async:b",
        mandatory: "host.id",
      },
      Update: "+$storageDomain:StorageDomain async:b",
      UpdateOvfStore: "async:b",
      RefreshLuns: "logicalUnits:[LogicalUnit] async:b",
      ReduceLuns: "logicalUnits:[LogicalUnit]",
      Remove: "host:s format:b destroy:b async:b",
    },
    locators: {
      diskProfiles: "AssignedDiskProfiles",
      permissions: "AssignedPermissions",
      diskSnapshots: "DiskSnapshots",
      disks: "StorageDomainDisks",
      files: "Files",
      images: "Images",
      storageConnections: "StorageDomainServerConnections",
      templates: "StorageDomainTemplates",
      vms: "StorageDomainVms",
    },
  },
  {
    name: "StorageDomainTemplate",
    methods: {
      Get: "follow:s -$template:Template",
      Import:
        `clone:b cluster:Cluster exclusive:b storageDomain:StorageDomain template:Template vm:Vm
        async:b`,
      Register: `clone:b cluster:Cluster exclusive:b template:Template allowPartialImport:b
        vnicProfileMappings~:[VnicProfileMapping]
        registrationConfiguration:RegistrationConfiguration async:b`,
      Remove: "async:b",
    },
    locators: {
      disks: "StorageDomainContentDisks",
    },
  },
  {
    name: "StorageDomainTemplates",
    methods: {
      List: "follow:s -$templates:[Template] max:i unregistered:b",
    },
    locators: {
      template: "StorageDomainTemplate(id)",
    },
  },
  {
    name: "StorageDomainVmDiskAttachment",
    methods: {
      Get: "follow:s -$attachment:DiskAttachment",
    },
  },
  {
    name: "StorageDomainVmDiskAttachments",
    methods: {
      List: "follow:s -$attachments:[DiskAttachment]",
    },
    locators: {
      attachment: "StorageDomainVmDiskAttachment(id)",
    },
  },
  {
    name: "StorageDomainVm",
    methods: {
      Get: "follow:s -$vm:Vm",
      Import: `clone:b cluster:Cluster storageDomain:StorageDomain vm:Vm exclusive:b
        collapseSnapshots:b async:b`,
      Register: `clone:b cluster:Cluster vm:Vm allowPartialImport:b
        vnicProfileMappings~:[VnicProfileMapping] reassignBadMacs:b
        registrationConfiguration:RegistrationConfiguration async:b`,
      Remove: "async:b",
    },
    locators: {
      disks: "StorageDomainContentDisks",
      diskAttachments: "StorageDomainVmDiskAttachments",
    },
  },
  {
    name: "StorageDomainVms",
    methods: {
      List: "follow:s -$vm:[Vm] max:i unregistered:b",
    },
    locators: {
      vm: "StorageDomainVm(id)",
    },
  },
  {
    name: "StorageDomains",
    methods: {
      Add: {
        params: "+$storageDomain:StorageDomain",
        mandatory: `storageDomain.storage.type storageDomain.type
          storageDomain.host.id|storageDomain.host.name`,
        signatures: {
          DirectLun: {
            mandatory:
              `storageDomain.storage.logicalUnits[].address storageDomain.storage.logicalUnits[].id
              storageDomain.storage.logicalUnits[].port storageDomain.storage.logicalUnits[].target`,
          },
          BlockDomain: {},
          ByPath: {
            mandatory: "storageDomain.storage.address storageDomain.storage.path",
          },
          Local: {
            mandatory: "storageDomain.storage.path",
          },
          GlusterOrPostfs: {
            mandatory: "storageDomain.storage.path storageDomain.storage.vfsType",
          },
        },
      },
      List: `follow:s -$storageDomains:[StorageDomain] max:i search:s caseSensitive:b filter:b`,
    },
    locators: {
      storageDomain: "StorageDomain(id)",
    },
  },
  {
    name: "StorageServerConnectionExtension",
    methods: {
      Get: "follow:s -$extension:StorageConnectionExtension",
      Update: "+$extension:StorageConnectionExtension async:b",
      Remove: "async:b",
    },
  },
  {
    name: "StorageServerConnectionExtensions",
    methods: {
      Add: {
        params: "+$extension:StorageConnectionExtension",
        mandatory: "extension.password extension.target extension.username",
      },
      List: "follow:s -$extensions:[StorageConnectionExtension] max:i",
    },
    locators: {
      storageConnectionExtension: "StorageServerConnectionExtension(id)",
    },
  },
  {
    name: "StorageServerConnection",
    methods: {
      Get: "follow:s -$conection:StorageConnection",
      Update: {
        params: "+$connection:StorageConnection async:b force:b",
        signatures: {
          Iscsi: {},
          Nfs: {},
          Vfs: {},
          Glusterfs: {},
          Local: {},
        },
      },
      Remove: "host:s async:b",
    },
  },
  {
    name: "StorageServerConnections",
    methods: {
      Add: {
        params: "+$connection:StorageConnection",
        mandatory: "connection.type",
        signatures: {
          Iscsi: {
            mandatory: "connection.address connection.port connection.target",
          },
          Nfs: {
            mandatory: "connection.address connection.path",
          },
          Vfs: {
            mandatory: "connection.path connection.vfsType",
          },
          Glusterfs: {
            mandatory: "connection.path connection.vfsType",
          },
          Local: {
            mandatory: "connection.path",
          },
        },
      },
      List: "follow:s -$connections:[StorageConnection] max:i",
    },
    locators: {
      storageConnection: "StorageServerConnection(id)",
    },
  },
  {
    name: "Storage",
    methods: {
      Get: "follow:s -$storage:HostStorage reportStatus:b",
    },
  },
  {
    name: "SystemOption",
    methods: {
      Get: "-$option:SystemOption version:s",
    },
  },
  {
    name: "SystemOptions",
    locators: {
      option: "SystemOption(id)",
    },
  },
  {
    name: "SystemPermissions",
    parent: "AssignedPermissions",
  },
  {
    name: "System",
    root: true,
    methods: {
      Get: "follow:s -$api:Api",
      ReloadConfigurations: "async:b",
    },
    locators: {
      clusterLevels: "ClusterLevels",
      bookmarks: "Bookmarks",
      clusters: "Clusters",
      cpuProfiles: "CpuProfiles",
      dataCenters: "DataCenters",
      diskProfiles: "DiskProfiles",
      disks: "Disks",
      domains: "Domains",
      events: "Events",
      externalHostProviders: "ExternalHostProviders",
      externalVmImports: "ExternalVmImports",
      externalTemplateImports: "ExternalTemplateImports",
      groups: "Groups",
      hosts: "Hosts",
      icons: "Icons",
      instanceTypes: "InstanceTypes",
      jobs: "Jobs",
      affinityLabels: "AffinityLabels",
      macPools: "MacPools",
      networkFilters: "NetworkFilters",
      networks: "Networks",
      openstackImageProviders: "OpenstackImageProviders",
      openstackNetworkProviders: "OpenstackNetworkProviders",
      openstackVolumeProviders: "OpenstackVolumeProviders",
      operatingSystems: "OperatingSystems",
      roles: "Roles",
      schedulingPolicies: "SchedulingPolicies",
      schedulingPolicyUnits: "SchedulingPolicyUnits",
      storageDomains: "StorageDomains",
      storageConnections: "StorageServerConnections",
      katelloErrata: "EngineKatelloErrata",
      permissions: "SystemPermissions",
      tags: "Tags",
      templates: "Templates",
      users: "Users",
      vmPools: "VmPools",
      vms: "Vms",
      vnicProfiles: "VnicProfiles",
      imageTransfers: "ImageTransfers",
      options: "SystemOptions",
    },
  },
  {
    name: "Tag",
    methods: {
      Get: "follow:s -$tag:Tag",
      Update: "+$tag:Tag async:b",
      Remove: "async:b",
    },
  },
  {
    name: "Tags",
    methods: {
      Add: {
        params: "+$tag:Tag",
        mandatory: "tag.name",
      },
      List: "follow:s -$tags:[Tag] max:i",
    },
    locators: {
      tag: "Tag(id)",
    },
  },
  {
    name: "TemplateCdrom",
    methods: {
      Get: "follow:s -$cdrom:Cdrom",
    },
  },
  {
    name: "TemplateCdroms",
    methods: {
      List: "follow:s -$cdroms:[Cdrom] max:i",
    },
    locators: {
      cdrom: "TemplateCdrom(id)",
    },
  },
  {
    name: "TemplateDiskAttachment",
    methods: {
      Get: "follow:s -$attachment:DiskAttachment",
      Remove: "storageDomain:s force:b",
    },
  },
  {
    name: "TemplateDiskAttachments",
    methods: {
      List: "follow:s -$attachments:[DiskAttachment]",
    },
    locators: {
      attachment: "TemplateDiskAttachment(id)",
    },
  },
  {
    name: "TemplateDisk",
    methods: {
      Copy: {
        params: "storageDomain:StorageDomain async:b filter:b",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      Export: {
        params: "storageDomain:StorageDomain async:b filter:b",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      Get: "follow:s -$disk:Disk",
      Remove: "async:b",
    },
  },
  {
    name: "TemplateDisks",
    methods: {
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "TemplateDisk(id)",
    },
  },
  {
    name: "TemplateGraphicsConsole",
    methods: {
      Get: "follow:s -$console:GraphicsConsole",
      Remove: "async:b",
    },
  },
  {
    name: "TemplateGraphicsConsoles",
    methods: {
      Add: {
        params: "+$console:GraphicsConsole",
        mandatory: "console.protocol",
      },
      List: "follow:s -$consoles:[GraphicsConsole] max:i",
    },
    locators: {
      console: "TemplateGraphicsConsole(id)",
    },
  },
  {
    name: "TemplateMediatedDevice",
    methods: {
      Get: "follow:s -$device:VmMediatedDevice",
      Update: "+$devices:VmMediatedDevice async:b",
      Remove: "async:b",
    },
  },
  {
    name: "TemplateMediatedDevices",
    methods: {
      Add: "+$device:VmMediatedDevice",
      List: "follow:s -$devices:[VmMediatedDevice] max:i",
    },
    locators: {
      device: "TemplateMediatedDevice(id)",
    },
  },
  {
    name: "TemplateNic",
    methods: {
      Get: "follow:s -$nic:Nic",
      Update: "+$nic:Nic async:b",
      Remove: "async:b",
    },
  },
  {
    name: "TemplateNics",
    methods: {
      Add: {
        params: "+$nic:Nic",
        mandatory: "nic.name",
      },
      List: "follow:s -$nics:[Nic] max:i",
    },
    locators: {
      nic: "TemplateNic(id)",
    },
  },
  {
    name: "Template",
    methods: {
      Export: {
        params: "exclusive:b storageDomain:StorageDomain",
        signatures: {
          ToExportDomain: {
            mandatory: "storageDomain.id|storageDomain.name",
          },
          ToPathOnHost: {
            params: "host:Host directory:s filename:s",
            mandatory: "host.id|host.name directory",
          },
        },
      },
      Get: "follow:s -$template:Template filter:b",
      Update: "+$template:Template async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
      tags: "AssignedTags",
      graphicsConsoles: "TemplateGraphicsConsoles",
      cdroms: "TemplateCdroms",
      nics: "TemplateNics",
      watchdogs: "TemplateWatchdogs",
      diskAttachments: "TemplateDiskAttachments",
      mediatedDevices: "TemplateMediatedDevices",
    },
  },
  {
    name: "TemplateWatchdog",
    methods: {
      Get: "follow:s -$watchdog:Watchdog",
      Update: "+$watchdog:Watchdog async:b",
      Remove: "async:b",
    },
  },
  {
    name: "TemplateWatchdogs",
    methods: {
      Add: {
        params: "+$watchdog:Watchdog",
        mandatory: "watchdog.action watchdog.model",
      },
      List: "follow:s -$watchdogs:[Watchdog] max:i",
    },
    locators: {
      watchdog: "TemplateWatchdog(id)",
    },
  },
  {
    name: "Templates",
    methods: {
      Add: {
        params: "+$template:Template clonePermissions:b seal:b",
        signatures: {
          FromVm: {
            mandatory: "template.name template.vm.id|template.vm.name",
          },
          FromConfiguration: {
            mandatory:
              `template.initialization.configuration.data template.initialization.configuration.type
              template.cluster.id|template.cluster.name`,
          },
          FromVmSnapshot: {
            mandatory: "template.name template.vm.id|template.vm.name template.vm.snapshots[].id",
          },
        },
      },
      List: "follow:s -$templates:[Template] max:i search:s caseSensitive:b filter:b",
    },
    locators: {
      template: "Template(id)",
    },
  },
  {
    name: "UnmanagedNetwork",
    methods: {
      Get: "follow:s -$network:UnmanagedNetwork",
      Remove: "async:b",
    },
  },
  {
    name: "UnmanagedNetworks",
    methods: {
      List: "follow:s -$networks:[UnmanagedNetwork] max:i",
    },
    locators: {
      unmanagedNetwork: "UnmanagedNetwork(id)",
    },
  },
  {
    name: "UserOption",
    methods: {
      Get: "-$option:UserOption",
      Remove: "",
    },
  },
  {
    name: "UserOptions",
    methods: {
      Add: {
        params: "+$option:UserOption",
        mandatory: "option.content option.name",
      },
      List: "-$options:[UserOption]",
    },
    locators: {
      option: "UserOption(id)",
    },
  },
  {
    name: "User",
    methods: {
      Get: "follow:s -$user:User",
      Update: {
        params: "+$user:User",
        deprecated: true,
      },
      Remove: "async:b",
    },
    locators: {
      groups: "DomainUserGroups",
      roles: "AssignedRoles",
      permissions: "AssignedPermissions",
      tags: "AssignedTags",
      sshPublicKeys: "SshPublicKeys",
      options: "UserOptions",
      eventSubscriptions: "EventSubscriptions",
    },
  },
  {
    name: "Users",
    methods: {
      Add: {
        params: "+$user:User",
        mandatory: "user.userName user.domain.id|user.domain.name",
      },
      List: "follow:s -$users:[User] max:i search:s caseSensitive:b",
    },
    locators: {
      user: "User(id)",
    },
  },
  {
    name: "VirtualFunctionAllowedNetwork",
    methods: {
      Get: "follow:s -$network:Network",
      Remove: "async:b",
    },
  },
  {
    name: "VirtualFunctionAllowedNetworks",
    methods: {
      Add: {
        params: "+$network:Network",
        mandatory: "network.id|network.name",
      },
      List: "follow:s -$networks:[Network] max:i",
    },
    locators: {
      network: "VirtualFunctionAllowedNetwork(id)",
    },
  },
  {
    name: "VmApplication",
    methods: {
      Get: "follow:s -$application:Application filter:b",
    },
  },
  {
    name: "VmApplications",
    methods: {
      List: "follow:s -$applications:[Application] max:i filter:b",
    },
    locators: {
      application: "VmApplication(id)",
    },
  },
  {
    name: "VmBackupDisk",
    methods: {
      Get: "follow:s -$disk:Disk",
    },
  },
  {
    name: "VmBackupDisks",
    methods: {
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "VmBackupDisk(id)",
    },
  },
  {
    name: "VmBackup",
    methods: {
      Get: "follow:s -$backup:Backup",
      Finalize: "",
    },
    locators: {
      disks: "VmBackupDisks",
    },
  },
  {
    name: "VmBackups",
    methods: {
      Add: {
        params: "+$backup:Backup requireConsistency:b useActive:b",
        mandatory: "backup.disks",
      },
      List: "-$backups:[Backup] max:i",
    },
    locators: {
      backup: "VmBackup(id)",
    },
  },
  {
    name: "VmCdrom",
    methods: {
      Get: "follow:s -$cdrom:Cdrom current:b",
      Update: "+$cdrom:Cdrom current:b",
    },
  },
  {
    name: "VmCdroms",
    methods: {
      Add: {
        params: "+$cdrom:Cdrom",
        mandatory: "cdrom.file.id",
      },
      List: "follow:s -$cdroms:[Cdrom] max:i",
    },
    locators: {
      cdrom: "VmCdrom(id)",
    },
  },
  {
    name: "VmCheckpointDisk",
    methods: {
      Get: "follow:s -$disk:Disk",
    },
  },
  {
    name: "VmCheckpointDisks",
    methods: {
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "VmCheckpointDisk(id)",
    },
  },
  {
    name: "VmCheckpoint",
    methods: {
      Get: "follow:s -$checkpoint:Checkpoint",
      Remove: "async:b",
    },
    locators: {
      disks: "VmCheckpointDisks",
    },
  },
  {
    name: "VmCheckpoints",
    methods: {
      List: "-$checkpoints:[Checkpoint] max:i",
    },
    locators: {
      checkpoint: "VmCheckpoint(id)",
    },
  },
  {
    name: "VmDisk",
    parent: "Measurable",
    methods: {
      Activate: "async:b",
      Deactivate: "async:b",
      Export: "async:b filter:b",
      Get: "follow:s -$disk:Disk",
      Move: "async:b filter:b",
      Update: "+$disk:Disk async:b",
      Remove: "async:b",
      Reduce: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "VmDisks",
    methods: {
      Add: "+$disk:Disk",
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "VmDisk(id)",
    },
  },
  {
    name: "VmGraphicsConsole",
    methods: {
      Get: "follow:s -$console:GraphicsConsole current:b",
      ProxyTicket: "-proxyTicket:ProxyTicket async:b",
      Ticket: "+ticket:Ticket",
      RemoteViewerConnectionFile: "-remoteViewerConnectionFile:s",
      Remove: "async:b",
    },
  },
  {
    name: "VmGraphicsConsoles",
    methods: {
      Add: {
        params: "+$console:GraphicsConsole",
        mandatory: "console.protocol",
      },
      List: "follow:s -$consoles:[GraphicsConsole] max:i current:b",
    },
    locators: {
      console: "VmGraphicsConsole(id)",
    },
  },
  {
    name: "VmHostDevice",
    methods: {
      Get: "follow:s -$device:HostDevice",
      Remove: "async:b",
    },
  },
  {
    name: "VmHostDevices",
    methods: {
      Add: {
        params: "+$device:HostDevice",
        mandatory: "device.id|device.name",
      },
      List: "follow:s -$device:[HostDevice] max:i",
    },
    locators: {
      device: "VmHostDevice(id)",
    },
  },
  {
    name: "VmMediatedDevice",
    methods: {
      Get: "follow:s -$device:VmMediatedDevice",
      Update: "+$device:VmMediatedDevice async:b",
      Remove: "async:b",
    },
  },
  {
    name: "VmMediatedDevices",
    methods: {
      Add: "+$device:VmMediatedDevice",
      List: "follow:s -$devices:[VmMediatedDevice] max:i",
    },
    locators: {
      device: "VmMediatedDevice(id)",
    },
  },
  {
    name: "VmNic",
    parent: "Measurable",
    methods: {
      Activate: "async:b",
      Deactivate: "async:b",
      Get: "follow:s -$nic:Nic",
      Update: "+$nic:Nic async:b",
      Remove: "async:b",
    },
    locators: {
      reportedDevices: "VmReportedDevices",
      networkFilterParameters: "NicNetworkFilterParameters",
    },
  },
  {
    name: "VmNics",
    methods: {
      Add: {
        params: "+$nic:Nic",
        mandatory: "nic.name",
      },
      List: "follow:s -$nics:[Nic] max:i",
    },
    locators: {
      nic: "VmNic(id)",
    },
  },
  {
    name: "VmNumaNode",
    methods: {
      Get: "follow:s -$node:VirtualNumaNode",
      Update: "+$node:VirtualNumaNode async:b",
      Remove: "async:b",
    },
  },
  {
    name: "VmNumaNodes",
    methods: {
      Add: {
        params: "+$node:VirtualNumaNode",
        mandatory: "node.index node.memory node.cpu.cores[].index",
      },
      List: "follow:s -$nodes:[VirtualNumaNode] max:i",
    },
    locators: {
      node: "VmNumaNode(id)",
    },
  },
  {
    name: "VmPool",
    methods: {
      AllocateVm: "async:b",
      Get: "follow:s -$pool:VmPool filter:b",
      Update: "+$pool:VmPool async:b seal:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "VmPools",
    methods: {
      Add: {
        params: "+$pool:VmPool seal:b",
        mandatory:
          "pool.name pool.cluster.id|pool.cluster.name pool.template.id|pool.template.name",
      },
      List: "follow:s -$pools:[VmPool] max:i search:s caseSensitive:b filter:b",
    },
    locators: {
      pool: "VmPool(id)",
    },
  },
  {
    name: "VmReportedDevice",
    methods: {
      Get: "follow:s -$reportedDevice:ReportedDevice",
    },
  },
  {
    name: "VmReportedDevices",
    methods: {
      List: "follow:s -$reportedDevice:[ReportedDevice] max:i",
    },
    locators: {
      reportedDevice: "VmReportedDevice(id)",
    },
  },
  {
    name: "Vm",
    parent: "Measurable",
    methods: {
      CancelMigration: "async:b",
      CommitSnapshot: "async:b",
      Clone: {
        params: "vm:Vm async:b discardSnapshots:b storageDomain:StorageDomain",
        mandatory: "vm.name",
      },
      Detach: "async:b",
      Export: {
        params: "discardSnapshots:b exclusive:b storageDomain:StorageDomain async:b",
        signatures: {
          ToExportDomain: {
            mandatory: "storageDomain.id|storageDomain.name",
          },
          ToPathOnHost: {
            params: "host:Host directory:s filename:s",
            mandatory: "directory host.id|host.name",
          },
        },
      },
      FreezeFilesystems: "async:b",
      Get: "follow:s -$vm:Vm nextRun:b allContent:b filter:b ovfAsOva:b",
      Logon: "async:b",
      Maintenance: {
        params: "maintenanceEnabled:b async:b",
        mandatory: "maintenanceEnabled",
      },
      Migrate: "cluster:Cluster force:b host:Host migrateVmsInAffinityClosure:b async:b",
      PreviewSnapshot: {
        params:
          `disks:[Disk] restoreMemory:b lease:StorageDomainLease snapshot:Snapshot vm:Vm async:b`,
        mandatory: "snapshot.id",
      },
      AutoPinCpuAndNumaNodes: {
        params: "optimizeCpuSettings:b async:b",
        deprecated: true,
      },
      Update: "+$vm:Vm nextRun:b async:b",
      Reboot: "force:b async:b",
      Remove: "async:b detachOnly:b force:b",
      Reset: "async:b",
      ReorderMacAddresses: "async:b",
      Shutdown: "force:b async:b reason:s",
      Start: `authorizedKey:AuthorizedKey pause:b vm:Vm useCloudInit:b useSysprep:b useIgnition:b
        useInitialization:b async:b filter:b volatile:b attachWgt:b`,
      Stop: "force:b async:b reason:s",
      Suspend: "async:b",
      ThawFilesystems: "async:b",
      Ticket: "+ticket:Ticket async:b",
      UndoSnapshot: "async:b",
      Screenshot: "",
    },
    locators: {
      permissions: "AssignedPermissions",
      tags: "AssignedTags",
      graphicsConsoles: "VmGraphicsConsoles",
      katelloErrata: "KatelloErrata",
      snapshots: "Snapshots",
      applications: "VmApplications",
      cdroms: "VmCdroms",
      hostDevices: "VmHostDevices",
      nics: "VmNics",
      numaNodes: "VmNumaNodes",
      reportedDevices: "VmReportedDevices",
      sessions: "VmSessions",
      watchdogs: "VmWatchdogs",
      backups: "VmBackups",
      checkpoints: "VmCheckpoints",
      diskAttachments: "DiskAttachments",
      affinityLabels: "AssignedAffinityLabels",
      mediatedDevices: "VmMediatedDevices",
    },
  },
  {
    name: "VmSession",
    methods: {
      Get: "follow:s -$session:Session",
    },
  },
  {
    name: "VmSessions",
    methods: {
      List: "follow:s -$sessions:[Session] max:i",
    },
    locators: {
      session: "VmSession(id)",
    },
  },
  {
    name: "VmWatchdog",
    methods: {
      Get: "follow:s -$watchdog:Watchdog",
      Update: "+$watchdog:Watchdog async:b",
      Remove: "async:b",
    },
  },
  {
    name: "VmWatchdogs",
    methods: {
      Add: {
        params: "+$watchdog:Watchdog",
        mandatory: "watchdog.action watchdog.model",
      },
      List: "follow:s -$watchdogs:[Watchdog] max:i",
    },
    locators: {
      watchdog: "VmWatchdog(id)",
    },
  },
  {
    name: "Vms",
    methods: {
      Add: {
        params:
          `+$vm:Vm clone:b clonePermissions:b filter:b autoPinningPolicy~:AutoPinningPolicy seal:b`,
        signatures: {
          FromScratch: {
            mandatory: "vm.name vm.cluster.id|vm.cluster.name vm.template.id|vm.template.name",
          },
          FromSnapshot: {
            mandatory:
              `vm.name vm.cluster.id|vm.cluster.name vm.template.id|vm.template.name vm.snapshots[].id`,
          },
          FromConfiguration: {
            mandatory: "vm.initialization.configuration.data vm.initialization.configuration.type",
          },
        },
      },
      List: `follow:s -$vms:[Vm] search:s max:i caseSensitive:b filter:b allContent:b ovfAsOva:b`,
    },
    locators: {
      vm: "Vm(id)",
    },
  },
  {
    name: "VnicProfile",
    methods: {
      Get: "follow:s -$profile:VnicProfile",
      Update: "+$profile:VnicProfile async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "VnicProfiles",
    methods: {
      Add: {
        params: "+$profile:VnicProfile",
        mandatory: "profile.name profile.network.id",
      },
      List: "follow:s -$profiles:[VnicProfile] max:i",
    },
    locators: {
      profile: "VnicProfile(id)",
    },
  },
  {
    name: "Weight",
    methods: {
      Get: "follow:s -$weight:Weight filter:b",
      Remove: "async:b",
    },
  },
  {
    name: "Weights",
    methods: {
      Add: {
        params: "+$weight:Weight",
        mandatory: "weight.schedulingPolicyUnit.id",
      },
      List: "follow:s -$weights:[Weight] max:i filter:b",
    },
    locators: {
      weight: "Weight(id)",
    },
  },
];

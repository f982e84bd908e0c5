/**
 * The services of the oVirt engine API model, A to F: methods with their
 * parameters, mandatory inputs and signatures, and locators.
 * See `schema.ts` for the syntax.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";

/** The services A to F, in alphabetical order. */
export const SERVICES_A_F: ModelService[] = [
  {
    name: "AffinityGroupHostLabel",
    methods: {
      Remove: "async:b",
    },
  },
  {
    name: "AffinityGroupHostLabels",
    methods: {
      Add: {
        params: "+$label:AffinityLabel",
        mandatory: "label.id|label.name",
      },
      List: "follow:s -$labels:[AffinityLabel] max:i",
    },
    locators: {
      label: "AffinityGroupHostLabel(id)",
    },
  },
  {
    name: "AffinityGroupHost",
    methods: {
      Remove: "async:b",
    },
  },
  {
    name: "AffinityGroupHosts",
    methods: {
      Add: {
        params: "+$host:Host",
        mandatory: "host.id|host.name",
      },
      List: "follow:s -$hosts:[Host] max:i",
    },
    locators: {
      host: "AffinityGroupHost(id)",
    },
  },
  {
    name: "AffinityGroup",
    methods: {
      Get: "follow:s -$group:AffinityGroup",
      Update: "+$group:AffinityGroup async:b",
      Remove: "async:b",
    },
    locators: {
      vms: "AffinityGroupVms",
      hosts: "AffinityGroupHosts",
      vmLabels: "AffinityGroupVmLabels",
      hostLabels: "AffinityGroupHostLabels",
    },
  },
  {
    name: "AffinityGroupVmLabel",
    methods: {
      Remove: "async:b",
    },
  },
  {
    name: "AffinityGroupVmLabels",
    methods: {
      Add: {
        params: "+$label:AffinityLabel",
        mandatory: "label.id|label.name",
      },
      List: "follow:s -$labels:[AffinityLabel] max:i",
    },
    locators: {
      label: "AffinityGroupVmLabel(id)",
    },
  },
  {
    name: "AffinityGroupVm",
    methods: {
      Remove: "async:b",
    },
  },
  {
    name: "AffinityGroupVms",
    methods: {
      Add: {
        params: "+$vm:Vm",
        mandatory: "vm.id|vm.name",
      },
      List: "follow:s -$vms:[Vm] max:i",
    },
    locators: {
      vm: "AffinityGroupVm(id)",
    },
  },
  {
    name: "AffinityGroups",
    methods: {
      Add: {
        params: "+$group:AffinityGroup",
        mandatory: "group.name",
      },
      List: "follow:s -$groups:[AffinityGroup] max:i",
    },
    locators: {
      group: "AffinityGroup(id)",
    },
  },
  {
    name: "AffinityLabelHost",
    methods: {
      Remove: "",
      Get: "follow:s -$host:Host",
    },
  },
  {
    name: "AffinityLabelHosts",
    methods: {
      Add: "+$host:Host",
      List: "follow:s -$hosts:[Host]",
    },
    locators: {
      host: "AffinityLabelHost(id)",
    },
  },
  {
    name: "AffinityLabel",
    methods: {
      Get: "follow:s -$label:AffinityLabel",
      Update: "+$label:AffinityLabel",
      Remove: "",
    },
    locators: {
      vms: "AffinityLabelVms",
      hosts: "AffinityLabelHosts",
    },
  },
  {
    name: "AffinityLabelVm",
    methods: {
      Remove: "",
      Get: "follow:s -$vm:Vm",
    },
  },
  {
    name: "AffinityLabelVms",
    methods: {
      Add: "+$vm:Vm",
      List: "follow:s -$vms:[Vm]",
    },
    locators: {
      vm: "AffinityLabelVm(id)",
    },
  },
  {
    name: "AffinityLabels",
    methods: {
      Add: "+$label:AffinityLabel",
      List: "follow:s -$labels:[AffinityLabel] max:i",
    },
    locators: {
      label: "AffinityLabel(id)",
    },
  },
  {
    name: "AssignedAffinityLabel",
    methods: {
      Get: "follow:s -$label:AffinityLabel",
      Remove: "",
    },
  },
  {
    name: "AssignedAffinityLabels",
    methods: {
      Add: "+$label:AffinityLabel",
      List: "follow:s -$label:[AffinityLabel]",
    },
    locators: {
      label: "AssignedAffinityLabel(id)",
    },
  },
  {
    name: "AssignedCpuProfile",
    methods: {
      Get: "follow:s -$profile:CpuProfile",
      Remove: "async:b",
    },
  },
  {
    name: "AssignedCpuProfiles",
    methods: {
      Add: {
        params: "+$profile:CpuProfile",
        mandatory: "profile.name",
      },
      List: "follow:s -$profiles:[CpuProfile] max:i",
    },
    locators: {
      profile: "AssignedCpuProfile(id)",
    },
  },
  {
    name: "AssignedDiskProfile",
    methods: {
      Get: "follow:s -$diskProfile:DiskProfile",
      Remove: "async:b",
    },
  },
  {
    name: "AssignedDiskProfiles",
    methods: {
      Add: {
        params: "+$profile:DiskProfile",
        mandatory: "profile.name",
      },
      List: "follow:s -$profiles:[DiskProfile] max:i",
    },
    locators: {
      profile: "AssignedDiskProfile(id)",
    },
  },
  {
    name: "AssignedPermissions",
    methods: {
      Add: {
        params: "+$permission:Permission",
        mandatory: "permission.role.id|permission.role.name",
        signatures: {
          UserLevel: {
            mandatory: "permission.user.id",
          },
          GroupLevel: {
            mandatory: "permission.group.id",
          },
          DataCenterPermission: {
            mandatory: "permission.dataCenter.id",
          },
          ClusterPermission: {
            mandatory: "permission.cluster.id",
          },
          HostPermission: {
            mandatory: "permission.host.id",
          },
          StorageDomainPermission: {
            mandatory: "permission.storageDomain.id",
          },
          VmPermission: {
            mandatory: "permission.vm.id",
          },
          vmPoolPermission: {
            mandatory: "permission.vmPool.id",
          },
          TemplatePermission: {
            mandatory: "permission.template.id",
          },
        },
      },
      List: "follow:s -$permissions:[Permission]",
    },
    locators: {
      permission: "Permission(id)",
    },
  },
  {
    name: "AssignedRoles",
    methods: {
      List: "follow:s -$roles:[Role] max:i",
    },
    locators: {
      role: "Role(id)",
    },
  },
  {
    name: "AssignedTag",
    methods: {
      Get: "follow:s -$tag:Tag",
      Remove: "async:b",
    },
  },
  {
    name: "AssignedTags",
    methods: {
      Add: {
        params: "+$tag:Tag",
        mandatory: "tag.id|tag.name",
      },
      List: "follow:s -$tags:[Tag] max:i",
    },
    locators: {
      tag: "AssignedTag(id)",
    },
  },
  {
    name: "AssignedVnicProfile",
    methods: {
      Get: "follow:s -$profile:VnicProfile",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "AssignedVnicProfiles",
    methods: {
      Add: {
        params: "+$profile:VnicProfile",
        mandatory: "profile.name",
      },
      List: "follow:s -$profiles:[VnicProfile] max:i",
    },
    locators: {
      profile: "AssignedVnicProfile(id)",
    },
  },
  {
    name: "AttachedStorageDomainDisk",
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
      Register: "",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "AttachedStorageDomainDisks",
    methods: {
      Add: {
        params: "+$disk:Disk unregistered:b",
        deprecated: true,
      },
      List: "follow:s -$disks:[Disk] max:i",
    },
    locators: {
      disk: "AttachedStorageDomainDisk(id)",
    },
  },
  {
    name: "AttachedStorageDomain",
    methods: {
      Activate: "async:b",
      Deactivate: "async:b force:b",
      Get: "follow:s -$storageDomain:StorageDomain",
      Remove: "async:b",
    },
    locators: {
      disks: "AttachedStorageDomainDisks",
    },
  },
  {
    name: "AttachedStorageDomains",
    methods: {
      Add: {
        params: "+$storageDomain:StorageDomain",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      List: "follow:s -$storageDomains:[StorageDomain] max:i",
    },
    locators: {
      storageDomain: "AttachedStorageDomain(id)",
    },
  },
  {
    name: "Balance",
    methods: {
      Get: "follow:s -$balance:Balance filter:b",
      Remove: "async:b",
    },
  },
  {
    name: "Balances",
    methods: {
      Add: {
        params: "+$balance:Balance",
        mandatory: "balance.schedulingPolicyUnit.id",
      },
      List: "follow:s -$balances:[Balance] max:i filter:b",
    },
    locators: {
      balance: "Balance(id)",
    },
  },
  {
    name: "Bookmark",
    methods: {
      Get: "follow:s -$bookmark:Bookmark",
      Update: "+$bookmark:Bookmark async:b",
      Remove: "async:b",
    },
  },
  {
    name: "Bookmarks",
    methods: {
      Add: {
        params: "+$bookmark:Bookmark",
        mandatory: "bookmark.name bookmark.value",
      },
      List: "follow:s -$bookmarks:[Bookmark] max:i",
    },
    locators: {
      bookmark: "Bookmark(id)",
    },
  },
  {
    name: "ClusterEnabledFeature",
    methods: {
      Get: "follow:s -$feature:ClusterFeature",
      Remove: "",
    },
  },
  {
    name: "ClusterEnabledFeatures",
    methods: {
      List: "follow:s -$features:[ClusterFeature]",
      Add: {
        params: "+$feature:ClusterFeature",
        mandatory: "feature.id",
      },
    },
    locators: {
      feature: "ClusterEnabledFeature(id)",
    },
  },
  {
    name: "ClusterExternalProviders",
    methods: {
      List: "follow:s -$providers:[ExternalProvider]",
    },
  },
  {
    name: "ClusterFeature",
    methods: {
      Get: "follow:s -$feature:ClusterFeature",
    },
  },
  {
    name: "ClusterFeatures",
    methods: {
      List: "follow:s -$features:[ClusterFeature]",
    },
    locators: {
      feature: "ClusterFeature(id)",
    },
  },
  {
    name: "ClusterLevel",
    methods: {
      Get: "follow:s -$level:ClusterLevel",
    },
    locators: {
      clusterFeatures: "ClusterFeatures",
    },
  },
  {
    name: "ClusterLevels",
    methods: {
      List: "follow:s -$levels:[ClusterLevel]",
    },
    locators: {
      level: "ClusterLevel(id)",
    },
  },
  {
    name: "ClusterNetwork",
    methods: {
      Get: "follow:s -$network:Network",
      Remove: "",
      Update: "+$network:Network",
    },
  },
  {
    name: "ClusterNetworks",
    methods: {
      Add: "+$network:Network",
      List: "follow:s -$networks:[Network] max:i",
    },
    locators: {
      network: "ClusterNetwork(id)",
    },
  },
  {
    name: "Cluster",
    methods: {
      Get: "follow:s -$cluster:Cluster filter:b",
      Update: "+$cluster:Cluster async:b",
      Remove: "async:b",
      ResetEmulatedMachine: "async:b",
      SyncAllNetworks: "async:b",
      Upgrade:
        `upgradeAction:ClusterUpgradeAction correlationId:s upgradePercentComplete:i async:b`,
      refreshGlusterHealStatus: "",
    },
    locators: {
      affinityGroups: "AffinityGroups",
      cpuProfiles: "AssignedCpuProfiles",
      networks: "ClusterNetworks",
      permissions: "AssignedPermissions",
      glusterHooks: "GlusterHooks",
      glusterVolumes: "GlusterVolumes",
      networkFilters: "NetworkFilters",
      enabledFeatures: "ClusterEnabledFeatures",
      externalNetworkProviders: "ClusterExternalProviders",
    },
  },
  {
    name: "Clusters",
    methods: {
      Add: {
        params: "+$cluster:Cluster",
        mandatory: "cluster.name cluster.dataCenter.id|cluster.dataCenter.name",
      },
      List: "follow:s -$clusters:[Cluster] max:i search:s caseSensitive:b filter:b",
    },
    locators: {
      cluster: "Cluster(id)",
    },
  },
  {
    name: "Copyable",
    methods: {
      Copy: "async:b",
    },
  },
  {
    name: "CpuProfile",
    methods: {
      Get: "follow:s -$profile:CpuProfile",
      Update: "+$profile:CpuProfile async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "CpuProfiles",
    methods: {
      Add: {
        params: "+$profile:CpuProfile",
        mandatory: "profile.cluster.id profile.name",
      },
      List: "follow:s -$profile:[CpuProfile] max:i",
    },
    locators: {
      profile: "CpuProfile(id)",
    },
  },
  {
    name: "DataCenterNetwork",
    methods: {
      Get: "follow:s -$network:Network",
      Remove: "",
      Update: "+$network:Network",
    },
  },
  {
    name: "DataCenterNetworks",
    methods: {
      Add: "+$network:Network",
      List: "follow:s -$networks:[Network] max:i",
    },
    locators: {
      network: "DataCenterNetwork(id)",
    },
  },
  {
    name: "DataCenter",
    methods: {
      Get: "follow:s -$dataCenter:DataCenter filter:b",
      Update: "+$dataCenter:DataCenter async:b",
      Remove: "force:b async:b",
      SetMaster: {
        params: "storageDomain:StorageDomain async:b",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      CleanFinishedTasks: "async:b",
    },
    locators: {
      storageDomains: "AttachedStorageDomains",
      clusters: "Clusters",
      networks: "DataCenterNetworks",
      permissions: "AssignedPermissions",
      quotas: "Quotas",
      qoss: "Qoss",
      iscsiBonds: "IscsiBonds",
    },
  },
  {
    name: "DataCenters",
    methods: {
      Add: {
        params: "+$dataCenter:DataCenter",
        mandatory: "dataCenter.local dataCenter.name",
      },
      List: "follow:s -$dataCenters:[DataCenter] max:i search:s caseSensitive:b filter:b",
    },
    locators: {
      dataCenter: "DataCenter(id)",
    },
  },
  {
    name: "DiskAttachment",
    methods: {
      Get: "follow:s -$attachment:DiskAttachment",
      Remove: "detachOnly:b",
      Update: "+$diskAttachment:DiskAttachment",
    },
  },
  {
    name: "DiskAttachments",
    methods: {
      Add: {
        params: "+$attachment:DiskAttachment",
        signatures: {
          Signature1: {
            mandatory: "attachment.bootable attachment.interface attachment.passDiscard",
          },
          ProvidingDiskId: {
            mandatory: "attachment.disk.id",
          },
        },
      },
      List: "follow:s -$attachments:[DiskAttachment]",
    },
    locators: {
      attachment: "DiskAttachment(id)",
    },
  },
  {
    name: "DiskProfile",
    methods: {
      Get: "follow:s -$profile:DiskProfile",
      Update: "+$profile:DiskProfile async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "DiskProfiles",
    methods: {
      Add: {
        params: "+$profile:DiskProfile",
        mandatory: "profile.name profile.storageDomain.id",
      },
      List: "follow:s -$profile:[DiskProfile] max:i",
    },
    locators: {
      diskProfile: "DiskProfile(id)",
    },
  },
  {
    name: "Disk",
    parent: "Measurable",
    methods: {
      Copy: {
        params: `disk:Disk storageDomain:StorageDomain diskProfile:DiskProfile quota:Quota async:b
          filter:b`,
        mandatory: "storageDomain.id|storageDomain.name",
      },
      Update: "+$disk:Disk",
      Export: {
        params: "storageDomain:StorageDomain async:b filter:b",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      Get: "follow:s -$disk:Disk allContent:b",
      Move: {
        params: "storageDomain:StorageDomain diskProfile:DiskProfile quota:Quota async:b filter:b",
        mandatory: "storageDomain.id|storageDomain.name",
      },
      Remove: "async:b",
      Sparsify: "",
      RefreshLun: {
        params: "host:Host",
        mandatory: "host.id|host.name",
      },
      Reduce: "async:b",
      Convert: {
        params: "follow:s disk:Disk",
        mandatory: "disk.format|disk.sparse",
      },
    },
    locators: {
      permissions: "AssignedPermissions",
      diskSnapshots: "DiskSnapshots",
    },
  },
  {
    name: "DiskSnapshot",
    methods: {
      Get: "follow:s -$snapshot:DiskSnapshot",
      Remove: "async:b",
    },
  },
  {
    name: "DiskSnapshots",
    methods: {
      List: "follow:s -$snapshots:[DiskSnapshot] max:i includeActive:b includeTemplate:b",
    },
    locators: {
      snapshot: "DiskSnapshot(id)",
    },
  },
  {
    name: "Disks",
    methods: {
      Add: {
        params: "+$disk:Disk",
        mandatory: "disk.format disk.interface",
        signatures: {
          OnStorageDomain: {
            mandatory: "disk.provisionedSize",
          },
          Lun: {
            mandatory: `disk.lunStorage.type disk.lunStorage.logicalUnits[].address
              disk.lunStorage.logicalUnits[].id disk.lunStorage.logicalUnits[].port
              disk.lunStorage.logicalUnits[].target`,
          },
        },
      },
      List: "follow:s -$disks:[Disk] max:i search:s caseSensitive:b",
    },
    locators: {
      disk: "Disk(id)",
    },
  },
  {
    name: "DomainGroup",
    methods: {
      Get: "follow:s -$get:Group",
    },
  },
  {
    name: "DomainGroups",
    methods: {
      List: "follow:s -$groups:[Group] max:i search:s caseSensitive:b",
    },
    locators: {
      group: "DomainGroup(id)",
    },
  },
  {
    name: "Domain",
    methods: {
      Get: "follow:s -$domain:Domain",
    },
    locators: {
      users: "DomainUsers",
      groups: "DomainGroups",
    },
  },
  {
    name: "DomainUserGroups",
    methods: {
      List: "follow:s -$groups:[Group]",
    },
  },
  {
    name: "DomainUser",
    methods: {
      Get: "follow:s -$user:User",
    },
  },
  {
    name: "DomainUsers",
    methods: {
      List: "follow:s -$users:[User] max:i search:s caseSensitive:b",
    },
    locators: {
      user: "DomainUser(id)",
    },
  },
  {
    name: "Domains",
    methods: {
      List: "follow:s -$domains:[Domain] max:i",
    },
    locators: {
      domain: "Domain(id)",
    },
  },
  {
    name: "EngineKatelloErrata",
    parent: "KatelloErrata",
  },
  {
    name: "Event",
    methods: {
      Get: "follow:s -$event:Event",
      Remove: "async:b",
    },
  },
  {
    name: "EventSubscription",
    methods: {
      Get: "-$eventSubscription:EventSubscription",
      Remove: "async:b",
    },
  },
  {
    name: "EventSubscriptions",
    methods: {
      Add: {
        params: "+$eventSubscription:EventSubscription",
        mandatory: "eventSubscription.event",
      },
      List: "follow:s -$eventSubscriptions:[EventSubscription] max:i",
    },
    locators: {
      eventSubscription: "EventSubscription(id)",
    },
  },
  {
    name: "Events",
    methods: {
      Add: {
        params: "+$event:Event",
        mandatory: "event.customId event.description event.origin event.severity",
      },
      List: "follow:s -$events:[Event] from:i max:i search:s caseSensitive:b",
      Undelete: "async:b",
    },
    locators: {
      event: "Event(id)",
    },
  },
  {
    name: "ExternalComputeResource",
    methods: {
      Get: "follow:s -$resource:ExternalComputeResource",
    },
  },
  {
    name: "ExternalComputeResources",
    methods: {
      List: "follow:s -$resources:[ExternalComputeResource] max:i",
    },
    locators: {
      resource: "ExternalComputeResource(id)",
    },
  },
  {
    name: "ExternalDiscoveredHost",
    methods: {
      Get: "follow:s -$host:ExternalDiscoveredHost",
    },
  },
  {
    name: "ExternalDiscoveredHosts",
    methods: {
      List: "follow:s -$hosts:[ExternalDiscoveredHost] max:i",
    },
    locators: {
      host: "ExternalDiscoveredHost(id)",
    },
  },
  {
    name: "ExternalHostGroup",
    methods: {
      Get: "follow:s -$group:ExternalHostGroup",
    },
  },
  {
    name: "ExternalHostGroups",
    methods: {
      List: "follow:s -$groups:[ExternalHostGroup] max:i",
    },
    locators: {
      group: "ExternalHostGroup(id)",
    },
  },
  {
    name: "ExternalHostProvider",
    parent: "ExternalProvider",
    methods: {
      Get: "follow:s -$provider:ExternalHostProvider",
      Update: "+$provider:ExternalHostProvider async:b",
      Remove: "async:b",
    },
    locators: {
      computeResources: "ExternalComputeResources",
      discoveredHosts: "ExternalDiscoveredHosts",
      hostGroups: "ExternalHostGroups",
      hosts: "ExternalHosts",
    },
  },
  {
    name: "ExternalHostProviders",
    methods: {
      Add: {
        params: "+$provider:ExternalHostProvider",
        mandatory: "provider.name",
      },
      List: "follow:s -$providers:[ExternalHostProvider] max:i search:s",
    },
    locators: {
      provider: "ExternalHostProvider(id)",
    },
  },
  {
    name: "ExternalHost",
    methods: {
      Get: "follow:s -$host:ExternalHost",
    },
  },
  {
    name: "ExternalHosts",
    methods: {
      List: "follow:s -$hosts:[ExternalHost] max:i",
    },
    locators: {
      host: "ExternalHost(id)",
    },
  },
  {
    name: "ExternalNetworkProviderConfiguration",
    methods: {
      Get: "follow:s -$configuration:ExternalNetworkProviderConfiguration",
    },
  },
  {
    name: "ExternalNetworkProviderConfigurations",
    methods: {
      List: "follow:s -$configurations:[ExternalNetworkProviderConfiguration]",
    },
    locators: {
      configuration: "ExternalNetworkProviderConfiguration(id)",
    },
  },
  {
    name: "ExternalProviderCertificate",
    methods: {
      Get: "follow:s -$certificate:Certificate",
    },
  },
  {
    name: "ExternalProviderCertificates",
    methods: {
      List: "follow:s -$certificates:[Certificate] max:i",
    },
    locators: {
      certificate: "ExternalProviderCertificate(id)",
    },
  },
  {
    name: "ExternalProvider",
    methods: {
      ImportCertificates: {
        params: "certificates:[Certificate]",
        mandatory: "certificates[].content",
      },
      TestConnectivity: "async:b",
    },
    locators: {
      certificates: "ExternalProviderCertificates",
    },
  },
  {
    name: "ExternalTemplateImports",
    methods: {
      Add: "+$import:ExternalTemplateImport",
    },
  },
  {
    name: "ExternalVmImports",
    methods: {
      Add: "+$import:ExternalVmImport",
    },
  },
  {
    name: "FenceAgent",
    methods: {
      Get: "follow:s -$agent:Agent",
      Update: "+$agent:Agent async:b",
      Remove: "async:b",
    },
  },
  {
    name: "FenceAgents",
    methods: {
      Add: {
        params: "+$agent:Agent",
        mandatory: "agent.address agent.order agent.password agent.type agent.username",
      },
      List: "follow:s -$agents:[Agent] max:i",
    },
    locators: {
      agent: "FenceAgent(id)",
    },
  },
  {
    name: "File",
    methods: {
      Get: "follow:s -$file:File",
    },
  },
  {
    name: "Files",
    methods: {
      List: "follow:s -$file:[File] max:i search:s caseSensitive:b refresh:b",
    },
    locators: {
      file: "File(id)",
    },
  },
  {
    name: "Filter",
    methods: {
      Get: "follow:s -$result:Filter filter:b",
      Remove: "async:b",
    },
  },
  {
    name: "Filters",
    methods: {
      Add: {
        params: "+$filter:Filter",
        mandatory: "filter.schedulingPolicyUnit.id",
      },
      List: "follow:s -$filters:[Filter] max:i filter:b",
    },
    locators: {
      filter: "Filter(id)",
    },
  },
];

/**
 * The services of the oVirt engine API model, G and H: methods with their
 * parameters, mandatory inputs and signatures, and locators.
 * See `schema.ts` for the syntax.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";

/** The services G and H, in alphabetical order. */
export const SERVICES_G_H: ModelService[] = [
  {
    name: "GlusterBrick",
    parent: "Measurable",
    methods: {
      Get: "follow:s -$brick:GlusterBrick",
      Remove: "async:b",
      Replace: {
        params: "force:b async:b",
        deprecated: true,
      },
    },
  },
  {
    name: "GlusterBricks",
    methods: {
      Activate: "bricks:[GlusterBrick] async:b",
      Add: "+$bricks:[GlusterBrick] replicaCount:i stripeCount:i",
      List: "follow:s -$bricks:[GlusterBrick] max:i",
      Migrate: "bricks:[GlusterBrick] async:b",
      Remove: {
        params: "bricks:[GlusterBrick] replicaCount:i async:b",
        request: "action",
      },
      StopMigrate: "bricks:[GlusterBrick] async:b",
    },
    locators: {
      brick: "GlusterBrick(id)",
    },
  },
  {
    name: "GlusterHook",
    methods: {
      Disable: "async:b",
      Enable: "async:b",
      Get: "follow:s -$hook:GlusterHook",
      Remove: "async:b",
      Resolve: {
        params: "host:Host resolutionType:s async:b",
        mandatory: "resolutionType",
      },
    },
  },
  {
    name: "GlusterHooks",
    methods: {
      List: "follow:s -$hooks:[GlusterHook] max:i",
    },
    locators: {
      hook: "GlusterHook(id)",
    },
  },
  {
    name: "GlusterVolume",
    parent: "Measurable",
    methods: {
      Get: "follow:s -$volume:GlusterVolume",
      GetProfileStatistics: "-details:GlusterVolumeProfileDetails",
      Rebalance: "fixLayout:b force:b async:b",
      Remove: "async:b",
      ResetAllOptions: "async:b",
      ResetOption: {
        params: "force:b option:Option async:b",
        mandatory: "force option.name",
      },
      SetOption: {
        params: "option:Option async:b",
        mandatory: "option.name option.value",
      },
      Start: "force:b async:b",
      StartProfile: "async:b",
      Stop: "force:b async:b",
      StopProfile: "async:b",
      StopRebalance: "async:b",
    },
    locators: {
      glusterBricks: "GlusterBricks",
    },
  },
  {
    name: "GlusterVolumes",
    methods: {
      Add: {
        params: "+$volume:GlusterVolume",
        mandatory:
          "volume.name volume.volumeType volume.bricks[].brickDir volume.bricks[].serverId",
      },
      List: "follow:s -$volumes:[GlusterVolume] max:i search:s caseSensitive:b",
    },
    locators: {
      volume: "GlusterVolume(id)",
    },
  },
  {
    name: "Group",
    methods: {
      Get: "follow:s -$get:Group",
      Remove: "async:b",
    },
    locators: {
      roles: "AssignedRoles",
      permissions: "AssignedPermissions",
      tags: "AssignedTags",
    },
  },
  {
    name: "Groups",
    methods: {
      Add: {
        params: "+$group:Group",
        mandatory: "group.name",
      },
      List: "follow:s -$groups:[Group] max:i search:s caseSensitive:b",
    },
    locators: {
      group: "Group(id)",
    },
  },
  {
    name: "HostCpuUnits",
    methods: {
      List: "follow:s -$cpuUnits:[HostCpuUnit]",
    },
  },
  {
    name: "HostDevice",
    methods: {
      Get: "follow:s -$device:HostDevice",
    },
  },
  {
    name: "HostDevices",
    methods: {
      List: "follow:s -$devices:[HostDevice] max:i",
    },
    locators: {
      device: "HostDevice(id)",
    },
  },
  {
    name: "HostHook",
    methods: {
      Get: "follow:s -$hook:Hook",
    },
  },
  {
    name: "HostHooks",
    methods: {
      List: "follow:s -$hooks:[Hook] max:i",
    },
    locators: {
      hook: "HostHook(id)",
    },
  },
  {
    name: "HostNic",
    parent: "Measurable",
    methods: {
      Get: "follow:s -$nic:HostNic allContent:b",
      UpdateVirtualFunctionsConfiguration:
        "virtualFunctionsConfiguration:HostNicVirtualFunctionsConfiguration async:b",
    },
    locators: {
      networkLabels: "NetworkLabels",
      networkAttachments: "NetworkAttachments",
      virtualFunctionAllowedLabels: "NetworkLabels",
      virtualFunctionAllowedNetworks: "VirtualFunctionAllowedNetworks",
      linkLayerDiscoveryProtocolElements: "LinkLayerDiscoveryProtocol",
    },
  },
  {
    name: "HostNics",
    methods: {
      List: "follow:s -$nics:[HostNic] max:i allContent:b",
    },
    locators: {
      nic: "HostNic(id)",
    },
  },
  {
    name: "HostNumaNode",
    parent: "Measurable",
    methods: {
      Get: "follow:s -$node:NumaNode",
    },
  },
  {
    name: "HostNumaNodes",
    methods: {
      List: "follow:s -$nodes:[NumaNode] max:i",
    },
    locators: {
      node: "HostNumaNode(id)",
    },
  },
  {
    name: "Host",
    parent: "Measurable",
    methods: {
      Activate: "async:b",
      Approve: {
        params: "host:Host cluster:Cluster async:b activate:b reboot:b",
        signatures: {
          UsingRootPassword: {
            mandatory: "host.rootPassword",
          },
          UsingSsh: {
            mandatory:
              "host.ssh.authenticationMethod host.ssh.user.password host.ssh.user.userName",
          },
        },
      },
      CommitNetConfig: "async:b",
      Deactivate: "reason:s async:b stopGlusterService:b",
      EnrollCertificate: "async:b",
      Fence: {
        params: "fenceType:s -powerManagement:PowerManagement async:b maintenanceAfterRestart:b",
        mandatory: "fenceType",
      },
      ForceSelectSpm: "async:b",
      Get: "follow:s -$host:Host filter:b allContent:b",
      Install: {
        params: `activate:b rootPassword!:s ssh:Ssh host:Host image:s async:b deployHostedEngine:b
          undeployHostedEngine:b reboot:b`,
        signatures: {
          UsingRootPassword: {},
          UsingSsh: {},
        },
      },
      IscsiDiscover: {
        params: "iscsi:IscsiDetails -iscsiTargets:[s] async:b",
        mandatory: "iscsi.address",
        deprecated: true,
      },
      DiscoverIscsi: {
        params: "iscsi:IscsiDetails async:b -discoveredTargets:[IscsiDetails]",
        mandatory: "iscsi.address",
      },
      IscsiLogin: {
        params: "iscsi:IscsiDetails async:b",
        mandatory: "iscsi.address iscsi.target",
      },
      UnregisteredStorageDomainsDiscover:
        "iscsi:IscsiDetails -storageDomains:[StorageDomain] async:b",
      Update: {
        params: "+$host:Host async:b",
        signatures: {
          UsingRootPassword: {},
          UsingSsh: {},
        },
      },
      Upgrade: "image~:s reboot:b async:b timeout:i",
      UpgradeCheck: "",
      Refresh: "async:b",
      Remove: "force:b async:b",
      SetupNetworks: `modifiedNetworkAttachments:[NetworkAttachment]
        removedNetworkAttachments:[NetworkAttachment]
        synchronizedNetworkAttachments:[NetworkAttachment] modifiedBonds:[HostNic]
        removedBonds:[HostNic] modifiedLabels:[NetworkLabel] removedLabels:[NetworkLabel]
        commitOnSuccess:b checkConnectivity:b connectivityTimeout:i async:b`,
      SyncAllNetworks: "async:b",
      CopyHostNetworks: {
        params: "sourceHost:Host async:b",
        mandatory: "sourceHost.id",
      },
    },
    locators: {
      permissions: "AssignedPermissions",
      tags: "AssignedTags",
      fenceAgents: "FenceAgents",
      devices: "HostDevices",
      hooks: "HostHooks",
      nics: "HostNics",
      numaNodes: "HostNumaNodes",
      storage: "HostStorage",
      katelloErrata: "KatelloErrata",
      networkAttachments: "NetworkAttachments",
      storageConnectionExtensions: "StorageServerConnectionExtensions",
      unmanagedNetworks: "UnmanagedNetworks",
      affinityLabels: "AssignedAffinityLabels",
      externalNetworkProviderConfigurations: "ExternalNetworkProviderConfigurations",
      cpuUnits: "HostCpuUnits",
    },
  },
  {
    name: "HostStorage",
    methods: {
      List: "follow:s -$storages:[HostStorage] reportStatus:b",
    },
    locators: {
      storage: "Storage(id)",
    },
  },
  {
    name: "Hosts",
    methods: {
      Add: {
        params: "+$host:Host deployHostedEngine:b undeployHostedEngine:b activate:b reboot:b",
        mandatory: "host.address host.name host.cluster.id|host.cluster.name",
        signatures: {
          UsingRootPassword: {
            mandatory: "host.rootPassword",
          },
          UsingSsh: {},
        },
      },
      List: `follow:s -$hosts:[Host] max:i search:s caseSensitive:b filter:b allContent:b
        migrationTargetOf:s checkVmsInAffinityClosure:b`,
    },
    locators: {
      host: "Host(id)",
    },
  },
];

/**
 * The services of the oVirt engine API model, I to R: methods with their
 * parameters, mandatory inputs and signatures, and locators.
 * See `schema.ts` for the syntax.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";

/** The services I to R, in alphabetical order. */
export const SERVICES_I_R: ModelService[] = [
  {
    name: "Icon",
    methods: {
      Get: "follow:s -$icon:Icon",
    },
  },
  {
    name: "Icons",
    methods: {
      List: "follow:s -$icons:[Icon] max:i",
    },
    locators: {
      icon: "Icon(id)",
    },
  },
  {
    name: "Image",
    methods: {
      Get: "follow:s -$image:Image",
      Import: {
        params: `cluster:Cluster disk:Disk importAsTemplate:b template:Template
          storageDomain:StorageDomain async:b`,
        mandatory: "storageDomain.id|storageDomain.name",
      },
    },
  },
  {
    name: "ImageTransfer",
    methods: {
      Get: "follow:s -$imageTransfer:ImageTransfer",
      Extend: "",
      Pause: "",
      Resume: "",
      Cancel: "",
      Finalize: "",
    },
  },
  {
    name: "ImageTransfers",
    methods: {
      Add: {
        params: "+$imageTransfer:ImageTransfer",
        signatures: {
          ForImage: {
            mandatory: "imageTransfer.image.id",
            deprecated: true,
          },
          ForDisk: {
            mandatory: "imageTransfer.disk.id",
          },
          ForSnapshot: {
            mandatory: "imageTransfer.snapshot.id",
          },
        },
      },
      List: "follow:s -$ImageTransfer:[ImageTransfer]",
    },
    locators: {
      imageTransfer: "ImageTransfer(id)",
    },
  },
  {
    name: "Images",
    methods: {
      List: "follow:s -$images:[Image] max:i",
    },
    locators: {
      image: "Image(id)",
    },
  },
  {
    name: "InstanceTypeGraphicsConsole",
    methods: {
      Get: "follow:s -$console:GraphicsConsole",
      Remove: "async:b",
    },
  },
  {
    name: "InstanceTypeGraphicsConsoles",
    methods: {
      Add: {
        params: "+$console:GraphicsConsole",
        mandatory: "console.protocol",
      },
      List: "follow:s -$consoles:[GraphicsConsole] max:i",
    },
    locators: {
      console: "InstanceTypeGraphicsConsole(id)",
    },
  },
  {
    name: "InstanceTypeNic",
    methods: {
      Get: "follow:s -$nic:Nic",
      Update: "+$nic:Nic async:b",
      Remove: "async:b",
    },
  },
  {
    name: "InstanceTypeNics",
    methods: {
      Add: "+$nic:Nic",
      List: "follow:s -$nics:[Nic] max:i search:s",
    },
    locators: {
      nic: "InstanceTypeNic(id)",
    },
  },
  {
    name: "InstanceType",
    methods: {
      Get: "follow:s -$instanceType:InstanceType",
      Update: "+$instanceType:InstanceType async:b",
      Remove: "async:b",
    },
    locators: {
      nics: "InstanceTypeNics",
      watchdogs: "InstanceTypeWatchdogs",
      graphicsConsoles: "InstanceTypeGraphicsConsoles",
    },
  },
  {
    name: "InstanceTypeWatchdog",
    methods: {
      Get: "follow:s -$watchdog:Watchdog",
      Update: "+$watchdog:Watchdog async:b",
      Remove: "async:b",
    },
  },
  {
    name: "InstanceTypeWatchdogs",
    methods: {
      Add: "+$watchdog:Watchdog",
      List: "follow:s -$watchdogs:[Watchdog] max:i search:s",
    },
    locators: {
      watchdog: "InstanceTypeWatchdog(id)",
    },
  },
  {
    name: "InstanceTypes",
    methods: {
      Add: {
        params: "+$instanceType:InstanceType",
        mandatory: "instanceType.name",
      },
      List: "follow:s -$instanceType:[InstanceType] max:i search:s caseSensitive:b",
    },
    locators: {
      instanceType: "InstanceType(id)",
    },
  },
  {
    name: "IscsiBond",
    methods: {
      Get: "follow:s -$bond:IscsiBond",
      Update: "+$bond:IscsiBond async:b",
      Remove: "async:b",
    },
    locators: {
      networks: "Networks",
      storageServerConnections: "StorageServerConnections",
    },
  },
  {
    name: "IscsiBonds",
    methods: {
      Add: {
        params: "+$bond:IscsiBond",
        mandatory: "bond.name",
      },
      List: "follow:s -$bonds:[IscsiBond] max:i",
    },
    locators: {
      iscsiBond: "IscsiBond(id)",
    },
  },
  {
    name: "Job",
    methods: {
      Clear: "async:b",
      End: "force:b succeeded:b async:b",
      Get: "follow:s -$job:Job",
    },
    locators: {
      steps: "Steps",
    },
  },
  {
    name: "Jobs",
    methods: {
      Add: {
        params: "+$job:Job",
        mandatory: "job.description",
      },
      List: "follow:s -$jobs:[Job] search:s caseSensitive:b max:i",
    },
    locators: {
      job: "Job(id)",
    },
  },
  {
    name: "KatelloErrata",
    methods: {
      List: "follow:s -$errata:[KatelloErratum] max:i",
    },
    locators: {
      katelloErratum: "KatelloErratum(id)",
    },
  },
  {
    name: "KatelloErratum",
    methods: {
      Get: "follow:s -$erratum:KatelloErratum",
    },
  },
  {
    name: "LinkLayerDiscoveryProtocol",
    methods: {
      List: "follow:s -$elements:[LinkLayerDiscoveryProtocolElement]",
    },
  },
  {
    name: "MacPool",
    methods: {
      Get: "follow:s -$pool:MacPool",
      Update: "+$pool:MacPool async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "MacPools",
    methods: {
      Add: {
        params: "+$pool:MacPool",
        mandatory: "pool.name pool.ranges[].from pool.ranges[].to",
      },
      List: "follow:s -$pools:[MacPool] max:i",
    },
    locators: {
      macPool: "MacPool(id)",
    },
  },
  {
    name: "Measurable",
    locators: {
      statistics: "Statistics",
    },
  },
  {
    name: "Moveable",
    methods: {
      Move: "async:b",
    },
  },
  {
    name: "NetworkAttachment",
    methods: {
      Get: "follow:s -$attachment:NetworkAttachment",
      Update: "+$attachment:NetworkAttachment async:b",
      Remove: "async:b",
    },
  },
  {
    name: "NetworkAttachments",
    methods: {
      Add: {
        params: "+$attachment:NetworkAttachment",
        mandatory: "attachment.network.name|attachment.network.id",
      },
      List: "follow:s -$attachments:[NetworkAttachment] max:i",
    },
    locators: {
      attachment: "NetworkAttachment(id)",
    },
  },
  {
    name: "NetworkFilter",
    methods: {
      Get: "follow:s -$networkFilter:NetworkFilter",
    },
  },
  {
    name: "NetworkFilters",
    methods: {
      List: "follow:s -$filters:[NetworkFilter]",
    },
    locators: {
      networkFilter: "NetworkFilter(id)",
    },
  },
  {
    name: "NetworkLabel",
    methods: {
      Get: "follow:s -$label:NetworkLabel",
      Remove: "async:b",
    },
  },
  {
    name: "NetworkLabels",
    methods: {
      Add: {
        params: "+$label:NetworkLabel",
        mandatory: "label.id",
      },
      List: "follow:s -$labels:[NetworkLabel] max:i",
    },
    locators: {
      label: "NetworkLabel(id)",
    },
  },
  {
    name: "Network",
    methods: {
      Get: "follow:s -$network:Network",
      Update: "+$network:Network async:b",
      Remove: "async:b",
    },
    locators: {
      permissions: "AssignedPermissions",
      vnicProfiles: "AssignedVnicProfiles",
      networkLabels: "NetworkLabels",
    },
  },
  {
    name: "Networks",
    methods: {
      Add: {
        params: "+$network:Network",
        mandatory: "network.id|network.name",
      },
      List: "follow:s -$networks:[Network] max:i search:s caseSensitive:b",
    },
    locators: {
      network: "Network(id)",
    },
  },
  {
    name: "NicNetworkFilterParameter",
    methods: {
      Get: "follow:s -$parameter:NetworkFilterParameter",
      Update: "+$parameter:NetworkFilterParameter",
      Remove: "",
    },
  },
  {
    name: "NicNetworkFilterParameters",
    methods: {
      List: "follow:s -$parameters:[NetworkFilterParameter]",
      Add: "+$parameter:NetworkFilterParameter",
    },
    locators: {
      parameter: "NicNetworkFilterParameter(id)",
    },
  },
  {
    name: "OpenstackImageProvider",
    parent: "ExternalProvider",
    methods: {
      Get: "follow:s -$provider:OpenStackImageProvider",
      Update: "+$provider:OpenStackImageProvider async:b",
      Remove: "async:b",
    },
    locators: {
      images: "OpenstackImages",
    },
  },
  {
    name: "OpenstackImageProviders",
    methods: {
      Add: {
        params: "+$provider:OpenStackImageProvider",
        mandatory: "provider.name",
      },
      List: "follow:s -$providers:[OpenStackImageProvider] max:i search:s",
    },
    locators: {
      provider: "OpenstackImageProvider(id)",
    },
  },
  {
    name: "OpenstackImage",
    methods: {
      Get: "follow:s -$image:OpenStackImage",
      Import: {
        params: `disk:Disk importAsTemplate:b storageDomain:StorageDomain template:Template
          cluster:Cluster async:b`,
        mandatory: "storageDomain.id|storageDomain.name",
      },
    },
  },
  {
    name: "OpenstackImages",
    methods: {
      List: "follow:s -$images:[OpenStackImage] max:i",
    },
    locators: {
      image: "OpenstackImage(id)",
    },
  },
  {
    name: "OpenstackNetworkProvider",
    parent: "ExternalProvider",
    methods: {
      Get: "follow:s -$provider:OpenStackNetworkProvider",
      Update: "+$provider:OpenStackNetworkProvider async:b",
      Remove: "async:b",
    },
    locators: {
      networks: "OpenstackNetworks",
    },
  },
  {
    name: "OpenstackNetworkProviders",
    methods: {
      Add: {
        params: "+$provider:OpenStackNetworkProvider",
        mandatory: "provider.name",
      },
      List: "follow:s -$providers:[OpenStackNetworkProvider] max:i search:s",
    },
    locators: {
      provider: "OpenstackNetworkProvider(id)",
    },
  },
  {
    name: "OpenstackNetwork",
    methods: {
      Get: "follow:s -$network:OpenStackNetwork",
      Import: "dataCenter:DataCenter async:b",
    },
    locators: {
      subnets: "OpenstackSubnets",
    },
  },
  {
    name: "OpenstackNetworks",
    methods: {
      List: "follow:s -$networks:[OpenStackNetwork] max:i",
    },
    locators: {
      network: "OpenstackNetwork(id)",
    },
  },
  {
    name: "OpenstackSubnet",
    methods: {
      Get: "follow:s -$subnet:OpenStackSubnet",
      Remove: "async:b",
    },
  },
  {
    name: "OpenstackSubnets",
    methods: {
      Add: "+$subnet:OpenStackSubnet",
      List: "follow:s -$subnets:[OpenStackSubnet] max:i",
    },
    locators: {
      subnet: "OpenstackSubnet(id)",
    },
  },
  {
    name: "OpenstackVolumeAuthenticationKey",
    deprecated: true,
    methods: {
      Get: "follow:s -$key:OpenstackVolumeAuthenticationKey",
      Update: "+$key:OpenstackVolumeAuthenticationKey",
      Remove: "async:b",
    },
  },
  {
    name: "OpenstackVolumeAuthenticationKeys",
    deprecated: true,
    methods: {
      Add: {
        params: "+$key:OpenstackVolumeAuthenticationKey",
        mandatory: "key.usageType key.uuid key.value",
      },
      List: "follow:s -$keys:[OpenstackVolumeAuthenticationKey] max:i",
    },
    locators: {
      key: "OpenstackVolumeAuthenticationKey(id)",
    },
  },
  {
    name: "OpenstackVolumeProvider",
    parent: "ExternalProvider",
    deprecated: true,
    methods: {
      Get: "follow:s -$provider:OpenStackVolumeProvider",
      Update: "+$provider:OpenStackVolumeProvider async:b",
      Remove: "async:b force:b",
    },
    locators: {
      volumeTypes: "OpenstackVolumeTypes",
      authenticationKeys: "OpenstackVolumeAuthenticationKeys",
    },
  },
  {
    name: "OpenstackVolumeProviders",
    deprecated: true,
    methods: {
      Add: {
        params: "+$provider:OpenStackVolumeProvider",
        mandatory: "provider.name",
      },
      List: "follow:s -$providers:[OpenStackVolumeProvider] max:i search:s",
    },
    locators: {
      provider: "OpenstackVolumeProvider(id)",
    },
  },
  {
    name: "OpenstackVolumeType",
    deprecated: true,
    methods: {
      Get: "follow:s -$type:OpenStackVolumeType",
    },
  },
  {
    name: "OpenstackVolumeTypes",
    deprecated: true,
    methods: {
      List: "follow:s -$types:[OpenStackVolumeType] max:i",
    },
    locators: {
      type: "OpenstackVolumeType(id)",
    },
  },
  {
    name: "OperatingSystem",
    methods: {
      Get: "follow:s -$operatingSystem:OperatingSystemInfo",
    },
  },
  {
    name: "OperatingSystems",
    methods: {
      List: "follow:s -$operatingSystem:[OperatingSystemInfo] max:i",
    },
    locators: {
      operatingSystem: "OperatingSystem(id)",
    },
  },
  {
    name: "Permission",
    methods: {
      Get: "follow:s -$permission:Permission",
      Remove: "async:b",
    },
  },
  {
    name: "Permit",
    methods: {
      Get: "follow:s -$permit:Permit",
      Remove: "async:b",
    },
  },
  {
    name: "Permits",
    methods: {
      Add: {
        params: "+$permit:Permit",
        mandatory: "permit.id|permit.name",
      },
      List: "follow:s -$permits:[Permit] max:i",
    },
    locators: {
      permit: "Permit(id)",
    },
  },
  {
    name: "Qos",
    methods: {
      Get: "follow:s -$qos:Qos",
      Update: "+$qos:Qos async:b",
      Remove: "async:b",
    },
  },
  {
    name: "Qoss",
    methods: {
      Add: {
        params: "+$qos:Qos",
        mandatory: "qos.name qos.type",
      },
      List: "follow:s -$qoss:[Qos] max:i",
    },
    locators: {
      qos: "Qos(id)",
    },
  },
  {
    name: "QuotaClusterLimit",
    methods: {
      Get: "follow:s -$limit:QuotaClusterLimit",
      Remove: "async:b",
    },
  },
  {
    name: "QuotaClusterLimits",
    methods: {
      Add: "+$limit:QuotaClusterLimit",
      List: "follow:s -$limits:[QuotaClusterLimit] max:i",
    },
    locators: {
      limit: "QuotaClusterLimit(id)",
    },
  },
  {
    name: "Quota",
    methods: {
      Get: "follow:s -$quota:Quota",
      Update: "+$quota:Quota async:b",
      Remove: "async:b",
    },
    locators: {
      quotaStorageLimits: "QuotaStorageLimits",
      quotaClusterLimits: "QuotaClusterLimits",
      permissions: "AssignedPermissions",
    },
  },
  {
    name: "QuotaStorageLimit",
    methods: {
      Get: "follow:s -$limit:QuotaStorageLimit",
      Remove: "async:b",
    },
  },
  {
    name: "QuotaStorageLimits",
    methods: {
      Add: "+$limit:QuotaStorageLimit",
      List: "follow:s -$limits:[QuotaStorageLimit] max:i",
    },
    locators: {
      limit: "QuotaStorageLimit(id)",
    },
  },
  {
    name: "Quotas",
    methods: {
      Add: {
        params: "+$quota:Quota",
        mandatory: "quota.name",
      },
      List: "follow:s -$quotas:[Quota] max:i",
    },
    locators: {
      quota: "Quota(id)",
    },
  },
  {
    name: "Role",
    methods: {
      Get: "follow:s -$role:Role",
      Remove: "async:b",
      Update: "+$role:Role async:b",
    },
    locators: {
      permits: "Permits",
    },
  },
  {
    name: "Roles",
    methods: {
      Add: {
        params: "+$role:Role",
        mandatory: "role.name role.permits[].id",
      },
      List: "follow:s -$roles:[Role] max:i",
    },
    locators: {
      role: "Role(id)",
    },
  },
];

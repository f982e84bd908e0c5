/**
 * The fake cloud's starting content: the Default domain, admin and demo
 * users and projects, roles, the catalog, flavors, an image, a compute
 * node provider and Trove datastores.
 *
 * @module
 */
import { type CloudState, hexId, type JsonObject } from "./state.ts";
import { createHash } from "node:crypto";
import { newImage } from "./image.ts";
import { newProvider } from "./placement.ts";
import { seedPublicNetwork } from "./network.ts";

/** Ids and credentials of a seeded user. */
export interface SeededUser {
  /** The user id. */
  userId: string;
  /** The user name. */
  username: string;
  /** The password (not enumerable: inspect and JSON leave it out). */
  readonly password: string;
  /** The user's domain name ("Default"). */
  domainName: string;
  /** The user's domain id ("default"). */
  domainId: string;
  /** The project the user works in. */
  projectId: string;
  /** Its name. */
  projectName: string;
}

/** Where each service lives under the origin, by catalog type. */
export const SERVICE_PATHS: Record<string, { name: string; path: string }> = {
  identity: { name: "keystone", path: "/identity/v3" },
  compute: { name: "nova", path: "/compute/v2.1" },
  image: { name: "glance", path: "/image" },
  placement: { name: "placement", path: "/placement" },
  database: { name: "trove", path: "/database/v1.0/$(project_id)s" },
  network: { name: "neutron", path: "/network" },
  "block-storage": { name: "cinder", path: "/volume/v3/$(project_id)s" },
  volumev3: { name: "cinderv3", path: "/volume/v3/$(project_id)s" },
};

/** The URL prefix of a region and interface: the first region's public one has none. */
export function prefixOf(state: CloudState, region: string, iface: string): string {
  const r = region === state.regions[0] ? "" : `/regions/${encodeURIComponent(region)}`;
  const i = iface === "public" ? "" : `/${iface}`;
  return `${r}${i}`;
}

function add(map: Map<string, JsonObject>, rec: JsonObject): string {
  map.set(String(rec.id), rec);
  return String(rec.id);
}

/** Fills an empty state. */
export function seed(
  state: CloudState,
  passwords: { admin: string; demo: string },
): { admin: SeededUser; demo: SeededUser } {
  state.domains.set("default", {
    id: "default",
    name: "Default",
    description: "The default domain",
    enabled: true,
    tags: [],
  });
  const role = (name: string) =>
    add(state.roles, { id: hexId(), name, domain_id: null, description: null, options: {} });
  const adminRole = role("admin");
  const memberRole = role("member");
  role("reader");
  const project = (name: string) =>
    add(state.projects, {
      id: hexId(),
      name,
      domain_id: "default",
      description: `The ${name} project`,
      enabled: true,
      is_domain: false,
      parent_id: "default",
      tags: [],
    });
  const adminProject = project("admin");
  const demoProject = project("demo");
  project("service");
  const user = (name: string, password: string, defaultProject: string) => {
    const id = add(state.users, {
      id: hexId(),
      name,
      domain_id: "default",
      enabled: true,
      default_project_id: defaultProject,
      password_expires_at: null,
      options: {},
    });
    state.passwords.set(id, password);
    return id;
  };
  const adminUser = user("admin", passwords.admin, adminProject);
  const demoUser = user("demo", passwords.demo, demoProject);
  state.assignments.push(
    { roleId: adminRole, userId: adminUser, projectId: adminProject },
    { roleId: adminRole, userId: adminUser, projectId: demoProject },
    { roleId: adminRole, userId: adminUser, domainId: "default" },
    { roleId: adminRole, userId: adminUser, system: true },
    { roleId: memberRole, userId: demoUser, projectId: demoProject },
  );

  for (const region of state.regions) {
    state.regionRecords.set(region, { id: region, description: "", parent_region_id: null });
  }
  for (const [type, { name, path }] of Object.entries(SERVICE_PATHS)) {
    const serviceId = add(state.services, {
      id: hexId(),
      type,
      name,
      enabled: true,
      description: "",
    });
    for (const region of state.regions) {
      for (const iface of ["public", "internal", "admin"]) {
        add(state.endpoints, {
          id: hexId(),
          service_id: serviceId,
          interface: iface,
          region_id: region,
          url: `${state.origin}${prefixOf(state, region, iface)}${path}`,
          enabled: true,
        });
      }
    }
  }

  const flavors: [string, string, number, number, number][] = [
    ["1", "m1.tiny", 512, 1, 1],
    ["2", "m1.small", 2048, 20, 1],
    ["3", "m1.medium", 4096, 40, 2],
    ["4", "m1.large", 8192, 80, 4],
    ["5", "m1.xlarge", 16384, 160, 8],
  ];
  for (const [id, name, ram, disk, vcpus] of flavors) {
    state.flavors.set(id, {
      id,
      name,
      ram,
      disk,
      vcpus,
      "OS-FLV-EXT-DATA:ephemeral": 0,
      swap: "",
      rxtx_factor: 1.0,
      "os-flavor-access:is_public": true,
      "OS-FLV-DISABLED:disabled": false,
      description: null,
      extra_specs: {},
    });
  }

  // The same tiny stand-in for cirros that scripts/openstack.sh uploads to the real
  // cloud: real bytes, so download, checksum and os_hash_value agree.
  const cirrosData = new TextEncoder().encode("nimbus tiny image\n".repeat(64));
  const cirros = newImage({
    name: "cirros-0.6.2-x86_64-disk",
    status: "active",
    visibility: "public",
    disk_format: "raw",
    container_format: "bare",
    size: cirrosData.length,
    virtual_size: cirrosData.length,
    min_disk: 0,
    min_ram: 0,
    checksum: createHash("md5").update(cirrosData).digest("hex"),
    os_hash_algo: "sha512",
    os_hash_value: createHash("sha512").update(cirrosData).digest("hex"),
  }, adminProject);
  state.images.set(String(cirros.id), cirros);
  state.imageData.set(String(cirros.id), cirrosData);

  seedPublicNetwork(state, adminProject);

  const node = newProvider(state, "compute-0");
  state.inventories.set(String(node.uuid), {
    VCPU: {
      total: 16,
      reserved: 0,
      min_unit: 1,
      max_unit: 16,
      step_size: 1,
      allocation_ratio: 4.0,
    },
    MEMORY_MB: {
      total: 32768,
      reserved: 512,
      min_unit: 1,
      max_unit: 32768,
      step_size: 1,
      allocation_ratio: 1.5,
    },
    DISK_GB: {
      total: 500,
      reserved: 0,
      min_unit: 1,
      max_unit: 500,
      step_size: 1,
      allocation_ratio: 1.0,
    },
  });
  node.generation = 1;

  const datastore = (name: string, versions: string[]) => {
    const vs = versions.map((v) => ({
      id: crypto.randomUUID(),
      name: v,
      active: 1,
      packages: "",
      image: "",
    }));
    add(state.datastores, {
      id: crypto.randomUUID(),
      name,
      default_version: vs[0]?.id,
      default_version_name: versions[0],
      versions: vs,
    });
  };
  datastore("mysql", ["8.0", "5.7"]);
  datastore("postgresql", ["15"]);

  // The password is not enumerable: inspect and JSON.stringify of the user leave it out.
  const described = (
    id: string,
    name: string,
    password: string,
    projectId: string,
    projectName: string,
  ): SeededUser => {
    const user = {
      userId: id,
      username: name,
      domainName: "Default",
      domainId: "default",
      projectId,
      projectName,
    } as SeededUser;
    Object.defineProperty(user, "password", { value: password, enumerable: false });
    return user;
  };
  return {
    admin: described(adminUser, "admin", passwords.admin, adminProject, "admin"),
    demo: described(demoUser, "demo", passwords.demo, demoProject, "demo"),
  };
}

/**
 * The engine's naming rules: how the metamodel turns a Java name into XML
 * tags, list tags, link rels, URL segments and query names. The generator
 * derives every wire name with them, so the model only records the names
 * that break the rules.
 *
 * @module
 */

/** Joined tags the engine spells differently (`gluster_brick` → `brick`). */
export const TAG_EXCEPTIONS: Readonly<Record<string, string>> = {
  gluster_brick: "brick",
  gluster_brick_memory_info: "brick_memoryinfo",
  gluster_bricks: "bricks",
  gluster_memory_pool: "memory_pool",
  gluster_memory_pools: "memory_pools",
  gluster_server_hook: "server_hook",
  gluster_server_hooks: "server_hooks",
  migration_options: "migration",
  numa_node: "host_numa_node",
  numa_nodes: "host_numa_nodes",
  open_stack_image: "openstack_image",
  open_stack_image_provider: "openstack_image_provider",
  open_stack_image_providers: "openstack_image_providers",
  open_stack_images: "openstack_images",
  open_stack_network: "openstack_network",
  open_stack_network_provider: "openstack_network_provider",
  open_stack_network_providers: "openstack_network_providers",
  open_stack_networks: "openstack_networks",
  open_stack_subnet: "openstack_subnet",
  open_stack_subnets: "openstack_subnets",
  open_stack_volume: "openstack_volume",
  open_stack_volume_provider: "openstack_volume_provider",
  open_stack_volume_providers: "openstack_volume_providers",
  open_stack_volumes: "openstack_volumes",
  operating_system: "os",
  operating_system_info: "operating_system",
  operating_system_infos: "operation_systems",
  operating_systems: "oss",
  transparent_huge_pages: "transparent_hugepages",
  virtual_numa_node: "vm_numa_node",
  virtual_numa_nodes: "vm_numa_nodes",
};

/** Plurals that don't follow `y` → `ies`, else `+s`. */
export const PLURAL_EXCEPTIONS: Readonly<Record<string, string>> = {
  display: "displays",
  erratum: "errata",
  key: "keys",
};

/** Singulars that don't follow `ies` → `y`, else drop `s`. */
export const SINGULAR_EXCEPTIONS: Readonly<Record<string, string>> = { errata: "erratum" };

/**
 * The lower-cased words of a Java name, split before every upper-case
 * letter: `VmPool` → `vm pool`, `MDevType` → `m dev type`.
 *
 * @example
 * ```ts
 * import { nameWords } from "./naming.ts";
 * console.log(nameWords("provisionedSize")); // [ "provisioned", "size" ]
 * ```
 */
export function nameWords(name: string): string[] {
  return name.split(/(?=[A-Z])/).filter((w) => w !== "").map((w) => w.toLowerCase());
}

function exception(joined: string): string {
  return TAG_EXCEPTIONS[joined] ?? joined;
}

/** The XML tag of a type or field name (`numaNodes` → `host_numa_nodes`). */
export function tagOf(name: string): string {
  return exception(nameWords(name).join("_"));
}

/** The plural of one word. */
export function pluralWord(word: string): string {
  const known = PLURAL_EXCEPTIONS[word];
  if (known !== undefined) return known;
  return word.endsWith("y") ? word.slice(0, -1) + "ies" : word + "s";
}

/** The list document tag of a type (`VmPool` → `vm_pools`). */
export function listTagOf(name: string): string {
  const words = nameWords(name);
  words.push(pluralWord(words.pop() ?? ""));
  return exception(words.join("_"));
}

/** The item tag of a primitive or enum list (`required_rng_sources` → `required_rng_source`). */
export function singularTag(tag: string): string {
  const known = SINGULAR_EXCEPTIONS[tag];
  if (known !== undefined) return known;
  if (tag.endsWith("ies")) return tag.slice(0, -3) + "y";
  return tag.endsWith("s") ? tag.slice(0, -1) : tag;
}

/** A URL segment or link rel: the words joined with nothing (`storageDomains` → `storagedomains`). */
export function segmentOf(name: string): string {
  return nameWords(name).join("");
}

/** A query parameter name: the words joined with `_` (`allContent` → `all_content`). */
export function queryNameOf(name: string): string {
  return nameWords(name).join("_");
}

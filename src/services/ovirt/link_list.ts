/**
 * When a list is a link rather than data, for the writers.
 *
 * @module
 */
import { List } from "./struct.ts";

/**
 * True for a list that only says where the items are: an empty `List` with
 * an `href`, as the readers build from `<link rel="nics" href="…"/>`. The
 * writers omit it, so a read–modify–update never sends "no NICs"; an empty
 * list without `href` is data (`<nics/>`: clear the list).
 *
 * @example
 * ```ts
 * import { List } from "./struct.ts";
 * import { isLinkOnlyList } from "./link_list.ts";
 * console.log(isLinkOnlyList(List.create([], "/vms/1/nics")), isLinkOnlyList([])); // true false
 * ```
 */
export function isLinkOnlyList(value: unknown): boolean {
  return value instanceof List && value.length === 0 && value.href !== undefined;
}

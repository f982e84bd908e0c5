/**
 * The base objects of the oVirt model: `Struct` (an object with `href` and
 * `id`), `List` (an array with `href`) and `Fault`. They sit below both the
 * connection layer (which follows links and reads faults) and the generated
 * model (which extends them), so neither has to import the other.
 *
 * @module
 */

/**
 * Base of every oVirt type. An object with only `href` set is a link that
 * `Connection.followLink` can resolve.
 *
 * @example
 * ```ts
 * import { Struct } from "@nimbus/apiclient";
 * const link = new Struct({ href: "/ovirt-engine/api/clusters/1", id: "1" });
 * console.log(link.href);
 * ```
 */
export class Struct {
  /** The object's URL path on the engine. */
  declare href?: string;
  /** The object's id. */
  declare id?: string;
  /** Copies the given fields onto the new object. */
  constructor(fields?: { href?: string; id?: string }) {
    if (fields?.href !== undefined) this.href = fields.href;
    if (fields?.id !== undefined) this.id = fields.id;
  }
}

/**
 * An array of oVirt objects that may also be a link (`href`). `map`, `filter`
 * and the other copying methods return plain arrays.
 *
 * @example
 * ```ts
 * import { List } from "@nimbus/apiclient";
 * const nics = List.create<string>([], "/ovirt-engine/api/vms/1/nics");
 * console.log(nics.href, nics.length); // /ovirt-engine/api/vms/1/nics 0
 * ```
 */
export class List<T = unknown> extends Array<T> {
  /** The collection's URL path on the engine, when it came as a link. */
  declare href?: string;

  /** Copying methods (`map`, `filter`, `slice`…) build plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** Builds a list from items and an optional `href`. */
  static create<T>(items: Iterable<T> = [], href?: string): List<T> {
    const list = new List<T>();
    for (const item of items) list.push(item);
    if (href !== undefined) list.href = href;
    return list;
  }
}

/**
 * The error object of the engine: a reason and a detail.
 *
 * @example
 * ```ts
 * import { Fault } from "@nimbus/apiclient";
 * const f = new Fault({ reason: "Operation Failed", detail: "[Cannot start VM]" });
 * console.log(f.reason);
 * ```
 */
export class Fault extends Struct {
  /** The short reason. */
  declare reason?: string;
  /** The detail text. */
  declare detail?: string;
  /** Copies the given fields onto the new fault. */
  constructor(fields?: { href?: string; id?: string; reason?: string; detail?: string }) {
    super(fields);
    if (fields?.reason !== undefined) this.reason = fields.reason;
    if (fields?.detail !== undefined) this.detail = fields.detail;
  }
}

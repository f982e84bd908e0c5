/**
 * The shapes of the tables the generator writes (`_generated/meta.ts`) and
 * the lookups the codecs build from them, once and on first use.
 *
 * @module
 */
import { Fault, type Struct } from "./struct.ts";
import { ENUM_VALUES, TYPE_SPECS } from "./_generated/meta.ts";

/** How a field's value travels on the wire. */
export type FieldKind =
  | "string"
  | "boolean"
  | "integer"
  | "long"
  | "decimal"
  | "date"
  | "enum"
  | "struct";

/**
 * One field of a type, as the generator describes it.
 *
 * @example
 * ```ts
 * import type { FieldSpec } from "./type_info.ts";
 * const f: FieldSpec = { name: "memory", wire: "memory", kind: "long" };
 * ```
 */
export interface FieldSpec {
  /** The camelCase property name. */
  readonly name: string;
  /** The XML element (or JSON key) name. */
  readonly wire: string;
  /** The value kind; `long` fields are 64-bit and read as `bigint`. */
  readonly kind: FieldKind;
  /** The enum or type name, for `enum` and `struct` kinds. */
  readonly ref?: string;
  /** True when the field holds a list. */
  readonly list?: boolean;
  /** The tag of one list item (`usage` in `<usages><usage>`). */
  readonly item?: string;
  /** The `rel` of the `<link>` that points at this list. */
  readonly rel?: string;
  /** True when the field is written as an XML attribute. */
  readonly attr?: boolean;
}

/**
 * One type of the model, as the generator describes it.
 *
 * @example
 * ```ts
 * import { Struct } from "./struct.ts";
 * import type { TypeSpec } from "./type_info.ts";
 * const t: TypeSpec = { name: "Thing", tag: "thing", plural: "things", ctor: Struct, fields: [] };
 * ```
 */
export interface TypeSpec {
  /** The class name. */
  readonly name: string;
  /** The singular XML tag. */
  readonly tag: string;
  /** The tag of a collection of this type. */
  readonly plural: string;
  /** The class. */
  readonly ctor: new () => Struct;
  /** The fields other than `id` and `href`. */
  readonly fields: readonly FieldSpec[];
}

/**
 * A field with what the codecs need resolved once: the struct type it holds,
 * the enum values it accepts and the tag of one list item.
 *
 * @example
 * ```ts
 * import { typeByName } from "./type_info.ts";
 * const memory = typeByName("Vm")?.byWire.get("memory");
 * console.assert(String(memory?.kind) === "long");
 * ```
 */
export interface FieldInfo extends FieldSpec {
  /** True when the field holds a list. */
  readonly list: boolean;
  /** True when the field is written as an XML attribute. */
  readonly attr: boolean;
  /** The struct type of a `struct` field, when the model has it. */
  readonly type: TypeInfo | undefined;
  /** The wire values of an `enum` field. */
  readonly values: ReadonlySet<string>;
  /** The tag of one list item (`nic` in `<nics>`, `usage` in `<usages>`). */
  readonly itemTag: string;
}

/** A type with its lookup maps. */
export interface TypeInfo extends TypeSpec {
  /** Fields by wire name. */
  readonly byWire: ReadonlyMap<string, FieldInfo>;
  /**
   * The same, as a prototype-less object: the readers' hot lookup, faster
   * than a `Map` for the few keys a type has.
   */
  readonly wire: Readonly<Record<string, FieldInfo | undefined>>;
  /** List fields by link `rel`. */
  readonly byRel: ReadonlyMap<string, FieldInfo>;
  /** Element fields sorted by wire name, as the writers emit them. */
  readonly elements: readonly FieldInfo[];
  /** Attribute fields (besides `href`/`id`) sorted by wire name. */
  readonly attributes: readonly FieldInfo[];
}

const FAULT_SPEC: TypeSpec = {
  name: "Fault",
  tag: "fault",
  plural: "faults",
  ctor: Fault,
  fields: [
    { name: "detail", wire: "detail", kind: "string" },
    { name: "reason", wire: "reason", kind: "string" },
  ],
};

const NO_VALUES: ReadonlySet<string> = new Set();

interface Tables {
  byName: Map<string, TypeInfo>;
  byTag: Map<string, TypeInfo>;
  byPlural: Map<string, TypeInfo>;
  byCtor: Map<unknown, TypeInfo>;
  enums: Map<string, ReadonlySet<string>>;
}

let tables: Tables | undefined;

// The tables are built on first use, not at import: importing the model must
// stay cheap however many types it has.
function build(): Tables {
  const enums = new Map<string, ReadonlySet<string>>(
    Object.entries(ENUM_VALUES).map(([k, v]) => [k, new Set(v)]),
  );
  const specs = [FAULT_SPEC, ...TYPE_SPECS];
  const byName = new Map<string, TypeInfo>();
  const fieldsOf = new Map<TypeInfo, FieldSpec[]>();
  for (const spec of specs) {
    // Every TypeInfo and FieldInfo is built with the same properties in the
    // same order, so the readers' property loads stay monomorphic.
    const info: TypeInfo = {
      name: spec.name,
      tag: spec.tag,
      plural: spec.plural,
      ctor: spec.ctor,
      fields: spec.fields,
      byWire: new Map(),
      wire: Object.create(null),
      byRel: new Map(),
      elements: [],
      attributes: [],
    };
    byName.set(spec.name, info);
    fieldsOf.set(info, [...spec.fields]);
  }
  // A second pass, once every type exists, so fields can point at their types.
  for (const [info, fields] of fieldsOf) {
    const byWire = info.byWire as Map<string, FieldInfo>;
    const byRel = info.byRel as Map<string, FieldInfo>;
    const all: FieldInfo[] = [];
    for (const f of fields) {
      const type = f.kind === "struct" ? byName.get(f.ref ?? "") : undefined;
      const values = f.kind === "enum" ? enums.get(f.ref ?? "") ?? NO_VALUES : NO_VALUES;
      const itemTag = (f.kind === "struct" ? type?.tag : undefined) ?? f.item ?? f.wire;
      const field: FieldInfo = {
        name: f.name,
        wire: f.wire,
        kind: f.kind,
        ref: f.ref,
        list: f.list === true,
        item: f.item,
        rel: f.rel,
        attr: f.attr === true,
        type,
        values,
        itemTag,
      };
      all.push(field);
      byWire.set(f.wire, field);
      (info.wire as Record<string, FieldInfo>)[f.wire] = field;
      if (f.list && f.kind === "struct") byRel.set(f.rel ?? f.wire.replaceAll("_", ""), field);
    }
    all.sort((a, b) => (a.wire < b.wire ? -1 : a.wire > b.wire ? 1 : 0));
    (info.elements as FieldInfo[]).push(...all.filter((f) => !f.attr));
    (info.attributes as FieldInfo[]).push(...all.filter((f) => f.attr));
  }
  const byTag = new Map<string, TypeInfo>();
  const byPlural = new Map<string, TypeInfo>();
  const byCtor = new Map<unknown, TypeInfo>();
  for (const info of byName.values()) {
    byTag.set(info.tag, info);
    byPlural.set(info.plural, info);
    byCtor.set(info.ctor, info);
  }
  return { byName, byTag, byPlural, byCtor, enums };
}

/**
 * The type with this class name, if the model has it.
 *
 * @example
 * ```ts
 * import { typeByName } from "./type_info.ts";
 * console.assert(String(typeByName("Vm")?.tag) === "vm");
 * ```
 */
export function typeByName(name: string): TypeInfo | undefined {
  return (tables ??= build()).byName.get(name);
}

/**
 * The type whose singular tag is `tag`.
 *
 * @example
 * ```ts
 * import { typeByTag } from "./type_info.ts";
 * console.assert(String(typeByTag("host_nic")?.name) === "HostNic");
 * ```
 */
export function typeByTag(tag: string): TypeInfo | undefined {
  return (tables ??= build()).byTag.get(tag);
}

/**
 * The type whose collection tag is `tag` (`vms`, `operation_systems`).
 *
 * @example
 * ```ts
 * import { typeByPlural } from "./type_info.ts";
 * console.assert(String(typeByPlural("vms")?.name) === "Vm");
 * ```
 */
export function typeByPlural(tag: string): TypeInfo | undefined {
  return (tables ??= build()).byPlural.get(tag);
}

/**
 * The type of an object, found through its class.
 *
 * @example
 * ```ts
 * import { Vm } from "./_generated/types.ts";
 * import { typeOf } from "./type_info.ts";
 * console.assert(String(typeOf(new Vm())?.plural) === "vms");
 * ```
 */
export function typeOf(obj: unknown): TypeInfo | undefined {
  if (obj === null || typeof obj !== "object") return undefined;
  return (tables ??= build()).byCtor.get(Object.getPrototypeOf(obj)?.constructor);
}

/**
 * The wire values an enum accepts.
 *
 * @example
 * ```ts
 * import { enumValues } from "./type_info.ts";
 * console.assert(enumValues("VmStatus").has("up"));
 * ```
 */
export function enumValues(name: string): ReadonlySet<string> {
  return (tables ??= build()).enums.get(name) ?? NO_VALUES;
}

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

/** A type with its lookup maps. */
export interface TypeInfo extends TypeSpec {
  /** Fields by wire name. */
  readonly byWire: ReadonlyMap<string, FieldSpec>;
  /** List fields by link `rel`. */
  readonly byRel: ReadonlyMap<string, FieldSpec>;
  /** Element fields sorted by wire name, as the writers emit them. */
  readonly elements: readonly FieldSpec[];
  /** Attribute fields (besides `href`/`id`) sorted by wire name. */
  readonly attributes: readonly FieldSpec[];
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

function build(spec: TypeSpec): TypeInfo {
  const byWire = new Map<string, FieldSpec>();
  const byRel = new Map<string, FieldSpec>();
  for (const f of spec.fields) {
    byWire.set(f.wire, f);
    if (f.list && f.kind === "struct") byRel.set(f.rel ?? f.wire.replaceAll("_", ""), f);
  }
  const sorted = [...spec.fields].sort((a, b) => (a.wire < b.wire ? -1 : a.wire > b.wire ? 1 : 0));
  return {
    ...spec,
    byWire,
    byRel,
    elements: sorted.filter((f) => !f.attr),
    attributes: sorted.filter((f) => f.attr),
  };
}

// The lookups are built on first use: importing the model pays for neither
// the 220 type infos nor the field maps until a codec needs them.
const specByName = new Map<string, TypeSpec>();
const nameByTag = new Map<string, string>();
const nameByPlural = new Map<string, string>();
const nameByCtor = new Map<unknown, string>();
const infos = new Map<string, TypeInfo>();
let enumSets: Map<string, ReadonlySet<string>> | undefined;

function index(): void {
  if (specByName.size > 0) return;
  for (const spec of [FAULT_SPEC, ...TYPE_SPECS]) {
    specByName.set(spec.name, spec);
    nameByTag.set(spec.tag, spec.name);
    nameByPlural.set(spec.plural, spec.name);
    nameByCtor.set(spec.ctor, spec.name);
  }
}

function infoOf(name: string | undefined): TypeInfo | undefined {
  if (name === undefined) return undefined;
  index();
  let info = infos.get(name);
  if (info === undefined) {
    const spec = specByName.get(name);
    if (spec === undefined) return undefined;
    info = build(spec);
    infos.set(name, info);
  }
  return info;
}

/** The type with this class name, if the model has it. */
export function typeByName(name: string): TypeInfo | undefined {
  return infoOf(name);
}

/** The type whose singular tag is `tag`. */
export function typeByTag(tag: string): TypeInfo | undefined {
  index();
  return infoOf(nameByTag.get(tag));
}

/** The type whose collection tag is `tag` (`vms`, `operation_systems`). */
export function typeByPlural(tag: string): TypeInfo | undefined {
  index();
  return infoOf(nameByPlural.get(tag));
}

/** The type of an object, found through its class. */
export function typeOf(obj: unknown): TypeInfo | undefined {
  if (obj === null || typeof obj !== "object") return undefined;
  index();
  return infoOf(nameByCtor.get(Object.getPrototypeOf(obj)?.constructor));
}

/** The wire values an enum accepts. */
export function enumValues(name: string): ReadonlySet<string> {
  enumSets ??= new Map(Object.entries(ENUM_VALUES).map(([k, v]) => [k, new Set(v)]));
  return enumSets.get(name) ?? new Set();
}

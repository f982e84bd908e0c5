/**
 * The engine's JSON format ↔ model objects. The engine (Jackson over JAXB)
 * sends objects without a root wrapper, collections keyed by the singular tag
 * (`{"vm": [...]}`), nested lists as wrappers (`"usages": {"usage": [...]}`),
 * scalars as strings (`"false"`, `"1073741824"`), dates as epoch
 * milliseconds, links as a `link` array. Native JSON booleans, numbers and
 * ISO dates are accepted too. Reading gives the same objects as the XML
 * reader.
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";
import { List, type Struct } from "./struct.ts";
import { parseScalar } from "./primitives.ts";
import { isLinkOnlyList } from "./link_list.ts";
import { type FieldInfo, typeByName, type TypeInfo, typeOf } from "./type_info.ts";

type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Fields = Struct & Record<string, unknown>;

/**
 * JSON objects nest at most this deep; deeper documents (and objects that
 * contain themselves, given to the writer) are refused with `SdkError`.
 *
 * @example
 * ```ts
 * import { MAX_JSON_DEPTH } from "./json_codec.ts";
 * console.assert(MAX_JSON_DEPTH === 256);
 * ```
 */
export const MAX_JSON_DEPTH = 256;

/** A model class or its name, telling the JSON reader what to build. */
export type ModelType<T extends Struct = Struct> = (new () => T) | string;

/**
 * Options of {@linkcode readJson}.
 *
 * @example
 * ```ts
 * import type { ReadJsonOptions } from "@nimbus/apiclient/services/ovirt";
 * const o: ReadJsonOptions = { list: true };
 * ```
 */
export interface ReadJsonOptions {
  /** The document is a collection (`{"vm": [...]}`) rather than one object. */
  list?: boolean;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function resolve(type: ModelType): TypeInfo {
  const info = typeof type === "string" ? typeByName(type) : typeOf(new type());
  if (info === undefined) {
    throw new SdkError(
      `Can't find a reader for type '${typeof type === "string" ? type : type.name}'`,
    );
  }
  return info;
}

// Thrown when a number lost digits in JSON.parse: the document is read again
// keeping the source text of long integers.
class InexactNumber {}

function scalarText(field: FieldInfo, v: Json): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  throw new SdkError(
    `The value of '${field.wire}' isn't a valid ${field.kind} value: ${describe(v)}`,
  );
}

// What a JSON value is, for error messages: short, and safe however deep
// the value nests (JSON.stringify would overflow the stack).
function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "object") return "an object";
  const text = typeof v === "string" ? JSON.stringify(v) : String(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function readValue(field: FieldInfo, v: Json, depth: number, exact: boolean): unknown {
  switch (field.kind) {
    case "struct":
      return field.type !== undefined && typeof v === "object" && v !== null && !Array.isArray(v)
        ? readObject(field.type, v, depth + 1, exact)
        : undefined;
    case "enum": {
      if (typeof v !== "string") return undefined;
      if (field.values.has(v)) return v;
      const t = v.trim();
      return field.values.has(t) ? t : undefined;
    }
    case "string":
      if (typeof v === "string") return v;
      break;
    case "boolean":
      // The engine sends "true"/"false"; native booleans are accepted too.
      if (v === "true" || v === true) return true;
      if (v === "false" || v === false) return false;
      break;
    case "date":
      // The engine sends epoch milliseconds, as a number or a numeric string.
      if (typeof v === "number") return new Date(v);
      if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return new Date(Number(v));
      break;
    case "long":
      if (typeof v === "number" && !exact && !Number.isSafeInteger(v) && Number.isInteger(v)) {
        throw new InexactNumber();
      }
  }
  return parseScalar(field.kind, scalarText(field, v));
}

function listItems(field: FieldInfo, v: Json): Json[] {
  if (typeof v !== "object" || v === null) return [];
  if (Array.isArray(v)) return v;
  const items = v[field.itemTag] ?? v[field.item ?? ""];
  return Array.isArray(items) ? items : items === undefined || items === null ? [] : [items];
}

function readLink(info: TypeInfo, obj: Fields, link: Json): void {
  if (typeof link !== "object" || link === null) return;
  const { rel, href } = link as JsonObject;
  if (typeof rel !== "string" || typeof href !== "string") return;
  const field = info.byRel.get(rel);
  if (field === undefined) return;
  const current = obj[field.name];
  if (current instanceof List) current.href = href;
  else obj[field.name] = List.create([], href);
}

function readObject(info: TypeInfo, json: JsonObject, depth: number, exact: boolean): Struct {
  if (depth > MAX_JSON_DEPTH) {
    throw new SdkError(`The JSON document nests objects deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const obj = new info.ctor() as Fields;
  // for-in allocates nothing (JSON.parse output has no inherited keys; of a
  // caller's value, inherited enumerable keys are read like own ones).
  for (const key in json) {
    const v = json[key] as Json;
    if (v === null) continue;
    const field = info.wire[key];
    if (field !== undefined) {
      if (field.list) {
        const current = obj[field.name];
        const items = listItems(field, v);
        const list = new List<unknown>();
        if (current instanceof List && current.href !== undefined) list.href = current.href;
        for (let j = 0; j < items.length; j++) {
          list.push(readValue(field, items[j] as Json, depth, exact));
        }
        obj[field.name] = list;
      } else {
        obj[field.name] = readValue(field, v, depth, exact);
      }
    } else if (key === "href" || key === "id") {
      obj[key] = typeof v === "string" ? v : String(v);
    } else if (key === "link") {
      if (Array.isArray(v)) {
        for (let j = 0; j < v.length; j++) readLink(info, obj, v[j] as Json);
      } else readLink(info, obj, v);
    }
  }
  return obj;
}

function keepBigIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source) {
    if (/^-?\d+$/.test(context.source)) return BigInt(context.source);
  }
  return value;
}

function parse(text: string, exact: boolean): unknown {
  try {
    return exact ? JSON.parse(text, keepBigIntegers) : JSON.parse(text);
  } catch (cause) {
    throw new SdkError(`The JSON document can't be parsed: ${String(cause)}`, { cause });
  }
}

function read(
  info: TypeInfo,
  json: unknown,
  list: boolean,
  exact: boolean,
  owned: boolean,
): Struct | List<Struct> {
  if (!isObject(json)) {
    throw new SdkError(`Expected a JSON object for '${info.name}', but got ${describe(json)}`);
  }
  if (list) {
    const items = json[info.tag] ?? [];
    const arr = Array.isArray(items) ? items : [items];
    const out = List.create<Struct>([]);
    for (let i = 0; i < arr.length; i++) {
      const o = arr[i];
      // A document this reader parsed itself lets go of each item once read,
      // so the garbage collector need not carry both trees.
      if (owned) arr[i] = null;
      if (isObject(o)) out.push(readObject(info, o, 1, exact));
    }
    if (typeof json.href === "string") out.href = json.href;
    return out;
  }
  // Faults may come bare or wrapped as {"fault": {...}}.
  const body = info.name === "Fault" && isObject(json.fault) ? json.fault : json;
  return readObject(info, body, 1, exact);
}

/**
 * Reads an engine JSON document as the given type. JSON has no root tag, so
 * the caller says what to expect; `{ list: true }` reads a collection.
 *
 * @param source the JSON text, bytes or an already parsed value.
 * @param type the model class, or its name (`"Vm"`).
 * @param options `list: true` for a collection document.
 * @returns the typed object, or a `List` of them.
 *
 * @example Read a collection of VMs
 * ```ts
 * import { readJson, Vm } from "@nimbus/apiclient/services/ovirt";
 * const vms = readJson('{"vm": [{"id": "1", "memory": "1073741824"}]}', Vm, { list: true });
 * console.assert(vms[0]?.memory === 1073741824n);
 * ```
 */
export function readJson<T extends Struct>(
  source: string | Uint8Array | unknown,
  type: ModelType<T>,
  options: { list: true },
): List<T>;
/** Reads one object. */
export function readJson<T extends Struct>(
  source: string | Uint8Array | unknown,
  type: ModelType<T>,
  options?: ReadJsonOptions,
): T;
/** Reads one object or a collection. */
export function readJson<T extends Struct>(
  source: string | Uint8Array | unknown,
  type: ModelType<T>,
  options: ReadJsonOptions = {},
): T | List<T> {
  const info = resolve(type);
  const list = options.list ?? false;
  if (typeof source !== "string" && !(source instanceof Uint8Array)) {
    // An already parsed value: its numbers are what they are.
    return read(info, source, list, true, false) as T | List<T>;
  }
  const text = typeof source === "string" ? source : new TextDecoder().decode(source);
  try {
    return read(info, parse(text, false), list, false, true) as T | List<T>;
  } catch (e) {
    if (!(e instanceof InexactNumber)) throw e;
    // Integers past 2^53 lose digits in a JSON number: read again keeping
    // their source text (rare, so the common read pays nothing for it).
    return read(info, parse(text, true), list, true, true) as T | List<T>;
  }
}

function toJsonValue(field: FieldInfo, v: unknown, depth: number): Json {
  if (field.kind === "struct") return toJsonObject(v as Struct, depth + 1);
  if (v instanceof Date) return v.getTime();
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

function toJsonObject(obj: Struct, depth: number): JsonObject {
  if (depth > MAX_JSON_DEPTH) {
    throw new SdkError(
      `The object nests deeper than ${MAX_JSON_DEPTH} levels (does it contain itself?)`,
    );
  }
  const info = typeOf(obj);
  if (info === undefined) {
    throw new SdkError(
      `Can't find a writer for type '${Object.getPrototypeOf(obj)?.constructor?.name}'`,
    );
  }
  const rec = obj as unknown as Record<string, unknown>;
  const out: JsonObject = {};
  if (obj.href !== undefined) out.href = obj.href;
  if (obj.id !== undefined) out.id = obj.id;
  for (const f of [...info.attributes, ...info.elements]) {
    const v = rec[f.name];
    if (v === undefined || v === null || isLinkOnlyList(v)) continue;
    if (f.list) {
      const items = (Array.isArray(v) ? v : [v]).map((x) => toJsonValue(f, x, depth));
      out[f.wire] = { [f.itemTag]: items };
    } else {
      out[f.wire] = toJsonValue(f, v, depth);
    }
  }
  return out;
}

/**
 * Writes a model object (or a list, as `{"<tag>": [...]}`) in the engine's
 * JSON format: scalars as strings, dates as epoch milliseconds, 64-bit
 * values without loss.
 *
 * @param obj a model object, or an array of them.
 * @returns the JSON text the engine accepts.
 *
 * @example
 * ```ts
 * import { Vm, writeJson } from "@nimbus/apiclient/services/ovirt";
 * console.log(writeJson(new Vm({ name: "a", memory: 1024n })));
 * // {"memory":"1024","name":"a"}
 * ```
 */
export function writeJson(obj: Struct | readonly Struct[]): string {
  if (Array.isArray(obj)) {
    const first = obj[0];
    if (first === undefined) return "{}";
    const tag = typeOf(first)?.tag ?? "item";
    return JSON.stringify({ [tag]: obj.map((o: Struct) => toJsonObject(o, 1)) });
  }
  return JSON.stringify(toJsonObject(obj as Struct, 1));
}

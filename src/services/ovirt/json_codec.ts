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
import { SdkError } from "../../errors/mod.ts";
import { List, type Struct } from "./struct.ts";
import { parseScalar } from "./primitives.ts";
import { enumValues, type FieldSpec, typeByName, type TypeInfo, typeOf } from "./type_info.ts";

type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

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

function scalarText(field: FieldSpec, v: Json): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  throw new SdkError(
    `The value '${JSON.stringify(v)}' of '${field.wire}' isn't a valid ${field.kind} value`,
  );
}

function readValue(field: FieldSpec, v: Json): unknown {
  if (field.kind === "struct") {
    const info = typeByName(field.ref ?? "");
    return info && isObject(v) ? readObject(info, v) : undefined;
  }
  if (field.kind === "enum") {
    const t = typeof v === "string" ? v.trim() : undefined;
    return t !== undefined && enumValues(field.ref ?? "").has(t) ? t : undefined;
  }
  if (field.kind === "date") {
    // The engine sends epoch milliseconds, as a number or a numeric string.
    if (typeof v === "number") return new Date(v);
    if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return new Date(Number(v));
  }
  return parseScalar(field.kind, scalarText(field, v));
}

function listItems(field: FieldSpec, v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (!isObject(v)) return [];
  const tag = field.kind === "struct" ? typeByName(field.ref ?? "")?.tag : field.item;
  const items = v[tag ?? ""] ?? v[field.item ?? ""];
  return Array.isArray(items) ? items : items === undefined || items === null ? [] : [items];
}

function readObject(info: TypeInfo, json: JsonObject): Struct {
  const obj = new info.ctor() as Struct & Record<string, unknown>;
  for (const [key, v] of Object.entries(json)) {
    if (v === null) continue;
    if (key === "href" || key === "id") {
      obj[key] = String(v);
      continue;
    }
    if (key === "link") {
      for (const link of Array.isArray(v) ? v : [v]) {
        if (!isObject(link) || typeof link.rel !== "string" || typeof link.href !== "string") {
          continue;
        }
        const field = info.byRel.get(link.rel);
        if (field === undefined) continue;
        const current = obj[field.name];
        if (current instanceof List) current.href = link.href;
        else obj[field.name] = List.create([], link.href);
      }
      continue;
    }
    const field = info.byWire.get(key);
    if (field === undefined) continue;
    if (field.list) {
      const current = obj[field.name];
      const href = current instanceof List ? current.href : undefined;
      obj[field.name] = List.create(listItems(field, v).map((x) => readValue(field, x)), href);
    } else {
      obj[field.name] = readValue(field, v);
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

function parse(source: string | Uint8Array | unknown): unknown {
  if (typeof source !== "string" && !(source instanceof Uint8Array)) return source;
  const textSource = typeof source === "string" ? source : new TextDecoder().decode(source);
  try {
    // Integers past 2^53 lose digits in a JSON number; keep their source text
    // (only when the document has such long digit runs, to keep parsing fast).
    return /\d{16}/.test(textSource)
      ? JSON.parse(textSource, keepBigIntegers)
      : JSON.parse(textSource);
  } catch (cause) {
    throw new SdkError(`The JSON document can't be parsed: ${String(cause)}`, { cause });
  }
}

/**
 * Reads an engine JSON document as the given type. JSON has no root tag, so
 * the caller says what to expect; `{ list: true }` reads a collection.
 *
 * @example Read a collection of VMs
 * ```ts
 * import { readJson, Vm } from "@nimbus/apiclient/services/ovirt";
 * const vms = readJson('{"vm": [{"id": "1", "memory": "1073741824"}]}', Vm, { list: true });
 * console.log(vms[0]?.memory); // 1073741824n
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
  const json = parse(source);
  if (!isObject(json)) {
    throw new SdkError(
      `Expected a JSON object for '${info.name}', but got ${JSON.stringify(json)}`,
    );
  }
  if (options.list) {
    const items = json[info.tag] ?? [];
    const arr = Array.isArray(items) ? items : [items];
    const list = List.create(arr.filter(isObject).map((o) => readObject(info, o) as T));
    if (typeof json.href === "string") list.href = json.href;
    return list;
  }
  // Faults may come bare or wrapped as {"fault": {...}}.
  const body = info.name === "Fault" && isObject(json.fault) ? json.fault : json;
  return readObject(info, body) as T;
}

function toJsonValue(field: FieldSpec, v: unknown): Json {
  if (field.kind === "struct") return toJsonObject(v as Struct);
  if (v instanceof Date) return v.getTime();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  return String(v);
}

function toJsonObject(obj: Struct): JsonObject {
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
    if (v === undefined || v === null) continue;
    if (f.list) {
      const tag = f.kind === "struct" ? typeByName(f.ref ?? "")?.tag ?? f.item : f.item;
      const items = (Array.isArray(v) ? v : [v]).map((x) => toJsonValue(f, x));
      out[f.wire] = { [tag ?? f.wire]: items };
    } else {
      out[f.wire] = toJsonValue(f, v);
    }
  }
  return out;
}

/**
 * Writes a model object (or a list, as `{"<tag>": [...]}`) in the engine's
 * JSON format: scalars as strings, dates as epoch milliseconds, 64-bit
 * values without loss.
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
    return JSON.stringify({ [tag]: obj.map((o: Struct) => toJsonObject(o)) });
  }
  return JSON.stringify(toJsonObject(obj as Struct));
}

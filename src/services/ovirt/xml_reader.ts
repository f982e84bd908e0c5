/**
 * XML → model objects. Parsing is done by `fast-xml-parser` (pure
 * TypeScript, no native code, fast on large collections); this file maps its
 * tree onto the generated types following the Python SDK's readers.
 *
 * @module
 */
import { XMLParser } from "fast-xml-parser";
import { SdkError } from "../../errors/mod.ts";
import { List, type Struct } from "./struct.ts";
import { parseScalar } from "./primitives.ts";
import {
  enumValues,
  type FieldSpec,
  typeByName,
  typeByPlural,
  typeByTag,
  type TypeInfo,
} from "./type_info.ts";

/**
 * A parsed element: its text, or an object of children (one node, or an
 * array when the tag repeats) plus `$` attributes and `#text`.
 */
type Node = string | { [key: string]: Node | Node[] | Record<string, string> | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: "$",
  parseTagValue: false,
  parseAttributeValue: false,
  // Text is kept as sent (`<name> a </name>` is " a "), like the SDK and the
  // JSON reader; scalars are trimmed when parsed.
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  // No `isArray` callback: it costs a quarter of the parse time on large
  // collections; `many()` below evens out single and repeated children.
});

function many(value: unknown): Node[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as Node];
}

function decode(source: string | Uint8Array): string {
  return typeof source === "string" ? source : new TextDecoder().decode(source);
}

function attrs(node: Node): Record<string, string> | undefined {
  return typeof node === "string" ? undefined : node.$ as Record<string, string> | undefined;
}

function children(node: Node, tag: string): Node[] {
  return typeof node === "string" ? [] : many(node[tag]);
}

function text(node: Node): string {
  if (typeof node === "string") return node;
  const t = node["#text"];
  return typeof t === "string" ? t : "";
}

function readValue(field: FieldSpec, node: Node): unknown {
  switch (field.kind) {
    case "struct": {
      const info = typeByName(field.ref ?? "");
      return info ? readStruct(info, node) : undefined;
    }
    case "enum": {
      const t = text(node).trim();
      // Unknown enum values read as undefined, never as an error.
      return enumValues(field.ref ?? "").has(t) ? t : undefined;
    }
    default:
      return parseScalar(field.kind, text(node));
  }
}

function readList(field: FieldSpec, node: Node): unknown[] {
  const tag = field.kind === "struct" ? typeByName(field.ref ?? "")?.tag ?? field.item : field.item;
  return children(node, tag ?? "").map((n) => readValue(field, n));
}

/** Reads one object of type `info` from its element. */
export function readStruct(info: TypeInfo, node: Node): Struct {
  const obj = new info.ctor() as Struct & Record<string, unknown>;
  const a = attrs(node);
  if (a !== undefined) {
    if (a.href !== undefined) obj.href = a.href;
    if (a.id !== undefined) obj.id = a.id;
    for (const f of info.attributes) {
      const v = a[f.wire];
      if (v !== undefined) obj[f.name] = readValue(f, v);
    }
  }
  if (typeof node === "string") return obj;
  for (const key of Object.keys(node)) {
    if (key === "$" || key === "#text") continue;
    const nodes = many(node[key]);
    if (key === "link") {
      for (const link of nodes) {
        const la = attrs(link);
        const field = la?.rel === undefined ? undefined : info.byRel.get(la.rel);
        if (field === undefined || la?.href === undefined) continue;
        const current = obj[field.name];
        if (current instanceof List) current.href = la.href;
        else obj[field.name] = List.create([], la.href);
      }
      continue;
    }
    const field = info.byWire.get(key);
    const first = nodes[0];
    if (field === undefined || field.attr || first === undefined) continue;
    if (field.list) {
      const current = obj[field.name];
      const href = current instanceof List ? current.href : undefined;
      obj[field.name] = List.create(readList(field, first), href);
    } else {
      obj[field.name] = readValue(field, first);
    }
  }
  return obj;
}

function parse(source: string | Uint8Array): [string, Node] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(decode(source)) as Record<string, unknown>;
  } catch (cause) {
    throw new SdkError(`The XML document can't be parsed: ${String(cause)}`, { cause });
  }
  const root = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("!"));
  const node = root === undefined ? undefined : many(doc[root])[0];
  if (root === undefined || node === undefined) {
    throw new SdkError("The XML document has no root element");
  }
  return [root, node];
}

/**
 * Reads an XML document into model objects, choosing the type by the root
 * tag: `<vm>` gives a `Vm`, `<vms>` a `List<Vm>`. Unknown tags raise
 * `Can't find a reader for tag '<tag>'`. Given a class, the document must
 * hold that type (or a list of it with `{ list: true }`).
 *
 * @example Read a VM
 * ```ts
 * import { readXml, Vm } from "@nimbus/apiclient/services/ovirt";
 * const vm = readXml('<vm id="123"><name>myvm</name><status>up</status></vm>', Vm);
 * console.log(vm.name, vm.status); // myvm up
 * ```
 */
export function readXml<T extends Struct>(
  source: string | Uint8Array,
  type: new () => T,
  options: { list: true },
): List<T>;
/** Reads one object of the given class. */
export function readXml<T extends Struct>(
  source: string | Uint8Array,
  type: new () => T,
  options?: { list?: false },
): T;
/** Reads whatever the root tag says. */
export function readXml(source: string | Uint8Array): unknown;
/** Reads a document, optionally checking its type. */
export function readXml<T extends Struct>(
  source: string | Uint8Array,
  type?: new () => T,
  options: { list?: boolean } = {},
): unknown {
  const [root, node] = parse(source);
  const result = readRoot(root, node);
  if (type === undefined) return result;
  const ok = options.list
    ? result instanceof List && result.every((x) => x instanceof type)
    : result instanceof type;
  if (!ok) {
    throw new SdkError(
      `Expected ${options.list ? "a list of " : ""}'${type.name}', but got the tag '${root}'`,
    );
  }
  return result;
}

function readRoot(root: string, node: Node): unknown {
  const one = typeByTag(root);
  if (one !== undefined) return readStruct(one, node);
  const many = typeByPlural(root);
  if (many !== undefined) {
    const list = List.create(children(node, many.tag).map((n) => readStruct(many, n)));
    const href = attrs(node)?.href;
    if (href !== undefined) list.href = href;
    return list;
  }
  throw new SdkError(`Can't find a reader for tag '${root}'`);
}

/** The root tag of an XML document (`vm`, `fault`, `action`). */
export function xmlRootTag(source: string | Uint8Array): string {
  return parse(source)[0];
}

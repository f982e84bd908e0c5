/**
 * XML → model objects, following the Python SDK's readers. The document is
 * read in one forward pass by {@linkcode XmlScanner}, which builds the typed
 * objects directly (no intermediate tree) and refuses malformed XML with
 * its position.
 *
 * Forward compatible: elements, attributes, link `rel`s and enum values the
 * model does not know are skipped (an unknown enum value reads as
 * `undefined`), and a root tag the model does not know reads as a generic
 * {@linkcode XmlElement}, so a newer engine's reply never breaks the client.
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";
import { List, type Struct } from "./struct.ts";
import { parseScalar } from "./primitives.ts";
import { type FieldInfo, typeByPlural, typeByTag, type TypeInfo } from "./type_info.ts";
import { XmlScanner } from "./xml_scanner.ts";
import { decodeXml } from "./xml_decode.ts";
import { XmlElement } from "./xml_element.ts";

type Fields = Struct & Record<string, unknown>;

function scalar(field: FieldInfo, text: string): unknown {
  if (field.kind === "enum") {
    if (field.values.has(text)) return text;
    const t = text.trim();
    // Unknown enum values read as undefined, never as an error.
    return field.values.has(t) ? t : undefined;
  }
  return parseScalar(field.kind, text);
}

// Reads the element whose start tag the scanner just read as `field`'s value.
function value(sc: XmlScanner, field: FieldInfo): unknown {
  if (field.kind === "struct") {
    if (field.type !== undefined) return readStruct(sc, field.type);
    if (!sc.selfClosing) sc.skip();
    return undefined;
  }
  return scalar(field, sc.selfClosing ? "" : sc.text());
}

function list(sc: XmlScanner, field: FieldInfo, href: string | undefined): List<unknown> {
  const items = List.create<unknown>([], href);
  if (sc.selfClosing) return items;
  while (sc.nextChild()) {
    if (sc.tag === field.itemTag) items.push(value(sc, field));
    else if (!sc.selfClosing) sc.skip();
  }
  return items;
}

function link(sc: XmlScanner, info: TypeInfo, obj: Fields): void {
  const rel = sc.attr("rel");
  const href = sc.attr("href");
  if (!sc.selfClosing) sc.skip();
  const field = rel === undefined ? undefined : info.byRel.get(rel);
  if (field === undefined || href === undefined) return;
  const current = obj[field.name];
  if (current instanceof List) current.href = href;
  else obj[field.name] = List.create([], href);
}

// Reads the element whose start tag the scanner just read as a `info`.
function readStruct(sc: XmlScanner, info: TypeInfo): Struct {
  const obj = new info.ctor() as Fields;
  const href = sc.attr("href");
  if (href !== undefined) obj.href = href;
  const id = sc.attr("id");
  if (id !== undefined) obj.id = id;
  for (const f of info.attributes) {
    const v = sc.attr(f.wire);
    if (v !== undefined) obj[f.name] = scalar(f, v);
  }
  if (sc.selfClosing) return obj;
  while (sc.nextChild()) {
    const tag = sc.tag;
    if (tag === "link") {
      link(sc, info, obj);
      continue;
    }
    const field = info.byWire.get(tag);
    if (field === undefined || field.attr) {
      if (!sc.selfClosing) sc.skip();
    } else if (field.list) {
      const current = obj[field.name];
      obj[field.name] = list(sc, field, current instanceof List ? current.href : undefined);
    } else {
      obj[field.name] = value(sc, field);
    }
  }
  return obj;
}

function readGeneric(sc: XmlScanner): XmlElement {
  const tag = sc.tag;
  const attributes = sc.attributes();
  if (sc.selfClosing) return new XmlElement(tag, attributes);
  const children: XmlElement[] = [];
  const text = sc.text(() => children.push(readGeneric(sc)));
  return new XmlElement(tag, attributes, children, text);
}

function readRoot(sc: XmlScanner): unknown {
  const one = typeByTag(sc.tag);
  if (one !== undefined) return readStruct(sc, one);
  const many = typeByPlural(sc.tag);
  if (many === undefined) return readGeneric(sc);
  const items = List.create<Struct>([], sc.attr("href"));
  if (sc.selfClosing) return items;
  while (sc.nextChild()) {
    if (sc.tag === many.tag) items.push(readStruct(sc, many));
    else if (!sc.selfClosing) sc.skip();
  }
  return items;
}

function scanner(source: string | Uint8Array): XmlScanner {
  if (typeof source === "string") return new XmlScanner(source);
  if (source instanceof Uint8Array) return new XmlScanner(decodeXml(source));
  throw new SdkError(
    `Expected the XML document as a string or Uint8Array, but got '${
      source === null ? "null" : typeof source
    }'`,
  );
}

/**
 * Reads an XML document into model objects, choosing the type by the root
 * tag: `<vm>` gives a `Vm`, `<vms>` a `List<Vm>`, and a tag the model does
 * not know a generic {@linkcode XmlElement}. Elements and attributes the
 * model does not know are skipped. Bytes are decoded in the encoding the
 * document declares (UTF-8 by default; UTF-16 with a byte-order mark,
 * ISO-8859-1 and the other WHATWG encodings). Malformed XML throws an
 * `SdkError` naming the line and column. Given a class, the document must
 * hold that type (or a list of it with `{ list: true }`).
 *
 * @param source the XML text or bytes.
 * @param type the model class to read into (`Vm`); without it, an untyped `XmlElement` tree.
 * @param options `list: true` for a collection document.
 * @returns the typed object, or a `List` of them.
 *
 * @example Read a VM
 * ```ts
 * import { readXml, Vm } from "@nimbus/apiclient/services/ovirt";
 * const vm = readXml('<vm id="123"><name>myvm</name><status>up</status></vm>', Vm);
 * console.assert(vm.name === "myvm" && vm.status === "up");
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
  const sc = scanner(source);
  sc.root();
  const root = sc.tag;
  const result = readRoot(sc);
  sc.end();
  if (type === undefined) return result;
  const ok = options.list
    ? result instanceof List && result.every((x) => x instanceof type)
    : result instanceof type;
  if (!ok) {
    throw new SdkError(
      `Expected ${options.list ? "a list of " : ""}'${type.name}', but got the tag '${
        root.length > 80 ? `${root.slice(0, 80)}…` : root
      }'`,
    );
  }
  return result;
}

/**
 * The root tag of an XML document (`vm`, `fault`, `action`).
 *
 * @example
 * ```ts
 * import { xmlRootTag } from "./xml_reader.ts";
 * console.assert(String(xmlRootTag("<?xml version='1.0'?><fault/>")) === "fault");
 * ```
 */
export function xmlRootTag(source: string | Uint8Array): string {
  const sc = scanner(source);
  sc.root();
  return sc.tag;
}

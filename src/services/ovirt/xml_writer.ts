/**
 * Model objects → XML, by the Python SDK's writer rules: `href` and `id` (and
 * attribute-typed fields) as attributes, other fields as child elements in
 * alphabetical order, empty lists as `<usages/>`, unset fields omitted.
 * A list that is only a link (read from `<link rel="nics" href="…"/>`) is
 * omitted too: it says where the items are, not that there are none. Text
 * is escaped so it reads back the same (`\r`, tabs in attributes, C1
 * controls as character references); characters XML 1.0 cannot carry (NUL
 * and the other C0 controls, lone surrogates) are refused with `SdkError`.
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";
import type { Struct } from "./struct.ts";
import { renderScalar } from "./primitives.ts";
import { type FieldInfo, type TypeInfo, typeOf } from "./type_info.ts";
import { isLinkOnlyList } from "./link_list.ts";
import { MAX_XML_DEPTH } from "./xml_scanner.ts";

/**
 * Options of {@linkcode writeXml}.
 *
 * @example
 * ```ts
 * import type { WriteXmlOptions } from "@nimbus/apiclient/services/ovirt";
 * const o: WriteXmlOptions = { root: "vms", indent: true };
 * ```
 */
export interface WriteXmlOptions {
  /** The wrapper tag; mandatory when writing a list. */
  root?: string;
  /** Two-space indentation with one element per line and a final newline. */
  indent?: boolean;
}

// What text and attribute values can't carry as they are: markup, line ends
// and tabs the reader would normalize, C1 and other control characters,
// and characters XML 1.0 forbids outright.
// deno-lint-ignore no-control-regex -- matching control characters is the point
const SPECIAL_TEXT = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
// deno-lint-ignore no-control-regex -- matching control characters is the point
const SPECIAL_ATTR = /[&<>"\t\n\r\x00-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

function escape(s: string, special: RegExp, where: string): string {
  if (!s.isWellFormed()) {
    throw new SdkError(`The value of '${where}' has a lone surrogate, which XML can't carry`);
  }
  if (!special.test(s)) return s;
  const all = new RegExp(special.source, "g");
  return s.replace(all, (ch) => {
    const named = ESCAPES[ch];
    if (named !== undefined) return named;
    const cp = ch.charCodeAt(0);
    if (cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x7f && cp <= 0x9f)) {
      return `&#${cp};`;
    }
    const hex = cp.toString(16).toUpperCase().padStart(4, "0");
    throw new SdkError(
      `The value of '${where}' contains the character U+${hex}, which XML 1.0 can't carry`,
    );
  });
}

function escapeText(s: string, where: string): string {
  return escape(s, SPECIAL_TEXT, where);
}

function escapeAttr(s: string, where: string): string {
  return escape(s, SPECIAL_ATTR, where);
}

const NAME = /^[A-Za-z_][\w.-]*$/;

class Out {
  parts: string[] = [];
  constructor(readonly indent: boolean) {}
  line(depth: number, s: string): void {
    if (this.indent) this.parts.push("  ".repeat(depth), s, "\n");
    else this.parts.push(s);
  }
}

function infoFor(obj: unknown): TypeInfo {
  const info = typeOf(obj);
  if (info === undefined) {
    const name = obj === null || obj === undefined
      ? String(obj)
      : (Object.getPrototypeOf(obj)?.constructor?.name ?? typeof obj);
    throw new SdkError(`Can't find a writer for type '${name}'`);
  }
  return info;
}

function writeStruct(
  out: Out,
  depth: number,
  tag: string,
  obj: Struct,
  info: TypeInfo,
): void {
  if (depth > MAX_XML_DEPTH) {
    throw new SdkError(
      `The object nests deeper than ${MAX_XML_DEPTH} levels (does it contain itself?)`,
    );
  }
  const rec = obj as unknown as Record<string, unknown>;
  const attrs: [string, string][] = [];
  if (obj.href !== undefined) attrs.push(["href", obj.href]);
  if (obj.id !== undefined) attrs.push(["id", obj.id]);
  for (const f of info.attributes) {
    const v = rec[f.name];
    if (v !== undefined && v !== null) attrs.push([f.wire, renderScalar(v)]);
  }
  attrs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const open = tag + attrs.map(([k, v]) => ` ${k}="${escapeAttr(v, `${tag}@${k}`)}"`).join("");
  const fields = info.elements.filter((f) => {
    const v = rec[f.name];
    return v !== undefined && v !== null && !isLinkOnlyList(v);
  });
  if (fields.length === 0) {
    out.line(depth, `<${open}/>`);
    return;
  }
  out.line(depth, `<${open}>`);
  for (const f of fields) writeField(out, depth + 1, f, rec[f.name]);
  out.line(depth, `</${tag}>`);
}

function writeValue(out: Out, depth: number, tag: string, f: FieldInfo, v: unknown): void {
  if (f.kind === "struct") {
    const info = typeOf(v) ?? f.type;
    if (info === undefined) throw new SdkError(`Can't find a writer for type '${f.ref}'`);
    writeStruct(out, depth, tag, v as Struct, info);
    return;
  }
  out.line(depth, `<${tag}>${escapeText(renderScalar(v), tag)}</${tag}>`);
}

function writeField(out: Out, depth: number, f: FieldInfo, v: unknown): void {
  if (!f.list) {
    writeValue(out, depth, f.wire, f, v);
    return;
  }
  const items = Array.isArray(v) ? v : [v];
  if (items.length === 0) {
    out.line(depth, `<${f.wire}/>`);
    return;
  }
  out.line(depth, `<${f.wire}>`);
  for (const item of items) {
    const tag = f.kind === "struct" ? (typeOf(item)?.tag ?? f.itemTag) : f.itemTag;
    writeValue(out, depth + 1, tag, f, item);
  }
  out.line(depth, `</${f.wire}>`);
}

/**
 * Writes a model object (or a list, with `root`) as XML.
 *
 * @param obj a model object, or an array of them (a collection document).
 * @param options `indent: true` for readable output.
 * @returns the XML text the engine accepts.
 *
 * @example Write an action body as the services do
 * ```ts
 * import { Action, writeXml } from "@nimbus/apiclient/services/ovirt";
 * console.log(writeXml(new Action({ pause: true }), { indent: true }));
 * // <action>
 * //   <pause>true</pause>
 * // </action>
 * ```
 */
export function writeXml(obj: Struct | readonly Struct[], options: WriteXmlOptions = {}): string {
  if (options.root !== undefined && !NAME.test(options.root)) {
    throw new SdkError(`The root tag '${options.root}' isn't a valid XML name`);
  }
  const out = new Out(options.indent ?? false);
  if (Array.isArray(obj)) {
    if (options.root === undefined) {
      throw new SdkError("The 'root' parameter is mandatory when writing lists.");
    }
    if (obj.length === 0) {
      out.line(0, `<${options.root}/>`);
    } else {
      out.line(0, `<${options.root}>`);
      for (const item of obj) {
        const info = infoFor(item);
        writeStruct(out, 1, info.tag, item, info);
      }
      out.line(0, `</${options.root}>`);
    }
  } else {
    const info = infoFor(obj);
    writeStruct(out, 0, options.root ?? info.tag, obj as Struct, info);
  }
  return out.parts.join("");
}

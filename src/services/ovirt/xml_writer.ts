/**
 * Model objects → XML, by the Python SDK's writer rules: `href` and `id` (and
 * attribute-typed fields) as attributes, other fields as child elements in
 * alphabetical order, empty lists as `<usages/>`, unset fields omitted.
 *
 * @module
 */
import { SdkError } from "../../errors/mod.ts";
import type { Struct } from "./struct.ts";
import { renderScalar } from "./primitives.ts";
import { type FieldSpec, typeByName, type TypeInfo, typeOf } from "./type_info.ts";

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

function escapeText(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replaceAll('"', "&quot;");
}

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

function writeStruct(out: Out, depth: number, tag: string, obj: Struct, info: TypeInfo): void {
  const rec = obj as unknown as Record<string, unknown>;
  const attrs: [string, string][] = [];
  if (obj.href !== undefined) attrs.push(["href", obj.href]);
  if (obj.id !== undefined) attrs.push(["id", obj.id]);
  for (const f of info.attributes) {
    const v = rec[f.name];
    if (v !== undefined && v !== null) attrs.push([f.wire, renderScalar(v)]);
  }
  attrs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const open = tag + attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
  const fields = info.elements.filter((f) => rec[f.name] !== undefined && rec[f.name] !== null);
  if (fields.length === 0) {
    out.line(depth, `<${open}/>`);
    return;
  }
  out.line(depth, `<${open}>`);
  for (const f of fields) writeField(out, depth + 1, f, rec[f.name]);
  out.line(depth, `</${tag}>`);
}

function writeValue(out: Out, depth: number, tag: string, f: FieldSpec, v: unknown): void {
  if (f.kind === "struct") {
    const info = typeOf(v) ?? typeByName(f.ref ?? "");
    if (info === undefined) throw new SdkError(`Can't find a writer for type '${f.ref}'`);
    writeStruct(out, depth, tag, v as Struct, info);
    return;
  }
  out.line(depth, `<${tag}>${escapeText(renderScalar(v))}</${tag}>`);
}

function writeField(out: Out, depth: number, f: FieldSpec, v: unknown): void {
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
    const tag = f.kind === "struct" ? (typeOf(item)?.tag ?? f.item ?? f.wire) : (f.item ?? f.wire);
    writeValue(out, depth + 1, tag, f, item);
  }
  out.line(depth, `</${f.wire}>`);
}

/**
 * Writes a model object (or a list, with `root`) as XML.
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

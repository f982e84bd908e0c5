/**
 * Renders fake engine objects the way the engine does: XML with `id`/`href`
 * attributes, or Jackson-style JSON (scalars as strings, dates as epoch ms,
 * lists keyed by the singular name).
 *
 * @module
 */
import { isObj, ListValue, type Obj, type Value } from "./model.ts";

/** A `<link rel href>` of an object. */
export interface Link {
  /** The relation: a sub-collection or action segment. */
  rel: string;
  /** The absolute path. */
  href: string;
}

/** Links and actions shown with an entity. */
export interface Extras {
  /** Sub-collection links. */
  links?: Link[];
  /** Action links (`<actions>`). */
  actions?: Link[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The engine's XML date: ISO-8601 with an explicit offset. */
function xmlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function scalarText(value: string | number | boolean | Date): string {
  return value instanceof Date ? xmlDate(value) : String(value);
}

function linkXml(link: Link, pad: string): string {
  return `${pad}<link href="${escapeXml(link.href)}" rel="${escapeXml(link.rel)}"/>\n`;
}

function elementXml(tag: string, value: Value, depth: number, extras?: Extras): string {
  const pad = "  ".repeat(depth);
  if (value instanceof ListValue) {
    if (value.items.length === 0) return `${pad}<${tag}/>\n`;
    const inner = value.items.map((v) => elementXml(value.item, v, depth + 1)).join("");
    return `${pad}<${tag}>\n${inner}${pad}</${tag}>\n`;
  }
  if (!isObj(value)) return `${pad}<${tag}>${escapeXml(scalarText(value))}</${tag}>\n`;
  let attrs = "";
  if (typeof value.href === "string") attrs += ` href="${escapeXml(value.href)}"`;
  if (typeof value.id === "string") attrs += ` id="${escapeXml(value.id)}"`;
  let inner = "";
  if (extras?.actions?.length) {
    inner += `${pad}  <actions>\n${
      extras.actions.map((l) => linkXml(l, pad + "    ")).join("")
    }${pad}  </actions>\n`;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === "id" || key === "href" || child === undefined) continue;
    inner += elementXml(key, child, depth + 1);
  }
  for (const link of extras?.links ?? []) inner += linkXml(link, pad + "  ");
  return inner ? `${pad}<${tag}${attrs}>\n${inner}${pad}</${tag}>\n` : `${pad}<${tag}${attrs}/>\n`;
}

/**
 * One object as an XML document.
 */
export function renderXml(tag: string, value: Obj, extras?: Extras): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    elementXml(tag, value, 0, extras);
}

/** A collection as an XML document: `<vms><vm …/></vms>`. */
export function renderXmlList(
  plural: string,
  single: string,
  items: { value: Obj; extras?: Extras }[],
): string {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  if (items.length === 0) return `${head}<${plural}/>\n`;
  const inner = items.map((i) => elementXml(single, i.value, 1, i.extras)).join("");
  return `${head}<${plural}>\n${inner}</${plural}>\n`;
}

type Json = string | number | Json[] | { [key: string]: Json };

function jsonValue(value: Value): Json {
  if (value instanceof Date) return value.getTime();
  if (value instanceof ListValue) return { [value.item]: value.items.map(jsonValue) };
  if (isObj(value)) return jsonObject(value);
  return String(value);
}

function jsonObject(value: Obj, extras?: Extras): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== undefined) out[key] = jsonValue(child);
  }
  if (extras?.actions?.length) {
    out.actions = { link: extras.actions.map((l) => ({ href: l.href, rel: l.rel })) };
  }
  if (extras?.links?.length) out.link = extras.links.map((l) => ({ href: l.href, rel: l.rel }));
  return out;
}

/** One object as engine JSON (no root wrapper). */
export function renderJson(value: Obj, extras?: Extras): string {
  return JSON.stringify(jsonObject(value, extras), null, 2);
}

/** A collection as engine JSON: `{"vm": […]}`, `{}` when empty. */
export function renderJsonList(single: string, items: { value: Obj; extras?: Extras }[]): string {
  if (items.length === 0) return "{}";
  return JSON.stringify({ [single]: items.map((i) => jsonObject(i.value, i.extras)) }, null, 2);
}

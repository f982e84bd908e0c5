/**
 * Reads the XML or JSON body of a request into a fake engine object.
 *
 * @module
 */
import { XMLParser } from "fast-xml-parser";
import { ListValue, type Obj, type Value } from "./model.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function toValue(raw: unknown, key: string): Value {
  if (Array.isArray(raw)) return new ListValue(key, raw.map((r) => toValue(r, key)));
  if (typeof raw === "object" && raw !== null) {
    const entries = Object.entries(raw as Record<string, unknown>);
    // `<usages><usage>a</usage><usage>b</usage></usages>` and `{"usages": {"usage": [...]}}`
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only && Array.isArray(only[1])) return toValue(only[1], only[0]);
    const obj: Obj = {};
    for (const [k, v] of entries) {
      if (k === "#text") continue;
      const name = k.startsWith("@_") ? k.slice(2) : k;
      obj[name] = toValue(v, name);
    }
    return obj;
  }
  return raw === null || raw === undefined ? "" : String(raw);
}

/** A parsed body: the XML root tag (undefined for JSON) and its content. */
export interface ParsedBody {
  /** The root element name, for XML. */
  root?: string;
  /** The object. */
  value: Obj;
}

/**
 * Parses a request body by its content type. Throws a `SyntaxError` when it
 * is neither valid XML nor valid JSON.
 */
export function parseBody(text: string, contentType: string): ParsedBody {
  if (text.trim() === "") return { value: {} };
  if (/json/i.test(contentType)) {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new SyntaxError("expected a JSON object");
    }
    const value = toValue(raw, "");
    return { value: value instanceof ListValue || typeof value !== "object" ? {} : value as Obj };
  }
  const doc = parser.parse(text, true) as Record<string, unknown>;
  const root = Object.keys(doc).find((k) => !k.startsWith("?"));
  if (root === undefined) throw new SyntaxError("no root element");
  const value = toValue(doc[root], root);
  return {
    root,
    value: typeof value === "object" && !(value instanceof ListValue) ? value as Obj : {},
  };
}

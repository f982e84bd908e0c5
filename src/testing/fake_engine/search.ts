/**
 * A small subset of the engine's search language: `name=web*`,
 * `status=up and name!=db*`, a bare word (a name pattern), `page N`.
 *
 * @module
 */
import type { Obj } from "./model.ts";

interface Clause {
  field: string;
  negate: boolean;
  pattern: RegExp;
}

function wildcard(text: string, caseSensitive: boolean): RegExp {
  const body = text.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${body}$`, caseSensitive ? "" : "i");
}

/** A parsed search query. */
export interface Search {
  /** True when an object matches every clause. */
  matches(obj: Obj): boolean;
  /** The `page N` clause (1-based), if any. */
  page?: number;
}

/** Parses a search query. */
export function parseSearch(query: string, caseSensitive: boolean): Search {
  const clauses: Clause[] = [];
  let page: number | undefined;
  for (const part of query.trim().split(/\s+and\s+/i)) {
    let text = part.trim();
    const pageMatch = /(?:^|\s)page\s+(\d+)\s*$/i.exec(text);
    if (pageMatch) {
      page = Number(pageMatch[1]);
      text = text.slice(0, pageMatch.index).trim();
    }
    if (!text) continue;
    const m = /^([\w.]+)\s*(!=|=)\s*(.*)$/.exec(text);
    const [field, op, value] = m ? [m[1]!, m[2]!, m[3]!] : ["name", "=", text];
    clauses.push({ field, negate: op === "!=", pattern: wildcard(value, caseSensitive) });
  }
  return {
    page,
    matches(obj: Obj): boolean {
      return clauses.every((c) => {
        let value: unknown = obj;
        for (const key of c.field.split(".")) {
          value = typeof value === "object" && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined;
        }
        const hit = value !== undefined && typeof value !== "object" &&
          c.pattern.test(String(value));
        return c.negate ? !hit : hit;
      });
    },
  };
}

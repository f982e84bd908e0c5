/**
 * Parsing and rendering of the scalar values of the oVirt wire formats.
 * Invalid text raises an `SdkError` that quotes the text, as the Python
 * readers do (`The text 'ugly' isn't a valid boolean value`).
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";
import type { FieldKind } from "./type_info.ts";

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// ISO-8601 date-time with optional fraction and a `Z` or `±HH:MM` offset.
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function invalid(text: string, what: string): SdkError {
  // Quoted whole when short, as the Python readers do; cut when huge.
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new SdkError(`The text '${shown}' isn't a valid ${what} value`);
}

/**
 * Parses a boolean: `true`/`false`/`1`/`0` in any case.
 *
 * @example
 * ```ts
 * import { parseBoolean } from "./primitives.ts";
 * console.log(parseBoolean("TRUE"), parseBoolean("0")); // true false
 * ```
 */
export function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === "true" || t === "1") return true;
  if (t === "false" || t === "0") return false;
  throw invalid(text, "boolean");
}

/**
 * Parses a 32-bit style integer into a `number`.
 *
 * @example
 * ```ts
 * import { parseInteger } from "./primitives.ts";
 * console.assert(parseInteger("42") === 42);
 * ```
 */
export function parseInteger(text: string): number {
  const t = text.trim();
  if (!INTEGER.test(t)) throw invalid(text, "integer");
  return Number(t);
}

/**
 * Parses a 64-bit integer into a `bigint` without losing precision.
 *
 * @example
 * ```ts
 * import { parseLong } from "./primitives.ts";
 * console.assert(parseLong("9007199254740993") === 9007199254740993n);
 * ```
 */
export function parseLong(text: string): bigint {
  const t = text.trim();
  if (!INTEGER.test(t)) throw invalid(text, "integer");
  return BigInt(t);
}

/**
 * Parses a decimal into a `number`.
 *
 * @example
 * ```ts
 * import { parseDecimal } from "./primitives.ts";
 * console.assert(parseDecimal("1.1") === 1.1);
 * ```
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) throw invalid(text, "decimal");
  return Number(t);
}

/**
 * Parses an ISO-8601 date (offsets and fractions allowed) into a `Date`;
 * a date-time without an offset is read as UTC.
 *
 * @example
 * ```ts
 * import { parseDate } from "./primitives.ts";
 * console.assert(String(parseDate("2015-12-10T22:00:30+01:00").toISOString()) === "2015-12-10T21:00:30.000Z");
 * ```
 */
export function parseDate(text: string): Date {
  const t = text.trim();
  // A date-time without an offset is UTC, not the host's zone: the same text
  // must read the same on every machine. A plain date already reads as UTC.
  const zoned = /[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i.test(t) ? `${t.replace(" ", "T")}Z` : t;
  const d = DATE.test(t) ? new Date(zoned) : undefined;
  if (d === undefined || Number.isNaN(d.getTime())) throw invalid(text, "date");
  return d;
}

/** Parses the text of a scalar field of kind `kind` (not enum/struct). */
export function parseScalar(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case "boolean":
      return parseBoolean(text);
    case "integer":
      return parseInteger(text);
    case "long":
      return parseLong(text);
    case "decimal":
      return parseDecimal(text);
    case "date":
      return parseDate(text);
    default:
      return text;
  }
}

/**
 * Renders a scalar the way the SDK puts it on the wire: booleans as
 * `true`/`false`, numbers and bigints in decimal, dates in ISO-8601.
 *
 * @example
 * ```ts
 * import { renderScalar } from "./primitives.ts";
 * console.log(renderScalar(true), renderScalar(3), renderScalar(2n ** 40n)); // true 3 1099511627776
 * ```
 */
export function renderScalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return String(value);
}

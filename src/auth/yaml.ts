/**
 * A small, strict reader for the YAML that `clouds.yaml` and `secure.yaml`
 * files use, with the meaning openstacksdk gets from PyYAML's
 * `yaml.safe_load` (YAML 1.1 scalars). It exists so that reading a cloud
 * configuration puts no npm package in a script's module graph (each one
 * costs milliseconds of start-up), and it stays synchronous, as
 * `loadCloudConfig` is.
 *
 * Read: one document (optional `---`, optional `...`); comments; block
 * mappings and sequences (a sequence may sit at its key's indentation, as
 * PyYAML allows); flow `[…]` and `{…}`, nested, over several lines; plain,
 * single- and double-quoted scalars, folded across lines; `|` and `>` block
 * scalars with `-`/`+` and an indentation digit; anchors, aliases and merge
 * keys (`<<: *a`, `<<: [*a, *b]`); the `!!str` tag.
 *
 * Rejected with a {@linkcode YamlError} (reason, line, column; never the
 * file's text, which may hold a password): tabs outside scalars and
 * comments (PyYAML rejects them too), a second document, `%` directives,
 * `? ` complex keys, a flow collection, alias, anchor or tag as or on a
 * key, every tag but `!!str` (also `!!int`, `!!map`…), duplicate anchors, an
 * alias inside the node it names, the NEL/LS/PS line breaks, nesting deeper
 * than {@linkcode MAX_DEPTH}, merge keys copying more than a million
 * entries in all, and what PyYAML itself rejects. Duplicate keys: the last
 * wins, as in PyYAML. Keys that resolve to non-strings (`1`, `yes`, `~`)
 * become property names as `String()` writes them (`"1"`, `"true"`, `"null"`).
 *
 * Where this differs from js-yaml (YAML 1.2 core schema) it follows PyYAML:
 * see {@linkcode resolvePlain}.
 *
 * @module
 */

/** Deeper collections are refused: nothing in a clouds.yaml nests this far. */
export const MAX_DEPTH = 100;

/**
 * Merge keys copy the merged mapping's entries; a file of many merges of
 * large mappings would take quadratic time, so the copies are counted.
 */
const MAX_MERGED_ENTRIES = 1_000_000;

/**
 * A file that is not YAML of the supported kind. The message is made of the
 * fixed reason and the position only: the offending text is never quoted,
 * since a clouds.yaml holds passwords.
 *
 * @example
 * ```ts
 * import { parseYaml, YamlError } from "./yaml.ts";
 * try {
 *   parseYaml("password: [unclosed");
 * } catch (e) {
 *   console.assert(e instanceof YamlError && e.line === 1 && e.column === 20);
 *   console.assert(!(e as Error).message.includes("unclosed"));
 * }
 * ```
 */
export class YamlError extends Error {
  /** A fixed phrase: what was wrong, never the text that was. */
  readonly reason: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem (UTF-16 units). */
  readonly column: number;

  /**
   * Keeps the position.
   *
   * @param reason a fixed phrase, never text of the file.
   * @param line 1-based line.
   * @param column 1-based column.
   */
  constructor(reason: string, line: number, column: number) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = "YamlError";
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

// PyYAML's YAML 1.1 implicit resolvers (yaml/resolver.py), regular
// expressions unchanged: `1e3` and `-.5` stay strings there, so here too.
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const TRUE = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const NULL = new Set(["", "~", "null", "Null", "NULL"]);
// PyYAML's reader refuses these (yaml/reader.py NON_PRINTABLE); NEL, LS and
// PS are line breaks in YAML 1.1 that no clouds.yaml uses: refused as well,
// rather than read differently.
const UNACCEPTABLE =
  // deno-lint-ignore no-control-regex
  /[^\x09\x0A\x0D\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\u2028\u2029]/u;

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Integers past 2^53 would be rounded as numbers: kept as their decimal digits instead. */
function toInt(
  text: string,
  sign: bigint,
  digits: string,
  radix: 2 | 8 | 10 | 16,
): number | string {
  const prefix = radix === 2 ? "0b" : radix === 8 ? "0o" : radix === 16 ? "0x" : "";
  if (!/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError(text);
  const value = sign * BigInt(prefix + digits);
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) &&
    value >= -BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(value) : value.toString();
}

/** PyYAML's construct_yaml_int: `0755` is octal, `1:30` is base 60. */
function constructInt(text: string): number | string {
  let value = text.replaceAll("_", "");
  const sign = value[0] === "-" ? -1n : 1n;
  if (value[0] === "-" || value[0] === "+") value = value.slice(1);
  if (value === "0") return 0;
  if (value.startsWith("0b")) return toInt(text, sign, value.slice(2), 2);
  if (value.startsWith("0x")) return toInt(text, sign, value.slice(2), 16);
  if (value[0] === "0") return toInt(text, sign, value, 8);
  if (value.includes(":")) {
    let total = 0n;
    for (const part of value.split(":")) total = total * 60n + BigInt(part);
    return toInt(text, sign, total.toString(), 10);
  }
  return toInt(text, sign, value, 10);
}

/** PyYAML's construct_yaml_float. */
function constructFloat(text: string): number {
  let value = text.replaceAll("_", "").toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if (value[0] === "-" || value[0] === "+") value = value.slice(1);
  if (value === ".inf") return sign * Infinity;
  if (value === ".nan") return NaN;
  if (value.includes(":")) {
    let total = 0;
    for (const part of value.split(":")) total = total * 60 + Number(part);
    return sign * total;
  }
  return sign * Number(value);
}

/**
 * The value of a plain (unquoted) scalar, resolved as PyYAML's SafeLoader
 * (YAML 1.1) does, where js-yaml (YAML 1.2 core) differs:
 * - `yes`/`no`/`on`/`off` (also `Yes`, `YES`…) are booleans (1.2: strings);
 * - `0755` is octal 493, `0b101` binary, `1:30` base 60 = 90 (1.2: `0o755`
 *   only, and `1:30` a string); `1_000` is 1000;
 * - a float needs a dot: `1e3` and `1.0e3` are strings, `1.0e+3` is 1000
 *   (the exponent needs a sign); `.5` is a float, `-.5` and `+.5` strings;
 * - dates (`2024-01-31`) stay strings: PyYAML and js-yaml would make date
 *   objects, which no clouds.yaml setting wants;
 * - an integer beyond 2^53 is its decimal digits as a string (PyYAML keeps
 *   the exact integer; a number would round it: think of a numeric ID).
 * `null`/`Null`/`NULL`/`~`/empty are null. `<<` outside a key and `=` are
 * refused, as by PyYAML's safe_load.
 */
function resolvePlain(text: string): unknown {
  if (NULL.has(text)) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  if (FLOAT.test(text)) return constructFloat(text);
  if (INT.test(text)) return constructInt(text);
  return text;
}

/** A mapping key as an object property name: non-strings as `String()` gives them. */
function keyName(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `__proto__` becomes an own property; assigning it would set the prototype. */
function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** Where a merge key was, for its error. */
interface Mark {
  line: number;
  column: number;
}

/** Collects a mapping's pairs, then applies merge keys as PyYAML's flatten_mapping. */
class MappingBuilder {
  #pairs: [string, unknown][] = [];
  #merges: unknown[] = [];

  add(key: string, value: unknown): void {
    this.#pairs.push([key, value]);
  }

  merge(value: unknown): void {
    this.#merges.push(value);
  }

  get hasMerges(): boolean {
    return this.#merges.length > 0;
  }

  /**
   * Merged entries first, then the mapping's own (later wins): for
   * `<<: [*a, *b]`, `*a` wins over `*b`; the mapping's own keys win over both.
   */
  build(budget: { left: number }, fail: (reason: string) => never): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const merge of this.#merges) {
      const sources = Array.isArray(merge) ? [...merge].reverse() : [merge];
      for (const source of sources) {
        if (!isMapping(source)) fail("a merge key needs a mapping or a list of mappings");
        for (const key of Object.keys(source)) {
          if (--budget.left < 0) fail("too many entries copied by merge keys");
          setEntry(out, key, source[key]);
        }
      }
    }
    for (const [key, value] of this.#pairs) setEntry(out, key, value);
    return out;
  }
}

/** Anchor and tag written before a node. */
interface Props {
  anchor?: string;
  /** `!!str`: the scalar's text, unresolved. */
  str?: boolean;
}

/** Where a block node starts: which collections may begin there. */
type Context =
  /** At the start of a line, or after `- `: a block collection may start here. */
  | "line"
  | "entry"
  /** After `key: ` or `--- `: a scalar, flow collection or alias only. */
  | "value"
  | "doc";

/** What the last inline node was, for a `:` that follows it. */
type Kind = "plain" | "quoted" | "flow" | "alias" | "block" | "empty";

const isBlank = (ch: string | undefined): boolean =>
  ch === undefined || ch === " " || ch === "\t" || ch === "\n";

class Parser {
  readonly src: string;
  pos = 0;
  line = 0;
  lineStart = 0;
  depth = 0;
  kind: Kind = "empty";
  readonly anchors = new Map<string, { done: boolean; value: unknown }>();
  readonly budget = { left: MAX_MERGED_ENTRIES };

  constructor(src: string) {
    this.src = src;
  }

  // ---- position -------------------------------------------------------

  get col(): number {
    return this.pos - this.lineStart;
  }

  peek(): string | undefined {
    return this.src[this.pos];
  }

  get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  save(): [number, number, number] {
    return [this.pos, this.line, this.lineStart];
  }

  restore([pos, line, lineStart]: [number, number, number]): void {
    this.pos = pos;
    this.line = line;
    this.lineStart = lineStart;
  }

  /** Steps over the `\n` at pos. */
  newline(): void {
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
  }

  fail(reason: string, at?: Mark): never {
    throw new YamlError(reason, (at?.line ?? this.line) + 1, (at?.column ?? this.col) + 1);
  }

  mark(): Mark {
    return { line: this.line, column: this.col };
  }

  failTab(): never {
    const before = this.src.slice(this.lineStart, this.pos);
    this.fail(
      /^[ \t]*$/.test(before)
        ? "tab character in indentation"
        : "tab character outside a quoted or block scalar",
    );
  }

  /** `---` or `...` at a line start, followed by a blank: a document marker. */
  atDocMarker(): boolean {
    if (this.col !== 0) return false;
    const three = this.src.slice(this.pos, this.pos + 3);
    return (three === "---" || three === "...") && isBlank(this.src[this.pos + 3]);
  }

  /** `-`, `?` or `:` followed by a blank (a block indicator). */
  atIndicator(ch: string): boolean {
    return this.peek() === ch && isBlank(this.src[this.pos + 1]);
  }

  // ---- whitespace -----------------------------------------------------

  /** Spaces on this line; a tab is an error, as in PyYAML. */
  skipSpaces(): void {
    while (this.peek() === " ") this.pos++;
    if (this.peek() === "\t") this.failTab();
  }

  /** Spaces, comments and line breaks up to the next content, or the end. */
  skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      if (this.peek() === "#") this.skipComment();
      if (this.peek() !== "\n") return;
      this.newline();
    }
  }

  skipComment(): void {
    const end = this.src.indexOf("\n", this.pos);
    this.pos = end < 0 ? this.src.length : end;
  }

  /** The rest of the line must be blank or a comment; then on to the next content. */
  endLine(kind: Kind, ctx: Context): void {
    this.skipSpaces();
    if (this.atIndicator(":")) {
      if (ctx === "line" || ctx === "entry") {
        if (kind === "flow") this.fail("a flow collection as a mapping key is not supported");
        if (kind === "alias") this.fail("an alias as a mapping key is not supported");
      }
      this.fail("mapping values are not allowed here");
    }
    if (this.peek() === "#") this.skipComment();
    if (!this.atEnd && this.peek() !== "\n") this.fail("unexpected content after a value");
    this.skipBlank();
  }

  /** In a flow collection: spaces, line breaks and comments. */
  skipFlow(): void {
    for (;;) {
      this.skipSpaces();
      if (this.peek() === "#") this.skipComment();
      if (this.atEnd) this.fail("unterminated flow collection");
      if (this.peek() !== "\n") return;
      this.newline();
      if (this.atDocMarker()) this.fail("document marker inside a flow collection");
    }
  }

  // ---- nesting --------------------------------------------------------

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail("collections nested too deeply");
  }

  leave(): void {
    this.depth--;
  }

  // ---- document -------------------------------------------------------

  parseDocument(): unknown {
    if (this.peek() === "\uFEFF") {
      this.pos++;
      this.lineStart = this.pos;
    }
    this.skipBlank();
    if (this.peek() === "%" && this.col === 0) this.fail("directives are not supported");
    let value: unknown = null;
    if (this.atDocMarker() && this.peek() === "-") {
      this.pos += 3;
      this.skipSpaces();
      if (this.atEnd || this.peek() === "\n" || this.peek() === "#") {
        this.endLine("empty", "value");
        value = this.parseBelow(-1, {}, "doc");
      } else {
        value = this.parseBlockNode(-1, "doc");
      }
    } else if (!this.atEnd && !this.atDocMarker()) {
      value = this.parseBlockNode(-1, "line");
    }
    if (this.atDocMarker() && this.peek() === ".") {
      this.pos += 3;
      this.endLine("empty", "value");
      if (!this.atEnd) this.fail("more than one document is not supported");
    }
    if (this.atDocMarker()) this.fail("more than one document is not supported");
    if (!this.atEnd) this.fail("content after the document's root node");
    return value;
  }

  // ---- block ----------------------------------------------------------

  /**
   * A node starting at pos (content on the current line). In the `line` and
   * `entry` contexts a block collection may start here; its indentation is
   * pos's column. Returns with pos at the next content (or the end).
   */
  parseBlockNode(parentIndent: number, ctx: Context, outer: Props = {}): unknown {
    const own = this.parseProps(false);
    if (own.anchor !== undefined && outer.anchor !== undefined) {
      this.fail("two anchors on one node");
    }
    if (own.str && outer.str) this.fail("two tags on one node");
    const props: Props = { anchor: own.anchor ?? outer.anchor, str: own.str || outer.str };
    if (own.anchor !== undefined || own.str) {
      if (this.atEnd || this.peek() === "\n" || this.peek() === "#") {
        this.endLine("empty", ctx);
        return this.withAnchor(own, () => {
          const below = this.parseBelow(parentIndent, props, ctx);
          return below === null && props.str ? "" : below;
        });
      }
      if ((ctx === "line" || ctx === "entry") && this.isKeyAhead()) {
        this.fail("an anchor or tag on a mapping key is not supported");
      }
      return this.withAnchor(own, () => this.parseInline(parentIndent, ctx, props));
    }
    if (ctx === "line" || ctx === "entry") {
      const seq = this.atIndicator("-");
      if (seq || this.isKeyAhead()) {
        if (props.str) this.fail("a string tag on a collection");
        return seq ? this.parseBlockSequence(this.col) : this.parseBlockMapping(this.col);
      }
    }
    return this.parseInline(parentIndent, ctx, props);
  }

  /**
   * After `key:`, `-` or properties with nothing more on their line: the
   * node on the following lines, more indented than the parent, or a
   * sequence at the key's own indentation (as PyYAML allows); else null.
   */
  parseBelow(parentIndent: number, props: Props, ctx: Context): unknown {
    if (this.atEnd || this.atDocMarker()) return null;
    if (this.col > parentIndent) return this.parseBlockNode(parentIndent, "line", props);
    if (this.col === parentIndent && ctx === "value" && this.atIndicator("-")) {
      if (props.str) this.fail("a string tag on a collection");
      return this.parseBlockSequence(this.col);
    }
    return null;
  }

  parseBlockMapping(indent: number): Record<string, unknown> {
    this.enter();
    const builder = new MappingBuilder();
    let mergeMark: Mark | undefined;
    while (!this.atEnd && !this.atDocMarker()) {
      if (this.col < indent) break;
      if (this.col > indent) this.fail("bad indentation of a mapping entry");
      if (this.atIndicator("-")) this.fail("a sequence entry where a mapping key was expected");
      if (this.atIndicator("?")) this.fail("complex mapping keys are not supported");
      if (this.peek() === "&" || this.peek() === "!") {
        this.fail("an anchor or tag on a mapping key is not supported");
      }
      if (!this.isKeyAhead()) this.fail("could not find the expected ':' of a mapping key");
      const at = this.mark();
      const key = this.parseKey(false);
      this.skipSpaces();
      this.pos++; // the ':' isKeyAhead saw
      this.skipSpaces();
      let value: unknown;
      if (this.atEnd || this.peek() === "\n" || this.peek() === "#") {
        this.endLine("empty", "value");
        value = this.parseBelow(indent, {}, "value");
      } else {
        value = this.parseBlockNode(indent, "value");
      }
      if (key.merge) {
        builder.merge(value);
        mergeMark ??= at;
      } else {
        builder.add(key.name, value);
      }
    }
    this.leave();
    return builder.build(this.budget, (reason) => this.fail(reason, mergeMark));
  }

  parseBlockSequence(indent: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    while (!this.atEnd && !this.atDocMarker()) {
      if (this.col < indent) break;
      if (this.col > indent) this.fail("bad indentation of a sequence entry");
      if (!this.atIndicator("-")) break;
      this.pos++;
      this.skipSpaces();
      if (this.atEnd || this.peek() === "\n" || this.peek() === "#") {
        this.endLine("empty", "entry");
        items.push(this.parseBelow(indent, {}, "entry"));
      } else {
        items.push(this.parseBlockNode(indent, "entry"));
      }
    }
    this.leave();
    return items;
  }

  /** Does a mapping key (a one-line scalar, then `:` and a blank) start at pos? */
  isKeyAhead(): boolean {
    const start = this.save();
    try {
      const ch = this.peek();
      if (ch === "'" || ch === '"') {
        this.scanQuoted();
        if (this.line !== start[1]) return false;
      } else if (this.canStartPlain(false)) {
        this.scanPlain(0, false, false);
      } else {
        return false;
      }
      while (this.peek() === " ") this.pos++;
      return this.atIndicator(":");
    } catch (e) {
      if (e instanceof YamlError) return false;
      throw e;
    } finally {
      this.restore(start);
    }
  }

  /** A key known (isKeyAhead) or expected to be a scalar; `<<` plain is a merge key. */
  parseKey(flow: boolean): { name: string; merge: boolean } {
    const ch = this.peek();
    if (ch === "'" || ch === '"') return { name: this.scanQuoted(), merge: false };
    if (ch === "[" || ch === "{") this.fail("a flow collection as a mapping key is not supported");
    if (ch === "*") this.fail("an alias as a mapping key is not supported");
    if (ch === "&" || ch === "!") this.fail("an anchor or tag on a mapping key is not supported");
    if (ch === "?" && isBlank(this.src[this.pos + 1])) {
      this.fail("complex mapping keys are not supported");
    }
    if (!this.canStartPlain(flow)) this.fail("a mapping key was expected");
    const at = this.mark();
    const text = this.scanPlain(0, flow, flow);
    if (text === "<<") return { name: text, merge: true };
    return { name: keyName(this.resolve(text, at)), merge: false };
  }

  /** A scalar, flow collection or alias on the current line (or a block scalar). */
  parseInline(parentIndent: number, ctx: Context, props: Props): unknown {
    const ch = this.peek();
    let value: unknown;
    if (ch === "|" || ch === ">") {
      value = this.scanBlockScalar(parentIndent);
      this.kind = "block";
      this.skipBlank();
      return value;
    }
    if (ch === "-" && isBlank(this.src[this.pos + 1])) {
      this.fail("sequence entries are not allowed here");
    }
    if (ch === "?" && isBlank(this.src[this.pos + 1])) {
      this.fail("complex mapping keys are not supported");
    }
    if (ch === ":" && isBlank(this.src[this.pos + 1])) {
      this.fail(
        ctx === "line" || ctx === "entry"
          ? "empty mapping key"
          : "mapping values are not allowed here",
      );
    }
    if (ch === "[" || ch === "{") {
      if (props.str) this.fail("a string tag on a collection");
      value = ch === "[" ? this.parseFlowSequence() : this.parseFlowMapping();
      this.kind = "flow";
    } else if (ch === "*") {
      if (props.anchor !== undefined || props.str) this.fail("an anchor or tag on an alias");
      value = this.parseAlias();
      this.kind = "alias";
    } else if (ch === "'" || ch === '"') {
      value = this.scanQuoted();
      this.kind = "quoted";
    } else if (this.canStartPlain(false)) {
      const at = this.mark();
      const text = this.scanPlain(parentIndent + 1, false, true);
      value = props.str ? text : this.resolve(text, at);
      this.kind = "plain";
    } else {
      this.fail("a character that cannot start a value");
    }
    this.endLine(this.kind, ctx);
    return value;
  }

  // ---- properties, anchors, aliases -------------------------------------

  parseProps(flow: boolean): Props {
    const props: Props = {};
    for (;;) {
      if (this.peek() === "&") {
        if (props.anchor !== undefined) this.fail("two anchors on one node");
        this.pos++;
        props.anchor = this.scanName("anchor");
      } else if (this.peek() === "!") {
        if (props.str) this.fail("two tags on one node");
        const start = this.pos;
        while (!isBlank(this.peek()) && !(flow && ",[]{}".includes(this.peek()!))) this.pos++;
        const tag = this.src.slice(start, this.pos);
        if (tag !== "!!str" && tag !== "!<tag:yaml.org,2002:str>") {
          this.pos = start;
          this.fail("tags other than the string tag are not supported");
        }
        props.str = true;
      } else {
        return props;
      }
      if (flow) this.skipFlow();
      else this.skipSpaces();
    }
  }

  /** PyYAML's anchor and alias names: letters, digits, `-` and `_`. */
  scanName(what: "anchor" | "alias"): string {
    const start = this.pos;
    while (/[0-9A-Za-z_-]/.test(this.peek() ?? "")) this.pos++;
    if (this.pos === start) this.fail(`an ${what} needs a name`);
    if (!isBlank(this.peek()) && !"?:,]}%@`".includes(this.peek()!)) {
      this.fail(`an ${what} name may hold only letters, digits, - and _`);
    }
    return this.src.slice(start, this.pos);
  }

  parseAlias(): unknown {
    const at = this.mark();
    this.pos++;
    const name = this.scanName("alias");
    const anchor = this.anchors.get(name);
    if (!anchor) this.fail("an alias to an undefined anchor", at);
    // PyYAML builds a self-referencing object here; a cycle is no config.
    if (!anchor.done) this.fail("an alias inside the node its anchor names", at);
    // The same object, never a copy: a "billion laughs" file stays linear.
    return anchor.value;
  }

  withAnchor(props: Props, parse: () => unknown): unknown {
    const name = props.anchor;
    if (name === undefined) return parse();
    if (this.anchors.has(name)) this.fail("a duplicate anchor");
    const entry = { done: false, value: null as unknown };
    this.anchors.set(name, entry);
    entry.value = parse();
    entry.done = true;
    return entry.value;
  }

  /** A plain scalar's value; `at` is where it started. */
  resolve(text: string, at: Mark): unknown {
    if (text === "<<") this.fail("a merge key << outside a mapping key", at);
    if (text === "=") this.fail("the YAML 1.1 value key = is not supported", at);
    try {
      return resolvePlain(text);
    } catch {
      this.fail("a malformed number", at);
    }
  }

  // ---- flow -------------------------------------------------------------

  parseFlowSequence(): unknown[] {
    this.enter();
    this.pos++;
    const items: unknown[] = [];
    for (;;) {
      this.skipFlow();
      if (this.peek() === "]") break;
      const at = this.mark();
      let item = this.parseFlowNode();
      this.skipFlow();
      if (this.peek() === ":") {
        // `[key: value]`: a mapping of one pair, as in YAML.
        if (this.kind !== "plain" && this.kind !== "quoted") {
          this.fail("a collection or alias as a mapping key is not supported", at);
        }
        this.pos++;
        this.skipFlow();
        const value = this.peek() === "," || this.peek() === "]" ? null : this.parseFlowNode();
        const pair: Record<string, unknown> = {};
        setEntry(pair, keyName(item), value);
        item = pair;
        this.skipFlow();
      }
      items.push(item);
      if (this.endOfFlowItem("]", "sequence")) break;
    }
    this.pos++;
    this.leave();
    return items;
  }

  /**
   * After a flow item: steps over a `,` (false: more items follow) or stops
   * at the closing bracket (true); anything else is an error.
   */
  endOfFlowItem(close: "]" | "}", kind: "sequence" | "mapping"): boolean {
    if (this.peek() === ",") {
      this.pos++;
      return false;
    }
    if (this.peek() === close) return true;
    this.fail(`expected ',' or '${close}' in a flow ${kind}`);
  }

  parseFlowMapping(): Record<string, unknown> {
    this.enter();
    this.pos++;
    const builder = new MappingBuilder();
    let mergeMark: Mark | undefined;
    for (;;) {
      this.skipFlow();
      if (this.peek() === "}") break;
      const at = this.mark();
      if (this.peek() === ":" || this.peek() === ",") this.fail("empty mapping key");
      const key = this.parseKey(true);
      this.skipFlow();
      let value: unknown = null;
      if (this.peek() === ":") {
        this.pos++;
        this.skipFlow();
        if (this.peek() !== "," && this.peek() !== "}") value = this.parseFlowNode();
        this.skipFlow();
      }
      if (key.merge) {
        builder.merge(value);
        mergeMark ??= at;
      } else {
        builder.add(key.name, value);
      }
      if (this.endOfFlowItem("}", "mapping")) break;
    }
    this.pos++;
    this.leave();
    return builder.build(this.budget, (reason) => this.fail(reason, mergeMark));
  }

  /** One node inside a flow collection; pos is left right after it. */
  parseFlowNode(): unknown {
    const props = this.parseProps(true);
    return this.withAnchor(props, () => {
      const ch = this.peek();
      if (ch === "," || ch === "]" || ch === "}") {
        if (props.anchor === undefined && !props.str) this.fail("expected a value");
        this.kind = "empty";
        return props.str ? "" : null;
      }
      if (ch === "[" || ch === "{") {
        if (props.str) this.fail("a string tag on a collection");
        const value = ch === "[" ? this.parseFlowSequence() : this.parseFlowMapping();
        this.kind = "flow";
        return value;
      }
      if (ch === "*") {
        if (props.anchor !== undefined || props.str) {
          this.fail("an anchor or tag on an alias");
        }
        this.kind = "alias";
        return this.parseAlias();
      }
      if (ch === "'" || ch === '"') {
        this.kind = "quoted";
        return this.scanQuoted();
      }
      if (ch === "|" || ch === ">") this.fail("a block scalar inside a flow collection");
      if (ch === "-" && isBlank(this.src[this.pos + 1])) {
        this.fail("a sequence entry inside a flow collection");
      }
      if (ch === "?" && isBlank(this.src[this.pos + 1])) {
        this.fail("complex mapping keys are not supported");
      }
      if (!this.canStartPlain(true)) this.fail("a character that cannot start a value");
      const at = this.mark();
      const text = this.scanPlain(0, true, true);
      this.kind = "plain";
      return props.str ? text : this.resolve(text, at);
    });
  }

  // ---- scalars ------------------------------------------------------------

  /** PyYAML's check_plain: indicators start no plain scalar, except `-x`, and `?x` `:x` in block. */
  canStartPlain(flow: boolean): boolean {
    const ch = this.peek();
    if (ch === undefined) return false;
    if (!"\t\n -?:,[]{}#&*!|>'\"%@`".includes(ch)) return true;
    return !isBlank(this.src[this.pos + 1]) &&
      (ch === "-" || (!flow && (ch === "?" || ch === ":")));
  }

  /**
   * A plain scalar, folded over lines as PyYAML's scan_plain does (one line
   * break is a space, n breaks are n-1 newlines); continuation lines must
   * reach `minCol` in block context. Leaves pos right after its last
   * character.
   */
  scanPlain(minCol: number, flow: boolean, multiLine: boolean): string {
    const src = this.src;
    let out = "";
    let pending = "";
    let end = this.save();
    for (;;) {
      const start = this.pos;
      for (;;) {
        const ch = src[this.pos];
        if (ch === undefined || ch === " " || ch === "\t" || ch === "\n") break;
        if (ch === ":") {
          const next = src[this.pos + 1];
          if (isBlank(next) || (flow && ",[]{}".includes(next!))) break;
        }
        if (flow && ",?[]{}".includes(ch)) break;
        this.pos++;
      }
      if (this.pos === start) break;
      out += pending + src.slice(start, this.pos);
      end = this.save();
      const spacesFrom = this.pos;
      while (src[this.pos] === " ") this.pos++;
      if (src[this.pos] === "\n") {
        if (!multiLine) break;
        this.newline();
        if (this.atDocMarker()) break;
        let breaks = 0;
        for (;;) {
          if (src[this.pos] === " ") this.pos++;
          else if (src[this.pos] === "\n") {
            this.newline();
            breaks++;
            if (this.atDocMarker()) break;
          } else break;
        }
        if (this.atDocMarker()) break;
        pending = breaks ? "\n".repeat(breaks) : " ";
      } else if (this.pos > spacesFrom) {
        pending = src.slice(spacesFrom, this.pos);
      } else {
        break;
      }
      if (src[this.pos] === "#" || (!flow && this.col < minCol)) break;
    }
    this.restore(end);
    return out;
  }

  /** A single- or double-quoted scalar, folded and unescaped as PyYAML does (checked against PyYAML 6.0). */
  scanQuoted(): string {
    const src = this.src;
    const quote = src[this.pos]!;
    const double = quote === '"';
    const open = this.mark();
    this.pos++;
    let out = "";
    for (;;) {
      // Non-space characters.
      for (;;) {
        const start = this.pos;
        while (this.pos < src.length && !"'\"\\ \t\n".includes(src[this.pos]!)) this.pos++;
        out += src.slice(start, this.pos);
        const ch = src[this.pos];
        if (!double && ch === "'" && src[this.pos + 1] === "'") {
          out += "'";
          this.pos += 2;
        } else if ((double && ch === "'") || (!double && (ch === '"' || ch === "\\"))) {
          out += ch;
          this.pos++;
        } else if (double && ch === "\\") {
          this.pos++;
          const esc = src[this.pos];
          if (esc !== undefined && esc in ESCAPES) {
            out += ESCAPES[esc];
            this.pos++;
          } else if (esc !== undefined && esc in HEX_ESCAPES) {
            const length = HEX_ESCAPES[esc]!;
            const hex = src.slice(this.pos + 1, this.pos + 1 + length);
            if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
              this.fail("an escape needs its hexadecimal digits");
            }
            const code = parseInt(hex, 16);
            if (code > 0x10ffff) this.fail("an escape beyond the last Unicode code point");
            out += String.fromCodePoint(code);
            this.pos += 1 + length;
          } else if (esc === "\n") {
            this.newline();
            out += this.scanQuotedBreaks();
          } else {
            this.fail("an unknown escape in a double-quoted scalar");
          }
        } else {
          break;
        }
      }
      if (src[this.pos] === quote) break;
      // Spaces and line breaks.
      const start = this.pos;
      while (src[this.pos] === " " || src[this.pos] === "\t") this.pos++;
      const spaces = src.slice(start, this.pos);
      if (this.atEnd) this.fail("a quoted scalar without its closing quote", open);
      if (src[this.pos] === "\n") {
        this.newline();
        const breaks = this.scanQuotedBreaks();
        out += breaks || " ";
      } else {
        out += spaces;
      }
    }
    this.pos++;
    return out;
  }

  scanQuotedBreaks(): string {
    let breaks = "";
    for (;;) {
      if (this.atDocMarker()) this.fail("a document marker inside a quoted scalar");
      while (this.peek() === " " || this.peek() === "\t") this.pos++;
      if (this.peek() !== "\n") return breaks;
      this.newline();
      breaks += "\n";
    }
  }

  /** A `|` or `>` block scalar, chomped and indented as PyYAML does (checked against PyYAML 6.0). */
  scanBlockScalar(parentIndent: number): string {
    const src = this.src;
    const folded = this.peek() === ">";
    this.pos++;
    let chomping: boolean | undefined; // true: keep (+), false: strip (-), undefined: clip
    let increment: number | undefined;
    const digit = (): void => {
      if (this.peek() === "0") this.fail("a block scalar indentation indicator from 1 to 9");
      increment = Number(this.peek());
      this.pos++;
    };
    if (this.peek() === "+" || this.peek() === "-") {
      chomping = this.peek() === "+";
      this.pos++;
      if (/[0-9]/.test(this.peek() ?? "")) digit();
    } else if (/[0-9]/.test(this.peek() ?? "")) {
      digit();
      if (this.peek() === "+" || this.peek() === "-") {
        chomping = this.peek() === "+";
        this.pos++;
      }
    }
    if (!this.atEnd && this.peek() !== " " && this.peek() !== "\n") {
      this.fail("expected chomping or indentation indicators");
    }
    this.skipSpaces();
    if (this.peek() === "#") this.skipComment();
    if (!this.atEnd && this.peek() !== "\n") this.fail("expected a comment or a line break");
    if (this.peek() === "\n") this.newline();

    const minIndent = Math.max(parentIndent + 1, 1);
    let indent: number;
    let breaks = "";
    if (increment === undefined) {
      let maxIndent = 0;
      while (this.peek() === " " || this.peek() === "\n") {
        if (this.peek() === " ") {
          this.pos++;
          maxIndent = Math.max(maxIndent, this.col);
        } else {
          breaks += "\n";
          this.newline();
        }
      }
      indent = Math.max(minIndent, maxIndent);
    } else {
      indent = minIndent + increment - 1;
      breaks = this.scanBlockBreaks(indent);
    }
    let out = "";
    let lineBreak = "";
    while (this.col === indent && !this.atEnd) {
      out += breaks;
      const leadingNonSpace = this.peek() !== " " && this.peek() !== "\t";
      const eol = src.indexOf("\n", this.pos);
      const stop = eol < 0 ? src.length : eol;
      out += src.slice(this.pos, stop);
      this.pos = stop;
      lineBreak = "";
      if (this.peek() === "\n") {
        this.newline();
        lineBreak = "\n";
      }
      breaks = this.scanBlockBreaks(indent);
      if (this.col !== indent || this.atEnd) break;
      if (
        folded && lineBreak === "\n" && leadingNonSpace && this.peek() !== " " &&
        this.peek() !== "\t"
      ) {
        if (!breaks) out += " ";
      } else {
        out += lineBreak;
      }
    }
    if (chomping !== false) out += lineBreak;
    if (chomping === true) out += breaks;
    return out;
  }

  scanBlockBreaks(indent: number): string {
    let breaks = "";
    while (this.col < indent && this.peek() === " ") this.pos++;
    while (this.peek() === "\n") {
      this.newline();
      breaks += "\n";
      while (this.col < indent && this.peek() === " ") this.pos++;
    }
    return breaks;
  }
}

/**
 * Parses one YAML document the way PyYAML's `yaml.safe_load` reads it, for
 * the subset clouds.yaml files use (see the module documentation): mappings
 * are plain objects (a `__proto__` key is an own property), sequences
 * arrays, aliases the very object their anchor names.
 *
 * @param text the file's text.
 * @returns the document's value (null for an empty file).
 * @throws {YamlError} the text is not YAML of the supported subset: the
 *   reason, line and column, never the text.
 *
 * @example
 * ```ts
 * import { parseYaml } from "./yaml.ts";
 * const config = parseYaml(`
 * defaults: &defaults
 *   verify: no
 * clouds:
 *   lab:
 *     <<: *defaults
 *     region_name: RegionOne
 * `) as { clouds: { lab: Record<string, unknown> } };
 * console.assert(config.clouds.lab.verify === false); // YAML 1.1: no is false
 * console.assert(config.clouds.lab.region_name === "RegionOne");
 * ```
 */
export function parseYaml(text: string): unknown {
  const src = text.replace(/\r\n?/g, "\n");
  const bad = UNACCEPTABLE.exec(src);
  if (bad) {
    const before = src.slice(0, bad.index);
    const line = before.split("\n").length;
    throw new YamlError(
      "a character YAML does not accept",
      line,
      bad.index - before.lastIndexOf("\n"),
    );
  }
  return new Parser(src).parseDocument();
}

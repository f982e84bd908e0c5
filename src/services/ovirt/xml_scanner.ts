/**
 * A small strict XML 1.0 pull scanner for the oVirt readers. The reader asks
 * for what it expects next (the next child element, the text of a scalar,
 * the end of an element it ignores), so no tree is built and elements the
 * model does not know cost one pass over their bytes.
 *
 * It refuses what is not well-formed (truncated documents, mismatched or
 * unclosed tags, text after the root, duplicate attributes, undefined
 * entities, characters XML forbids such as NUL) with an `SdkError` naming
 * the line and column. It never expands a DTD: a document with an internal
 * subset (where entity bombs live) is refused. Work is linear in the size of
 * the document: every search moves forward only.
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";

/**
 * Elements nest at most this deep; deeper documents are refused (and the
 * writer refuses objects nested deeper, such as one that contains itself).
 *
 * @example
 * ```ts
 * import { MAX_XML_DEPTH } from "./xml_scanner.ts";
 * console.assert(MAX_XML_DEPTH === 256);
 * ```
 */
export const MAX_XML_DEPTH = 256;

// 1: may appear in a name; 2: may also start one. Non-ASCII is allowed
// everywhere, as XML allows most of it.
const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_CHARS[c] = 2;
  else if (/[0-9.-]/.test(ch)) NAME_CHARS[c] = 1;
}

// Characters XML 1.0 never allows, even escaped.
// deno-lint-ignore no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUESTION = 0x3f, EQ = 0x3d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

// Names in messages are cut, so a hostile document cannot make them huge.
function cut(name: string | undefined): string {
  return name !== undefined && name.length > 80 ? `${name.slice(0, 80)}…` : String(name);
}

function spaced(value: string): string {
  return value.includes("\n") || value.includes("\t") ? value.replace(/[\t\n]/g, " ") : value;
}

/**
 * The pull scanner. After {@linkcode XmlScanner.nextChild} returns true, the
 * start tag just read is in `tag`, its attributes in `attr()` and
 * `selfClosing` says whether it has content to read or skip.
 *
 * @example Walk the children of the root
 * ```ts
 * import { XmlScanner } from "./xml_scanner.ts";
 * const s = new XmlScanner('<vm id="1"><name>a</name><x/></vm>');
 * s.root();
 * console.log(s.tag, s.attr("id")); // vm 1
 * while (s.nextChild()) console.log(s.tag, s.selfClosing ? "" : s.text());
 * s.end();
 * ```
 */
export class XmlScanner {
  /** The name of the start tag just read. */
  tag = "";
  /** True when the start tag just read was `<x/>`. */
  selfClosing = false;
  #s: string;
  #pos = 0;
  #names: string[] = [];
  #values: string[] = [];
  #count = 0;
  // Open elements and where they started, for end tags and error messages.
  #open: string[] = [];
  #openAt: number[] = [];
  // The next '&' and '\r' at or after the scan position (-1: none left),
  // kept so text without them costs no search.
  #amp: number;
  #cr: number;
  // The next '<' at or after the attribute being read (attributes only).
  #lt = 0;
  #seen = new Set<string>();

  /** Scans `text`; refuses characters XML forbids before reading anything. */
  constructor(text: string) {
    this.#s = text;
    const bad = text.search(FORBIDDEN);
    if (bad >= 0) {
      const cp = text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, "0");
      this.#fail(`the character U+${cp} isn't allowed in XML`, bad);
    }
    this.#amp = text.indexOf("&");
    this.#cr = text.indexOf("\r");
  }

  /** The value of attribute `name` of the start tag just read. */
  attr(name: string): string | undefined {
    for (let i = 0; i < this.#count; i++) if (this.#names[i] === name) return this.#values[i];
    return undefined;
  }

  /** The attributes of the start tag just read, as a fresh object. */
  attributes(): Record<string, string> {
    const out: Record<string, string> = Object.create(null);
    for (let i = 0; i < this.#count; i++) out[this.#names[i] as string] = this.#values[i] as string;
    return out;
  }

  /** How deep the scanner is: the number of open elements. */
  get depth(): number {
    return this.#open.length;
  }

  /**
   * Skips the prolog (declaration, comments, processing instructions, a
   * DOCTYPE without internal subset) and reads the root's start tag.
   */
  root(): void {
    const s = this.#s;
    if (s.charCodeAt(0) === 0xfeff) this.#pos = 1;
    for (;;) {
      this.#skipSpace();
      const p = this.#pos;
      if (p >= s.length) this.#fail("the document has no root element", p);
      if (s.charCodeAt(p) !== LT) this.#fail("text before the root element", p);
      const c = s.charCodeAt(p + 1);
      if (c === QUESTION) this.#pi(p === 0 || (p === 1 && s.charCodeAt(0) === 0xfeff));
      else if (s.startsWith("<!--", p)) this.#comment();
      else if (s.startsWith("<!DOCTYPE", p)) this.#doctype();
      else {
        this.#startTag();
        return;
      }
    }
  }

  /** After the root is closed: only spaces, comments and PIs may follow. */
  end(): void {
    const s = this.#s;
    for (;;) {
      this.#skipSpace();
      const p = this.#pos;
      if (p >= s.length) return;
      if (s.startsWith("<!--", p)) this.#comment();
      else if (s.startsWith("<?", p)) this.#pi(false);
      else if (s.charCodeAt(p) === LT && this.#nameStart(s.charCodeAt(p + 1))) {
        this.#fail("a second root element", p);
      } else this.#fail("text after the root element", p);
    }
  }

  /**
   * Moves to the next child element of the innermost open element: true with
   * the child's start tag read, false once that element's end tag is read.
   * Text between children is checked and dropped.
   */
  nextChild(): boolean {
    const s = this.#s;
    for (;;) {
      const lt = s.indexOf("<", this.#pos);
      if (lt < 0) this.#unclosed();
      if (lt > this.#pos) this.#checkText(this.#pos, lt);
      this.#pos = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        this.#endTag();
        return false;
      }
      if (c === BANG) {
        if (s.startsWith("<!--", lt)) this.#comment();
        else this.#cdata();
      } else if (c === QUESTION) this.#pi(false);
      else {
        this.#startTag();
        return true;
      }
    }
  }

  /**
   * Reads the content of the element whose start tag was just read, up to
   * and including its end tag, as text: entities decoded, CDATA kept, line
   * ends normalized. Each child's start tag is handed to `onChild`, which
   * must read or skip the child; by default children are skipped. Their
   * text is not included.
   */
  text(onChild?: () => void): string {
    const s = this.#s;
    let out = "";
    for (;;) {
      const lt = s.indexOf("<", this.#pos);
      if (lt < 0) this.#unclosed();
      if (lt > this.#pos) out += this.#decode(this.#pos, lt);
      this.#pos = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        this.#endTag();
        return out;
      }
      if (c === BANG) {
        if (s.startsWith("<!--", lt)) this.#comment();
        else out += this.#cdata();
      } else if (c === QUESTION) this.#pi(false);
      else {
        this.#startTag();
        if (onChild !== undefined) onChild();
        else if (!this.selfClosing) this.skip();
      }
    }
  }

  /** Skips the rest of the element whose start tag was just read. */
  skip(): void {
    const stop = this.#open.length - 1;
    // nextChild() pushes every opened child and pops every closed one.
    while (this.#open.length > stop) this.nextChild();
  }

  #startTag(): void {
    const s = this.#s;
    const start = this.#pos;
    let p = start + 1;
    const nameEnd = this.#name(p);
    this.tag = s.slice(p, nameEnd);
    p = nameEnd;
    this.#count = 0;
    if (this.#seen.size > 0) this.#seen.clear();
    for (;;) {
      let c = s.charCodeAt(p);
      let spaced = false;
      while (isSpace(c)) {
        c = s.charCodeAt(++p);
        spaced = true;
      }
      if (c === GT) {
        this.selfClosing = false;
        this.#pos = p + 1;
        if (this.#open.length >= MAX_XML_DEPTH) {
          this.#fail(`elements nest deeper than ${MAX_XML_DEPTH} levels`, this.#pos);
        }
        this.#open.push(this.tag);
        this.#openAt.push(start);
        return;
      }
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) this.#fail("expected '>' after '/'", p + 1);
        this.selfClosing = true;
        this.#pos = p + 2;
        return;
      }
      if (Number.isNaN(c)) this.#fail(`the start tag <${cut(this.tag)}> isn't closed`, p);
      if (!spaced) {
        this.#fail(`expected a space, '>' or '/>' in the start tag <${cut(this.tag)}>`, p);
      }
      p = this.#attribute(p);
    }
  }

  #attribute(p: number): number {
    const s = this.#s;
    const nameEnd = this.#name(p);
    const name = s.slice(p, nameEnd);
    p = nameEnd;
    while (isSpace(s.charCodeAt(p))) p++;
    if (s.charCodeAt(p) !== EQ) this.#fail(`expected '=' after the attribute '${cut(name)}'`, p);
    p++;
    while (isSpace(s.charCodeAt(p))) p++;
    const quote = s[p];
    if (quote !== '"' && quote !== "'") this.#fail(`expected a quoted value for '${cut(name)}'`, p);
    const close = s.indexOf(quote, p + 1);
    if (close < 0) this.#fail(`the value of the attribute '${cut(name)}' isn't closed`, p);
    const lt = this.#nextLt(p + 1);
    if (lt >= 0 && lt < close) this.#fail(`'<' in the value of the attribute '${cut(name)}'`, lt);
    if (this.#repeated(name)) this.#fail(`the attribute '${cut(name)}' is repeated`, p);
    const value = this.#decode(p + 1, close, true);
    this.#names[this.#count] = name;
    this.#values[this.#count] = value;
    this.#count++;
    return close + 1;
  }

  #endTag(): void {
    const s = this.#s;
    const p = this.#pos + 2;
    const open = this.#open.pop();
    const at = this.#openAt.pop() as number;
    // The common case, `</name>` right after the name, needs no name scan.
    if (open !== undefined && s.charCodeAt(p + open.length) === GT && s.startsWith(open, p)) {
      this.#pos = p + open.length + 1;
      return;
    }
    const nameEnd = this.#name(p);
    const ok = open !== undefined && nameEnd - p === open.length && s.startsWith(open, p);
    if (!ok) {
      const got = s.slice(p, nameEnd);
      if (open === undefined) this.#fail(`the end tag </${cut(got)}> has no start tag`, this.#pos);
      this.#fail(
        `the end tag </${cut(got)}> doesn't match the start tag <${cut(open)}> at ${
          this.#where(at)
        }`,
        this.#pos,
      );
    }
    let q = nameEnd;
    while (isSpace(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) !== GT) this.#fail(`the end tag </${cut(open)}> isn't closed`, q);
    this.#pos = q + 1;
  }

  // The end of a name starting at `p`; fails when no name starts there.
  #name(p: number): number {
    const s = this.#s;
    if (!this.#nameStart(s.charCodeAt(p))) {
      this.#fail(p >= s.length ? "the document ends inside a tag" : "expected a name", p);
    }
    let q = p + 1;
    for (;;) {
      const c = s.charCodeAt(q);
      if (c < 128 ? NAME_CHARS[c] === 0 : Number.isNaN(c)) return q;
      q++;
    }
  }

  #nameStart(c: number): boolean {
    return c < 128 ? NAME_CHARS[c] === 2 : !Number.isNaN(c);
  }

  #skipSpace(): void {
    const s = this.#s;
    while (isSpace(s.charCodeAt(this.#pos))) this.#pos++;
  }

  #comment(): void {
    const close = this.#s.indexOf("-->", this.#pos + 4);
    if (close < 0) this.#fail("the comment isn't closed", this.#pos);
    this.#pos = close + 3;
  }

  #cdata(): string {
    const s = this.#s;
    const p = this.#pos;
    if (!s.startsWith("<![CDATA[", p)) this.#fail("expected a comment or CDATA section", p);
    const close = s.indexOf("]]>", p + 9);
    if (close < 0) this.#fail("the CDATA section isn't closed", p);
    this.#pos = close + 3;
    const raw = s.slice(p + 9, close);
    return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  }

  #pi(declarationAllowed: boolean): void {
    const s = this.#s;
    const p = this.#pos;
    const nameEnd = this.#name(p + 2);
    const target = s.slice(p + 2, nameEnd);
    if (target.toLowerCase() === "xml" && !declarationAllowed) {
      this.#fail("the XML declaration is only allowed at the very start", p);
    }
    const close = s.indexOf("?>", nameEnd);
    if (close < 0) this.#fail("the processing instruction isn't closed", p);
    this.#pos = close + 2;
  }

  #doctype(): void {
    const s = this.#s;
    const p = this.#pos;
    const close = s.indexOf(">", p);
    const bracket = s.indexOf("[", p);
    if (bracket >= 0 && (close < 0 || bracket < close)) {
      this.#fail("a DOCTYPE with an internal subset (entity declarations) isn't accepted", p);
    }
    if (close < 0) this.#fail("the DOCTYPE isn't closed", p);
    this.#pos = close + 1;
  }

  // Text between children: dropped, but its entity references must be valid.
  #checkText(from: number, to: number): void {
    if (this.#nextAmp(from) >= 0 && this.#amp < to) this.#decode(from, to);
  }

  // A linear search for the few attributes real elements have; a set once a
  // tag has many, so a hostile tag cannot make the check quadratic.
  #repeated(name: string): boolean {
    if (this.#count < 8) {
      for (let i = 0; i < this.#count; i++) if (this.#names[i] === name) return true;
      return false;
    }
    if (this.#seen.size === 0) {
      for (let i = 0; i < this.#count; i++) this.#seen.add(this.#names[i] as string);
    }
    if (this.#seen.has(name)) return true;
    this.#seen.add(name);
    return false;
  }

  #nextLt(from: number): number {
    if (this.#lt >= 0 && this.#lt < from) this.#lt = this.#s.indexOf("<", from);
    return this.#lt;
  }

  #nextAmp(from: number): number {
    if (this.#amp >= 0 && this.#amp < from) this.#amp = this.#s.indexOf("&", from);
    return this.#amp;
  }

  #nextCr(from: number): number {
    if (this.#cr >= 0 && this.#cr < from) this.#cr = this.#s.indexOf("\r", from);
    return this.#cr;
  }

  // The text of [from, to) with references decoded and line ends normalized;
  // in an attribute value, literal tabs and line ends also read as spaces
  // (references to them stay what they refer to).
  #decode(from: number, to: number, attribute = false): string {
    const s = this.#s;
    const amp = this.#nextAmp(from);
    const cr = this.#nextCr(from);
    const plain = (amp < 0 || amp >= to) && (cr < 0 || cr >= to);
    if (plain) {
      const text = s.slice(from, to);
      return attribute ? spaced(text) : text;
    }
    let out = "";
    let p = from;
    while (p < to) {
      const a = s.indexOf("&", p);
      const stop = a < 0 || a >= to ? to : a;
      const literal = s.slice(p, stop).replace(/\r\n?/g, "\n");
      out += attribute ? spaced(literal) : literal;
      if (stop === to) break;
      const semi = s.indexOf(";", a);
      if (semi < 0 || semi >= to || semi - a > 12) this.#fail("'&' that starts no reference", a);
      out += this.#reference(s.slice(a + 1, semi), a);
      p = semi + 1;
    }
    return out;
  }

  #reference(name: string, at: number): string {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (m === null) this.#fail(`the entity '&${cut(name)};' isn't defined`, at);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] as string, 10);
    if (!isXmlChar(cp)) this.#fail(`'&${cut(name)};' refers to a character XML doesn't allow`, at);
    return String.fromCodePoint(cp);
  }

  #unclosed(): never {
    const tag = this.#open[this.#open.length - 1];
    const at = this.#openAt[this.#openAt.length - 1] ?? 0;
    this.#fail(
      `the document ends before the end tag of <${cut(tag)}> opened at ${this.#where(at)}`,
      this.#s.length,
    );
  }

  #where(offset: number): string {
    const s = this.#s;
    let line = 1;
    let start = 0;
    for (let i = s.indexOf("\n"); i >= 0 && i < offset; i = s.indexOf("\n", i + 1)) {
      line++;
      start = i + 1;
    }
    return `line ${line}, column ${offset - start + 1}`;
  }

  #fail(what: string, offset: number): never {
    throw new SdkError(
      `The XML document is malformed at ${this.#where(offset)} (offset ${offset}): ${what}`,
    );
  }
}

/**
 * Known secret values (a password, a token) scrubbed from text a server
 * echoed back, in every encoding an echo takes, even mixed within one echo.
 *
 * @module
 */

/**
 * Secrets shorter than this are never scrubbed by value: blanking every `a`
 * of a message would show a 1-character password by where the markers land.
 * Such secrets are still redacted by key ({@linkcode redactText}).
 *
 * @example
 * ```ts
 * import { MIN_SCRUB_LENGTH } from "./scrub_secrets.ts";
 * console.assert(MIN_SCRUB_LENGTH === 6);
 * ```
 */
export const MIN_SCRUB_LENGTH = 6;

const NAMED_ENTITY: Record<string, string[]> = {
  "&": ["amp"],
  "<": ["lt"],
  ">": ["gt"],
  '"': ["quot"],
  "'": ["apos", "#39", "#x27"],
};

/** A hex number matched in either case, with optional leading zeros. */
function hexPattern(code: number, width: number): string {
  const hex = code.toString(16).padStart(width, "0");
  return [...hex].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

/** The ways one character of a secret can appear in an echo. */
function charPattern(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const alternatives = [escapeRegExp(ch)];
  // JSON / JavaScript escapes: `\uXXXX` (UTF-16 units), `\"`, `\\`, `\/`, doubled once.
  const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i));
  alternatives.push(units.map((u) => `\\\\{1,2}u${hexPattern(u, 4)}`).join(""));
  if (`"\\/`.includes(ch)) alternatives.push(`\\\\{1,3}${escapeRegExp(ch)}`);
  // URL and form encoding: the UTF-8 bytes as `%XX` (also `%25XX`, encoded twice); `+` for space.
  const bytes = [...new TextEncoder().encode(ch)];
  alternatives.push(bytes.map((b) => `%(?:25)?${hexPattern(b, 2)}`).join(""));
  if (ch === " ") alternatives.push("\\+");
  // HTML: decimal, hex and named character references.
  alternatives.push(`&#0*${code};`, `&#[xX]0*${hexPattern(code, 1)};`);
  for (const name of NAMED_ENTITY[ch] ?? []) alternatives.push(`&${name};`);
  return `(?:${alternatives.join("|")})`;
}

const patterns = new Map<string, RegExp>();

/**
 * A pattern matching `secret` as is, URL-encoded, form-encoded,
 * HTML-escaped or JSON `\u`-escaped, in any mix (Python's `ensure_ascii`
 * escapes only some characters).
 *
 * @example
 * ```ts
 * import { echoPattern } from "./scrub_secrets.ts";
 * console.assert(echoPattern("p&ss word").test("p%26ss+word"));
 * ```
 */
export function echoPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = new RegExp([...secret].map(charPattern).join(""), "g");
    // Bounded: a long-running process sees few distinct secrets, but never keep an unbounded map.
    if (patterns.size > 64) patterns.clear();
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * `text` with every echo of every secret (of at least
 * {@linkcode MIN_SCRUB_LENGTH} characters) replaced by `marker`.
 *
 * @example
 * ```ts
 * import { scrubSecrets } from "./scrub_secrets.ts";
 * console.assert(scrubSecrets("bad password h%C3%BCnter2", ["hünter2"]) === "bad password ***");
 * ```
 */
export function scrubSecrets(
  text: string,
  secrets: Iterable<string | undefined>,
  marker = "***",
): string {
  let out = text;
  // Longest first, so a short secret inside a long one never leaves the long one's tail behind.
  const known = [...new Set(secrets)].filter((s): s is string =>
    typeof s === "string" && s.length >= MIN_SCRUB_LENGTH
  ).sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.replace(echoPattern(secret), marker);
  return out;
}

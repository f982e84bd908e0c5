/**
 * XML bytes → text, by the rules of XML 1.0 appendix F: a byte-order mark
 * wins, then the `encoding` of the XML declaration, then UTF-8. Bytes that
 * are not valid in the chosen encoding are refused, never replaced.
 *
 * @module
 */
import { SdkError } from "../../errors/sdk_error.ts";

// The declaration is ASCII in every encoding this reads without a BOM.
const DECLARATION = /^<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][\w.-]*)\1/;
const LATIN1 = new Set(["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "iso-ir-100"]);
const ASCII = new Set(["us-ascii", "ascii", "iso646-us"]);
const UTF16 = new Set(["utf-16", "utf-16le", "utf-16be", "ucs-2"]);

function fromUtf16(bytes: Uint8Array, label: "utf-16le" | "utf-16be"): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new SdkError(`The XML document isn't valid ${label.toUpperCase()}`, { cause });
  }
}

// WHATWG's TextDecoder reads "iso-8859-1" as windows-1252; XML means the real
// ISO-8859-1, where every byte is the code point of the same number.
function fromLatin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return parts.join("");
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return DECLARATION.exec(head)?.[2]?.toLowerCase();
}

/**
 * Decodes an XML document's bytes in the encoding it declares.
 *
 * @example
 * ```ts
 * import { decodeXml } from "./xml_decode.ts";
 * const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...new TextEncoder().encode("</a>")]);
 * console.assert(decodeXml(bytes).endsWith("<a>é</a>"));
 * ```
 */
export function decodeXml(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return fromUtf8(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return fromUtf16(bytes.subarray(2), "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return fromUtf16(bytes.subarray(2), "utf-16be");
  // UTF-16 without a mark still starts with '<' as one of two bytes.
  if (b0 === 0x3c && b1 === 0x00) return fromUtf16(bytes, "utf-16le");
  if (b0 === 0x00 && b1 === 0x3c) return fromUtf16(bytes, "utf-16be");
  const label = declaredEncoding(bytes) ?? "utf-8";
  if (label === "utf-8" || label === "utf8") return fromUtf8(bytes);
  if (LATIN1.has(label)) return fromLatin1(bytes);
  if (ASCII.has(label)) {
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad >= 0) {
      throw new SdkError(
        `The XML document isn't valid US-ASCII: byte ${bad} is 0x${hex(bytes[bad])}`,
      );
    }
    return fromLatin1(bytes);
  }
  if (UTF16.has(label)) {
    throw new SdkError(
      `The XML document declares the encoding '${label}' but has no byte-order mark`,
    );
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch (cause) {
    throw new SdkError(`The XML document's encoding '${label}' isn't supported`, { cause });
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new SdkError(`The XML document isn't valid ${label}`, { cause });
  }
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, "0");
}

function fromUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw new SdkError(`The XML document isn't valid UTF-8 at byte ${firstBadUtf8(bytes)}`, {
      cause,
    });
  }
}

// Only on the error path: where the first invalid sequence starts.
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80
      ? 0
      : b >= 0xc2 && b < 0xe0
      ? 1
      : b >= 0xe0 && b < 0xf0
      ? 2
      : b >= 0xf0 && b < 0xf5
      ? 3
      : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return i;
}

/**
 * base64url without `Uint8Array.prototype.toBase64` / `Uint8Array.fromBase64`,
 * which Node 20 and older Bun lack (the token cache never hit there).
 *
 * @module
 */

interface Base64Native {
  toBase64?: (this: Uint8Array, options: { alphabet: "base64url"; omitPadding: boolean }) => string;
}

interface Base64NativeStatic {
  fromBase64?: (text: string, options: { alphabet: "base64url" }) => Uint8Array;
}

// 32 KiB per String.fromCharCode call stays far below any engine's argument limit.
const CHUNK = 0x8000;

/**
 * `bytes` as base64url without padding.
 *
 * @example
 * ```ts
 * import { encodeBase64Url } from "./base64.ts";
 * console.assert(String(encodeBase64Url(new Uint8Array([251, 255]))) === "-_8");
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as Base64Native).toBase64;
  if (native) return native.call(bytes, { alphabet: "base64url", omitPadding: true });
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The bytes of a base64url text (padding optional).
 *
 * @throws {SyntaxError} a character outside the base64url alphabet, or a bad length.
 *
 * @example
 * ```ts
 * import { decodeBase64Url } from "./base64.ts";
 * console.log(decodeBase64Url("-_8")); // Uint8Array(2) [ 251, 255 ]
 * ```
 */
export function decodeBase64Url(text: string): Uint8Array {
  const native = (Uint8Array as Base64NativeStatic).fromBase64;
  if (native) return native(text, { alphabet: "base64url" });
  // atob accepts the standard alphabet and whitespace: refuse what fromBase64 refuses.
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text) || text.replace(/=+$/, "").length % 4 === 1) {
    throw new SyntaxError("not base64url");
  }
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

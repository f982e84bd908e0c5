/**
 * Checks of PEM text given as TLS options, before any TLS library sees it:
 * the libraries' own messages ("InvalidLastSymbol(5, 109)", "No
 * certificates found") do not say what to change.
 *
 * @module
 */
import { ValidationError } from "../errors/client_exception.ts";

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function looksLikePath(text: string): boolean {
  return !text.includes("\n") &&
    /^(\.{0,2}\/|[A-Za-z]:\\|~)|\.(pem|crt|cer|key)$/i.test(text.trim());
}

function badBase64(body: string): boolean {
  const compact = body.replace(/\s+/g, "");
  if (compact === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    return true;
  }
  try {
    atob(compact);
    return false;
  } catch {
    return true;
  }
}

/**
 * Checks that `text` holds PEM blocks of the wanted kind with a valid base64
 * body; throws a {@linkcode ValidationError} saying what to fix otherwise.
 * `label` names the option in the message (`caCerts[0]`, `cert.key`).
 *
 * @example
 * ```ts
 * import { checkPem } from "./tls_material.ts";
 * try {
 *   checkPem("caCerts[0]", "./ca.pem", "certificate");
 * } catch (e) {
 *   console.assert((e as Error).message.includes("file's text"));
 * }
 * ```
 */
export function checkPem(label: string, text: unknown, kind: "certificate" | "key"): void {
  const expected = kind === "certificate"
    ? "-----BEGIN CERTIFICATE-----"
    : "-----BEGIN … PRIVATE KEY-----";
  if (typeof text !== "string") {
    throw new ValidationError(`${label} must be PEM text (a string starting with ${expected})`);
  }
  if (looksLikePath(text)) {
    throw new ValidationError(
      `${label} looks like a file path, not PEM text: pass the file's text ` +
        `(e.g. await Deno.readTextFile(path)), which starts with ${expected}`,
    );
  }
  const blocks = [...text.matchAll(BLOCK)];
  const wanted = blocks.filter(([, type]) =>
    kind === "certificate"
      ? type === "CERTIFICATE" || type === "TRUSTED CERTIFICATE"
      : /PRIVATE KEY$/.test(type ?? "")
  );
  if (wanted.length === 0) {
    const found = blocks.map(([, type]) => type).join(", ");
    throw new ValidationError(
      `${label} holds no PEM ${kind} (${found ? `found ${found}` : "no -----BEGIN line"}): ` +
        `pass the text of a PEM file that contains ${expected}` +
        (kind === "certificate" && /PRIVATE KEY/.test(found) ? " (this looks like the key)" : ""),
    );
  }
  for (const [, type, body] of wanted) {
    // Encrypted keys carry "Proc-Type:" headers before the base64 body.
    if (/^\s*Proc-Type:/m.test(body ?? "")) {
      throw new ValidationError(
        `${label} is an encrypted private key: decrypt it first (openssl pkey -in key.pem -out plain.pem)`,
      );
    }
    if (badBase64(body ?? "")) {
      throw new ValidationError(
        `${label}: the ${type} block is not valid base64 (truncated or edited?): ` +
          `copy the whole file again, including the -----BEGIN and -----END lines`,
      );
    }
  }
}

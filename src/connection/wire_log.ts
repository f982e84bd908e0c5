/**
 * The debug log of a connection: one `log.debug` call per wire line, with
 * `ovirtsdk4`'s prefixes (`* ` info, `< ` sent, `> ` received — the reverse
 * of `curl -v`), and every secret redacted.
 *
 * @module
 */
import type { Logger } from "../types.ts";
import { SECRET_HEADERS } from "./request_parts.ts";

const REDACTED = "<redacted>";
const SECRET_KEYS = "password|passwd|token|access_token|refresh_token|id_token|secret";
const FORM_SECRET = new RegExp(`(^|&)((?:[\\w.]*_)?(?:${SECRET_KEYS}))=[^&]*`, "gi");
const JSON_SECRET = new RegExp(
  `("(?:[\\w.]*_)?(?:${SECRET_KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  "gi",
);
const XML_SECRET = new RegExp(`<((?:\\w*_)?(?:${SECRET_KEYS}))>[^<]*</\\1>`, "gi");
/** Bodies longer than this are cut in the log. */
const MAX_BODY = 256 * 1024;

/** A header line as logged: secret values replaced, the auth scheme kept. */
export function headerLine(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name.toLowerCase())) return `${name}: ${value}`;
  const scheme = /^(Bearer|Negotiate|Basic)\s/i.exec(value);
  return `${name}: ${scheme ? `${scheme[1]} ` : ""}${REDACTED}`;
}

/** Writes the wire lines of one connection. */
export class WireLog {
  #log: Logger;
  #secrets: () => string[];

  /** `secrets` returns the password and tokens known now; they are scrubbed from every line. */
  constructor(log: Logger, secrets: () => string[]) {
    this.#log = log;
    this.#secrets = secrets;
  }

  /** Scrubs secret fields and every known secret from a text. */
  redact(text: string): string {
    let out = text.replace(FORM_SECRET, `$1$2=${REDACTED}`)
      .replace(JSON_SECRET, `$1"${REDACTED}"`)
      .replace(XML_SECRET, `<$1>${REDACTED}</$1>`);
    for (const secret of this.#secrets()) {
      const forms = new Set([
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        JSON.stringify(secret).slice(1, -1),
      ]);
      for (const form of forms) if (form) out = out.split(form).join(REDACTED);
    }
    return out;
  }

  #lines(prefix: string, text: string): void {
    for (const line of text.replace(/\r\n/g, "\n").trim().split("\n")) {
      this.#log.debug(`${prefix}${this.redact(line)}`);
    }
  }

  /** An informational line (`* `). */
  info(text: string): void {
    this.#lines("* ", text);
  }

  /** The request line, headers and body that were sent (`< `). */
  sent(method: string, url: string, headers: Iterable<[string, string]>, body?: string): void {
    const target = new URL(url);
    const lines = [`${method} ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`];
    for (const [name, value] of headers) lines.push(headerLine(name, value));
    this.#lines("< ", lines.join("\n"));
    if (body) this.#lines("< ", body.slice(0, MAX_BODY));
  }

  /** The status line, headers and body that came back (`> `). */
  received(status: number, statusText: string, headers: Headers, body: Uint8Array): void {
    const lines = [`HTTP/1.1 ${status} ${statusText}`.trimEnd()];
    headers.forEach((value, name) => lines.push(headerLine(name, value)));
    this.#lines("> ", lines.join("\n"));
    if (body.length > 0) {
      this.#lines("> ", new TextDecoder().decode(body.subarray(0, MAX_BODY)));
    }
  }
}

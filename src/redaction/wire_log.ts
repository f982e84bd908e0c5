/**
 * The debug log of an oVirt connection (`ovirtsdk4`'s wire log): one
 * `log.debug` call per wire line, prefixed `* ` info, `< ` sent, `> `
 * received (the reverse of `curl -v`), every secret redacted.
 *
 * @module
 */
import type { Logger } from "../types.ts";
import { redactText } from "./redact_text.ts";
import { scrubSecrets } from "./scrub_secrets.ts";
import { isSecretHeader } from "./secret_headers.ts";
import { displayUrl } from "./url_credentials.ts";

const REDACTED = "<redacted>";
/** Bodies longer than this are cut in the log (after redaction). */
const MAX_BODY = 256 * 1024;
/** Read this much past the cut, so a secret that straddles it is still recognised whole. */
const CUT_MARGIN = 64 * 1024;

/**
 * A header line as logged: secret values replaced, the auth scheme kept.
 *
 * @example
 * ```ts
 * import { headerLine } from "./wire_log.ts";
 * console.log(headerLine("Authorization", "Bearer t")); // Authorization: Bearer <redacted>
 * ```
 */
export function headerLine(name: string, value: string): string {
  if (!isSecretHeader(name)) return `${name}: ${value}`;
  const scheme = /^(Bearer|Negotiate|Basic|Digest)\s/i.exec(value);
  return `${name}: ${scheme ? `${scheme[1]} ` : ""}${REDACTED}`;
}

/**
 * Writes the wire lines of one connection.
 *
 * @example
 * ```ts
 * import { WireLog } from "./wire_log.ts";
 * const lines: string[] = [];
 * const log = new WireLog({ debug: (m: string) => lines.push(m) }, () => ["s3cret-pw"]);
 * log.info("login with s3cret-pw");
 * console.log(lines); // ["* login with <redacted>"]
 * ```
 */
export class WireLog {
  #log: Logger;
  #secrets: () => readonly (string | undefined)[];

  /** `secrets` returns the password and tokens known now; they are scrubbed from every line. */
  constructor(log: Logger, secrets: () => readonly (string | undefined)[]) {
    this.#log = log;
    this.#secrets = secrets;
  }

  /** Scrubs secret fields and every known secret from a text. */
  redact(text: string): string {
    return scrubSecrets(redactText(text, REDACTED), this.#secrets(), REDACTED);
  }

  /** Redacts the whole text first (a secret may span lines), then cuts and splits it. */
  #lines(prefix: string, text: string, cut = false): void {
    let shown = this.redact(text);
    if (cut && shown.length > MAX_BODY) shown = `${shown.slice(0, MAX_BODY)}\n(cut)`;
    for (const line of shown.replace(/\r\n/g, "\n").trim().split("\n")) {
      this.#log.debug(`${prefix}${line}`);
    }
  }

  /** An informational line (`* `). */
  info(text: string): void {
    this.#lines("* ", text);
  }

  /** The request line, headers and body that were sent (`< `). */
  sent(method: string, url: string, headers: Iterable<[string, string]>, body?: string): void {
    let target = url;
    let host = "";
    try {
      const parsed = new URL(url);
      target = `${parsed.pathname}${parsed.search}`;
      host = parsed.host;
    } catch {
      target = displayUrl(url);
    }
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`];
    for (const [name, value] of headers) lines.push(headerLine(name, value));
    this.#lines("< ", lines.join("\n"));
    if (body) this.#lines("< ", body.slice(0, MAX_BODY + CUT_MARGIN), true);
  }

  /** The status line, headers and body that came back (`> `). */
  received(status: number, statusText: string, headers: Headers, body: Uint8Array): void {
    const lines = [`HTTP/1.1 ${status} ${statusText}`.trimEnd()];
    headers.forEach((value, name) => lines.push(headerLine(name, value)));
    this.#lines("> ", lines.join("\n"));
    if (body.length > 0) {
      const text = new TextDecoder().decode(body.subarray(0, MAX_BODY + CUT_MARGIN));
      this.#lines("> ", text, true);
    }
  }
}

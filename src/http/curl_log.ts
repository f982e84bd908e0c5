/**
 * The curl-style debug lines of `HTTPClient`: a request a person can paste
 * into a terminal, and the response it got.
 *
 * @module
 */
import { bodyForLog, fingerprint, headerForLog } from "./redact.ts";

/** How lines are rendered. */
export interface CurlLogOptions {
  /** Add `--insecure`, as the client skips certificate checks. */
  insecure?: boolean;
  /** Replace secrets (default true). */
  redact?: boolean;
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * `REQ: curl -g -i [--insecure] -X 'GET' 'url' -H 'Name: value'…`, headers in
 * the order given and token headers as `{SHA256}<hex>`.
 */
export function curlRequestLine(
  method: string,
  url: string,
  headers: readonly [string, string][],
  options: CurlLogOptions = {},
): string {
  const parts = ["REQ: curl -g -i"];
  if (options.insecure) parts.push("--insecure");
  parts.push(`-X ${quote(method)}`, quote(url));
  for (const [name, value] of headers) {
    const shown = options.redact === false ? value : headerForLog(name, value);
    parts.push(`-H ${quote(`${name}: ${shown}`)}`);
  }
  return parts.join(" ");
}

/** `REQ BODY: …` with secrets masked. */
export function requestBodyLine(text: string, contentType: string, redact = true): string {
  return `REQ BODY: ${redact ? bodyForLog(text, contentType) : text}`;
}

/** `RESP: [200] {'name': 'value', …}` with token headers fingerprinted. */
export function responseLine(status: number, headers: Headers, redact = true): string {
  const shown = [...headers].map(([name, value]) => {
    const v = redact ? headerForLog(name, value) : value;
    return `'${name}': '${v}'`;
  });
  return `RESP: [${status}] {${shown.join(", ")}}`;
}

/** `RESP BODY: …` for JSON and text bodies, with secrets masked. */
export function responseBodyLine(text: string, contentType: string, redact = true): string {
  const type = contentType.toLowerCase();
  if (type && !type.includes("json") && !type.startsWith("text/")) {
    return `RESP BODY: Omitted, Content-Type is set to ${contentType}.`;
  }
  return `RESP BODY: ${redact ? bodyForLog(text, contentType) : text}`;
}

export { fingerprint };

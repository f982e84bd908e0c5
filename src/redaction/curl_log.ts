/**
 * The curl-style debug lines of `HTTPClient` (keystoneauth's format): a
 * request a person can paste into a terminal, and the response it got, with
 * token headers fingerprinted and secrets redacted.
 *
 * @module
 */
import { fingerprint } from "./fingerprint.ts";
import { redactBody, redactText } from "./redact_text.ts";
import { scrubSecrets } from "./scrub_secrets.ts";
import { isSecretHeader } from "./secret_headers.ts";
import { displayUrl } from "./url_credentials.ts";

/**
 * How curl lines are rendered.
 *
 * @example
 * ```ts
 * import type { CurlLogOptions } from "./curl_log.ts";
 * const options: CurlLogOptions = { insecure: true, secrets: ["s3cret-pw"] };
 * ```
 */
export interface CurlLogOptions {
  /** Add `--insecure`, as the client skips certificate checks. */
  insecure?: boolean;
  /** Replace secrets (default true). */
  redact?: boolean;
  /** Secret values (the request's password, its token) to scrub wherever they are echoed. */
  secrets?: readonly string[];
}

/** Bodies longer than this are cut in the log, after redaction. */
const MAX_LOG_BODY = 64 * 1024;

function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * A header value as it may appear in a log line: secret headers as
 * `{SHA256}<hex>`.
 *
 * @example
 * ```ts
 * import { headerForLog } from "./curl_log.ts";
 * console.assert(headerForLog("X-Auth-Token", "t").startsWith("{SHA256}"));
 * ```
 */
export function headerForLog(name: string, value: string): string {
  return isSecretHeader(name) ? fingerprint(value) : value;
}

/**
 * A body as it may appear in a log line: secrets redacted by key (JSON,
 * forms, XML, query strings), known secret values scrubbed in any encoding,
 * then cut to a bounded length.
 *
 * @example
 * ```ts
 * import { bodyForLog } from "./curl_log.ts";
 * console.assert(bodyForLog('{"password":"p"}', "application/json") === "{\"password\":\"***\"}");
 * ```
 */
export function bodyForLog(
  text: string,
  contentType = "",
  secrets: readonly string[] = [],
): string {
  const shown = scrubSecrets(redactBody(text, contentType), secrets);
  return shown.length > MAX_LOG_BODY ? `${shown.slice(0, MAX_LOG_BODY)}… (cut)` : shown;
}

/**
 * `REQ: curl -g -i [--insecure] -X 'GET' 'url' -H 'Name: value'…`, headers in
 * the order given, token headers as `{SHA256}<hex>`, secret query values
 * redacted.
 *
 * @example
 * ```ts
 * import { curlRequestLine } from "./curl_log.ts";
 * console.log(curlRequestLine("GET", "http://h/v3", [["Accept", "application/json"]]));
 * // REQ: curl -g -i -X 'GET' 'http://h/v3' -H 'Accept: application/json'
 * ```
 */
export function curlRequestLine(
  method: string,
  url: string,
  headers: readonly [string, string][],
  options: CurlLogOptions = {},
): string {
  const redact = options.redact !== false;
  const parts = ["REQ: curl -g -i"];
  if (options.insecure) parts.push("--insecure");
  parts.push(`-X ${quote(method)}`, quote(redact ? displayUrl(url) : url));
  for (const [name, value] of headers) {
    const shown = redact ? headerForLog(name, value) : value;
    parts.push(`-H ${quote(`${name}: ${shown}`)}`);
  }
  return parts.join(" ");
}

/**
 * `REQ BODY: …` with secrets masked.
 *
 * @example
 * ```ts
 * import { requestBodyLine } from "./curl_log.ts";
 * console.log(requestBodyLine("password=p", "application/x-www-form-urlencoded"));
 * // REQ BODY: password=***
 * ```
 */
export function requestBodyLine(
  text: string,
  contentType: string,
  redact = true,
  secrets: readonly string[] = [],
): string {
  return `REQ BODY: ${redact ? bodyForLog(text, contentType, secrets) : text}`;
}

/**
 * `RESP: [200] {'name': 'value', …}` with token headers fingerprinted.
 *
 * @example
 * ```ts
 * import { responseLine } from "./curl_log.ts";
 * console.log(responseLine(204, new Headers({ "x-request-id": "r" })));
 * // RESP: [204] {'x-request-id': 'r'}
 * ```
 */
export function responseLine(status: number, headers: Headers, redact = true): string {
  const shown = [...headers].map(([name, value]) => {
    const v = redact ? headerForLog(name, value) : value;
    return `'${name}': '${v}'`;
  });
  return `RESP: [${status}] {${shown.join(", ")}}`;
}

/**
 * `RESP BODY: …` for JSON and text bodies, with secrets masked (also the
 * request's own secrets when the server echoes them back in an error).
 *
 * @example
 * ```ts
 * import { responseBodyLine } from "./curl_log.ts";
 * console.log(responseBodyLine('{"error":"bad hunter22"}', "application/json", true, ["hunter22"]));
 * // RESP BODY: {"error":"bad ***"}
 * ```
 */
export function responseBodyLine(
  text: string,
  contentType: string,
  redact = true,
  secrets: readonly string[] = [],
): string {
  const type = contentType.toLowerCase();
  if (type && !type.includes("json") && !type.startsWith("text/") && !type.includes("xml")) {
    return `RESP BODY: Omitted, Content-Type is set to ${contentType}.`;
  }
  return `RESP BODY: ${redact ? bodyForLog(text, contentType, secrets) : text}`;
}

/**
 * Any other log line (a retry notice, an error message) with its secrets
 * redacted.
 *
 * @example
 * ```ts
 * import { logText } from "./curl_log.ts";
 * console.assert(logText("GET http://h/?token=t failed") === "GET http://h/?token=*** failed");
 * ```
 */
export function logText(text: string, secrets: readonly string[] = []): string {
  return scrubSecrets(redactText(text), secrets);
}

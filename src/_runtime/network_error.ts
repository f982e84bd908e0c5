/**
 * What kind of network failure a runtime's fetch reported. Deno puts the
 * kind in the message (and `Deno.errors.*` classes), Node's fetch in the
 * `code` of the error's `cause`, Bun in the error's own `code`: all three are
 * read here, so the callers map one `kind` to their typed errors.
 *
 * @module
 */
import { denoNamespace } from "./runtime.ts";

/** The kinds of failure the clients tell apart. */
export type NetworkFailureKind = "refused" | "reset" | "timeout" | "dns" | "tls" | "other";

/** What {@linkcode classifyNetworkError} found. */
export interface NetworkFailure {
  /** The kind of failure. */
  kind: NetworkFailureKind;
  /** The first error code found on the error or its causes (`ECONNRESET`...). */
  code?: string;
  /** Every message and code of the error and its causes, joined by ": ". */
  detail: string;
  /** For TLS failures with a known cause: what to do about it. */
  advice?: string;
}

const CODES: ReadonlyMap<string, NetworkFailureKind> = new Map<string, NetworkFailureKind>([
  ["ECONNREFUSED", "refused"],
  ["ConnectionRefused", "refused"],
  ["ECONNRESET", "reset"],
  ["ConnectionReset", "reset"],
  ["ConnectionClosed", "reset"],
  ["EPIPE", "reset"],
  ["ECONNABORTED", "reset"],
  ["UND_ERR_SOCKET", "reset"],
  ["UND_ERR_CLOSED", "reset"],
  ["ETIMEDOUT", "timeout"],
  ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
  ["UND_ERR_HEADERS_TIMEOUT", "timeout"],
  ["UND_ERR_BODY_TIMEOUT", "timeout"],
  ["ENOTFOUND", "dns"],
  ["EAI_AGAIN", "dns"],
  ["EAI_NONAME", "dns"],
  ["DNSException", "dns"],
]);

// Node's (OpenSSL) and Bun's (BoringSSL) certificate codes.
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO|HOSTNAME_MISMATCH/;

// Deno's messages: rustls / hyper wording, and the OS error numbers.
const MESSAGES: ReadonlyArray<[RegExp, NetworkFailureKind]> = [
  [/connection refused|os error 111\b|os error 10061\b/i, "refused"],
  [
    /connection reset|os error 104\b|os error 10054\b|broken pipe|connection closed before|unexpected eof|socket hang up|other side closed/i,
    "reset",
  ],
  [/timed out|os error 110\b/i, "timeout"],
  [/dns error|failed to lookup|name or service not known|name resolution/i, "dns"],
  [
    /certificate|tls|ssl|handshake|UnknownIssuer|self.signed|CaUsedAsEndEntity|NotValidForName/i,
    "tls",
  ],
];

const ADVICE: ReadonlyArray<[RegExp, string]> = [
  [
    /CaUsedAsEndEntity/,
    "the server presents a CA certificate (basicConstraints CA:TRUE) as its own certificate, " +
    "which rustls refuses even when it is in caCerts: give the server a certificate signed by " +
    "that CA, or re-create the self-signed one with `-addext basicConstraints=critical,CA:FALSE`",
  ],
  [
    /UnknownIssuer|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|self.signed/i,
    "the server's certificate is not signed by a trusted CA: pass the CA's PEM text in " +
    "caCerts (or ca_file / OS_CACERT), or insecure: true for a test server only",
  ],
  [
    /NotValidForName|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|Hostname\/IP does not match/i,
    "the certificate does not name the host in the URL: use a host name listed in its " +
    "subjectAltName, or re-issue it with the name you connect to",
  ],
  [
    /Expired|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|NotValidYet/i,
    "the certificate is outside its validity period: renew it (or check the clock)",
  ],
];

function errorChain(error: unknown): { codes: string[]; parts: string[] } {
  const codes: string[] = [];
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.message) parts.push(current.message);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") {
      codes.push(code);
      if (!current.message.includes(code)) parts.push(code);
    }
    current = current.cause;
  }
  if (parts.length === 0) parts.push(String(error));
  return { codes, parts };
}

function isDenoError(error: unknown, name: string): boolean {
  const cls = (denoNamespace()?.errors as Record<string, unknown> | undefined)?.[name];
  return typeof cls === "function" && error instanceof (cls as new () => Error);
}

/**
 * The kind of a transport failure, read from the error's `code` (Node, Bun),
 * Deno's error classes, or the message (Deno's fetch), in that order.
 *
 * @example
 * ```ts
 * import { classifyNetworkError } from "./network_error.ts";
 * const e = new TypeError("fetch failed", {
 *   cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
 * });
 * console.assert(String(classifyNetworkError(e).kind) === "reset");
 * ```
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const { codes, parts } = errorChain(error);
  const detail = parts.join(": ");
  const code = codes[0];
  let kind: NetworkFailureKind | undefined;
  for (const c of codes) {
    kind = CODES.get(c) ?? (TLS_CODE.test(c) ? "tls" : undefined);
    if (kind) break;
  }
  if (!kind && isDenoError(error, "ConnectionRefused")) kind = "refused";
  if (!kind && (isDenoError(error, "ConnectionReset") || isDenoError(error, "BrokenPipe"))) {
    kind = "reset";
  }
  if (!kind && isDenoError(error, "TimedOut")) kind = "timeout";
  kind ??= MESSAGES.find(([pattern]) => pattern.test(detail))?.[1] ?? "other";
  const failure: NetworkFailure = code === undefined ? { kind, detail } : { kind, code, detail };
  if (kind === "tls") {
    const advice = ADVICE.find(([pattern]) => pattern.test(detail))?.[1];
    if (advice) failure.advice = advice;
  }
  return failure;
}

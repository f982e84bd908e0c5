/**
 * One HTTP exchange as both clients need it: redirects followed by hand
 * (credentials never cross origins), the whole body read inside the timeout,
 * and failures mapped to typed errors.
 *
 * @module
 */
import { BodyTooLarge } from "../errors/transport_errors.ts";
import { ClientException } from "../errors/client_exception.ts";
import { ConnectionError, TimeoutError } from "../errors/sdk_error.ts";
import { CREDENTIAL_HEADERS } from "../redaction/secret_headers.ts";
import { displayUrl } from "../redaction/url_credentials.ts";
import { DEFAULT_MAX_BODY_BYTES, effectiveLimit, readBody } from "./read_body.ts";
import type { Transport } from "./transport.ts";
import { toConnectionError } from "./transport_error.ts";

/** The headers that must never follow a redirect to another origin (the credential headers). */
export const DEFAULT_SENSITIVE_HEADERS: readonly string[] = CREDENTIAL_HEADERS;

/** What to send. */
export interface ExchangeRequest {
  /** The method, upper case. */
  method: string;
  /** The absolute URL. */
  url: string;
  /** The headers (any `HeadersInit`; a `Headers` object is made only on a redirect). */
  headers: HeadersInit;
  /** The body, if any. */
  body?: BodyInit | null;
  /** Timeout in ms covering headers and body; 0/undefined = none. */
  timeoutMs?: number;
  /** The timeout to name in the error, when `timeoutMs` is what is left of a larger budget. */
  timeoutLabelMs?: number;
  /** The caller's abort signal. */
  signal?: AbortSignal;
  /**
   * Hand the body back as a stream instead of reading it (large downloads).
   * The timeout then keeps running until the stream is read or cancelled, and
   * read failures become the same typed errors. Error statuses (≥ 400) are
   * still read whole, for the error.
   */
  stream?: boolean;
  /** How many redirects to follow (default 10). */
  maxRedirects?: number;
  /** Headers dropped when a redirect leaves the origin. */
  sensitiveHeaders?: readonly string[];
  /**
   * The most decoded body bytes to accept; `0`/`Infinity` = no limit. When
   * absent: {@linkcode DEFAULT_MAX_BODY_BYTES}, except for a `stream` body,
   * which is then unlimited (its reader decides how much it keeps).
   */
  maxBodyBytes?: number;
}

/** What came back. */
export interface ExchangeResult {
  /** The final response; its body is already consumed into `body`. */
  response: Response;
  /** The body bytes (empty when `stream` handed the body back as `stream`). */
  body: Uint8Array<ArrayBuffer>;
  /** With `stream`: the body, not yet read; `null` when there is none. */
  stream?: ReadableStream<Uint8Array> | null;
  /** The final URL, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The longest delay setTimeout can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether a body can be sent again, to a redirect target or as a retry (a stream cannot). */
export function replayable(body: BodyInit | null | undefined): boolean {
  return body == null || typeof body === "string" || body instanceof Uint8Array ||
    body instanceof URLSearchParams;
}

/** Aborts on the caller's signal or the timeout, whichever comes first. */
class Deadline {
  /** The signal to hand to fetch; none when nothing can abort (saves work per request). */
  readonly signal: AbortSignal | undefined;
  timedOut = false;
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #signal: AbortSignal | undefined;
  #onAbort = () => this.#controller?.abort(this.#signal?.reason);

  constructor(timeoutMs: number | undefined, signal: AbortSignal | undefined) {
    // Non-finite or absurd values mean "no timeout": setTimeout would fire at once past 2^31-1 ms.
    const timed = timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0 &&
      timeoutMs <= MAX_TIMER_MS;
    if (!signal && !timed) {
      this.signal = undefined;
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.signal = controller.signal;
    this.#signal = signal;
    if (signal?.aborted) controller.abort(signal.reason);
    signal?.addEventListener("abort", this.#onAbort, { once: true });
    if (timed) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        controller.abort(new DOMException("timed out", "TimeoutError"));
      }, timeoutMs);
    }
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#signal?.removeEventListener("abort", this.#onAbort);
  }
}

/** One hop of a possibly redirected request. */
interface Hop {
  method: string;
  url: string;
  headers: HeadersInit;
  body?: BodyInit | null;
}

/**
 * Refuses a URL the client must not send to: only http and https, and never
 * from https down to plain http on a redirect.
 */
function checkTarget(url: URL, from: URL | undefined, method: string): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConnectionError(
      `Refusing ${method} to a ${url.protocol} URL${from ? ` (redirected from ${from.href})` : ""}`,
    );
  }
  if (from?.protocol === "https:" && url.protocol === "http:") {
    throw new ConnectionError(
      `Refusing a redirect from https to plain http: ${from.href} → ${url.href}`,
    );
  }
}

function nextRequest(
  request: ExchangeRequest,
  current: Hop,
  response: Response,
  location: string,
): Hop {
  const from = new URL(current.url);
  const target = new URL(location, from);
  checkTarget(target, from, current.method);
  const url = target.href;
  const headers = new Headers(current.headers);
  const keepsBody = response.status !== 303 || current.method === "HEAD";
  if (target.origin !== from.origin) {
    // A body can hold a password or a secret: it never follows to another origin.
    if (keepsBody && current.body != null) {
      throw new ConnectionError(
        `Refusing to resend the body of ${current.method} ${current.url} to another origin ` +
          `(redirect ${response.status} to ${target.origin})`,
      );
    }
    for (const name of request.sensitiveHeaders ?? DEFAULT_SENSITIVE_HEADERS) headers.delete(name);
  }
  if (!keepsBody) {
    headers.delete("content-type");
    headers.delete("content-length");
    return { method: "GET", url, headers, body: null };
  }
  return { method: current.method, url, headers, body: current.body };
}

/**
 * Sends a request and reads its response completely.
 *
 * @throws {TimeoutError} when the timeout passes before the body is read.
 * @throws {ConnectionError} on DNS, refused, reset or TLS failures, and on redirect loops.
 */
export async function exchange(
  transport: Transport,
  request: ExchangeRequest,
): Promise<ExchangeResult> {
  const deadline = new Deadline(request.timeoutMs, request.signal);
  const maxRedirects = request.maxRedirects ?? 10;
  let current: Hop = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
  };
  let streaming = false;
  try {
    if (!/^https?:\/\//i.test(request.url)) {
      checkTarget(new URL(request.url), undefined, request.method);
    }
    for (let redirects = 0;; redirects++) {
      const response = await transport.fetch(current.url, {
        method: current.method,
        headers: current.headers,
        body: current.body,
        redirect: "manual",
        signal: deadline.signal,
      });
      const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
      if (location && replayable(current.body)) {
        await response.body?.cancel();
        if (redirects >= maxRedirects) {
          throw new ConnectionError(
            `Too many redirects (more than ${maxRedirects}) for ${request.method} ${request.url}`,
          );
        }
        current = nextRequest(request, current, response, location);
        continue;
      }
      const hop = current;
      const tooLarge = (limit: number) => () =>
        new BodyTooLarge({ limit, method: hop.method, url: hop.url, status: response.status });
      if (request.stream && response.status < 400) {
        streaming = true;
        const limit = effectiveLimit(request.maxBodyBytes, Infinity);
        const stream = typedStream(response.body, deadline, {
          limit,
          tooLarge: tooLarge(limit),
          failure: (e) => failure(e, hop),
        });
        return { response, body: new Uint8Array(0), url: current.url, stream };
      }
      const limit = effectiveLimit(request.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
      const body = await readBody(response, limit, tooLarge(limit));
      return { response, body, url: current.url };
    }
  } catch (error) {
    throw failure(error, current);
  } finally {
    if (!streaming) deadline.dispose();
  }

  function failure(error: unknown, hop: Hop): unknown {
    // Ours already (refused redirect, body too large, closed client): typed and named.
    if (error instanceof ClientException) return error;
    if (deadline.timedOut) {
      return new TimeoutError(
        `${hop.method} ${displayUrl(hop.url)} timed out after ${
          request.timeoutLabelMs ?? request.timeoutMs
        } ms`,
        { cause: error },
      );
    }
    if (request.signal?.aborted) return request.signal.reason;
    return toConnectionError(error, hop.method, hop.url);
  }
}

/** How a handed-back body stream is bounded and how its failures are typed. */
interface StreamRules {
  /** The most bytes the stream may deliver (`Infinity` = no limit). */
  limit: number;
  /** The error once the limit is passed. */
  tooLarge: () => Error;
  /** Maps a read failure to a typed error. */
  failure: (error: unknown) => unknown;
}

/** The body as a stream whose failures are typed and whose end stops the deadline. */
function typedStream(
  source: ReadableStream<Uint8Array> | null,
  deadline: Deadline,
  rules: StreamRules,
): ReadableStream<Uint8Array> | null {
  if (!source) {
    deadline.dispose();
    return null;
  }
  const reader = source.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          deadline.dispose();
          controller.close();
          return;
        }
        total += value.byteLength;
        if (total > rules.limit) {
          deadline.dispose();
          controller.error(rules.tooLarge());
          await reader.cancel().catch(() => undefined);
          return;
        }
        controller.enqueue(value);
      } catch (error) {
        deadline.dispose();
        controller.error(rules.failure(error));
      }
    },
    cancel(reason) {
      deadline.dispose();
      return reader.cancel(reason);
    },
  });
}

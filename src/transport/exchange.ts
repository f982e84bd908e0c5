/**
 * One HTTP exchange as both clients need it: redirects followed by hand
 * (credentials never cross origins), the whole body read inside the timeout,
 * and failures mapped to typed errors.
 *
 * @module
 */
import { ConnectionError, TimeoutError } from "../errors/mod.ts";
import type { Transport } from "./transport.ts";
import { toConnectionError } from "./transport_error.ts";

/** The headers that must never follow a redirect to another origin. */
export const DEFAULT_SENSITIVE_HEADERS: readonly string[] = [
  "authorization",
  "x-auth-token",
  "cookie",
  "proxy-authorization",
];

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
  /** How many redirects to follow (default 10). */
  maxRedirects?: number;
  /** Headers dropped when a redirect leaves the origin. */
  sensitiveHeaders?: readonly string[];
}

/** What came back. */
export interface ExchangeResult {
  /** The final response; its body is already consumed into `body`. */
  response: Response;
  /** The body bytes. */
  body: Uint8Array<ArrayBuffer>;
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
      const body = await response.bytes();
      return { response, body, url: current.url };
    }
  } catch (error) {
    if (error instanceof ConnectionError) throw error;
    if (deadline.timedOut) {
      throw new TimeoutError(
        `${current.method} ${current.url} timed out after ${
          request.timeoutLabelMs ?? request.timeoutMs
        } ms`,
        { cause: error },
      );
    }
    if (request.signal?.aborted) throw request.signal.reason;
    throw toConnectionError(error, current.method, current.url);
  } finally {
    deadline.dispose();
  }
}

/**
 * A fetch over `node:https`, for clients that skip certificate checks (Deno's
 * own fetch has no per-client switch, and a process-wide flag would weaken
 * every other client) and for runtimes without `Deno.createHttpClient` that
 * need `caCerts`/`cert` (Node, Bun).
 *
 * Every node event handler here is guarded: a response that ends, fails or is
 * destroyed after its body stream was cancelled or failed never throws, since
 * a throw inside an event handler kills the process and no `try` catches it.
 *
 * The node modules are imported on first use, so a script that never takes
 * this path does not load them at start-up.
 *
 * @module
 */
import type { Agent, IncomingMessage } from "node:http";
import { BodyTooLarge } from "../errors/transport_errors.ts";

/** TLS settings of a node:https fetch. */
export interface NodeFetchOptions {
  /** Extra CA certificates (PEM); the system store is used when absent. */
  ca?: string[];
  /** Client certificate (PEM), for mTLS. */
  cert?: string;
  /** Client key (PEM), for mTLS. */
  key?: string;
  /** Whether server certificates are checked (default true). */
  rejectUnauthorized?: boolean;
  /**
   * The most body bytes that may sit received but unread before the body
   * stream fails with `BodyTooLarge` and the socket is destroyed (default
   * 16 MiB). Deno's node:http keeps reading after `pause()`, so this bound is
   * what keeps an unread download from filling memory.
   */
  maxUnreadBytes?: number;
}

/** TLS material for the insecure transport (the older shape, kept for callers). */
export interface NodeFetchTls {
  /** Extra CA certificates (PEM). */
  caCerts?: string[];
  /** Client certificate and key (PEM). */
  cert?: { cert: string; key: string };
}

/** A fetch over node:https and the way to release its sockets. */
export interface NodeFetch {
  /** The fetch-compatible function; `http:` URLs go through the global fetch. */
  fetch: typeof fetch;
  /** Destroys pooled sockets. */
  close(): void;
}

/** The default of {@linkcode NodeFetchOptions.maxUnreadBytes}. */
export const DEFAULT_MAX_UNREAD_BYTES = 16 * 1024 * 1024;
/** Past this many unread bytes the response is paused, where pausing works. */
const HIGH_WATER_BYTES = 1024 * 1024;
/**
 * Whether `pause()` stops the socket from reading. In Deno 2.9.6 it does not:
 * the bytes pile up inside node:http, out of sight of the bound below, so
 * there the data is kept flowing into the counted queue instead.
 */
const PAUSE_STOPS_READING = !("Deno" in globalThis);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

interface NodeModules {
  https: typeof import("node:https");
  Buffer: typeof import("node:buffer").Buffer;
}

let modules: Promise<NodeModules> | undefined;

/** node:https and node:buffer, loaded once, on first use. */
function loadNode(): Promise<NodeModules> {
  return modules ??= Promise.all([import("node:https"), import("node:buffer")]).then((
    [https, buffer],
  ) => ({ https: https.default ?? https, Buffer: buffer.Buffer }));
}

/** The response body as a web stream, bounded while unread, never throwing in a handler. */
function responseBody(
  res: IncomingMessage,
  method: string,
  url: string,
  maxUnread: number,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> | null {
  if (method === "HEAD" || NULL_BODY_STATUSES.has(res.statusCode ?? 0)) {
    res.resume();
    return null;
  }
  let done = false;
  let control!: ReadableStreamDefaultController<Uint8Array>;
  const finish = (error?: unknown) => {
    if (done) return;
    done = true;
    signal?.removeEventListener("abort", onAbort);
    try {
      if (error === undefined) control.close();
      else control.error(error);
    } catch {
      // Already closed or errored by the consumer: nothing left to tell.
    }
  };
  const onAbort = () => {
    finish(signal?.reason);
    res.destroy();
  };
  const raw = new ReadableStream<Uint8Array>({
    start(controller) {
      control = controller;
      signal?.addEventListener("abort", onAbort, { once: true });
      res.on("data", (chunk: Uint8Array) => {
        if (done) return;
        // With the byte-length strategy below, -desiredSize is what sits unread.
        const unread = chunk.byteLength - (controller.desiredSize ?? 0);
        if (unread > maxUnread) {
          finish(
            new BodyTooLarge({
              limit: maxUnread,
              method,
              url,
              status: res.statusCode,
              cause: new Error("the body was not read while it kept arriving"),
            }),
          );
          res.destroy();
          return;
        }
        try {
          controller.enqueue(new Uint8Array(chunk));
        } catch {
          done = true;
          res.destroy();
          return;
        }
        // Where the runtime honours pause() this is real back-pressure.
        if (PAUSE_STOPS_READING && unread > HIGH_WATER_BYTES) res.pause();
      });
      res.on("end", () => finish());
      res.on("error", (error) => finish(error));
      res.on("close", () => {
        if (!res.complete) {
          finish(new Error(`The connection closed before the body of ${url} ended`));
        }
      });
    },
    pull() {
      // The reader caught up: ask for more.
      if (!done && res.isPaused()) res.resume();
    },
    cancel() {
      done = true;
      signal?.removeEventListener("abort", onAbort);
      res.destroy();
    },
  }, { highWaterMark: 0, size: (chunk) => chunk.byteLength });
  const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
  if (encoding === "gzip" || encoding === "deflate") {
    const inflate = new DecompressionStream(encoding) as unknown as TransformStream<
      Uint8Array,
      Uint8Array
    >;
    return raw.pipeThrough(inflate);
  }
  return raw;
}

function toHeaders(res: IncomingMessage, decoded: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    // Once decoded here, the encoded length no longer describes the body.
    if (decoded && (name === "content-encoding" || name === "content-length")) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/**
 * Creates a fetch-compatible function over `node:https` with these TLS
 * settings. Plain `http:` URLs go through the global fetch. Nothing is
 * loaded or opened until the first request.
 *
 * @example Trust a private CA on a runtime without `Deno.createHttpClient`
 * ```ts ignore
 * const { fetch, close } = createNodeFetch({ ca: [caPem] });
 * const response = await fetch("https://127.0.0.1:8443/");
 * close();
 * ```
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  let agent: Agent | undefined;
  let closed = false;
  const maxUnread = options.maxUnreadBytes ?? DEFAULT_MAX_UNREAD_BYTES;
  const nodeFetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== "https:") return fetch(input, init);
    const { https, Buffer } = await loadNode();
    if (closed) throw new TypeError("The node:https transport is closed");
    agent ??= new https.Agent({
      keepAlive: true,
      rejectUnauthorized: options.rejectUnauthorized ?? true,
      ca: options.ca,
      cert: options.cert,
      key: options.key,
    });
    const method = (init.method ?? "GET").toUpperCase();
    const headers = new Headers(init.headers);
    const body = init.body == null ? undefined : await new Response(init.body).bytes();
    if (body && !headers.has("content-length")) headers.set("content-length", String(body.length));
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    return await new Promise<Response>((resolve, reject) => {
      let settled = false;
      const req = https.request(url, {
        method,
        headers: Object.fromEntries(headers),
        agent,
      }, (res) => {
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        try {
          const stream = responseBody(res, method, url.href, maxUnread, signal);
          const decoded = stream !== null && /^(gzip|deflate)$/i.test(
            String(res.headers["content-encoding"] ?? ""),
          );
          resolve(
            new Response(stream, {
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? "",
              headers: toHeaders(res, decoded),
            }),
          );
        } catch (error) {
          res.destroy();
          reject(error);
        }
      });
      const onAbort = () => {
        if (!settled) reject(signal?.reason);
        settled = true;
        req.destroy();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        if (!settled) reject(error);
        settled = true;
      });
      req.end(body ? Buffer.from(body) : undefined);
    });
  };
  return {
    fetch: nodeFetch as typeof fetch,
    close: () => {
      closed = true;
      agent?.destroy();
      agent = undefined;
    },
  };
}

/**
 * Creates a fetch-compatible function that does not verify server
 * certificates. Plain `http:` URLs go through the global fetch.
 *
 * @example
 * ```ts
 * import { createInsecureFetch } from "./node_fetch.ts";
 * await using server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () =>
 *   new Response("ok"));
 * const { fetch, close } = createInsecureFetch(); // an https: URL skips certificate checks
 * const response = await fetch(`http://127.0.0.1:${server.addr.port}/`);
 * console.assert(await response.text() === "ok");
 * close();
 * ```
 */
export function createInsecureFetch(tls: NodeFetchTls = {}): NodeFetch {
  return createNodeFetch({
    ca: tls.caCerts,
    cert: tls.cert?.cert,
    key: tls.cert?.key,
    rejectUnauthorized: false,
  });
}

/**
 * A fetch over `node:https` for clients that skip certificate checks. Deno's
 * own fetch has no per-client switch for that, and a process-wide flag would
 * weaken every other client in the process.
 *
 * @module
 */
import https from "node:https";
import type { IncomingMessage } from "node:http";
import { Buffer } from "node:buffer";

/** TLS material for the insecure transport. */
export interface NodeFetchTls {
  /** Extra CA certificates (PEM). */
  caCerts?: string[];
  /** Client certificate and key (PEM). */
  cert?: { cert: string; key: string };
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function responseBody(res: IncomingMessage, method: string): ReadableStream<Uint8Array> | null {
  if (method === "HEAD" || NULL_BODY_STATUSES.has(res.statusCode ?? 0)) {
    res.resume();
    return null;
  }
  const raw = new ReadableStream<Uint8Array>({
    start(controller) {
      res.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      res.on("end", () => controller.close());
      res.on("error", (e) => controller.error(e));
    },
    cancel() {
      res.destroy();
    },
  });
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

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/**
 * Creates a fetch-compatible function that does not verify server
 * certificates. Plain `http:` URLs go through the global fetch.
 */
export function createInsecureFetch(tls: NodeFetchTls = {}): {
  fetch: typeof fetch;
  close(): void;
} {
  const agent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: false,
    ca: tls.caCerts,
    cert: tls.cert?.cert,
    key: tls.cert?.key,
  });
  const insecureFetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== "https:") return fetch(input, init);
    const method = (init.method ?? "GET").toUpperCase();
    const headers = new Headers(init.headers);
    const body = init.body == null
      ? undefined
      : new Uint8Array(await new Response(init.body).arrayBuffer());
    if (body && !headers.has("content-length")) headers.set("content-length", String(body.length));
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    return await new Promise<Response>((resolve, reject) => {
      const req = https.request(url, {
        method,
        headers: Object.fromEntries(headers),
        agent,
      }, (res) => {
        resolve(
          new Response(responseBody(res, method), {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers: toHeaders(res),
          }),
        );
      });
      const onAbort = () => req.destroy(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("close", () => signal?.removeEventListener("abort", onAbort));
      req.on("error", (e) => reject(signal?.aborted ? signal.reason : e));
      req.end(body ? Buffer.from(body) : undefined);
    });
  };
  return { fetch: insecureFetch as typeof fetch, close: () => agent.destroy() };
}

/**
 * A small local engine stand-in for the service tests: canned XML/JSON
 * answers keyed by path, and a record of what the client sent.
 */
import type { HttpRequest, HttpResponse } from "../../../src/connection/http_request.ts";
import { type ServiceConnection, SystemService } from "../../../src/services/ovirt/mod.ts";

export interface Canned {
  code: number;
  body: string;
  type?: string;
}

export interface Seen {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body: string;
}

export const PREFIX = "/ovirt-engine/api";

export class CannedServer {
  readonly answers = new Map<string, Canned>();
  readonly seen: Seen[] = [];
  #server: Deno.HttpServer<Deno.NetAddr>;

  constructor() {
    this.#server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
      const url = new URL(req.url);
      const path = url.pathname.startsWith(PREFIX)
        ? url.pathname.slice(PREFIX.length)
        : url.pathname;
      this.seen.push({
        method: req.method,
        path,
        query: url.search.replace(/^\?/, ""),
        headers: req.headers,
        body: await req.text(),
      });
      const a = this.answers.get(path);
      if (a === undefined) return new Response("", { status: 404 });
      const headers = a.body === "" ? undefined : { "content-type": a.type ?? "application/xml" };
      return new Response(a.body === "" ? null : a.body, { status: a.code, headers });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.#server.addr.port}${PREFIX}`;
  }

  /** Answer `path` (relative to the API root, e.g. `/vms/123`). */
  set(path: string, code: number, body: string, type?: string): void {
    this.answers.set(path, { code, body, type });
  }

  get last(): Seen {
    const s = this.seen.at(-1);
    if (s === undefined) throw new Error("no request seen");
    return s;
  }

  async close(): Promise<void> {
    await this.#server.shutdown();
  }
}

/** A minimal ServiceConnection over fetch (the real Connection is tested elsewhere). */
export class FetchConnection implements ServiceConnection {
  constructor(readonly base: string, readonly format: "xml" | "json" = "xml") {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const q = request.query ? new URLSearchParams(request.query).toString() : "";
    const url = `${this.base}${request.path ?? ""}${q ? "?" + q : ""}`;
    const method = request.method;
    const response = await fetch(url, {
      method,
      headers: request.headers,
      body: method === "POST" || method === "PUT" ? (request.body ?? "") : request.body,
    });
    const body = new Uint8Array(await response.arrayBuffer());
    return { code: response.status, body, headers: response.headers, message: response.statusText };
  }
}

/** Whitespace between tags removed, as the Python test server records bodies. */
export function compact(xml: string): string {
  return xml.replace(/>\s+</g, "><").trim();
}

/** Runs `fn` with a canned server and a SystemService talking to it, then closes the server. */
export async function withServer(
  fn: (server: CannedServer, system: SystemService) => Promise<void>,
): Promise<void> {
  const server = new CannedServer();
  try {
    await fn(server, new SystemService(new FetchConnection(server.url), ""));
  } finally {
    await server.close();
  }
}

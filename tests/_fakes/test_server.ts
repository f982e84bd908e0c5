/**
 * A real HTTP server on loopback for the HTTPClient tests, answering
 * through a handler the test swaps as it likes, and recording requests.
 *
 * @module
 */

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

/** A handler; `seen` is the request already read. */
export type Handler = (seen: SeenRequest, request: Request) => Response | Promise<Response>;

/** A `Deno.serve` server on 127.0.0.1, port 0. */
export class TestServer implements AsyncDisposable {
  readonly requests: SeenRequest[] = [];
  handler: Handler;
  readonly #server: Deno.HttpServer;
  readonly url: string;

  private constructor(handler: Handler, server: Deno.HttpServer, url: string) {
    this.handler = handler;
    this.#server = server;
    this.url = url;
  }

  /** Starts a server (HTTPS when a certificate is given). */
  static start(
    handler: Handler = () => Response.json({}),
    tls?: { cert: string; key: string },
  ): Promise<TestServer> {
    const box: { self?: TestServer } = {};
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: () => {},
      ...(tls ?? {}),
    }, async (request) => {
      const url = new URL(request.url);
      const seen: SeenRequest = {
        method: request.method,
        path: url.pathname,
        search: url.search,
        headers: request.headers,
        body: await request.text(),
      };
      box.self!.requests.push(seen);
      return await box.self!.handler(seen, request);
    });
    const scheme = tls ? "https" : "http";
    box.self = new TestServer(handler, server, `${scheme}://127.0.0.1:${server.addr.port}`);
    return Promise.resolve(box.self);
  }

  /** Requests whose path starts with `prefix`. */
  count(prefix: string): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  /** Stops the server. */
  async close(): Promise<void> {
    await this.#server.shutdown();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** A port nothing listens on. */
export function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/**
 * What the HTTPClient bench and load script share: a loopback server with a
 * 20-server Nova-like reply, and a compute client on one HTTPClient.
 */
import { BaseClient, HTTPClient } from "../src/http/mod.ts";
import { TokenEndpointAuth } from "../src/auth/token_endpoint_auth.ts";

class Compute extends BaseClient {
  static override serviceType = "compute";
}

/** Starts the server and the clients; `close()` stops both. */
export function computeFixture(token: string): {
  base: string;
  http: HTTPClient;
  compute: BaseClient;
  close(): Promise<void>;
} {
  const payload = JSON.stringify({
    servers: Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `vm-${i}` })),
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () =>
      new Response(payload, {
        headers: { "content-type": "application/json", "x-openstack-request-id": "req-1" },
      }),
  );
  const base = `http://127.0.0.1:${server.addr.port}/v2.1`;
  const http = new HTTPClient(new TokenEndpointAuth({ token, endpoint: base }));
  return {
    base,
    http,
    compute: new Compute(http),
    async close() {
      await server.shutdown();
      await http.close();
    },
  };
}

/**
 * A test plugin in the style of the seed's FakeAuthPlugin: each login asks
 * the test server for a new token through `http.request`, and the endpoint
 * carries the login number, so a test can tell logins apart.
 *
 * @module
 */
import type { HTTPClient } from "../../src/http/http_client.ts";
import type { AuthPlugin, TokenAndEndpoint } from "../../src/auth/auth_plugin.ts";
import { EndpointNotFound } from "../../src/errors/mod.ts";
import type { TestServer } from "./test_server.ts";

/** A plugin whose logins the test can count and steer. */
export class CountingAuth implements AuthPlugin {
  readonly authSystem = "counting";
  logins = 0;
  invalidations = 0;
  token: string | undefined;
  expiry: number | undefined;
  /** Endpoint answers after each login, in order; default `<server>/endpoint-N`. */
  endpoints: (string | undefined)[] = [];
  /** Throw EndpointNotFound from tokenAndEndpoint on these call numbers. */
  failLookups = new Set<number>();
  /** When set, every login returns this same token. */
  fixedToken: string | undefined;
  lookups = 0;
  restored = 0;
  /** Part of the cache scope, so tests can tell users apart. */
  user = "alice";
  readonly #server: TestServer;

  constructor(server: TestServer) {
    this.#server = server;
  }

  async authenticate(http: HTTPClient): Promise<void> {
    const reply = await http.request("POST", `${this.#server.url}/login`, {
      json: { auth: { password: "hunter2-secret" } },
    });
    const { token } = await reply.json();
    this.logins++;
    this.token = this.fixedToken ?? token;
    this.expiry = undefined;
  }

  tokenAndEndpoint(): TokenAndEndpoint {
    const call = this.lookups++;
    if (this.failLookups.has(call)) throw new EndpointNotFound("no endpoint");
    if (!this.token) return {};
    const n = this.logins - 1;
    const endpoint = this.endpoints.length
      ? this.endpoints[Math.min(n, this.endpoints.length - 1)]
      : `${this.#server.url}/endpoint-${n}`;
    return { token: this.token, endpoint };
  }

  invalidate(): void {
    this.invalidations++;
    this.token = undefined;
  }

  expiresAt(): number | undefined {
    return this.expiry;
  }

  cacheScope(): Record<string, string> {
    return { plugin: this.authSystem, server: this.#server.url, user: this.user };
  }

  saveState(): { token: string; expiresAt?: number; data: unknown } | undefined {
    return this.token
      ? { token: this.token, expiresAt: this.expiry, data: { logins: this.logins } }
      : undefined;
  }

  restoreState(state: { token: string; expiresAt?: number; data?: unknown }): void {
    this.token = state.token;
    this.expiry = state.expiresAt;
    this.logins = (state.data as { logins: number }).logins;
    this.restored++;
  }
}

/** Handler for a server that issues tokens at /login and checks them elsewhere. */
export function tokenChecker(valid: Set<string>, counter = { n: 0 }) {
  return (seen: { path: string; headers: Headers }): Response => {
    if (seen.path === "/login") {
      const token = `tok-${counter.n++}-${crypto.randomUUID()}`;
      valid.add(token);
      return Response.json({ token });
    }
    const token = seen.headers.get("x-auth-token") ?? "";
    if (!valid.has(token)) {
      return Response.json({
        error: { code: 401, message: "The request you have made requires authentication." },
      }, {
        status: 401,
        headers: { "x-openstack-request-id": "req-401" },
      });
    }
    return Response.json({ path: seen.path }, {
      headers: { "x-openstack-request-id": `req-${seen.path}` },
    });
  };
}

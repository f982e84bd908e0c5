/**
 * A small local Keystone imitation (v3 `/v3/auth/tokens` and v2.0
 * `/v2.0/tokens`) for unit tests: records what the plugins send and answers
 * with catalogs of the shapes real Keystones give. The real Keystone is in
 * tests/keystone/.
 */

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export interface FakeKeystoneOptions {
  /** The password (or app-credential secret, or token) the fake accepts. */
  secret?: string;
  /** Seconds until tokens expire (default 3600). */
  ttlSeconds?: number;
  /** Extra catalog services (v3 shape); v2 gets them converted. */
  catalog?: unknown[];
  /** Answer every login with this status (e.g. 500). */
  failWith?: number;
}

export interface FakeKeystone {
  url: string;
  requests: Recorded[];
  /** Valid tokens, in order of issue; empty it to revoke them all. */
  issued: string[];
  close(): Promise<void>;
}

function v3Catalog(base: string, extra: unknown[]): unknown[] {
  return [
    {
      type: "identity",
      name: "keystone",
      id: "svc-identity",
      endpoints: [
        { id: "e1", interface: "public", region_id: "RegionOne", url: `${base}/v3` },
        { id: "e2", interface: "internal", region_id: "RegionOne", url: `${base}/v3` },
      ],
    },
    {
      type: "compute",
      name: "nova",
      id: "svc-compute",
      endpoints: [
        { id: "c1", interface: "public", region_id: "RegionOne", url: `${base}/compute1` },
        { id: "c2", interface: "public", region_id: "RegionTwo", url: `${base}/compute2` },
        { id: "c3", interface: "internal", region_id: "RegionOne", url: `${base}/compute1i` },
      ],
    },
    ...extra,
  ];
}

function v2Catalog(base: string): unknown[] {
  return [
    {
      type: "identity",
      name: "keystone",
      endpoints: [{ region: "RegionOne", publicURL: `${base}/v2.0`, adminURL: `${base}/v2.0a` }],
    },
    {
      type: "compute",
      name: "nova",
      endpoints: [
        { region: "RegionOne", publicURL: `${base}/c1`, internalURL: `${base}/c1i` },
        { region: "RegionTwo", publicURL: `${base}/c2`, internalURL: `${base}/c2i` },
      ],
    },
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The secret the v3 body carries, whatever the method. */
function v3Secret(body: unknown, headers: Headers): string | undefined {
  if (!isRecord(body) || !isRecord(body.auth) || !isRecord(body.auth.identity)) return undefined;
  const identity = body.auth.identity;
  const pw = identity.password;
  if (isRecord(pw) && isRecord(pw.user)) return String(pw.user.password);
  const tok = identity.token;
  if (isRecord(tok)) return headers.get("x-auth-token") === tok.id ? String(tok.id) : "mismatch";
  const ac = identity.application_credential;
  if (isRecord(ac)) return String(ac.secret);
  return undefined;
}

const UNAUTHORIZED = {
  error: {
    code: 401,
    message: "The request you have made requires authentication.",
    title: "Unauthorized",
  },
};

/** Starts the fake on 127.0.0.1 with a free port. */
export function startFakeKeystone(options: FakeKeystoneOptions = {}): FakeKeystone {
  const secret = options.secret ?? "right-secret";
  const requests: Recorded[] = [];
  const issued: string[] = [];
  let serial = 0;
  let base = "";
  const ttl = (options.ttlSeconds ?? 3600) * 1000;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const text = await req.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    requests.push({ method: req.method, path, headers: req.headers, body });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      Response.json(value, {
        status,
        headers: { "x-openstack-request-id": `req-${requests.length}`, ...headers },
      });
    if (options.failWith) return json(options.failWith, { error: { message: "boom" } });
    const expires = new Date(Date.now() + ttl).toISOString().replace("Z", "000Z");
    if (req.method === "POST" && path.endsWith("/v3/auth/tokens")) {
      if (v3Secret(body, req.headers) !== secret) return json(401, UNAUTHORIZED);
      const token = `v3-token-${++serial}`;
      issued.push(token);
      const scope = isRecord(body) && isRecord(body.auth) ? body.auth.scope : undefined;
      const scoped = isRecord(scope) && (scope.project || scope.domain || scope.system);
      const tokenBody: Record<string, unknown> = {
        methods: ["password"],
        expires_at: expires,
        user: { id: "u-1", name: "demo", domain: { id: "default", name: "Default" } },
      };
      if (isRecord(scope) && scope.project) {
        tokenBody.project = { id: "p-1", name: "demo", domain: { id: "default", name: "Default" } };
      }
      if (scoped) tokenBody.catalog = v3Catalog(base, options.catalog ?? []);
      return json(201, { token: tokenBody }, { "X-Subject-Token": token });
    }
    if (req.method === "POST" && path.endsWith("/v2.0/tokens")) {
      const creds = isRecord(body) && isRecord(body.auth) && isRecord(body.auth.passwordCredentials)
        ? body.auth.passwordCredentials
        : {};
      if (creds.password !== secret) return json(401, UNAUTHORIZED);
      const token = `v2-token-${++serial}`;
      issued.push(token);
      return json(200, {
        access: {
          token: { id: token, expires: expires, tenant: { id: "t-1", name: "demo" } },
          serviceCatalog: v2Catalog(base),
          user: { id: "u-1", name: "demo" },
        },
      });
    }
    // Any other path is a service call: a valid, unrevoked token gets 200.
    const token = req.headers.get("x-auth-token") ?? "";
    if (!issued.includes(token)) return json(401, UNAUTHORIZED);
    return json(200, { path, token });
  });
  base = `http://127.0.0.1:${server.addr.port}`;
  return {
    url: base,
    requests,
    issued,
    close: () => server.shutdown(),
  };
}

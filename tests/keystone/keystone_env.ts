/**
 * Shared set-up for the tests against a real Keystone started by
 * `scripts/keystone.sh start` (or `scripts/keystone.sh run <command>`).
 * They need KEYSTONE_URL and KEYSTONE_ADMIN_PASSWORD and fail loudly
 * without them: a skipped integration test proves nothing.
 */
import { BaseClient } from "../../src/http/mod.ts";

function required(name: string): string {
  const value = Deno.env.get(name);
  if (!value) {
    throw new Error(
      `${name} is not set. Start Keystone first: scripts/keystone.sh run deno task test:keystone ` +
        `(or: set -a; eval "$(scripts/keystone.sh start)"; set +a)`,
    );
  }
  return value;
}

/** e.g. http://127.0.0.1:35357/v3 */
export const KEYSTONE_URL: string = required("KEYSTONE_URL").replace(/\/+$/, "");
/** The bootstrap admin's password. */
export const ADMIN_PASSWORD: string = required("KEYSTONE_ADMIN_PASSWORD");

/** A Keystone identity client for clientRequest tests. */
export class Identity extends BaseClient {
  static override serviceType = "identity";
}

/** A raw call to Keystone with a token (set-up only; the code under test uses HTTPClient). */
export async function api(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${KEYSTONE_URL}${path}`, {
    method,
    headers: {
      ...(token ? { "X-Auth-Token": token } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

async function expectOk(
  what: string,
  p: Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>,
  ok: number[] = [200, 201, 204],
) {
  const r = await p;
  if (!ok.includes(r.status)) {
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r;
}

/** A token by raw password login (set-up only). */
export async function passwordToken(
  user: { name: string; domainId?: string } | { id: string },
  password: string,
  scope?: unknown,
): Promise<{ token: string; body: Record<string, unknown> }> {
  const u = "id" in user
    ? { id: user.id, password }
    : { name: user.name, domain: { id: user.domainId ?? "default" }, password };
  const auth: Record<string, unknown> = {
    identity: { methods: ["password"], password: { user: u } },
  };
  if (scope) auth.scope = scope;
  const r = await expectOk("login", api("POST", "/auth/tokens", undefined, { auth }));
  return { token: r.headers.get("x-subject-token") ?? "", body: r.body };
}

/** The admin's token scoped to the admin project. */
export async function adminToken(): Promise<string> {
  const r = await passwordToken({ name: "admin" }, ADMIN_PASSWORD, {
    project: { name: "admin", domain: { id: "default" } },
  });
  return r.token;
}

export interface Fixture {
  suffix: string;
  projectId: string;
  projectName: string;
  userId: string;
  username: string;
  password: string;
}

let fixture: Promise<Fixture> | undefined;

/**
 * A project and a member user in the default domain (also a member of the
 * domain itself, for domain scope), created once per test file with a
 * random suffix, so reruns against one Keystone never collide.
 */
export function getFixture(): Promise<Fixture> {
  fixture ??= (async () => {
    const admin = await adminToken();
    const suffix = crypto.randomUUID().slice(0, 8);
    const password = `pw-${crypto.randomUUID()}`;
    const project = await expectOk(
      "create project",
      api("POST", "/projects", admin, {
        project: { name: `nimbus-${suffix}`, domain_id: "default" },
      }),
    );
    const projectId = (project.body.project as { id: string }).id;
    const user = await expectOk(
      "create user",
      api("POST", "/users", admin, {
        user: { name: `nimbus-user-${suffix}`, domain_id: "default", password },
      }),
    );
    const userId = (user.body.user as { id: string }).id;
    const roles = await expectOk("list roles", api("GET", "/roles?name=member", admin));
    const roleId = ((roles.body.roles as Array<{ id: string }>)[0])!.id;
    await expectOk(
      "assign project role",
      api("PUT", `/projects/${projectId}/users/${userId}/roles/${roleId}`, admin),
    );
    await expectOk(
      "assign domain role",
      api("PUT", `/domains/default/users/${userId}/roles/${roleId}`, admin),
    );
    return {
      suffix,
      projectId,
      projectName: `nimbus-${suffix}`,
      userId,
      username: `nimbus-user-${suffix}`,
      password,
    };
  })();
  return fixture;
}

export { expectOk };

/**
 * Keystone application credentials under `/users/{u}/application_credentials`:
 * the secret is returned once and kept only as a hash.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { hexId, type JsonObject, sha256Hex } from "./state.ts";
import { clone, empty, json, keystoneError, obj } from "./respond.ts";
import { forbidden, keystoneList } from "./keystone_common.ts";

export function addAppCreds(router: Router): void {
  const base = "/v3/users/:user/application_credentials";
  const own = (ctx: RouteContext): Response | undefined => {
    const userId = ctx.params.user!;
    if (!ctx.state.users.has(userId)) return keystoneError(404, `Could not find user: ${userId}.`);
    if (ctx.token!.userId !== userId && !ctx.state.isAdmin(ctx.token!)) return forbidden();
    return undefined;
  };
  const list = (ctx: RouteContext) =>
    [...ctx.state.appCreds.values()].map((c) => c.data).filter((d) =>
      d.user_id === ctx.params.user
    );
  const show = (ctx: RouteContext, d: JsonObject): JsonObject => ({
    ...clone(d),
    links: { self: `${ctx.base}/v3/users/${d.user_id}/application_credentials/${d.id}` },
  });
  router.add("GET", base, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const name = ctx.url.searchParams.get("name");
    const items = list(ctx).filter((d) => name === null || d.name === name).map((d) =>
      show(ctx, d)
    );
    return keystoneList(ctx, "application_credentials", items);
  });
  router.add("GET", `${base}/:id`, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const d = list(ctx).find((x) => x.id === ctx.params.id);
    return d
      ? json({ application_credential: show(ctx, d) })
      : keystoneError(404, `Could not find Application Credential: ${ctx.params.id}.`);
  });
  router.add("POST", base, async (ctx) => {
    const token = ctx.token!;
    if (token.userId !== ctx.params.user) return forbidden();
    const projectId = ctx.state.projectOf(token);
    if (!projectId || token.appCredId) return forbidden();
    const input = obj(obj(ctx.body)?.application_credential);
    if (!input || typeof input.name !== "string") {
      return keystoneError(400, "Invalid input for field 'name': 'name' is a required property.");
    }
    if (list(ctx).some((d) => d.name === input.name)) {
      return keystoneError(
        409,
        "Conflict occurred attempting to store application_credential - Duplicate entry.",
      );
    }
    const secret = typeof input.secret === "string"
      ? input.secret
      : btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48)))).replace(
        /[+/=]/g,
        "",
      );
    const wanted = Array.isArray(input.roles) ? input.roles as JsonObject[] : undefined;
    const roleIds = wanted
      ? wanted.map((r) =>
        String(r.id ?? [...ctx.state.roles.values()].find((x) => x.name === r.name)?.id ?? "")
      )
      : token.roleIds;
    if (roleIds.some((id) => !token.roleIds.includes(id))) return forbidden();
    const data: JsonObject = {
      id: hexId(),
      name: input.name,
      description: input.description ?? null,
      user_id: token.userId,
      project_id: projectId,
      expires_at: input.expires_at ?? null,
      unrestricted: input.unrestricted ?? false,
      access_rules: [],
      roles: roleIds.map((id) => ({ id, name: ctx.state.roles.get(id)?.name, domain_id: null })),
    };
    ctx.state.appCreds.set(String(data.id), { data, secretHash: await sha256Hex(secret) });
    return json({ application_credential: { ...show(ctx, data), secret } }, 201);
  });
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const denied = own(ctx);
    if (denied) return denied;
    const d = list(ctx).find((x) => x.id === ctx.params.id);
    if (!d) return keystoneError(404, `Could not find Application Credential: ${ctx.params.id}.`);
    ctx.state.appCreds.delete(String(d.id));
    for (const [tid, t] of ctx.state.tokens) if (t.appCredId === d.id) ctx.state.tokens.delete(tid);
    return empty(204);
  });
}

/**
 * Nova keypairs, keyed by name per user; list items come wrapped in
 * `{keypair: …}` as Nova sends them.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { atLeast, novaList } from "./compute_common.ts";
import { generateSshKeyPair, sshFingerprint } from "./compute_ssh_keys.ts";

/** A keypair record as the microversion shows it: `type` from 2.2 on. */
function typed(ctx: RouteContext, rec: JsonObject): JsonObject {
  const out = clone(rec);
  if (!atLeast(ctx, "2.2")) delete out.type;
  return out;
}

export function addKeypairs(router: Router): void {
  const key = (ctx: RouteContext, name: string) => `${ctx.token!.userId}/${name}`;
  const notFound = (name: string) => novaError(404, `Keypair ${name} not found for user`);
  const mine = (ctx: RouteContext) =>
    [...ctx.state.keypairs.values()].filter((k) => k.user_id === ctx.token!.userId)
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  router.add("GET", "/v2.1/os-keypairs", (ctx) => {
    const res = novaList(
      ctx,
      "keypairs",
      mine(ctx).map((k) =>
        typed(ctx, {
          name: k.name,
          public_key: k.public_key,
          fingerprint: k.fingerprint,
          type: k.type,
        })
      ),
      "name",
    );
    return wrapKeypairs(res);
  });
  router.add("GET", "/v2.1/os-keypairs/:name", (ctx) => {
    const k = ctx.state.keypairs.get(key(ctx, ctx.params.name!));
    return k ? json({ keypair: typed(ctx, k) }) : notFound(ctx.params.name!);
  });
  router.add("POST", "/v2.1/os-keypairs", (ctx) => {
    const input = obj(obj(ctx.body)?.keypair);
    const name = input?.name;
    if (typeof name !== "string" || !/^[\w .@-]{1,255}$/.test(name)) {
      return novaError(400, "Keypair data is invalid: Keypair name contains unsafe characters");
    }
    if (ctx.state.keypairs.has(key(ctx, name))) {
      return novaError(409, `Key pair '${name}' already exists.`);
    }
    let privateKey: string | undefined;
    let publicKey = typeof input?.public_key === "string" ? input.public_key : undefined;
    if (!publicKey) {
      ({ publicKey, privateKey } = generateSshKeyPair());
    }
    const fingerprint = sshFingerprint(publicKey);
    if (!fingerprint) {
      return novaError(400, "Keypair data is invalid: failed to generate fingerprint");
    }
    const rec: JsonObject = {
      name,
      public_key: publicKey,
      fingerprint,
      type: input?.type ?? "ssh",
      user_id: ctx.token!.userId,
      id: ctx.state.keypairs.size + 1,
      created_at: new Date().toISOString().replace("Z", ""),
      deleted: false,
      deleted_at: null,
      updated_at: null,
    };
    ctx.state.keypairs.set(key(ctx, name), rec);
    const out: JsonObject = {
      name,
      public_key: publicKey,
      fingerprint: rec.fingerprint,
      user_id: rec.user_id,
      type: rec.type,
    };
    if (privateKey) out.private_key = privateKey;
    // Nova answers 200 before 2.2 and 201 from 2.2 on.
    return json({ keypair: typed(ctx, out) }, atLeast(ctx, "2.2") ? 201 : 200);
  });
  router.add("DELETE", "/v2.1/os-keypairs/:name", (ctx) => {
    if (!ctx.state.keypairs.delete(key(ctx, ctx.params.name!))) return notFound(ctx.params.name!);
    return empty(204);
  });
}

/** Nova wraps each keypair of a list in `{keypair: …}`. */
async function wrapKeypairs(res: Response): Promise<Response> {
  if (res.status !== 200) return res;
  const body = await res.json() as JsonObject;
  body.keypairs = (body.keypairs as JsonObject[]).map((k) => ({ keypair: k }));
  return json(body);
}

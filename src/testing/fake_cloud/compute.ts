/**
 * The Nova compute API v2.1: servers (with actions), flavors and keypairs,
 * with Nova's paging (`*_links` next when a page is full) and microversion
 * headers.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { hexId, isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, json, nextQuery, novaError, PageError, paginate } from "./respond.ts";

/** The highest compute microversion the fake claims. */
export const COMPUTE_MAX_VERSION = "2.96";

function obj(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as JsonObject
    : undefined;
}

function link(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  const href = `${ctx.base}/v2.1/${kind}/${encodeURIComponent(id)}`;
  return [{ rel: "self", href }, { rel: "bookmark", href }];
}

/** A list reply with `<key>_links` when the page is full. */
function novaList(ctx: RouteContext, key: string, items: JsonObject[], pageKey = "id"): Response {
  try {
    const page = paginate(items, ctx.url.searchParams, {
      defaultLimit: 1000,
      maxLimit: 1000,
      fullPageHasNext: true,
      key: pageKey,
    });
    const body: JsonObject = { [key]: page.items };
    if (page.nextMarker !== undefined) {
      body[`${key}_links`] = [{
        rel: "next",
        href: `${ctx.base}${ctx.path}?${
          nextQuery(ctx.url.searchParams, page.limit, page.nextMarker)
        }`,
      }];
    }
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return novaError(400, e.message);
    throw e;
  }
}

/** The server as `GET /servers/{id}` shows it, status worked out from its timeline. */
function serverView(ctx: RouteContext, rec: JsonObject): JsonObject {
  const s = clone(rec);
  const created = Number(s._createdMs);
  if (s.status === "BUILD" && ctx.state.built(created)) {
    rec.status = s.status = "ACTIVE";
  }
  delete s._createdMs;
  const active = s.status === "ACTIVE";
  s["OS-EXT-STS:vm_state"] = active ? "active" : s.status === "SHUTOFF" ? "stopped" : "building";
  s["OS-EXT-STS:power_state"] = active ? 1 : 4;
  s["OS-EXT-STS:task_state"] = s.status === "BUILD" ? "spawning" : null;
  s.links = link(ctx, "servers", String(s.id));
  return s;
}

function addServers(router: Router): void {
  const notFound = (id: string) => novaError(404, `Instance ${id} could not be found.`);
  const visible = (ctx: RouteContext) => {
    const project = ctx.state.projectOf(ctx.token!);
    const all = ctx.url.searchParams.get("all_tenants") && ctx.state.isAdmin(ctx.token!);
    return [...ctx.state.servers.values()].filter((s) => all || s.tenant_id === project);
  };
  const filtered = (ctx: RouteContext) => {
    const q = ctx.url.searchParams;
    let name: RegExp | undefined;
    try {
      name = q.get("name") ? new RegExp(q.get("name")!) : undefined;
    } catch {
      name = undefined;
    }
    return visible(ctx).filter((s) =>
      (!name || name.test(String(s.name))) && (!q.get("status") || s.status === q.get("status"))
    );
  };
  router.add("GET", "/v2.1/servers", (ctx) =>
    novaList(
      ctx,
      "servers",
      filtered(ctx).map((s) => ({
        id: s.id,
        name: s.name,
        links: link(ctx, "servers", String(s.id)),
      })),
    ));
  router.add(
    "GET",
    "/v2.1/servers/detail",
    (ctx) => novaList(ctx, "servers", filtered(ctx).map((s) => serverView(ctx, s))),
  );
  const find = (ctx: RouteContext) => visible(ctx).find((s) => s.id === ctx.params.id);
  router.add("GET", "/v2.1/servers/:id", (ctx) => {
    const s = find(ctx);
    return s ? json({ server: serverView(ctx, s) }) : notFound(ctx.params.id!);
  });
  router.add("POST", "/v2.1/servers", (ctx) => {
    const input = obj(obj(ctx.body)?.server);
    if (!input) return novaError(400, "Invalid input for field/attribute server.");
    if (typeof input.name !== "string" || input.name === "") {
      return novaError(400, "Invalid input for field/attribute name. Value: None.");
    }
    const flavor = ctx.state.flavors.get(String(input.flavorRef ?? ""));
    if (!flavor) return novaError(400, `Flavor ${input.flavorRef} could not be found.`);
    const imageId = String(input.imageRef ?? "");
    if (imageId && !ctx.state.images.has(imageId)) {
      return novaError(400, `Image ${imageId} could not be found.`);
    }
    const keyName = input.key_name;
    if (keyName !== undefined && !ctx.state.keypairs.has(`${ctx.token!.userId}/${keyName}`)) {
      return novaError(400, `Invalid key_name provided.`);
    }
    const id = crypto.randomUUID();
    const now = Date.now();
    const octet = ctx.state.servers.size + 10;
    const rec: JsonObject = {
      id,
      name: input.name,
      status: "BUILD",
      tenant_id: ctx.state.projectOf(ctx.token!) ?? "",
      user_id: ctx.token!.userId,
      metadata: obj(input.metadata) ?? {},
      hostId: hexId(),
      image: imageId ? { id: imageId, links: link(ctx, "images", imageId) } : "",
      flavor: { id: flavor.id, links: link(ctx, "flavors", String(flavor.id)) },
      created: isoSeconds(now),
      updated: isoSeconds(now),
      addresses: {
        private: [{ addr: `10.0.0.${octet % 250}`, version: 4, "OS-EXT-IPS:type": "fixed" }],
      },
      accessIPv4: "",
      accessIPv6: "",
      key_name: keyName ?? null,
      description: input.description ?? null,
      "OS-EXT-AZ:availability_zone": input.availability_zone ?? "nova",
      "OS-DCF:diskConfig": "MANUAL",
      security_groups: [{ name: "default" }],
      _createdMs: now,
    };
    ctx.state.servers.set(id, rec);
    const adminPass = hexId().slice(0, 12);
    return json(
      {
        server: {
          id,
          links: link(ctx, "servers", id),
          adminPass,
          "OS-DCF:diskConfig": "MANUAL",
          security_groups: [{ name: "default" }],
        },
      },
      202,
      { location: `${ctx.base}/v2.1/servers/${id}` },
    );
  });
  router.add("PUT", "/v2.1/servers/:id", (ctx) => {
    const s = find(ctx);
    if (!s) return notFound(ctx.params.id!);
    const input = obj(obj(ctx.body)?.server);
    if (!input) return novaError(400, "Invalid input for field/attribute server.");
    for (const key of ["name", "accessIPv4", "accessIPv6", "description"]) {
      if (key in input) s[key] = input[key];
    }
    s.updated = isoSeconds();
    return json({ server: serverView(ctx, s) });
  });
  router.add("DELETE", "/v2.1/servers/:id", (ctx) => {
    const s = find(ctx);
    if (!s) return notFound(ctx.params.id!);
    ctx.state.servers.delete(String(s.id));
    return empty(204);
  });
  router.add("POST", "/v2.1/servers/:id/action", (ctx) => {
    const s = find(ctx);
    if (!s) return notFound(ctx.params.id!);
    serverView(ctx, s);
    const body = obj(ctx.body) ?? {};
    const action = Object.keys(body)[0] ?? "";
    const conflict = (verb: string) =>
      novaError(
        409,
        `Cannot '${verb}' instance ${s.id} while it is in vm_state ${
          s.status === "SHUTOFF" ? "stopped" : s.status === "BUILD" ? "building" : "active"
        }`,
      );
    switch (action) {
      case "os-start":
        if (s.status !== "SHUTOFF") return conflict("start");
        s.status = "ACTIVE";
        break;
      case "os-stop":
        if (s.status !== "ACTIVE") return conflict("stop");
        s.status = "SHUTOFF";
        break;
      case "reboot": {
        const type = String(obj(body.reboot)?.type ?? "");
        if (type !== "SOFT" && type !== "HARD") {
          return novaError(400, `Invalid input for field/attribute type. Value: ${type}.`);
        }
        if (s.status === "BUILD" || (type === "SOFT" && s.status !== "ACTIVE")) {
          return conflict("reboot");
        }
        s.status = "ACTIVE";
        break;
      }
      default:
        return novaError(400, `There is no such action: ${action}`);
    }
    s.updated = isoSeconds();
    return empty(202);
  });
}

function flavorView(ctx: RouteContext, f: JsonObject): JsonObject {
  return { ...clone(f), links: link(ctx, "flavors", String(f.id)) };
}

function addFlavors(router: Router): void {
  const notFound = (id: string) => novaError(404, `Flavor ${id} could not be found.`);
  const sorted = (ctx: RouteContext) =>
    [...ctx.state.flavors.values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  router.add("GET", "/v2.1/flavors", (ctx) =>
    novaList(
      ctx,
      "flavors",
      sorted(ctx).map((f) => ({
        id: f.id,
        name: f.name,
        description: f.description,
        links: link(ctx, "flavors", String(f.id)),
      })),
    ));
  router.add(
    "GET",
    "/v2.1/flavors/detail",
    (ctx) => novaList(ctx, "flavors", sorted(ctx).map((f) => flavorView(ctx, f))),
  );
  router.add("GET", "/v2.1/flavors/:id", (ctx) => {
    const f = ctx.state.flavors.get(ctx.params.id!);
    return f ? json({ flavor: flavorView(ctx, f) }) : notFound(ctx.params.id!);
  });
  router.add("POST", "/v2.1/flavors", (ctx) => {
    if (!ctx.state.isAdmin(ctx.token!)) {
      return novaError(
        403,
        "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.",
      );
    }
    const input = obj(obj(ctx.body)?.flavor);
    if (!input || typeof input.name !== "string") {
      return novaError(400, "Invalid input for field/attribute flavor.");
    }
    const id = String(input.id ?? crypto.randomUUID());
    if (
      ctx.state.flavors.has(id) ||
      [...ctx.state.flavors.values()].some((f) => f.name === input.name)
    ) {
      return novaError(409, `Flavor with name ${input.name} already exists.`);
    }
    const f: JsonObject = {
      id,
      name: input.name,
      ram: Number(input.ram ?? 0),
      vcpus: Number(input.vcpus ?? 1),
      disk: Number(input.disk ?? 0),
      "OS-FLV-EXT-DATA:ephemeral": Number(input["OS-FLV-EXT-DATA:ephemeral"] ?? 0),
      swap: input.swap ?? "",
      rxtx_factor: 1.0,
      "os-flavor-access:is_public": input["os-flavor-access:is_public"] ?? true,
      "OS-FLV-DISABLED:disabled": false,
      description: input.description ?? null,
      extra_specs: {},
    };
    ctx.state.flavors.set(id, f);
    return json({ flavor: flavorView(ctx, f) });
  });
  router.add("PUT", "/v2.1/flavors/:id", (ctx) => {
    const f = ctx.state.flavors.get(ctx.params.id!);
    if (!f) return notFound(ctx.params.id!);
    const input = obj(obj(ctx.body)?.flavor) ?? {};
    const keys = Object.keys(input);
    if (keys.some((k) => k !== "description")) {
      return novaError(
        400,
        "Additional properties are not allowed: only description can be updated.",
      );
    }
    f.description = input.description ?? null;
    return json({ flavor: flavorView(ctx, f) });
  });
  router.add("DELETE", "/v2.1/flavors/:id", (ctx) => {
    if (!ctx.state.flavors.delete(ctx.params.id!)) return notFound(ctx.params.id!);
    return empty(202);
  });
}

async function fingerprint(publicKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(publicKey));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0"))
    .join(":");
}

function addKeypairs(router: Router): void {
  const key = (ctx: RouteContext, name: string) => `${ctx.token!.userId}/${name}`;
  const notFound = (name: string) => novaError(404, `Keypair ${name} not found for user`);
  const mine = (ctx: RouteContext) =>
    [...ctx.state.keypairs.values()].filter((k) => k.user_id === ctx.token!.userId)
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  router.add("GET", "/v2.1/os-keypairs", (ctx) => {
    const res = novaList(
      ctx,
      "keypairs",
      mine(ctx).map((k) => ({
        name: k.name,
        public_key: k.public_key,
        fingerprint: k.fingerprint,
        type: k.type,
      })),
      "name",
    );
    return wrapKeypairs(res);
  });
  router.add("GET", "/v2.1/os-keypairs/:name", (ctx) => {
    const k = ctx.state.keypairs.get(key(ctx, ctx.params.name!));
    return k ? json({ keypair: clone(k) }) : notFound(ctx.params.name!);
  });
  router.add("POST", "/v2.1/os-keypairs", async (ctx) => {
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
      const blob = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
      publicKey = `ssh-ed25519 ${blob} Generated-by-Nova`;
      privateKey =
        `-----BEGIN OPENSSH PRIVATE KEY-----\n${blob}\n-----END OPENSSH PRIVATE KEY-----\n`;
    }
    const rec: JsonObject = {
      name,
      public_key: publicKey,
      fingerprint: await fingerprint(publicKey),
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
    return json({ keypair: out }, 201);
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

/** Registers the compute routes (paths relative to `/compute`). */
export function addComputeRoutes(router: Router): void {
  const version = (ctx: RouteContext) => ({
    id: "v2.1",
    status: "CURRENT",
    version: COMPUTE_MAX_VERSION,
    min_version: "2.1",
    updated: "2013-07-23T11:33:21Z",
    links: [{ rel: "self", href: `${ctx.base}/v2.1/` }],
  });
  router.add("GET", "/", (ctx) => json({ versions: [version(ctx)] }), true);
  router.add("GET", "/v2.1", (ctx) => json({ version: version(ctx) }), true);
  addServers(router);
  addFlavors(router);
  addKeypairs(router);
}

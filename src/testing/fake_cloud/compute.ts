/**
 * The Nova compute API v2.1: servers (with actions), flavors and keypairs,
 * with Nova's paging (`*_links` next when a page is full) and microversion
 * headers.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { hexId, isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { atLeast, bookmark, link, novaList } from "./compute_common.ts";
import { serverAddresses } from "./compute_networks.ts";
import { addFlavors } from "./compute_flavors.ts";
import { addKeypairs } from "./compute_keypairs.ts";
import {
  addComputeActionRoutes,
  addFlavorActionRoutes,
  decorateServer,
  extraServerAction,
} from "./compute_actions.ts";

/** The highest compute microversion the fake claims. */
export const COMPUTE_MAX_VERSION = "2.96";

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
  // Nova prints launched_at without a zone and with microseconds.
  s["OS-SRV-USG:launched_at"] = s.status === "BUILD"
    ? null
    : `${isoSeconds(created).replace(/Z$/, "")}.000000`;
  if (ctx.state.isAdmin(ctx.token!)) {
    // Admins see where the server runs (the seeded compute node).
    s["OS-EXT-SRV-ATTR:host"] = "compute-0";
    s["OS-EXT-SRV-ATTR:hypervisor_hostname"] = "compute-0";
    s["OS-EXT-SRV-ATTR:instance_name"] = `instance-${
      (Number(rec._instanceNo ?? 0)).toString(16).padStart(8, "0")
    }`;
  }
  s["OS-SRV-USG:terminated_at"] = null;
  s.config_drive = "";
  s.progress = 0;
  // Nova lists security groups only for a server with ports; description is 2.19+.
  if (Object.keys(obj(s.addresses) ?? {}).length === 0) delete s.security_groups;
  if (!atLeast(ctx, "2.19")) delete s.description;
  s.links = link(ctx, "servers", String(s.id));
  decorateServer(ctx, rec, s);
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
  // Nova loads the server first, then checks policy against its project: another
  // project's server is 403 for a member, an unknown one 404.
  const missing = (ctx: RouteContext) =>
    ctx.state.servers.has(ctx.params.id!)
      ? novaError(403, "Policy doesn't allow os_compute_api:servers:show to be performed.")
      : notFound(ctx.params.id!);
  router.add("GET", "/v2.1/servers/:id", (ctx) => {
    const s = find(ctx);
    return s ? json({ server: serverView(ctx, s) }) : missing(ctx);
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
    const addresses = serverAddresses(ctx, input.networks);
    if (addresses instanceof Response) return addresses;
    const id = crypto.randomUUID();
    const now = Date.now();
    const rec: JsonObject = {
      id,
      name: input.name,
      status: "BUILD",
      tenant_id: ctx.state.projectOf(ctx.token!) ?? "",
      user_id: ctx.token!.userId,
      metadata: obj(input.metadata) ?? {},
      hostId: hexId(),
      image: imageId ? { id: imageId, links: bookmark(ctx, "images", imageId) } : "",
      flavor: { id: flavor.id, links: bookmark(ctx, "flavors", String(flavor.id)) },
      created: isoSeconds(now),
      updated: isoSeconds(now),
      addresses,
      accessIPv4: "",
      accessIPv6: "",
      key_name: keyName ?? null,
      description: input.description ?? null,
      "OS-EXT-AZ:availability_zone": input.availability_zone ?? "nova",
      "OS-DCF:diskConfig": "MANUAL",
      security_groups: [{ name: "default" }],
      _createdMs: now,
      _instanceNo: ctx.state.servers.size + 1,
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
          ...(Object.keys(addresses).length ? { security_groups: [{ name: "default" }] } : {}),
        },
      },
      202,
      { location: `${ctx.base}/v2.1/servers/${id}` },
    );
  });
  router.add("PUT", "/v2.1/servers/:id", (ctx) => {
    const s = find(ctx);
    if (!s) return missing(ctx);
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
    if (!s) return missing(ctx);
    ctx.state.servers.delete(String(s.id));
    return empty(204);
  });
  router.add("POST", "/v2.1/servers/:id/action", (ctx) => {
    const s = find(ctx);
    if (!s) return missing(ctx);
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
        return extraServerAction(ctx, s, action, body, (rec) => serverView(ctx, rec));
    }
    s.updated = isoSeconds();
    return empty(202);
  });
  addComputeActionRoutes(router, find);
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
  addFlavorActionRoutes(router);
  addKeypairs(router);
}

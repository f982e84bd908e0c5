/**
 * Nova flavors: list, detail, show, create (admin), description update, delete.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { link, novaList } from "./compute_common.ts";

function flavorView(ctx: RouteContext, f: JsonObject): JsonObject {
  return { ...clone(f), links: link(ctx, "flavors", String(f.id)) };
}

export function addFlavors(router: Router): void {
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

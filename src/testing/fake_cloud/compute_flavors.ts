/**
 * Nova flavors: list, detail, show, create (admin), description update, delete.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { atLeast, link, novaList } from "./compute_common.ts";

/** A flavor as the microversion shows it: `description` from 2.55, `extra_specs` from 2.61. */
function flavorView(ctx: RouteContext, f: JsonObject): JsonObject {
  const out: JsonObject = { ...clone(f), links: link(ctx, "flavors", String(f.id)) };
  if (!atLeast(ctx, "2.55")) delete out.description;
  if (!atLeast(ctx, "2.61")) delete out.extra_specs;
  return out;
}

/** Nova's schema checks of a flavor create body: the first problem, as Nova words it. */
function invalidFlavor(input: JsonObject): string | undefined {
  const bad = (field: string, value: unknown, why: string) =>
    `Invalid input for field/attribute ${field}. Value: ${value}. ${why}`;
  if (typeof input.name !== "string" || input.name.trim() === "" || input.name.length > 255) {
    return bad("name", input.name, "'name' must be a non-empty string of at most 255 characters");
  }
  const ranges: [string, number][] = [["ram", 1], ["vcpus", 1], ["disk", 0]];
  for (const [field, min] of ranges) {
    const raw = input[field];
    const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (raw === undefined && field !== "disk") return `'${field}' is a required property`;
    if (raw === undefined) continue;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      return bad(field, raw, `${JSON.stringify(raw)} is not of type 'integer', 'string'`);
    }
    if (n < min) return bad(field, raw, `${n} is less than the minimum of ${min}`);
  }
  if (input.id !== undefined && input.id !== null && typeof input.id !== "string") {
    return bad("id", input.id, `${JSON.stringify(input.id)} is not of type 'string', 'null'`);
  }
  return undefined;
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
        ...(atLeast(ctx, "2.55") ? { description: f.description } : {}),
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
    if (!input) return novaError(400, "Invalid input for field/attribute flavor.");
    const invalid = invalidFlavor(input);
    if (invalid) return novaError(400, invalid);
    const id = String(input.id ?? crypto.randomUUID());
    if ([...ctx.state.flavors.values()].some((f) => f.name === input.name)) {
      return novaError(409, `Flavor with name ${input.name} already exists.`);
    }
    if (ctx.state.flavors.has(id)) return novaError(409, `Flavor with ID ${id} already exists.`);
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

/**
 * The Placement API: resource providers, their inventories and usages.
 * Usages come from the servers of the compute service (each flavor's
 * VCPU/MEMORY_MB/DISK_GB land on the first provider).
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { clone, empty, json, obj, placementError } from "./respond.ts";

/** The highest placement microversion the fake claims. */
export const PLACEMENT_MAX_VERSION = "1.39";

/** Compares "1.20" and "1.3" as microversions. */
export function versionAtLeast(version: string, wanted: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = wanted.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

/** Creates a provider record (also used to seed the cloud). */
export function newProvider(state: CloudState, name: string, uuid?: string): JsonObject {
  const id = uuid ?? crypto.randomUUID();
  const rec = { uuid: id, name, generation: 0, parent_provider_uuid: null, root_provider_uuid: id };
  state.providers.set(id, rec);
  state.inventories.set(id, {});
  return rec;
}

/** Resource usage per class: servers count against the first provider only. */
export function usagesOf(state: CloudState, uuid: string): Record<string, number> {
  const usages: Record<string, number> = {};
  for (const rc of Object.keys(state.inventories.get(uuid) ?? {})) usages[rc] = 0;
  if ([...state.providers.keys()][0] !== uuid) return usages;
  for (const server of state.servers.values()) {
    const flavor = state.flavors.get(String(obj(server.flavor)?.id));
    if (!flavor) continue;
    const add = (rc: string, n: number) => {
      if (rc in usages) usages[rc] = (usages[rc] ?? 0) + n;
    };
    add("VCPU", Number(flavor.vcpus));
    add("MEMORY_MB", Number(flavor.ram));
    add("DISK_GB", Number(flavor.disk));
  }
  return usages;
}

function view(_ctx: RouteContext, rec: JsonObject): JsonObject {
  const self = `/resource_providers/${rec.uuid}`;
  return {
    ...clone(rec),
    links: [
      { rel: "self", href: self },
      { rel: "inventories", href: `${self}/inventories` },
      { rel: "usages", href: `${self}/usages` },
    ],
  };
}

const INVENTORY_DEFAULTS = {
  reserved: 0,
  min_unit: 1,
  max_unit: 2147483647,
  step_size: 1,
  allocation_ratio: 1.0,
};

/** Registers the placement routes (paths relative to `/placement`). */
export function addPlacementRoutes(router: Router): void {
  const microversion = (ctx: RouteContext) => ctx.microversion;
  router.add("GET", "/", () =>
    json({
      versions: [{
        id: "v1.0",
        max_version: PLACEMENT_MAX_VERSION,
        min_version: "1.0",
        status: "CURRENT",
        links: [{ rel: "self", href: "" }],
      }],
    }), true);
  const notFound = (ctx: RouteContext, uuid: string) =>
    placementError(404, `No resource provider with uuid ${uuid} found`, ctx.requestId);
  const find = (ctx: RouteContext) => ctx.state.providers.get(ctx.params.uuid!);

  router.add("GET", "/resource_providers", (ctx) => {
    const q = ctx.url.searchParams;
    const items = [...ctx.state.providers.values()].filter((p) =>
      (!q.get("name") || p.name === q.get("name")) && (!q.get("uuid") || p.uuid === q.get("uuid"))
    );
    return json({ resource_providers: items.map((p) => view(ctx, p)) });
  });
  router.add("GET", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    return p ? json(view(ctx, p)) : notFound(ctx, ctx.params.uuid!);
  });
  router.add("POST", "/resource_providers", (ctx) => {
    const input = obj(ctx.body);
    if (!input || typeof input.name !== "string") {
      return placementError(400, "JSON does not validate: 'name' is a required property");
    }
    const dup = [...ctx.state.providers.values()].some((p) =>
      p.name === input.name || (input.uuid !== undefined && p.uuid === input.uuid)
    );
    if (dup) {
      return placementError(
        409,
        `Conflicting resource provider name: ${input.name} already exists.`,
      );
    }
    const rec = newProvider(
      ctx.state,
      input.name,
      typeof input.uuid === "string" ? input.uuid : undefined,
    );
    if (typeof input.parent_provider_uuid === "string") {
      const parent = ctx.state.providers.get(input.parent_provider_uuid);
      if (!parent) return placementError(400, "parent provider UUID does not exist.");
      rec.parent_provider_uuid = parent.uuid;
      rec.root_provider_uuid = parent.root_provider_uuid;
    }
    const location = `${ctx.base}/resource_providers/${rec.uuid}`;
    if (versionAtLeast(microversion(ctx), "1.20")) return json(view(ctx, rec), 200, { location });
    return empty(201, { location });
  });
  router.add("PUT", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    if (!input || typeof input.name !== "string") {
      return placementError(400, "JSON does not validate: 'name' is a required property");
    }
    p.name = input.name;
    p.generation = Number(p.generation) + 1;
    return json(view(ctx, p));
  });
  router.add("DELETE", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const inUse = Object.values(usagesOf(ctx.state, String(p.uuid))).some((n) => n > 0);
    if (inUse) {
      return placementError(
        409,
        `Unable to delete resource provider ${p.uuid}: Resource provider has allocations.`,
      );
    }
    ctx.state.providers.delete(String(p.uuid));
    ctx.state.inventories.delete(String(p.uuid));
    return empty(204);
  });
  router.add("GET", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    return json({
      inventories: clone(ctx.state.inventories.get(String(p.uuid)) ?? {}),
      resource_provider_generation: p.generation,
    });
  });
  router.add("PUT", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    const inv = obj(input?.inventories);
    if (!input || !inv || typeof input.resource_provider_generation !== "number") {
      return placementError(
        400,
        "JSON does not validate: 'inventories' and 'resource_provider_generation' are required",
      );
    }
    if (input.resource_provider_generation !== p.generation) {
      return placementError(409, "resource provider generation conflict");
    }
    const next: Record<string, JsonObject> = {};
    for (const [rc, value] of Object.entries(inv)) {
      const v = obj(value);
      if (!v || typeof v.total !== "number") {
        return placementError(
          400,
          `JSON does not validate: 'total' is a required property of ${rc}`,
        );
      }
      next[rc] = { ...INVENTORY_DEFAULTS, ...v };
    }
    ctx.state.inventories.set(String(p.uuid), next);
    p.generation = Number(p.generation) + 1;
    return json({ inventories: clone(next), resource_provider_generation: p.generation });
  });
  router.add("GET", "/resource_providers/:uuid/usages", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    return json({
      usages: usagesOf(ctx.state, String(p.uuid)),
      resource_provider_generation: p.generation,
    });
  });
}

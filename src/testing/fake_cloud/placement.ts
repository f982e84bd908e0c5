/**
 * The Placement API: resource providers (trees, `in_tree`, `member_of`,
 * `resources`, `required` filters; unknown query parameters are 400 as the
 * real schema makes them), inventories (whole and per class) and usages.
 * Allocations, aggregates, traits and resource classes are in
 * `placement_extras.ts`. Usages come from the allocations and from the
 * compute service's servers (each flavor's VCPU/MEMORY_MB/DISK_GB land on
 * the first provider).
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { clone, empty, json, obj, placementError } from "./respond.ts";
import { versionAtLeast } from "./microversion.ts";
import { addPlacementExtras, isResourceClass } from "./placement_extras.ts";

export { versionAtLeast };

/** The highest placement microversion the fake claims. */
export const PLACEMENT_MAX_VERSION = "1.39";

/** Creates a provider record (also used to seed the cloud). */
export function newProvider(state: CloudState, name: string, uuid?: string): JsonObject {
  const id = uuid ?? crypto.randomUUID();
  const rec = { uuid: id, name, generation: 0, parent_provider_uuid: null, root_provider_uuid: id };
  state.providers.set(id, rec);
  state.inventories.set(id, {});
  return rec;
}

/** Resource usage per class: allocations, plus servers on the first provider. */
export function usagesOf(state: CloudState, uuid: string): Record<string, number> {
  const usages: Record<string, number> = {};
  for (const rc of Object.keys(state.inventories.get(uuid) ?? {})) usages[rc] = 0;
  for (const consumer of state.allocations.values()) {
    for (const [rc, n] of Object.entries(consumer.resources[uuid] ?? {})) {
      usages[rc] = (usages[rc] ?? 0) + n;
    }
  }
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

/** The provider as the microversion shows it (links and tree fields grow with it). */
export function providerView(ctx: RouteContext, rec: JsonObject): JsonObject {
  const v = ctx.microversion || "1.0";
  const self = `/resource_providers/${rec.uuid}`;
  const links = [
    { rel: "self", href: self },
    { rel: "inventories", href: `${self}/inventories` },
    { rel: "usages", href: `${self}/usages` },
  ];
  if (versionAtLeast(v, "1.1")) links.push({ rel: "aggregates", href: `${self}/aggregates` });
  if (versionAtLeast(v, "1.6")) links.push({ rel: "traits", href: `${self}/traits` });
  if (versionAtLeast(v, "1.11")) links.push({ rel: "allocations", href: `${self}/allocations` });
  const out: JsonObject = { uuid: rec.uuid, name: rec.name, generation: rec.generation, links };
  if (versionAtLeast(v, "1.14")) {
    out.parent_provider_uuid = rec.parent_provider_uuid;
    out.root_provider_uuid = rec.root_provider_uuid;
  }
  return out;
}

const INVENTORY_DEFAULTS = {
  reserved: 0,
  min_unit: 1,
  max_unit: 2147483647,
  step_size: 1,
  allocation_ratio: 1.0,
};

/** The query parameters `GET /resource_providers` accepts at a microversion. */
function allowedQuery(v: string): string[] {
  const out = ["name", "uuid"];
  if (versionAtLeast(v, "1.3")) out.push("member_of");
  if (versionAtLeast(v, "1.4")) out.push("resources");
  if (versionAtLeast(v, "1.14")) out.push("in_tree");
  if (versionAtLeast(v, "1.18")) out.push("required");
  return out;
}

/** An inventory body's problem, as Placement's schema words it, else undefined. */
function invalidInventory(rc: string, v: JsonObject): string | undefined {
  const int = (key: string, min: number) => {
    const x = v[key];
    if (x === undefined) return undefined;
    if (typeof x !== "number" || !Number.isInteger(x)) {
      return `JSON does not validate: ${JSON.stringify(x)} is not of type 'integer' (${rc}.${key})`;
    }
    return x < min
      ? `JSON does not validate: ${x} is less than the minimum of ${min} (${rc}.${key})`
      : undefined;
  };
  if (v.total === undefined) return `JSON does not validate: 'total' is a required property`;
  const problem = int("total", 1) ?? int("reserved", 0) ?? int("min_unit", 1) ??
    int("max_unit", 1) ?? int("step_size", 1);
  if (problem) return problem;
  const ratio = v.allocation_ratio;
  if (ratio !== undefined && (typeof ratio !== "number" || ratio <= 0)) {
    return `JSON does not validate: ${JSON.stringify(ratio)} is not valid (${rc}.allocation_ratio)`;
  }
  const total = Number(v.total);
  if (Number(v.reserved ?? 0) > total) {
    return `Unable to update inventory for resource provider: reserved (${v.reserved}) is greater than total (${total}) for ${rc}`;
  }
  return undefined;
}

/**
 * The 400 (no generation) or 409 (a stale one) for a body that must carry the
 * provider's current `resource_provider_generation`; undefined when it does.
 */
export function generationRefusal(
  ctx: RouteContext,
  p: JsonObject,
  input: JsonObject | undefined,
): Response | undefined {
  if (typeof input?.resource_provider_generation !== "number") {
    return placementError(
      400,
      "JSON does not validate: 'resource_provider_generation' is a required property",
      ctx.requestId,
    );
  }
  if (input.resource_provider_generation !== p.generation) {
    return placementError(
      409,
      `resource provider generation conflict: expected ${p.generation}, got ${input.resource_provider_generation}`,
      ctx.requestId,
    );
  }
  return undefined;
}

/** Registers the placement routes (paths relative to `/placement`). */
export function addPlacementRoutes(router: Router): void {
  const microversion = (ctx: RouteContext) => ctx.microversion || "1.0";
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
  const bad = (ctx: RouteContext, detail: string) => placementError(400, detail, ctx.requestId);
  const conflict = (ctx: RouteContext, detail: string) =>
    placementError(409, detail, ctx.requestId);
  const find = (ctx: RouteContext) => ctx.state.providers.get(ctx.params.uuid!);

  router.add("GET", "/resource_providers", (ctx) => {
    const q = ctx.url.searchParams;
    const allowed = allowedQuery(microversion(ctx));
    const unexpected = [...q.keys()].find((k) => !allowed.includes(k));
    if (unexpected) {
      return bad(
        ctx,
        `Invalid query string parameters: Additional properties are not allowed ('${unexpected}' was unexpected)`,
      );
    }
    const s = ctx.state;
    let items = [...s.providers.values()].filter((p) =>
      (!q.get("name") || p.name === q.get("name")) && (!q.get("uuid") || p.uuid === q.get("uuid"))
    );
    const tree = q.get("in_tree");
    if (tree !== null) {
      const root = s.providers.get(tree)?.root_provider_uuid;
      items = root === undefined ? [] : items.filter((p) => p.root_provider_uuid === root);
    }
    const memberOf = q.get("member_of");
    if (memberOf !== null) {
      const wanted = memberOf.replace(/^in:/, "").split(",");
      items = items.filter((p) =>
        (s.aggregates.get(String(p.uuid)) ?? []).some((a) => wanted.includes(a))
      );
    }
    const required = q.get("required");
    if (required !== null) {
      const traits = required.split(",");
      items = items.filter((p) => {
        const have = s.providerTraits.get(String(p.uuid)) ?? [];
        return traits.every((t) =>
          t.startsWith("!") ? !have.includes(t.slice(1)) : have.includes(t)
        );
      });
    }
    const resources = q.get("resources");
    if (resources !== null) {
      const wanted: [string, number][] = [];
      for (const part of resources.split(",")) {
        const [rc = "", n = ""] = part.split(":");
        if (!/^\d+$/.test(n)) {
          return bad(
            ctx,
            `Badly formed resources parameter. Expected resources query string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: ${resources}.`,
          );
        }
        if (!isResourceClass(s, rc)) {
          return bad(
            ctx,
            `Invalid resource class in resources parameter: No such resource class ${rc}.`,
          );
        }
        wanted.push([rc, Number(n)]);
      }
      items = items.filter((p) => {
        const inv = s.inventories.get(String(p.uuid)) ?? {};
        const used = usagesOf(s, String(p.uuid));
        return wanted.every(([rc, n]) => {
          const i = inv[rc];
          if (!i) return false;
          const capacity = (Number(i.total) - Number(i.reserved)) * Number(i.allocation_ratio);
          return n <= Number(i.max_unit) && (used[rc] ?? 0) + n <= capacity;
        });
      });
    }
    return json({ resource_providers: items.map((p) => providerView(ctx, p)) });
  });
  router.add("GET", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    return p ? json(providerView(ctx, p)) : notFound(ctx, ctx.params.uuid!);
  });
  router.add("POST", "/resource_providers", (ctx) => {
    const input = obj(ctx.body);
    if (!input || typeof input.name !== "string" || input.name === "") {
      return bad(ctx, "JSON does not validate: 'name' is a required property");
    }
    if (input.name.length > 200) return bad(ctx, "JSON does not validate: name is too long");
    if (input.parent_provider_uuid !== undefined && !versionAtLeast(microversion(ctx), "1.14")) {
      return bad(
        ctx,
        "JSON does not validate: Additional properties are not allowed ('parent_provider_uuid' was unexpected)",
      );
    }
    const dup = [...ctx.state.providers.values()].some((p) => p.name === input.name);
    if (dup) {
      return conflict(ctx, `Conflicting resource provider name: ${input.name} already exists.`);
    }
    if (input.uuid !== undefined && ctx.state.providers.has(String(input.uuid))) {
      return conflict(ctx, `Conflicting resource provider uuid: ${input.uuid} already exists.`);
    }
    let parent: JsonObject | undefined;
    if (typeof input.parent_provider_uuid === "string") {
      parent = ctx.state.providers.get(input.parent_provider_uuid);
      if (!parent) {
        return bad(
          ctx,
          `parent provider UUID cannot be found: ${input.parent_provider_uuid}`,
        );
      }
    }
    const rec = newProvider(
      ctx.state,
      input.name,
      typeof input.uuid === "string" ? input.uuid : undefined,
    );
    if (parent) {
      rec.parent_provider_uuid = parent.uuid;
      rec.root_provider_uuid = parent.root_provider_uuid;
    }
    const location = `${ctx.base}/resource_providers/${rec.uuid}`;
    if (versionAtLeast(microversion(ctx), "1.20")) {
      return json(providerView(ctx, rec), 200, { location });
    }
    return empty(201, { location });
  });
  router.add("PUT", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    if (!input || typeof input.name !== "string" || input.name === "") {
      return bad(ctx, "JSON does not validate: 'name' is a required property");
    }
    const clash = [...ctx.state.providers.values()].some((o) =>
      o.uuid !== p.uuid && o.name === input.name
    );
    if (clash) {
      return conflict(ctx, `Conflicting resource provider name: ${input.name} already exists.`);
    }
    // A rename is no inventory or allocation change: the generation stays.
    p.name = input.name;
    return json(providerView(ctx, p));
  });
  router.add("DELETE", "/resource_providers/:uuid", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const s = ctx.state;
    const uuid = String(p.uuid);
    if ([...s.providers.values()].some((o) => o.parent_provider_uuid === uuid)) {
      return conflict(
        ctx,
        `Unable to delete parent resource provider ${uuid}: It has child resource providers.`,
      );
    }
    const inUse = Object.values(usagesOf(s, uuid)).some((n) => n > 0);
    if (inUse) {
      return conflict(
        ctx,
        `Unable to delete resource provider ${uuid}: Resource provider has allocations.`,
      );
    }
    s.providers.delete(uuid);
    s.inventories.delete(uuid);
    s.aggregates.delete(uuid);
    s.providerTraits.delete(uuid);
    return empty(204);
  });

  const inventoryReply = (p: JsonObject, inv: Record<string, JsonObject>) =>
    json({ inventories: clone(inv), resource_provider_generation: p.generation });
  /** Checks and applies a whole new inventory set; a Response is the refusal. */
  const replaceInventories = (
    ctx: RouteContext,
    p: JsonObject,
    inv: Record<string, unknown>,
  ): Response | Record<string, JsonObject> => {
    const s = ctx.state;
    const next: Record<string, JsonObject> = {};
    for (const [rc, value] of Object.entries(inv)) {
      const v = obj(value);
      if (!v) return bad(ctx, `JSON does not validate: inventory of ${rc} is not an object`);
      if (!isResourceClass(s, rc)) {
        return bad(
          ctx,
          `Unknown resource class in inventory for resource provider ${p.uuid}: ${rc}`,
        );
      }
      const { resource_provider_generation: _g, ...fields } = v;
      const problem = invalidInventory(rc, fields);
      if (problem) return bad(ctx, problem);
      next[rc] = { ...INVENTORY_DEFAULTS, ...fields };
    }
    const used = usagesOf(s, String(p.uuid));
    for (const [rc, n] of Object.entries(used)) {
      if (n > 0 && !next[rc]) {
        return conflict(
          ctx,
          `update conflict: Inventory for '${rc}' on resource provider '${p.uuid}' in use.`,
        );
      }
    }
    s.inventories.set(String(p.uuid), next);
    p.generation = Number(p.generation) + 1;
    return next;
  };

  router.add("GET", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    return inventoryReply(p, ctx.state.inventories.get(String(p.uuid)) ?? {});
  });
  router.add("PUT", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    const refused = generationRefusal(ctx, p, input);
    if (refused) return refused;
    const inv = obj(input?.inventories);
    if (!inv) return bad(ctx, "JSON does not validate: 'inventories' is a required property");
    const next = replaceInventories(ctx, p, inv);
    return next instanceof Response ? next : inventoryReply(p, next);
  });
  router.add("DELETE", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const next = replaceInventories(ctx, p, {});
    return next instanceof Response ? next : empty(204);
  });
  router.add("POST", "/resource_providers/:uuid/inventories", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    const refused = generationRefusal(ctx, p, input);
    if (refused) return refused;
    const rc = String(input?.resource_class ?? "");
    const current = ctx.state.inventories.get(String(p.uuid)) ?? {};
    if (current[rc]) {
      return conflict(
        ctx,
        `Update conflict: Inventory for ${rc} on resource provider ${p.uuid} already exists.`,
      );
    }
    const { resource_class: _rc, ...fields } = input!;
    const next = replaceInventories(ctx, p, { ...current, [rc]: fields });
    if (next instanceof Response) return next;
    return json({ ...clone(next[rc]!), resource_provider_generation: p.generation }, 201, {
      location: `${ctx.base}/resource_providers/${p.uuid}/inventories/${rc}`,
    });
  });
  const oneClass = "/resource_providers/:uuid/inventories/:rc";
  const noInventory = (ctx: RouteContext, p: JsonObject) =>
    placementError(
      404,
      `No inventory of class ${ctx.params.rc} for ${p.uuid}`,
      ctx.requestId,
    );
  router.add("GET", oneClass, (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const inv = ctx.state.inventories.get(String(p.uuid))?.[ctx.params.rc!];
    if (!inv) return noInventory(ctx, p);
    return json({ ...clone(inv), resource_provider_generation: p.generation });
  });
  router.add("PUT", oneClass, (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const input = obj(ctx.body);
    const refused = generationRefusal(ctx, p, input);
    if (refused) return refused;
    const rc = ctx.params.rc!;
    const current = ctx.state.inventories.get(String(p.uuid)) ?? {};
    const next = replaceInventories(ctx, p, { ...current, [rc]: input });
    if (next instanceof Response) return next;
    return json({ ...clone(next[rc]!), resource_provider_generation: p.generation });
  });
  router.add("DELETE", oneClass, (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    const rc = ctx.params.rc!;
    const current = { ...(ctx.state.inventories.get(String(p.uuid)) ?? {}) };
    if (!current[rc]) return noInventory(ctx, p);
    delete current[rc];
    const next = replaceInventories(ctx, p, current);
    return next instanceof Response ? next : empty(204);
  });
  router.add("GET", "/resource_providers/:uuid/usages", (ctx) => {
    const p = find(ctx);
    if (!p) return notFound(ctx, ctx.params.uuid!);
    return json({
      usages: usagesOf(ctx.state, String(p.uuid)),
      resource_provider_generation: p.generation,
    });
  });
  addPlacementExtras(router);
}

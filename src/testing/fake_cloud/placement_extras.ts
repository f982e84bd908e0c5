/**
 * Placement beyond providers and inventories: allocations (per consumer and
 * per provider, checked against capacity), project usages, provider
 * aggregates, traits and resource classes (standard ones, plus `CUSTOM_*`).
 *
 * @module
 */
import type { Handler, RouteContext, Router } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { empty, json, obj, placementError } from "./respond.ts";
import { versionAtLeast } from "./microversion.ts";
import { usagesOf } from "./placement.ts";

/** The standard resource classes (os-resource-classes of the Zed release). */
export const STANDARD_RESOURCE_CLASSES: readonly string[] = [
  "VCPU",
  "MEMORY_MB",
  "DISK_GB",
  "PCI_DEVICE",
  "SRIOV_NET_VF",
  "NUMA_SOCKET",
  "NUMA_CORE",
  "NUMA_THREAD",
  "NUMA_MEMORY_MB",
  "IPV4_ADDRESS",
  "VGPU",
  "VGPU_DISPLAY_HEAD",
  "NET_BW_EGR_KILOBIT_PER_SEC",
  "NET_BW_IGR_KILOBIT_PER_SEC",
  "PCPU",
  "MEM_ENCRYPTION_CONTEXT",
  "FPGA",
  "PGPU",
  "NET_PACKET_RATE_KILOPACKET_PER_SEC",
  "NET_PACKET_RATE_EGR_KILOPACKET_PER_SEC",
  "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC",
];

/** A few of os-traits' standard traits (the real list has hundreds). */
export const STANDARD_TRAITS: readonly string[] = [
  "COMPUTE_DEVICE_TAGGING",
  "COMPUTE_NET_ATTACH_INTERFACE",
  "COMPUTE_NODE",
  "COMPUTE_STATUS_DISABLED",
  "COMPUTE_TRUSTED_CERTS",
  "COMPUTE_VOLUME_ATTACH_WITH_TAG",
  "COMPUTE_VOLUME_EXTEND",
  "COMPUTE_VOLUME_MULTI_ATTACH",
  "HW_CPU_X86_AVX",
  "HW_CPU_X86_AVX2",
  "HW_CPU_X86_SSE",
  "HW_CPU_X86_SSE2",
  "HW_CPU_X86_SSE42",
  "HW_GPU_API_VULKAN",
  "HW_NIC_SRIOV",
  "MISC_SHARES_VIA_AGGREGATE",
  "STORAGE_DISK_HDD",
  "STORAGE_DISK_SSD",
];

const CUSTOM = /^CUSTOM_[A-Z0-9_]+$/;

/** Whether `name` is a resource class this cloud knows. */
export function isResourceClass(state: CloudState, name: string): boolean {
  return STANDARD_RESOURCE_CLASSES.includes(name) || state.customResourceClasses.has(name);
}

function isTrait(state: CloudState, name: string): boolean {
  return STANDARD_TRAITS.includes(name) || state.customTraits.has(name);
}

const v = (ctx: RouteContext) => ctx.microversion || "1.0";

/** A route that exists from microversion `min` on; before it Placement answers 404. */
function since(min: string, handler: Handler): Handler {
  return (ctx) =>
    versionAtLeast(v(ctx), min)
      ? handler(ctx)
      : placementError(404, "The resource could not be found.", ctx.requestId);
}

/** Registers the routes (paths relative to `/placement`). */
export function addPlacementExtras(router: Router): void {
  addResourceClasses(from(router, "1.2"));
  addTraits(from(router, "1.6"));
  addAggregates(from(router, "1.1"));
  addAllocations(router);
}

/** A view of the router whose routes exist from microversion `min` on (404 before). */
function from(router: Router, min: string): Pick<Router, "add"> {
  return {
    add(method: string, pattern: string, handler: Handler, isPublic = false) {
      router.add(method, pattern, since(min, handler), isPublic);
      return router;
    },
  };
}

/** `PUT /<kind>/{name}` of a custom trait or resource class: 201 when new, 204 when known. */
function putCustom(
  ctx: RouteContext,
  known: Set<string>,
  kind: string,
  invalid: string,
): Response {
  const name = ctx.params.name!;
  if (!CUSTOM.test(name)) return placementError(400, invalid, ctx.requestId);
  if (known.has(name)) return empty(204);
  known.add(name);
  return empty(201, { location: `${ctx.base}/${kind}/${name}` });
}

function providerOr404(ctx: RouteContext): JsonObject | Response {
  const p = ctx.state.providers.get(ctx.params.uuid!);
  return p ??
    placementError(404, `No resource provider with uuid ${ctx.params.uuid} found`, ctx.requestId);
}

function addResourceClasses(router: Pick<Router, "add">): void {
  const view = (name: string) => ({
    name,
    links: [{ rel: "self", href: `/resource_classes/${name}` }],
  });
  router.add("GET", "/resource_classes", (ctx) =>
    json({
      resource_classes: [...STANDARD_RESOURCE_CLASSES, ...ctx.state.customResourceClasses].map(
        view,
      ),
    }));
  router.add(
    "GET",
    "/resource_classes/:name",
    (ctx) =>
      isResourceClass(ctx.state, ctx.params.name!)
        ? json(view(ctx.params.name!))
        : placementError(404, `No such resource class ${ctx.params.name}.`, ctx.requestId),
  );
  router.add("POST", "/resource_classes", (ctx) => {
    const name = obj(ctx.body)?.name;
    if (typeof name !== "string" || !CUSTOM.test(name)) {
      return placementError(
        400,
        `JSON does not validate: ${JSON.stringify(name)} does not match '^CUSTOM\\_[A-Z0-9_]+$'`,
        ctx.requestId,
      );
    }
    if (isResourceClass(ctx.state, name)) {
      return placementError(
        409,
        `Conflicting resource class already exists: ${name}`,
        ctx.requestId,
      );
    }
    ctx.state.customResourceClasses.add(name);
    return empty(201, { location: `${ctx.base}/resource_classes/${name}` });
  });
  router.add("PUT", "/resource_classes/:name", (ctx) => {
    const name = ctx.params.name!;
    if (!versionAtLeast(v(ctx), "1.7")) {
      return placementError(405, "The method PUT is not allowed for this resource.", ctx.requestId);
    }
    return putCustom(
      ctx,
      ctx.state.customResourceClasses,
      "resource_classes",
      `Failed validating: '${name}' does not match '^CUSTOM\\_[A-Z0-9_]+$'`,
    );
  });
  router.add("DELETE", "/resource_classes/:name", (ctx) => {
    const name = ctx.params.name!;
    const s = ctx.state;
    if (STANDARD_RESOURCE_CLASSES.includes(name)) {
      return placementError(
        400,
        `Cannot delete standard resource class ${name}: Only custom resource classes can be deleted.`,
        ctx.requestId,
      );
    }
    if (!s.customResourceClasses.has(name)) {
      return placementError(404, `No such resource class ${name}.`, ctx.requestId);
    }
    if ([...s.inventories.values()].some((inv) => name in inv)) {
      return placementError(
        409,
        `Unable to delete resource class ${name}. Class is in use in inventory.`,
        ctx.requestId,
      );
    }
    s.customResourceClasses.delete(name);
    return empty(204);
  });
}

function addTraits(router: Pick<Router, "add">): void {
  router.add("GET", "/traits", (ctx) => {
    const q = ctx.url.searchParams.get("name");
    let names = [...STANDARD_TRAITS, ...ctx.state.customTraits];
    if (q?.startsWith("startswith:")) names = names.filter((n) => n.startsWith(q.slice(11)));
    else if (q?.startsWith("in:")) {
      const wanted = q.slice(3).split(",");
      names = names.filter((n) => wanted.includes(n));
    }
    return json({ traits: names });
  });
  router.add(
    "GET",
    "/traits/:name",
    (ctx) =>
      isTrait(ctx.state, ctx.params.name!)
        ? empty(204)
        : placementError(404, `No such trait(s): ${ctx.params.name}.`, ctx.requestId),
  );
  router.add("PUT", "/traits/:name", (ctx) => {
    return putCustom(
      ctx,
      ctx.state.customTraits,
      "traits",
      `The trait is invalid. A valid trait must be no longer than 255 characters, start with the prefix "CUSTOM_" and use following characters: "A"-"Z", "0"-"9" and "_"`,
    );
  });
  router.add("DELETE", "/traits/:name", (ctx) => {
    const name = ctx.params.name!;
    const s = ctx.state;
    if (STANDARD_TRAITS.includes(name)) {
      return placementError(400, `Cannot delete standard trait ${name}.`, ctx.requestId);
    }
    if (!s.customTraits.has(name)) {
      return placementError(404, `No such trait(s): ${name}.`, ctx.requestId);
    }
    if ([...s.providerTraits.values()].some((t) => t.includes(name))) {
      return placementError(
        409,
        `The trait ${name} is in use by a resource provider.`,
        ctx.requestId,
      );
    }
    s.customTraits.delete(name);
    return empty(204);
  });
  const path = "/resource_providers/:uuid/traits";
  const reply = (ctx: RouteContext, p: JsonObject) =>
    json({
      traits: ctx.state.providerTraits.get(String(p.uuid)) ?? [],
      resource_provider_generation: p.generation,
    });
  router.add("GET", path, (ctx) => {
    const p = providerOr404(ctx);
    return p instanceof Response ? p : reply(ctx, p);
  });
  router.add("PUT", path, (ctx) => {
    const p = providerOr404(ctx);
    if (p instanceof Response) return p;
    const input = obj(ctx.body);
    if (!Array.isArray(input?.traits) || typeof input.resource_provider_generation !== "number") {
      return placementError(
        400,
        "JSON does not validate: 'traits' and 'resource_provider_generation' are required properties",
        ctx.requestId,
      );
    }
    if (input.resource_provider_generation !== p.generation) {
      return placementError(409, "resource provider generation conflict", ctx.requestId);
    }
    const unknown = (input.traits as unknown[]).filter((t) => !isTrait(ctx.state, String(t)));
    if (unknown.length) {
      return placementError(400, `No such trait(s): ${unknown.join(", ")}`, ctx.requestId);
    }
    ctx.state.providerTraits.set(String(p.uuid), [...new Set(input.traits.map(String))]);
    p.generation = Number(p.generation) + 1;
    return reply(ctx, p);
  });
  router.add("DELETE", path, (ctx) => {
    const p = providerOr404(ctx);
    if (p instanceof Response) return p;
    ctx.state.providerTraits.delete(String(p.uuid));
    p.generation = Number(p.generation) + 1;
    return empty(204);
  });
}

function addAggregates(router: Pick<Router, "add">): void {
  const path = "/resource_providers/:uuid/aggregates";
  // From 1.19 the body and reply carry the provider generation.
  const reply = (ctx: RouteContext, p: JsonObject) =>
    json({
      aggregates: ctx.state.aggregates.get(String(p.uuid)) ?? [],
      ...(versionAtLeast(v(ctx), "1.19") ? { resource_provider_generation: p.generation } : {}),
    });
  router.add("GET", path, (ctx) => {
    const p = providerOr404(ctx);
    return p instanceof Response ? p : reply(ctx, p);
  });
  router.add("PUT", path, (ctx) => {
    const p = providerOr404(ctx);
    if (p instanceof Response) return p;
    const modern = versionAtLeast(v(ctx), "1.19");
    const input = modern ? obj(ctx.body) : undefined;
    const list = modern ? input?.aggregates : ctx.body;
    if (
      !Array.isArray(list) || list.some((a) => typeof a !== "string" || !/^[0-9a-f-]{36}$/i.test(a))
    ) {
      return placementError(
        400,
        "JSON does not validate: aggregates must be a list of uuids",
        ctx.requestId,
      );
    }
    if (modern) {
      if (typeof input?.resource_provider_generation !== "number") {
        return placementError(
          400,
          "JSON does not validate: 'resource_provider_generation' is a required property",
          ctx.requestId,
        );
      }
      if (input.resource_provider_generation !== p.generation) {
        return placementError(409, "resource provider generation conflict", ctx.requestId);
      }
    }
    ctx.state.aggregates.set(String(p.uuid), [...new Set(list as string[])]);
    p.generation = Number(p.generation) + 1;
    return reply(ctx, p);
  });
}

function addAllocations(router: Router): void {
  const view = (ctx: RouteContext, consumer: string) => {
    const c = ctx.state.allocations.get(consumer);
    const allocations: JsonObject = {};
    for (const [rp, resources] of Object.entries(c?.resources ?? {})) {
      allocations[rp] = {
        generation: ctx.state.providers.get(rp)?.generation,
        resources,
      };
    }
    const out: JsonObject = { allocations };
    if (c && versionAtLeast(v(ctx), "1.12")) {
      out.project_id = c.projectId;
      out.user_id = c.userId;
    }
    if (c && versionAtLeast(v(ctx), "1.28")) out.consumer_generation = c.generation;
    return out;
  };
  router.add("GET", "/allocations/:consumer", (ctx) => json(view(ctx, ctx.params.consumer!)));
  router.add("PUT", "/allocations/:consumer", (ctx) => {
    const s = ctx.state;
    const consumer = ctx.params.consumer!;
    const input = obj(ctx.body);
    const bad = (detail: string) => placementError(400, detail, ctx.requestId);
    if (!input) return bad("Malformed JSON");
    if (!versionAtLeast(v(ctx), "1.12")) {
      return bad("This fake takes allocations in the 1.12+ dictionary form only");
    }
    if (typeof input.project_id !== "string" || typeof input.user_id !== "string") {
      return bad("JSON does not validate: 'project_id' and 'user_id' are required properties");
    }
    const current = s.allocations.get(consumer);
    if (versionAtLeast(v(ctx), "1.28")) {
      if (!("consumer_generation" in input)) {
        return bad("JSON does not validate: 'consumer_generation' is a required property");
      }
      const expected = current?.generation ?? null;
      if (input.consumer_generation !== expected) {
        return placementError(
          409,
          `consumer generation conflict - expected ${expected} but got ${input.consumer_generation}`,
          ctx.requestId,
        );
      }
    }
    const wanted: Record<string, Record<string, number>> = {};
    for (const [rp, entry] of Object.entries(obj(input.allocations) ?? {})) {
      if (!s.providers.has(rp)) {
        return bad(`Allocation for resource provider '${rp}' that does not exist.`);
      }
      const resources = obj(obj(entry)?.resources);
      if (!resources) return bad("JSON does not validate: 'resources' is a required property");
      wanted[rp] = {};
      for (const [rc, n] of Object.entries(resources)) {
        if (!Number.isInteger(n) || Number(n) < 1) {
          return bad(`JSON does not validate: ${JSON.stringify(n)} is less than the minimum of 1`);
        }
        wanted[rp]![rc] = Number(n);
      }
    }
    // Capacity is checked without this consumer's current allocations.
    if (current) s.allocations.delete(consumer);
    for (const [rp, resources] of Object.entries(wanted)) {
      const inv = s.inventories.get(rp) ?? {};
      const used = usagesOf(s, rp);
      for (const [rc, n] of Object.entries(resources)) {
        const i = inv[rc];
        const capacity = i
          ? (Number(i.total) - Number(i.reserved)) * Number(i.allocation_ratio)
          : 0;
        if (!i || n > Number(i.max_unit) || (used[rc] ?? 0) + n > capacity) {
          if (current) s.allocations.set(consumer, current);
          return placementError(
            409,
            `Unable to allocate inventory: Unable to create allocation for '${rc}' on resource provider '${rp}'. The requested amount would exceed the capacity.`,
            ctx.requestId,
          );
        }
      }
    }
    const touched = new Set([...Object.keys(wanted), ...Object.keys(current?.resources ?? {})]);
    if (Object.keys(wanted).length === 0) {
      s.allocations.delete(consumer);
    } else {
      s.allocations.set(consumer, {
        projectId: input.project_id,
        userId: input.user_id,
        generation: (current?.generation ?? 0) + 1,
        resources: wanted,
      });
    }
    for (const rp of touched) {
      const p = s.providers.get(rp);
      if (p) p.generation = Number(p.generation) + 1;
    }
    return empty(204);
  });
  router.add("DELETE", "/allocations/:consumer", (ctx) => {
    const s = ctx.state;
    const c = s.allocations.get(ctx.params.consumer!);
    if (!c) {
      return placementError(
        404,
        `No allocations for consumer '${ctx.params.consumer}'`,
        ctx.requestId,
      );
    }
    s.allocations.delete(ctx.params.consumer!);
    for (const rp of Object.keys(c.resources)) {
      const p = s.providers.get(rp);
      if (p) p.generation = Number(p.generation) + 1;
    }
    return empty(204);
  });
  router.add("GET", "/resource_providers/:uuid/allocations", (ctx) => {
    const p = providerOr404(ctx);
    if (p instanceof Response) return p;
    const allocations: JsonObject = {};
    for (const [consumer, c] of ctx.state.allocations) {
      const resources = c.resources[String(p.uuid)];
      if (resources) allocations[consumer] = { resources };
    }
    return json({ allocations, resource_provider_generation: p.generation });
  });
  router.add("GET", "/usages", (ctx) => {
    if (!versionAtLeast(v(ctx), "1.9")) {
      return placementError(404, "The resource could not be found.", ctx.requestId);
    }
    const q = ctx.url.searchParams;
    const project = q.get("project_id");
    if (!project) {
      return placementError(
        400,
        "Invalid query string parameters: 'project_id' is a required property",
        ctx.requestId,
      );
    }
    const usages: Record<string, number> = {};
    for (const c of ctx.state.allocations.values()) {
      if (c.projectId !== project || (q.get("user_id") && c.userId !== q.get("user_id"))) continue;
      for (const resources of Object.values(c.resources)) {
        for (const [rc, n] of Object.entries(resources)) usages[rc] = (usages[rc] ?? 0) + n;
      }
    }
    return json({ usages });
  });
}

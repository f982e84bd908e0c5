/**
 * The fake engine's REST API: the root, collections, entities, VM actions
 * and faults, in XML or JSON.
 *
 * @module
 */
import { isObj, type KindDef, type Obj, TOP_LEVEL, type Value } from "./model.ts";
import { parseBody } from "./parse_body.ts";
import { type Extras, renderJson, renderJsonList, renderXml, renderXmlList } from "./render.ts";
import { parseSearch } from "./search.ts";
import { SEED_IDS, vmDefaults } from "./seed.ts";
import { API_PREFIX, type Entity, settle, type Store } from "./store.ts";
import { runVmAction } from "./vm_actions.ts";

/** One API request, already authenticated. */
export interface ApiRequest {
  method: string;
  /** The path under the API root, without leading slash. */
  rel: string;
  query: URLSearchParams;
  body: string;
  contentType: string;
  /** Answer in JSON (`Accept: application/json`). */
  json: boolean;
}

/** What the API needs from the engine. */
export interface ApiContext {
  store: Store;
  transitionMs: number;
  startedAt: Date;
}

/** Segment of the top-level collection of a reference field. */
const REF_FIELDS: Record<string, string> = {
  cluster: "clusters",
  template: "templates",
  host: "hosts",
  data_center: "datacenters",
  disk: "disks",
  storage_domain: "storagedomains",
  network: "networks",
  vm: "vms",
};

/** Fields an add must carry, per kind. */
const REQUIRED: Record<string, string[]> = {
  vm: ["name", "cluster"],
  disk_attachment: ["disk"],
  snapshot: ["description"],
};

function kindLabel(single: string): string {
  return single.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function reply(req: ApiRequest, status: number, xml: () => string, json: () => string): Response {
  return req.json
    ? new Response(json(), { status, headers: { "content-type": "application/json" } })
    : new Response(xml(), { status, headers: { "content-type": "application/xml" } });
}

/** A `<fault>` (or JSON fault) response. */
export function fault(req: ApiRequest, status: number, reason: string, detail: string): Response {
  const value: Obj = { reason, detail };
  return reply(req, status, () => renderXml("fault", value), () => renderJson(value));
}

function one(req: ApiRequest, status: number, tag: string, value: Obj, extras?: Extras): Response {
  return reply(req, status, () => renderXml(tag, value, extras), () => renderJson(value, extras));
}

function apiRoot(req: ApiRequest, ctx: ApiContext): Response {
  const links = TOP_LEVEL.flatMap((seg) => [
    { rel: seg, href: `${API_PREFIX}/${seg}` },
    { rel: `${seg}/search`, href: `${API_PREFIX}/${seg}?search={query}` },
  ]);
  const count = (seg: string, active: (e: Entity) => boolean) => {
    const items = [...(ctx.store.collection(seg)?.items.values() ?? [])];
    items.forEach((e) => settle(e));
    return { active: items.filter(active).length, total: items.length };
  };
  const value: Obj = {
    product_info: {
      instance_id: "5a1f2c64-0000-4000-8000-00000000e001",
      name: "oVirt Engine",
      vendor: "ovirt.org",
      version: { build: 6, full_version: "4.5.6-1.el9", major: 4, minor: 5, revision: 0 },
    },
    special_objects: {
      blank_template: { href: `${API_PREFIX}/templates/${SEED_IDS.blank}`, id: SEED_IDS.blank },
    },
    summary: {
      hosts: count("hosts", (e) => e.data.status === "up"),
      storage_domains: count("storagedomains", (e) => e.data.status === "active"),
      users: { active: 1, total: 1 },
      vms: count("vms", (e) => e.data.status === "up"),
    },
    time: new Date(),
  };
  return one(req, 200, "api", value, { links });
}

function listItems(req: ApiRequest, items: Entity[]): Entity[] {
  const search = req.query.get("search");
  let out = items;
  let page: number | undefined;
  if (search) {
    const parsed = parseSearch(search, req.query.get("case_sensitive") === "true");
    out = out.filter((e) => parsed.matches(e.data));
    page = parsed.page;
  }
  const max = Number(req.query.get("max") ?? "");
  if (Number.isInteger(max) && max >= 0 && req.query.has("max")) {
    const start = page ? (page - 1) * max : 0;
    out = out.slice(start, start + max);
  }
  return out;
}

/** Replaces `{name}`/`{id}` references with real refs; returns the unknown one. */
function resolveRefs(ctx: ApiContext, value: Obj): string | undefined {
  for (const [field, segment] of Object.entries(REF_FIELDS)) {
    const given = value[field];
    if (!isObj(given)) continue;
    const found = ctx.store.find(segment, { id: given.id, name: given.name });
    if (!found) {
      const by = typeof given.id === "string" ? `id=${given.id}` : `name=${String(given.name)}`;
      return `Entity not found: ${kindLabel(field)}: ${by}`;
    }
    value[field] = { href: found.data.href, id: found.data.id };
  }
  return undefined;
}

function merge(target: Obj, patch: Obj): void {
  for (const [key, val] of Object.entries(patch)) {
    if (key === "id" || key === "href" || val === undefined) continue;
    const old = target[key];
    if (isObj(old) && isObj(val) && !("href" in old)) merge(old, val);
    else target[key] = val as Value;
  }
}

function badBody(req: ApiRequest, error: unknown): Response {
  return fault(req, 400, "Request syntactically incorrect.", String(error));
}

function add(req: ApiRequest, ctx: ApiContext, path: string, def: KindDef): Response {
  let parsed;
  try {
    parsed = parseBody(req.body, req.contentType);
  } catch (e) {
    return badBody(req, e);
  }
  if (parsed.root !== undefined && parsed.root !== def.single) {
    return badBody(req, `expected a <${def.single}> element but got <${parsed.root}>`);
  }
  const value = parsed.value;
  const missing = (REQUIRED[def.single] ?? ["name"]).filter((f) => value[f] === undefined);
  if (missing.length > 0) {
    return fault(
      req,
      400,
      "Incomplete parameters",
      `${kindLabel(def.single)} [${missing.join(", ")}] required for add`,
    );
  }
  const coll = ctx.store.collection(path)!;
  if (value.name !== undefined && TOP_LEVEL.includes(path)) {
    for (const e of coll.items.values()) {
      if (e.data.name === value.name) {
        const label = kindLabel(def.single);
        return fault(
          req,
          409,
          "Operation Failed",
          `[Cannot add ${label}. The ${label} name is already in use, please choose a unique name and try again.]`,
        );
      }
    }
  }
  const unknown = resolveRefs(ctx, value);
  if (unknown) return fault(req, 404, "Operation Failed", unknown);
  const data: Obj = def.single === "vm"
    ? { name: value.name, ...vmDefaults(), ...value, status: "down" }
    : value;
  delete data.id;
  delete data.href;
  const entity = ctx.store.insert(path, data);
  return one(req, 201, def.single, entity.data, ctx.store.extras(path, entity));
}

function action(req: ApiRequest, ctx: ApiContext, entity: Entity, name: string): Response {
  try {
    parseBody(req.body, req.contentType);
  } catch (e) {
    return badBody(req, e);
  }
  const refusal = runVmAction(entity, name, SEED_IDS.host1, ctx.transitionMs);
  if (refusal) return fault(req, 409, "Operation Failed", refusal.detail);
  return one(req, 200, "action", { status: "complete" });
}

/** Handles one authenticated API request. */
export function handleApi(req: ApiRequest, ctx: ApiContext): Response {
  const segments = req.rel.split("/").filter((s) => s !== "");
  const path = segments.join("/");
  const notAllowed = () => new Response(null, { status: 405 });
  if (segments.length === 0) return req.method === "GET" ? apiRoot(req, ctx) : notAllowed();

  const coll = ctx.store.collection(path);
  if (coll) {
    if (req.method === "GET") {
      const items = listItems(req, [...coll.items.values()]);
      items.forEach((e) => settle(e));
      const rendered = items.map((e) => ({ value: e.data, extras: ctx.store.extras(path, e) }));
      return reply(
        req,
        200,
        () => renderXmlList(coll.def.plural, coll.def.single, rendered),
        () => renderJsonList(coll.def.single, rendered),
      );
    }
    return req.method === "POST" ? add(req, ctx, path, coll.def) : notAllowed();
  }

  const last = segments[segments.length - 1]!;
  const parentPath = segments.slice(0, -1).join("/");
  const parent = ctx.store.collection(parentPath);
  if (parent) {
    const entity = parent.items.get(last);
    if (!entity) return fault(req, 404, "Operation Failed", `Entity not found: ${last}`);
    settle(entity);
    switch (req.method) {
      case "GET":
        return one(req, 200, parent.def.single, entity.data, ctx.store.extras(parentPath, entity));
      case "PUT": {
        let parsed;
        try {
          parsed = parseBody(req.body, req.contentType);
        } catch (e) {
          return badBody(req, e);
        }
        const unknown = resolveRefs(ctx, parsed.value);
        if (unknown) return fault(req, 404, "Operation Failed", unknown);
        merge(entity.data, parsed.value);
        return one(req, 200, parent.def.single, entity.data, ctx.store.extras(parentPath, entity));
      }
      case "DELETE":
        if (parent.def.single === "vm" && entity.data.status !== "down") {
          return fault(req, 409, "Operation Failed", "[Cannot remove VM. VM is running.]");
        }
        ctx.store.remove(parentPath, last);
        return new Response(null, { status: 200 });
      default:
        return notAllowed();
    }
  }

  const ownerPath = segments.slice(0, -2).join("/");
  const owner = ctx.store.collection(ownerPath);
  if (owner && owner.def.actions.includes(last)) {
    const entity = owner.items.get(segments[segments.length - 2]!);
    if (!entity) {
      return fault(req, 404, "Operation Failed", `Entity not found: ${segments.at(-2)}`);
    }
    return req.method === "POST" ? action(req, ctx, entity, last) : notAllowed();
  }
  return new Response(null, { status: 404 });
}

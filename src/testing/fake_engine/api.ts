/**
 * The fake engine's REST API: routes a request to the root, a collection, an
 * entity or an action, and answers adds and updates, in XML or JSON.
 *
 * @module
 */
import { type ApiContext, type ApiRequest, badBody, fault, one, reply } from "./context.ts";
import { runAction } from "./entity_actions.ts";
import { isObj, type Obj, TOP_LEVEL, type Value } from "./model.ts";
import { parseBody } from "./parse_body.ts";
import { renderJsonList, renderXmlList } from "./render.ts";
import { parseSearch } from "./search.ts";
import { addVmDevices, SEED_IDS, vmDefaults } from "./seed.ts";
import { API_PREFIX, type Collection, type Entity, settle } from "./store.ts";
import { extrasPath, view, visible } from "./views.ts";

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
  vm_pool: "vmpools",
};

/** Fields an add must carry, per kind. */
const REQUIRED: Record<string, string[]> = {
  vm: ["name", "cluster"],
  disk_attachment: ["disk"],
  snapshot: ["description"],
  cdrom: [],
};

function kindLabel(single: string): string {
  return single.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function apiRoot(req: ApiRequest, ctx: ApiContext): Response {
  const links = TOP_LEVEL.flatMap((seg) => {
    const out = [{ rel: seg, href: `${API_PREFIX}/${seg}` }];
    if (ctx.store.collection(seg)?.def.searchable) {
      out.push({ rel: `${seg}/search`, href: `${API_PREFIX}/${seg}?search={query}` });
    }
    return out;
  });
  const count = (seg: string, active: (e: Entity) => boolean) => {
    const coll = ctx.store.collection(seg)!;
    const items = [...coll.items.values()].filter((e) => visible(req, ctx, coll, e));
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
      root_tag: { id: "00000000-0000-0000-0000-000000000000" },
    },
    summary: {
      hosts: count("hosts", (e) => e.data.status === "up"),
      storage_domains: count("storagedomains", (e) => e.data.status === "active"),
      users: { active: 1, total: 1 },
      vms: count("vms", (e) => e.data.status === "up"),
    },
    time: new Date(),
    authenticated_user: { id: userId(req.caller.user) },
    effective_user: { id: userId(req.caller.user) },
  };
  return one(req, 200, "api", value, { links });
}

/** A stable id for a user name (the engine's users have UUIDs). */
function userId(user: string): string {
  let h = 0x811c9dc5;
  for (const c of user) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, "0");
  return `${hex}-0000-4000-8000-${hex}0000`;
}

function listItems(
  req: ApiRequest,
  ctx: ApiContext,
  coll: Collection,
  items: Entity[],
): Entity[] {
  const search = req.query.get("search");
  let out = items.filter((e) => visible(req, ctx, coll, e));
  let page: number | undefined;
  if (search) {
    const parsed = parseSearch(search, req.query.get("case_sensitive") === "true");
    out = out.filter((e) => {
      settle(e);
      return parsed.matches(e.data);
    });
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

/**
 * Applies an update: nested structs merge field by field, a reference (or a
 * struct naming an `id`, like a CD-ROM's `<file id>`) replaces the old value.
 * The entity's own `id` and `href` never change.
 */
function merge(target: Obj, patch: Obj, top = true): void {
  for (const [key, val] of Object.entries(patch)) {
    if ((top && (key === "id" || key === "href")) || val === undefined) continue;
    const old = target[key];
    if (isObj(old) && isObj(val) && !("href" in old) && !("id" in val)) merge(old, val, false);
    else target[key] = val as Value;
  }
}

/** Secret inputs the engine accepts but never shows back. */
function dropWriteOnly(value: Obj): void {
  delete value.root_password;
  if (isObj(value.initialization)) delete value.initialization.root_password;
}

function add(req: ApiRequest, ctx: ApiContext, path: string, coll: Collection): Response {
  const def = coll.def;
  if (def.view) return new Response(null, { status: 405 });
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
  dropWriteOnly(value);
  const missing = (REQUIRED[def.single] ?? ["name"]).filter((f) => value[f] === undefined);
  if (missing.length > 0) {
    return fault(
      req,
      400,
      "Incomplete parameters",
      `${kindLabel(def.single)} [${missing.join(", ")}] required for add`,
    );
  }
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
  if (def.single === "vm") addVmDevices(ctx.store, entity);
  return one(
    req,
    201,
    def.single,
    view(req, ctx, def, coll, entity),
    ctx.store.extras(path, entity),
  );
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
      const items = listItems(req, ctx, coll, ctx.store.list(coll));
      const extras = extrasPath(path, coll);
      const rendered = items.map((e) => ({
        value: view(req, ctx, coll.def, coll, e),
        extras: ctx.store.extras(extras, e),
      }));
      return reply(
        req,
        200,
        () => renderXmlList(coll.def.plural, coll.def.single, rendered),
        () => renderJsonList(coll.def.single, rendered),
      );
    }
    return req.method === "POST" ? add(req, ctx, path, coll) : notAllowed();
  }

  const last = segments[segments.length - 1]!;
  const parentPath = segments.slice(0, -1).join("/");
  const parent = ctx.store.collection(parentPath);
  if (parent) {
    const entity = ctx.store.get(parent, last);
    if (!entity || !visible(req, ctx, parent, entity)) {
      return fault(req, 404, "Operation Failed", `Entity not found: ${last}`);
    }
    settle(entity);
    const show = () =>
      one(
        req,
        200,
        parent.def.single,
        view(req, ctx, parent.def, parent, entity),
        ctx.store.extras(extrasPath(parentPath, parent), entity),
      );
    switch (req.method) {
      case "GET":
        return show();
      case "PUT": {
        let parsed;
        try {
          parsed = parseBody(req.body, req.contentType);
        } catch (e) {
          return badBody(req, e);
        }
        dropWriteOnly(parsed.value);
        const unknown = resolveRefs(ctx, parsed.value);
        if (unknown) return fault(req, 404, "Operation Failed", unknown);
        merge(entity.data, parsed.value);
        return show();
      }
      case "DELETE":
        if (parent.def.view) return notAllowed();
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
    const entity = ctx.store.get(owner, segments[segments.length - 2]!);
    if (!entity || !visible(req, ctx, owner, entity)) {
      return fault(req, 404, "Operation Failed", `Entity not found: ${segments.at(-2)}`);
    }
    return req.method === "POST" ? runAction(req, ctx, owner, entity, last) : notAllowed();
  }
  return new Response(null, { status: 404 });
}

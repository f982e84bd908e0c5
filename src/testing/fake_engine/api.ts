/**
 * The fake engine's REST API: the root, collections, entities, actions and
 * faults, in XML or JSON, with the `All-Content` and `Filter` views.
 *
 * @module
 */
import { isObj, type KindDef, type Obj, TOP_LEVEL, type Value } from "./model.ts";
import { askedExpiry, newTicket, remoteViewerFile } from "./consoles.ts";
import { parseBody } from "./parse_body.ts";
import { type Extras, renderJson, renderJsonList, renderXml, renderXmlList } from "./render.ts";
import { parseSearch } from "./search.ts";
import { CDROM_ID, SEED_IDS, vmDefaults } from "./seed.ts";
import { API_PREFIX, type Collection, type Entity, settle, type Store } from "./store.ts";
import { RUNNING, runVmAction } from "./vm_actions.ts";

/** Who is calling, and how they asked to see things. */
export interface Caller {
  /** The user name, e.g. `admin@internal`. */
  user: string;
  /**
   * The entity ids the user holds a role on; undefined for an administrator
   * (who sees everything).
   */
  grants?: ReadonlySet<string>;
}

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
  /** `All-Content: true` or `all_content=true`: include the expensive fields. */
  allContent: boolean;
  /** `Filter: true` or `filter=true`: the user's own view (only what they hold a role on). */
  filter: boolean;
  /** The authenticated caller. */
  caller: Caller;
}

/** What the API needs from the engine. */
export interface ApiContext {
  store: Store;
  transitionMs: number;
  startedAt: Date;
  /** The CA certificate the engine hands out, when it serves TLS. */
  caCert?: string;
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
  vm_pool: "vmpools",
};

/** Fields an add must carry, per kind. */
const REQUIRED: Record<string, string[]> = {
  vm: ["name", "cluster"],
  disk_attachment: ["disk"],
  snapshot: ["description"],
  cdrom: [],
};

/**
 * Fields the engine leaves out unless `All-Content: true` is sent (the VM and
 * host `Get`'s `all_content` parameter).
 */
const HEAVY_FIELDS: Record<string, readonly string[]> = {
  vm: ["console", "rng_device", "soundcard_enabled", "virtio_scsi"],
  template: ["console", "rng_device", "soundcard_enabled", "virtio_scsi"],
  host: ["hosted_engine"],
};

function kindLabel(single: string): string {
  return single.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function reply(
  req: Pick<ApiRequest, "json">,
  status: number,
  xml: () => string,
  json: () => string,
): Response {
  return req.json
    ? new Response(json(), { status, headers: { "content-type": "application/json" } })
    : new Response(xml(), { status, headers: { "content-type": "application/xml" } });
}

/** A `<fault>` (or JSON fault) response. */
export function fault(
  req: Pick<ApiRequest, "json">,
  status: number,
  reason: string,
  detail: string,
): Response {
  const value: Obj = { reason, detail };
  return reply(req, status, () => renderXml("fault", value), () => renderJson(value));
}

function one(req: ApiRequest, status: number, tag: string, value: Obj, extras?: Extras): Response {
  return reply(req, status, () => renderXml(tag, value, extras), () => renderJson(value, extras));
}

/**
 * True when the caller may see an entity of a collection: a role on it, or on
 * the entity that owns its sub-collection.
 */
function visible(req: ApiRequest, coll: Collection, entity: Entity): boolean {
  const grants = req.caller.grants;
  if (grants === undefined) return true;
  if (coll.ownerId !== undefined && !coll.def.view) return grants.has(coll.ownerId);
  return grants.has(String(entity.data.id));
}

/** The entity as this request sees it: expensive fields only with All-Content. */
function view(req: ApiRequest, ctx: ApiContext, def: KindDef, coll: Collection, e: Entity): Obj {
  settle(e);
  let data = e.data;
  const heavy = HEAVY_FIELDS[def.single];
  if (heavy && !req.allContent) {
    data = { ...data };
    for (const field of heavy) delete data[field];
    if (isObj(data.initialization)) {
      data.initialization = { ...data.initialization };
      delete data.initialization.configuration;
    }
  }
  if (def.single === "graphics_console" && coll.ownerId !== undefined) {
    // A console listens where its VM's display does, only while the VM runs.
    const vm = ctx.store.find("vms", { id: coll.ownerId });
    const display = vm?.data.display;
    if (vm && RUNNING.has(String(vm.data.status)) && isObj(display)) {
      data = {
        ...data,
        address: display.address,
        port: display.port,
        tls_port: data.protocol === "spice" ? display.secure_port : undefined,
      };
    }
  }
  return data;
}

/** The collection path whose links and actions an entity of `path` shows. */
function extrasPath(path: string, coll: Collection): string {
  return coll.def.view ? coll.def.view.from : path;
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
    const items = [...coll.items.values()].filter((e) => visible(req, coll, e));
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

function listItems(req: ApiRequest, coll: Collection, items: Entity[]): Entity[] {
  const search = req.query.get("search");
  let out = items.filter((e) => visible(req, coll, e));
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

function badBody(req: ApiRequest, error: unknown): Response {
  return fault(req, 400, "Request syntactically incorrect.", String(error));
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
  if (def.single === "vm") seedVmDevices(ctx.store, entity);
  return one(
    req,
    201,
    def.single,
    view(req, ctx, def, coll, entity),
    ctx.store.extras(path, entity),
  );
}

/** A new VM gets the devices every VM has: one CD-ROM and a console for its display. */
function seedVmDevices(store: Store, vm: Entity): void {
  const id = String(vm.data.id);
  const vmRef = { href: vm.data.href, id } as Obj;
  store.insert(`vms/${id}/cdroms`, { vm: vmRef }, CDROM_ID);
  const display = vm.data.display;
  const protocol = isObj(display) && display.type === "vnc" ? "vnc" : "spice";
  store.insert(`vms/${id}/graphicsconsoles`, { protocol, vm: vmRef }, toHex(protocol));
}

function toHex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function completed(req: ApiRequest, extra: Obj = {}): Response {
  return one(req, 200, "action", { ...extra, status: "complete" });
}

function action(
  req: ApiRequest,
  ctx: ApiContext,
  coll: Collection,
  entity: Entity,
  name: string,
): Response {
  let body: Obj;
  try {
    body = parseBody(req.body, req.contentType).value;
  } catch (e) {
    return badBody(req, e);
  }
  switch (coll.def.single) {
    case "vm": {
      const refusal = runVmAction(entity, name, SEED_IDS.host1, ctx.transitionMs);
      if (refusal) return fault(req, 409, "Operation Failed", refusal.detail);
      if (name === "ticket") return completed(req, { ticket: newTicket(askedExpiry(body)) });
      return completed(req);
    }
    case "graphics_console": {
      if (name !== "ticket" && name !== "remoteviewerconnectionfile") return completed(req);
      const vm = coll.ownerId === undefined
        ? undefined
        : ctx.store.find("vms", { id: coll.ownerId });
      if (vm) settle(vm);
      if (!vm || !RUNNING.has(String(vm.data.status))) {
        return fault(req, 409, "Operation Failed", "[Cannot set ticket. VM is not running.]");
      }
      if (name === "ticket") return completed(req, { ticket: newTicket(askedExpiry(body)) });
      const file = remoteViewerFile(vm.data, String(entity.data.protocol), ctx.caCert);
      return completed(req, { remote_viewer_connection_file: file });
    }
    case "host":
      if (name === "deactivate") entity.data.status = "maintenance";
      if (name === "activate") entity.data.status = "up";
      return completed(req);
    case "vm_pool": {
      const vm = allocateFromPool(ctx, entity);
      if (typeof vm === "string") return fault(req, 409, "Operation Failed", vm);
      return completed(req, { vm: { href: vm.data.href, id: vm.data.id } });
    }
    default:
      return completed(req);
  }
}

/**
 * Allocates a VM of a pool: a down one of its VMs, or a new one while the
 * pool has fewer than `size`; starts it. Returns the refusal text when the
 * pool has none to give.
 */
function allocateFromPool(ctx: ApiContext, pool: Entity): Entity | string {
  const members = [...ctx.store.collection("vms")!.items.values()].filter((vm) =>
    isObj(vm.data.vm_pool) && vm.data.vm_pool.id === pool.data.id
  );
  members.forEach((vm) => settle(vm));
  let vm = members.find((m) => m.data.status === "down");
  if (!vm && members.length < Number(pool.data.size ?? 0)) {
    const data: Obj = {
      name: `${String(pool.data.name)}-${members.length + 1}`,
      description: String(pool.data.description ?? ""),
      ...vmDefaults(),
      type: "desktop",
      cluster: pool.data.cluster,
      template: pool.data.template,
      display: isObj(pool.data.display) ? { ...pool.data.display } : undefined,
      vm_pool: { href: pool.data.href, id: pool.data.id },
      stateless: !pool.data.stateful,
    };
    vm = ctx.store.insert("vms", data);
    seedVmDevices(ctx.store, vm);
  }
  if (!vm) {
    return "[Cannot allocate and run VM from VM-Pool. There are no available VMs in the VM-Pool.]";
  }
  runVmAction(vm, "start", SEED_IDS.host1, ctx.transitionMs);
  return vm;
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
      const items = listItems(req, coll, ctx.store.list(coll));
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
    if (!entity || !visible(req, parent, entity)) {
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
    if (!entity || !visible(req, owner, entity)) {
      return fault(req, 404, "Operation Failed", `Entity not found: ${segments.at(-2)}`);
    }
    return req.method === "POST" ? action(req, ctx, owner, entity, last) : notAllowed();
  }
  return new Response(null, { status: 404 });
}

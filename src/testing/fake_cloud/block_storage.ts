/**
 * The Cinder v3 API (under `/v3/{project_id}`): volumes (with extend),
 * snapshots, volume types and backups, Cinder's `<plural>_links` paging,
 * filters, `OpenStack-API-Version: volume` microversions and Nova-style
 * error bodies. Volume attachments are made through Nova
 * (compute_actions.ts), which calls {@linkcode attachVolume}.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { clone, empty, json, nextQuery, novaError, obj, PageError, paginate } from "./respond.ts";

/** The highest volume microversion the fake claims (Cinder 21, Zed). */
export const VOLUME_MAX_VERSION = "3.70";

/** Cinder prints times with microseconds and no zone. */
function cinderTime(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000");
}

function table(state: CloudState, kind: string): Map<string, JsonObject> {
  let t = state.cinder.get(kind);
  if (!t) state.cinder.set(kind, t = new Map());
  return t;
}

/** The default volume type every Cinder has. */
function defaultType(state: CloudState): JsonObject {
  const types = table(state, "type");
  const found = [...types.values()].find((t) => t.name === "__DEFAULT__");
  if (found) return found;
  const rec: JsonObject = {
    id: crypto.randomUUID(),
    name: "__DEFAULT__",
    description: "Default Volume Type",
    is_public: true,
    "os-volume-type-access:is_public": true,
    extra_specs: {},
    qos_specs_id: null,
  };
  types.set(String(rec.id), rec);
  return rec;
}

function isAdmin(ctx: RouteContext): boolean {
  return ctx.state.isAdmin(ctx.token!);
}

function projectOf(ctx: RouteContext): string {
  return ctx.state.projectOf(ctx.token!) ?? "";
}

function link(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  const project = ctx.params.project ?? projectOf(ctx);
  return [
    { href: `${ctx.base}/v3/${project}/${kind}/${id}`, rel: "self" },
    { href: `${ctx.base}/${project}/${kind}/${id}`, rel: "bookmark" },
  ];
}

/** Moves a record past its transitional status once the build time is over. */
function settle(ctx: RouteContext | { state: CloudState }, rec: JsonObject): void {
  const pending = rec._next as string | undefined;
  if (pending && ctx.state.built(Number(rec._sinceMs ?? 0))) {
    rec.status = pending;
    delete rec._next;
    rec.updated_at = cinderTime();
  }
}

function transition(rec: JsonObject, now: string, next: string): void {
  rec.status = now;
  rec._next = next;
  rec._sinceMs = Date.now();
  rec.updated_at = cinderTime();
}

function strip(rec: JsonObject): JsonObject {
  const out = clone(rec);
  for (const key of Object.keys(out)) if (key.startsWith("_")) delete out[key];
  return out;
}

function versionAtLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

function volumeView(ctx: RouteContext, rec: JsonObject): JsonObject {
  settle(ctx, rec);
  const out = strip(rec);
  out.links = link(ctx, "volumes", String(rec.id));
  if (!isAdmin(ctx)) {
    delete out.migration_status;
    delete out["os-vol-host-attr:host"];
    delete out["os-vol-mig-status-attr:migstat"];
    delete out["os-vol-mig-status-attr:name_id"];
  }
  const v = ctx.microversion || "3.0";
  if (versionAtLeast(v, "3.13")) out.group_id = null;
  if (versionAtLeast(v, "3.21")) out.provider_id = null;
  if (versionAtLeast(v, "3.48")) out.shared_targets = true;
  if (versionAtLeast(v, "3.48")) out.service_uuid = rec._service_uuid;
  if (versionAtLeast(v, "3.61") && isAdmin(ctx)) out.cluster_name = null;
  if (versionAtLeast(v, "3.63")) out.volume_type_id = rec._type_id;
  if (versionAtLeast(v, "3.65")) out.consumes_quota = true;
  return out;
}

function snapshotView(ctx: RouteContext, rec: JsonObject): JsonObject {
  settle(ctx, rec);
  const out = strip(rec);
  out["os-extended-snapshot-attributes:project_id"] = rec._project;
  out["os-extended-snapshot-attributes:progress"] = rec.status === "creating" ? "0%" : "100%";
  const v = ctx.microversion || "3.0";
  if (versionAtLeast(v, "3.14")) out.group_snapshot_id = null;
  if (versionAtLeast(v, "3.41")) out.user_id = rec._user_id;
  if (versionAtLeast(v, "3.65")) out.consumes_quota = true;
  return out;
}

/** A volume type; its QoS specs id is for admins only. */
function typeView(ctx: RouteContext, rec: JsonObject): JsonObject {
  const out = strip(rec);
  if (isAdmin(ctx)) out.qos_specs_id ??= null;
  else delete out.qos_specs_id;
  return out;
}

function backupView(ctx: RouteContext, rec: JsonObject): JsonObject {
  settle(ctx, rec);
  const out = strip(rec);
  out.links = link(ctx, "backups", String(rec.id));
  return out;
}

/** Cinder sorts by created_at then id, newest first, unless `sort` says otherwise. */
function sortItems(items: JsonObject[], query: URLSearchParams): JsonObject[] {
  const keys: [string, number][] = [];
  const sort = query.get("sort");
  if (sort) {
    for (const part of sort.split(",")) {
      const [key = "", dir = "desc"] = part.split(":");
      keys.push([key, dir === "asc" ? 1 : -1]);
    }
  } else {
    const key = query.get("sort_key") ?? "created_at";
    keys.push([key, query.get("sort_dir") === "asc" ? 1 : -1]);
  }
  keys.push(["_seq", -1]);
  return items.sort((a, b) => {
    for (const [key, dir] of keys) {
      const x = a[key] as string | number;
      const y = b[key] as string | number;
      if (x !== y) return (x ?? "") < (y ?? "") ? -dir : dir;
    }
    return 0;
  });
}

const FILTERS = ["name", "status", "bootable", "availability_zone", "volume_id", "volume_type"];

function listReply(
  ctx: RouteContext,
  plural: string,
  items: JsonObject[],
  show: (r: JsonObject) => JsonObject,
): Response {
  const q = ctx.url.searchParams;
  const shown = items.map(show).filter((r) =>
    FILTERS.every((f) => q.get(f) === null || String(r[f]) === q.get(f))
  );
  try {
    const page = paginate(sortItems(shown, q), q, {
      defaultLimit: 1000,
      maxLimit: 1000,
      fullPageHasNext: true,
    });
    const body: JsonObject = { [plural]: page.items.map(({ _seq, ...r }) => r) };
    if (page.nextMarker !== undefined) {
      body[`${plural}_links`] = [{
        rel: "next",
        href: `${ctx.base}${ctx.path}?${nextQuery(q, page.limit, page.nextMarker)}`,
      }];
    }
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return novaError(400, e.message);
    throw e;
  }
}

let sequence = 0;

/** Marks a volume attached to a server (Nova's attach); a string is why it cannot be. */
export function attachVolume(
  state: CloudState,
  volumeId: string,
  serverId: string,
  device: string,
): JsonObject | string {
  const volume = table(state, "volume").get(volumeId);
  if (!volume) return `404:Volume ${volumeId} could not be found.`;
  settle({ state }, volume);
  const attachments = volume.attachments as JsonObject[];
  if (volume.status !== "available" && !(volume.multiattach && volume.status === "in-use")) {
    return `400:Invalid volume: volume ${volumeId} status must be available or downloading to reserve, but the current status is ${volume.status}.`;
  }
  const attachment: JsonObject = {
    id: volumeId,
    attachment_id: crypto.randomUUID(),
    volume_id: volumeId,
    server_id: serverId,
    host_name: null,
    device,
    attached_at: cinderTime(),
  };
  attachments.push(attachment);
  volume.status = "in-use";
  volume.attach_status = "attached";
  volume.updated_at = cinderTime();
  return attachment;
}

/** Detaches a volume from a server (Nova's detach). */
export function detachVolume(state: CloudState, volumeId: string, serverId: string): void {
  const volume = table(state, "volume").get(volumeId);
  if (!volume) return;
  volume.attachments = (volume.attachments as JsonObject[]).filter((a) => a.server_id !== serverId);
  if ((volume.attachments as JsonObject[]).length === 0) {
    volume.status = "available";
    volume.attach_status = "detached";
  }
  volume.updated_at = cinderTime();
}

/** The volume a Nova attachment refers to, if it exists. */
export function volumeRecord(state: CloudState, volumeId: string): JsonObject | undefined {
  return table(state, "volume").get(volumeId);
}

/** Registers the block-storage routes (paths relative to `/volume`). */
export function addBlockStorageRoutes(router: Router): void {
  const version = (ctx: RouteContext) => ({
    id: "v3.0",
    status: "CURRENT",
    version: VOLUME_MAX_VERSION,
    min_version: "3.0",
    updated: "2023-08-31T00:00:00Z",
    links: [
      { rel: "describedby", type: "text/html", href: "https://docs.openstack.org/" },
      { rel: "self", href: `${ctx.base}/v3/` },
    ],
    "media-types": [{
      base: "application/json",
      type: "application/vnd.openstack.volume+json;version=3",
    }],
  });
  router.add("GET", "/", (ctx) => json({ versions: [version(ctx)] }, 300), true);
  router.add("GET", "/v3", (ctx) => json({ versions: [version(ctx)] }), true);

  const base = "/v3/:project";
  const visible = (ctx: RouteContext, kind: string) =>
    [...table(ctx.state, kind).values()].filter((r) =>
      r._project === projectOf(ctx) ||
      (isAdmin(ctx) && ctx.url.searchParams.get("all_tenants") !== null)
    );
  const find = (ctx: RouteContext, kind: string) => {
    const rec = table(ctx.state, kind).get(ctx.params.id!);
    return rec && (rec._project === projectOf(ctx) || isAdmin(ctx)) ? rec : undefined;
  };
  const notFound = (what: string, id: string) =>
    novaError(404, `${what} ${id} could not be found.`);

  // ---- volumes ----
  /** The summary list, the detail list and one item of a collection. */
  const readRoutes = (
    kind: string,
    plural: string,
    singular: string,
    what: string,
    show: (ctx: RouteContext, r: JsonObject) => JsonObject,
    summary: (shown: JsonObject) => JsonObject,
  ) => {
    router.add(
      "GET",
      `${base}/${plural}`,
      (ctx) =>
        listReply(ctx, plural, visible(ctx, kind), (r) => ({
          ...summary(show(ctx, r)),
          _seq: r._seq,
        })),
    );
    router.add(
      "GET",
      `${base}/${plural}/detail`,
      (ctx) =>
        listReply(ctx, plural, visible(ctx, kind), (r) => ({ ...show(ctx, r), _seq: r._seq })),
    );
    router.add("GET", `${base}/${plural}/:id`, (ctx) => {
      const rec = find(ctx, kind);
      return rec ? json({ [singular]: show(ctx, rec) }) : notFound(what, ctx.params.id!);
    });
  };
  /** The caller's volume named by a create body, or the 404 Cinder answers. */
  const ownVolume = (ctx: RouteContext, input: JsonObject): JsonObject | Response => {
    const volume = table(ctx.state, "volume").get(String(input.volume_id ?? ""));
    if (!volume || (volume._project !== projectOf(ctx) && !isAdmin(ctx))) {
      return notFound("Volume", String(input.volume_id));
    }
    settle(ctx, volume);
    return volume;
  };
  readRoutes("volume", "volumes", "volume", "Volume", volumeView, (v) => ({
    id: v.id,
    name: v.name,
    links: v.links,
  }));
  router.add("POST", `${base}/volumes`, (ctx) => {
    const input = obj(obj(ctx.body)?.volume);
    if (!input) return novaError(400, "Missing required element 'volume' in request body.");
    let size = input.size;
    const snapshot = input.snapshot_id
      ? table(ctx.state, "snapshot").get(String(input.snapshot_id))
      : undefined;
    if (input.snapshot_id && !snapshot) return notFound("Snapshot", String(input.snapshot_id));
    const source = input.source_volid
      ? table(ctx.state, "volume").get(String(input.source_volid))
      : undefined;
    if (input.source_volid && !source) return notFound("Volume", String(input.source_volid));
    size ??= snapshot?.size ?? source?.size;
    if (typeof size !== "number" || !Number.isInteger(size) || size < 1) {
      return novaError(
        400,
        `Invalid input for field/attribute size. Value: ${size}. ${
          size === undefined
            ? "None is not of type 'integer', 'string'"
            : `${size} is less than the minimum of 1`
        }`,
      );
    }
    if (input.imageRef !== undefined && !ctx.state.images.has(String(input.imageRef))) {
      return novaError(400, `Invalid image identifier or unable to access requested image.`);
    }
    const type = input.volume_type
      ? [...table(ctx.state, "type").values()].find((t) =>
        t.name === input.volume_type || t.id === input.volume_type
      )
      : defaultType(ctx.state);
    if (!type) return notFound("Volume type with name", String(input.volume_type));
    const now = Date.now();
    const rec: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name ?? null,
      description: input.description ?? null,
      size,
      status: "creating",
      availability_zone: input.availability_zone ?? "nova",
      created_at: cinderTime(now),
      updated_at: null,
      volume_type: type.name,
      snapshot_id: input.snapshot_id ?? null,
      source_volid: input.source_volid ?? null,
      metadata: obj(input.metadata) ?? {},
      user_id: ctx.token!.userId,
      bootable: input.imageRef ? "true" : "false",
      encrypted: false,
      replication_status: null,
      consistencygroup_id: null,
      multiattach: input.multiattach === true,
      attachments: [],
      migration_status: null,
      "os-vol-tenant-attr:tenant_id": projectOf(ctx),
      "os-vol-host-attr:host": "localhost@fake#fake",
      "os-vol-mig-status-attr:migstat": null,
      "os-vol-mig-status-attr:name_id": null,
      ...(input.imageRef ? { volume_image_metadata: { image_id: String(input.imageRef) } } : {}),
      _project: projectOf(ctx),
      _type_id: type.id,
      _service_uuid: "00000000-0000-4000-8000-000000000000",
      _seq: ++sequence,
    };
    transition(rec, "creating", "available");
    rec.updated_at = null;
    table(ctx.state, "volume").set(String(rec.id), rec);
    // The create reply is the volume before the scheduler saw it: no owner attribute yet.
    const shown = volumeView(ctx, rec);
    delete shown["os-vol-tenant-attr:tenant_id"];
    Object.assign(shown, { status: "creating", updated_at: null });
    return json({ volume: shown }, 202);
  });
  router.add("PUT", `${base}/volumes/:id`, (ctx) => {
    const rec = find(ctx, "volume");
    if (!rec) return notFound("Volume", ctx.params.id!);
    const input = obj(obj(ctx.body)?.volume);
    if (!input) return novaError(400, "Missing required element 'volume' in request body.");
    for (const key of Object.keys(input)) {
      if (
        !["name", "description", "metadata", "display_name", "display_description"].includes(key)
      ) {
        return novaError(
          400,
          `Invalid input for field/attribute volume. Value: ${
            JSON.stringify(input)
          }. Additional properties are not allowed ('${key}' was unexpected)`,
        );
      }
    }
    if ("name" in input) rec.name = input.name;
    if ("description" in input) rec.description = input.description;
    if ("metadata" in input) rec.metadata = obj(input.metadata) ?? {};
    rec.updated_at = cinderTime();
    return json({ volume: volumeView(ctx, rec) });
  });
  router.add("DELETE", `${base}/volumes/:id`, (ctx) => {
    const rec = find(ctx, "volume");
    if (!rec) return notFound("Volume", ctx.params.id!);
    settle(ctx, rec);
    const hasSnapshots = [...table(ctx.state, "snapshot").values()].some((s) =>
      s.volume_id === rec.id
    );
    const okStatus = ["available", "error", "error_restoring", "error_extending", "error_managing"];
    if (!okStatus.includes(String(rec.status)) || hasSnapshots) {
      return novaError(
        400,
        "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
      );
    }
    table(ctx.state, "volume").delete(String(rec.id));
    return empty(202);
  });
  router.add("POST", `${base}/volumes/:id/action`, (ctx) => {
    const rec = find(ctx, "volume");
    if (!rec) return notFound("Volume", ctx.params.id!);
    settle(ctx, rec);
    const body = obj(ctx.body) ?? {};
    const extend = obj(body["os-extend"]);
    if (extend) {
      const size = extend.new_size;
      if (typeof size !== "number" || !Number.isInteger(size)) {
        return novaError(400, `Invalid input for field/attribute new_size. Value: ${size}.`);
      }
      if (rec.status !== "available") {
        return novaError(
          400,
          `Invalid volume: Volume ${rec.id} status must be 'available' or 'in-use' with a supported microversion to extend, but current status is: ${rec.status}.`,
        );
      }
      if (size <= Number(rec.size)) {
        return novaError(
          400,
          `Invalid input received: New size for extend must be greater than current size. (current: ${rec.size}, extended: ${size}).`,
        );
      }
      rec.size = size;
      transition(rec, "extending", "available");
      return empty(202);
    }
    const key = Object.keys(body)[0] ?? "";
    return novaError(400, `There is no such action: ${key}`);
  });

  // ---- snapshots ----
  readRoutes("snapshot", "snapshots", "snapshot", "Snapshot", snapshotView, (s) => s);
  router.add("POST", `${base}/snapshots`, (ctx) => {
    const input = obj(obj(ctx.body)?.snapshot);
    if (!input) return novaError(400, "Missing required element 'snapshot' in request body.");
    const volume = ownVolume(ctx, input);
    if (volume instanceof Response) return volume;
    const force = input.force === true || input.force === "true" || input.force === "True";
    if (volume.status !== "available" && !(force && volume.status === "in-use")) {
      return novaError(
        400,
        `Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`,
      );
    }
    const rec: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name ?? null,
      description: input.description ?? null,
      volume_id: volume.id,
      size: volume.size,
      status: "creating",
      metadata: obj(input.metadata) ?? {},
      created_at: cinderTime(),
      updated_at: null,
      _project: projectOf(ctx),
      _user_id: ctx.token!.userId,
      _seq: ++sequence,
    };
    transition(rec, "creating", "available");
    rec.updated_at = null;
    table(ctx.state, "snapshot").set(String(rec.id), rec);
    const shown = snapshotView(ctx, rec);
    delete shown["os-extended-snapshot-attributes:project_id"];
    delete shown["os-extended-snapshot-attributes:progress"];
    Object.assign(shown, { status: "creating", updated_at: null });
    return json({ snapshot: shown }, 202);
  });
  router.add("PUT", `${base}/snapshots/:id`, (ctx) => {
    const rec = find(ctx, "snapshot");
    if (!rec) return notFound("Snapshot", ctx.params.id!);
    const input = obj(obj(ctx.body)?.snapshot);
    if (!input) return novaError(400, "Missing required element 'snapshot' in request body.");
    if ("name" in input) rec.name = input.name;
    if ("description" in input) rec.description = input.description;
    rec.updated_at = cinderTime();
    return json({ snapshot: snapshotView(ctx, rec) });
  });
  router.add("DELETE", `${base}/snapshots/:id`, (ctx) => {
    const rec = find(ctx, "snapshot");
    if (!rec) return notFound("Snapshot", ctx.params.id!);
    table(ctx.state, "snapshot").delete(String(rec.id));
    return empty(202);
  });

  // ---- volume types ----
  router.add("GET", `${base}/types`, (ctx) => {
    defaultType(ctx.state);
    const types = [...table(ctx.state, "type").values()].filter((t) =>
      t.is_public === true || isAdmin(ctx)
    );
    return json({ volume_types: types.map((t) => typeView(ctx, t)) });
  });
  router.add("GET", `${base}/types/:id`, (ctx) => {
    if (ctx.params.id === "default") {
      return json({ volume_type: typeView(ctx, defaultType(ctx.state)) });
    }
    defaultType(ctx.state);
    const rec = table(ctx.state, "type").get(ctx.params.id!);
    return rec
      ? json({ volume_type: typeView(ctx, rec) })
      : notFound("Volume type", ctx.params.id!);
  });
  const adminOnly = (ctx: RouteContext, action: string) =>
    isAdmin(ctx) ? undefined : novaError(
      403,
      `Policy doesn't allow volume_extension:type_${action} to be performed.`,
    );
  router.add("POST", `${base}/types`, (ctx) => {
    const refused = adminOnly(ctx, "create");
    if (refused) return refused;
    const input = obj(obj(ctx.body)?.volume_type);
    if (!input || typeof input.name !== "string" || !input.name.trim()) {
      return novaError(400, "Invalid input for field/attribute name.");
    }
    defaultType(ctx.state);
    if ([...table(ctx.state, "type").values()].some((t) => t.name === input.name)) {
      return novaError(409, `Volume Type ${input.name} already exists.`);
    }
    const isPublic = input["os-volume-type-access:is_public"] ?? input.is_public ?? true;
    const rec: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name,
      description: input.description ?? null,
      is_public: isPublic !== false && isPublic !== "false",
      "os-volume-type-access:is_public": isPublic !== false && isPublic !== "false",
      extra_specs: obj(input.extra_specs) ?? {},
    };
    table(ctx.state, "type").set(String(rec.id), rec);
    return json({ volume_type: typeView(ctx, rec) });
  });
  router.add("PUT", `${base}/types/:id`, (ctx) => {
    const refused = adminOnly(ctx, "update");
    if (refused) return refused;
    const rec = table(ctx.state, "type").get(ctx.params.id!);
    if (!rec) return notFound("Volume type", ctx.params.id!);
    const input = obj(obj(ctx.body)?.volume_type) ?? {};
    for (const key of ["name", "description", "is_public"]) if (key in input) rec[key] = input[key];
    rec["os-volume-type-access:is_public"] = rec.is_public;
    return json({ volume_type: typeView(ctx, rec) });
  });
  router.add("DELETE", `${base}/types/:id`, (ctx) => {
    const refused = adminOnly(ctx, "delete");
    if (refused) return refused;
    const rec = table(ctx.state, "type").get(ctx.params.id!);
    if (!rec) return notFound("Volume type", ctx.params.id!);
    if ([...table(ctx.state, "volume").values()].some((v) => v._type_id === rec.id)) {
      return novaError(400, `Target volume type is still in use.`);
    }
    if (rec.name === "__DEFAULT__") {
      return novaError(400, "Default volume type can not be deleted");
    }
    table(ctx.state, "type").delete(String(rec.id));
    return empty(202);
  });

  // ---- backups ----
  readRoutes("backup", "backups", "backup", "Backup", backupView, (b) => ({
    id: b.id,
    name: b.name,
    links: b.links,
  }));
  router.add("POST", `${base}/backups`, (ctx) => {
    const input = obj(obj(ctx.body)?.backup);
    if (!input) return novaError(400, "Missing required element 'backup' in request body.");
    const volume = ownVolume(ctx, input);
    if (volume instanceof Response) return volume;
    const now = cinderTime();
    const rec: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name ?? null,
      description: input.description ?? null,
      volume_id: volume.id,
      size: volume.size,
      status: "creating",
      object_count: 0,
      container: input.container ?? null,
      availability_zone: "nova",
      created_at: now,
      updated_at: now,
      data_timestamp: now,
      fail_reason: null,
      has_dependent_backups: false,
      is_incremental: input.incremental === true,
      snapshot_id: input.snapshot_id ?? null,
      _project: projectOf(ctx),
      _seq: ++sequence,
    };
    transition(rec, "creating", "available");
    table(ctx.state, "backup").set(String(rec.id), rec);
    return json({
      backup: { id: rec.id, links: link(ctx, "backups", String(rec.id)), name: rec.name },
    }, 202);
  });
  router.add("DELETE", `${base}/backups/:id`, (ctx) => {
    const rec = find(ctx, "backup");
    if (!rec) return notFound("Backup", ctx.params.id!);
    table(ctx.state, "backup").delete(String(rec.id));
    return empty(202);
  });
}

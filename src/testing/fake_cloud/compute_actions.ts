/**
 * The Nova operations beyond boot/stop/reboot: server actions (pause,
 * suspend, lock, rebuild, resize, createImage, console output), server
 * metadata, volume attachments, server groups, limits, quota sets,
 * availability zones, flavor extra specs and flavor access — shaped by
 * microversion as Nova shapes them.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { empty, json, novaError, obj } from "./respond.ts";
import { newImage } from "./image.ts";
import { attachVolume, detachVolume, volumeRecord } from "./block_storage.ts";

function versionAtLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = (have || "2.1").split(".").map(Number);
  const [c = 0, d = 0] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

function table(ctx: RouteContext, kind: string): Map<string, JsonObject> {
  let t = ctx.state.novaExtra.get(kind);
  if (!t) ctx.state.novaExtra.set(kind, t = new Map());
  return t;
}

/** Nova's vm_state and power_state of each status. */
const VM_STATES: Record<string, [string, number]> = {
  ACTIVE: ["active", 1],
  BUILD: ["building", 0],
  SHUTOFF: ["stopped", 4],
  PAUSED: ["paused", 3],
  SUSPENDED: ["suspended", 4],
  VERIFY_RESIZE: ["resized", 1],
  RESIZE: ["active", 1],
  REVERT_RESIZE: ["resized", 1],
  REBUILD: ["active", 1],
  ERROR: ["error", 0],
};
/** Transitional statuses and where they end. */
const SETTLES: Record<string, string> = {
  REBUILD: "ACTIVE",
  RESIZE: "VERIFY_RESIZE",
  REVERT_RESIZE: "ACTIVE",
};
const TASK_STATES: Record<string, string> = {
  BUILD: "spawning",
  REBUILD: "rebuilding",
  RESIZE: "resize_migrating",
  REVERT_RESIZE: "resize_reverting",
};

/**
 * Completes a server's transitional status and adds the fields of the
 * operations here to a server view (`s` is the copy being shown).
 */
export function decorateServer(ctx: RouteContext, rec: JsonObject, s: JsonObject): void {
  const target = SETTLES[String(rec.status)];
  if (target && ctx.state.built(Number(rec._sinceMs ?? 0))) rec.status = s.status = target;
  const [vm, power] = VM_STATES[String(s.status)] ?? ["active", 1];
  s["OS-EXT-STS:vm_state"] = vm;
  s["OS-EXT-STS:power_state"] = power;
  s["OS-EXT-STS:task_state"] = TASK_STATES[String(s.status)] ?? null;
  const attached = [...table(ctx, "attachment").values()].filter((a) => a.serverId === rec.id);
  s["os-extended-volumes:volumes_attached"] = attached.map((a) =>
    versionAtLeast(ctx.microversion, "2.3")
      ? { id: a.volumeId, delete_on_termination: false }
      : { id: a.volumeId }
  );
  if (versionAtLeast(ctx.microversion, "2.9")) s.locked = rec._locked === true;
  if (versionAtLeast(ctx.microversion, "2.73")) s.locked_reason = rec._lockedReason ?? null;
  for (const key of Object.keys(s)) if (key.startsWith("_")) delete s[key];
}

const CONSOLE = "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE";

function vmState(s: JsonObject): string {
  return VM_STATES[String(s.status)]?.[0] ?? "active";
}

/**
 * The server actions compute.ts does not answer itself. `show` renders the
 * server as `GET /servers/{id}` does.
 */
export function extraServerAction(
  ctx: RouteContext,
  s: JsonObject,
  action: string,
  body: JsonObject,
  show: (rec: JsonObject) => JsonObject,
): Response {
  const conflict = (verb: string) =>
    novaError(
      409,
      `Cannot '${verb}' instance ${s.id} while it is in vm_state ${vmState(s)}`,
    );
  const admin = ctx.state.isAdmin(ctx.token!);
  if (s._locked === true && !admin && action !== "unlock" && action !== "lock") {
    return novaError(409, `Instance ${s.id} is locked`);
  }
  const move = (from: string[], to: string, verb: string) => {
    if (!from.includes(String(s.status))) return conflict(verb);
    s.status = to;
    s._sinceMs = Date.now();
    s.updated = isoSeconds();
    return empty(202);
  };
  switch (action) {
    case "pause":
      return move(["ACTIVE"], "PAUSED", "pause");
    case "unpause":
      return move(["PAUSED"], "ACTIVE", "unpause");
    case "suspend":
      return move(["ACTIVE", "SHUTOFF"], "SUSPENDED", "suspend");
    case "resume":
      return move(["SUSPENDED"], "ACTIVE", "resume");
    case "lock": {
      const reason = obj(body.lock)?.locked_reason;
      if (reason !== undefined && !versionAtLeast(ctx.microversion, "2.73")) {
        return novaError(
          400,
          "Invalid input for field/attribute lock. Value: " +
            `${JSON.stringify(body.lock)}. ${JSON.stringify(body.lock)} is not of type 'null'`,
        );
      }
      s._locked = true;
      s._lockedReason = reason ?? null;
      return empty(202);
    }
    case "unlock":
      s._locked = false;
      s._lockedReason = null;
      return empty(202);
    case "rebuild": {
      const input = obj(body.rebuild);
      const imageRef = String(input?.imageRef ?? "");
      if (!input || !imageRef) {
        return novaError(
          400,
          "Invalid input for field/attribute rebuild. 'imageRef' is a required property",
        );
      }
      if (!ctx.state.images.has(imageRef)) return novaError(400, "Invalid imageRef provided.");
      if (!["ACTIVE", "SHUTOFF", "ERROR"].includes(String(s.status))) return conflict("rebuild");
      s.image = { id: imageRef, links: [] };
      if (typeof input.name === "string") s.name = input.name;
      if (obj(input.metadata)) s.metadata = obj(input.metadata);
      s.status = "REBUILD";
      s._sinceMs = Date.now();
      s.updated = isoSeconds();
      const view = show(s);
      view.adminPass = typeof input.adminPass === "string"
        ? input.adminPass
        : crypto.randomUUID().replaceAll("-", "").slice(0, 12);
      return json({ server: view }, 202);
    }
    case "resize": {
      const flavorRef = String(obj(body.resize)?.flavorRef ?? "");
      const flavor = ctx.state.flavors.get(flavorRef);
      if (!flavor) return novaError(400, "Invalid flavorRef provided.");
      if (!["ACTIVE", "SHUTOFF"].includes(String(s.status))) return conflict("resize");
      if (obj(s.flavor)?.id === flavor.id) {
        return novaError(400, "When resizing, instances must change flavor!");
      }
      s._oldFlavor = s.flavor;
      s._oldStatus = s.status;
      s.flavor = { id: flavor.id, links: obj(s.flavor)?.links ?? [] };
      s.status = "RESIZE";
      s._sinceMs = Date.now();
      return empty(202);
    }
    case "confirmResize":
      if (s.status !== "VERIFY_RESIZE") return conflict("confirmResize");
      s.status = s._oldStatus === "SHUTOFF" ? "SHUTOFF" : "ACTIVE";
      delete s._oldFlavor;
      return empty(204);
    case "revertResize":
      if (s.status !== "VERIFY_RESIZE") return conflict("revertResize");
      s.flavor = s._oldFlavor;
      delete s._oldFlavor;
      s.status = "REVERT_RESIZE";
      s._sinceMs = Date.now();
      return empty(202);
    case "createImage": {
      const input = obj(body.createImage);
      if (!input || typeof input.name !== "string" || input.name === "") {
        return novaError(400, "Invalid input for field/attribute name.");
      }
      if (!["ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED"].includes(String(s.status))) {
        return conflict("createImage");
      }
      const base = obj(s.image)?.id;
      const metadata = Object.fromEntries(
        Object.entries(obj(input.metadata) ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const image = newImage({
        ...metadata,
        name: input.name,
        visibility: "private",
        image_type: "snapshot",
        instance_uuid: s.id,
        user_id: ctx.token!.userId,
        base_image_ref: base ?? "",
      }, ctx.state.projectOf(ctx.token!) ?? "");
      ctx.state.images.set(String(image.id), image);
      const location = `${ctx.state.origin}/image/v2/images/${image.id}`;
      if (versionAtLeast(ctx.microversion, "2.45")) return json({ image_id: image.id });
      return empty(202, { location });
    }
    case "os-getConsoleOutput": {
      if (s.status === "BUILD") return novaError(409, `Instance ${s.id} is not ready`);
      const raw = obj(body["os-getConsoleOutput"])?.length;
      if (raw === undefined || raw === null || raw === -1 || raw === "-1") {
        return json({ output: CONSOLE });
      }
      const length = Number(raw);
      if (!Number.isInteger(length) || length < -1) {
        return novaError(400, `Invalid input for field/attribute length. Value: ${raw}.`);
      }
      return json({ output: length === 0 ? "" : CONSOLE.split("\n").slice(-length).join("\n") });
    }
    default:
      return novaError(400, `There is no such action: ${action}`);
  }
}

function metadataValue(key: string, value: unknown): string | undefined {
  if (typeof value !== "string") {
    return `Invalid input for field/attribute ${key}. Value: ${JSON.stringify(value)}. ${
      JSON.stringify(value)
    } is not of type 'string'`;
  }
  if (key.length === 0 || key.length > 255 || value.length > 255) {
    return `Invalid input for field/attribute metadata. Value: ${key}.`;
  }
  return undefined;
}

/** The server group as the microversion shows it. */
function groupView(ctx: RouteContext, g: JsonObject): JsonObject {
  const out: JsonObject = { id: g.id, name: g.name };
  if (versionAtLeast(ctx.microversion, "2.64")) {
    Object.assign(out, { policy: g.policy, rules: g.rules, members: g.members });
  } else {
    Object.assign(out, { policies: [g.policy], members: g.members, metadata: {} });
  }
  if (versionAtLeast(ctx.microversion, "2.13")) {
    Object.assign(out, { project_id: g.project_id, user_id: g.user_id });
  }
  return out;
}

function attachmentView(ctx: RouteContext, a: JsonObject): JsonObject {
  const out: JsonObject = { device: a.device, serverId: a.serverId, volumeId: a.volumeId };
  if (!versionAtLeast(ctx.microversion, "2.89")) out.id = a.volumeId;
  if (versionAtLeast(ctx.microversion, "2.70")) out.tag = a.tag ?? null;
  if (versionAtLeast(ctx.microversion, "2.79")) out.delete_on_termination = a.deleteOnTermination;
  if (versionAtLeast(ctx.microversion, "2.89")) {
    out.attachment_id = a.attachmentId;
    out.bdm_uuid = a.bdmUuid;
  }
  return out;
}

/** Nova's default quotas (Zed), by microversion. */
function defaultQuotas(ctx: RouteContext): JsonObject {
  const q: JsonObject = {
    instances: 10,
    cores: 20,
    ram: 51200,
    metadata_items: 128,
    key_pairs: 100,
    server_groups: 10,
    server_group_members: 10,
  };
  if (!versionAtLeast(ctx.microversion, "2.57")) {
    Object.assign(q, {
      injected_files: 5,
      injected_file_content_bytes: 10240,
      injected_file_path_bytes: 255,
    });
  }
  if (!versionAtLeast(ctx.microversion, "2.36")) {
    Object.assign(q, {
      floating_ips: -1,
      fixed_ips: -1,
      security_groups: -1,
      security_group_rules: -1,
    });
  }
  return q;
}

/** Registers the routes (paths relative to `/compute`); `find` is compute.ts's server lookup. */
export function addComputeActionRoutes(
  router: Router,
  find: (ctx: RouteContext) => JsonObject | undefined,
): void {
  const noServer = (id: string) => novaError(404, `Instance ${id} could not be found.`);

  // ---- metadata ----
  const meta = "/v2.1/servers/:id/metadata";
  router.add("GET", meta, (ctx) => {
    const s = find(ctx);
    return s ? json({ metadata: s.metadata ?? {} }) : noServer(ctx.params.id!);
  });
  for (const method of ["PUT", "POST"]) {
    router.add(method, meta, (ctx) => {
      const s = find(ctx);
      if (!s) return noServer(ctx.params.id!);
      const input = obj(obj(ctx.body)?.metadata);
      if (!input) return novaError(400, "Invalid input for field/attribute metadata.");
      for (const [k, v] of Object.entries(input)) {
        const bad = metadataValue(k, v);
        if (bad) return novaError(400, bad);
      }
      s.metadata = method === "PUT" ? { ...input } : { ...obj(s.metadata), ...input };
      s.updated = isoSeconds();
      return json({ metadata: s.metadata });
    });
  }
  router.add("GET", `${meta}/:key`, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const m = obj(s.metadata) ?? {};
    if (!(ctx.params.key! in m)) return novaError(404, "Metadata item was not found");
    return json({ meta: { [ctx.params.key!]: m[ctx.params.key!] } });
  });
  router.add("PUT", `${meta}/:key`, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const input = obj(obj(ctx.body)?.meta);
    const key = ctx.params.key!;
    if (!input || Object.keys(input).length !== 1) {
      return novaError(400, "Invalid input for field/attribute meta.");
    }
    if (!(key in input)) return novaError(400, "Request body and URI mismatch");
    const bad = metadataValue(key, input[key]);
    if (bad) return novaError(400, bad);
    s.metadata = { ...obj(s.metadata), [key]: input[key] };
    return json({ meta: { [key]: input[key] } });
  });
  router.add("DELETE", `${meta}/:key`, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const m = obj(s.metadata) ?? {};
    if (!(ctx.params.key! in m)) return novaError(404, "Metadata item was not found");
    delete m[ctx.params.key!];
    return empty(204);
  });

  // ---- volume attachments ----
  const att = "/v2.1/servers/:id/os-volume_attachments";
  const attachmentsOf = (ctx: RouteContext, serverId: string) =>
    [...table(ctx, "attachment").values()].filter((a) => a.serverId === serverId);
  router.add("GET", att, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    return json({
      volumeAttachments: attachmentsOf(ctx, String(s.id)).map((a) => attachmentView(ctx, a)),
    });
  });
  router.add("GET", `${att}/:volume`, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const a = attachmentsOf(ctx, String(s.id)).find((x) => x.volumeId === ctx.params.volume);
    return a
      ? json({ volumeAttachment: attachmentView(ctx, a) })
      : novaError(404, `Instance ${s.id} is not attached to volume ${ctx.params.volume}`);
  });
  router.add("POST", att, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const input = obj(obj(ctx.body)?.volumeAttachment);
    const volumeId = String(input?.volumeId ?? "");
    if (!input || !volumeId) {
      return novaError(
        400,
        "Invalid input for field/attribute volumeAttachment. 'volumeId' is a required property",
      );
    }
    if (!["ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED"].includes(String(s.status))) {
      return novaError(
        409,
        `Cannot 'attach_volume' instance ${s.id} while it is in vm_state ${vmState(s)}`,
      );
    }
    const volume = volumeRecord(ctx.state, volumeId);
    if (
      !volume ||
      volume._project !== ctx.state.projectOf(ctx.token!) && !ctx.state.isAdmin(ctx.token!)
    ) {
      return novaError(404, `Volume ${volumeId} could not be found.`);
    }
    const mine = attachmentsOf(ctx, String(s.id));
    if (mine.some((a) => a.volumeId === volumeId)) {
      return novaError(400, `Invalid volume: volume ${volumeId} already attached`);
    }
    const device = typeof input.device === "string" && input.device
      ? input.device
      : `/dev/vd${String.fromCharCode(98 + mine.length)}`;
    const made = attachVolume(ctx.state, volumeId, String(s.id), device);
    if (typeof made === "string") return novaError(Number(made.slice(0, 3)), made.slice(4));
    const a: JsonObject = {
      serverId: s.id,
      volumeId,
      device,
      tag: input.tag ?? null,
      deleteOnTermination: input.delete_on_termination === true,
      attachmentId: made.attachment_id,
      bdmUuid: crypto.randomUUID(),
    };
    table(ctx, "attachment").set(`${s.id}/${volumeId}`, a);
    return json({ volumeAttachment: attachmentView(ctx, a) });
  });
  router.add("DELETE", `${att}/:volume`, (ctx) => {
    const s = find(ctx);
    if (!s) return noServer(ctx.params.id!);
    const key = `${s.id}/${ctx.params.volume}`;
    if (!table(ctx, "attachment").has(key)) {
      return novaError(404, `Instance ${s.id} is not attached to volume ${ctx.params.volume}`);
    }
    table(ctx, "attachment").delete(key);
    detachVolume(ctx.state, ctx.params.volume!, String(s.id));
    return empty(202);
  });

  // ---- server groups ----
  const policies = (ctx: RouteContext) =>
    versionAtLeast(ctx.microversion, "2.15")
      ? ["affinity", "anti-affinity", "soft-affinity", "soft-anti-affinity"]
      : ["affinity", "anti-affinity"];
  router.add("GET", "/v2.1/os-server-groups", (ctx) => {
    const all = ctx.url.searchParams.get("all_projects") !== null && ctx.state.isAdmin(ctx.token!);
    const project = ctx.state.projectOf(ctx.token!);
    const groups = [...table(ctx, "server_group").values()].filter((g) =>
      all || g.project_id === project
    );
    return json({ server_groups: groups.map((g) => groupView(ctx, g)) });
  });
  router.add("GET", "/v2.1/os-server-groups/:gid", (ctx) => {
    const g = table(ctx, "server_group").get(ctx.params.gid!);
    if (
      !g || (g.project_id !== ctx.state.projectOf(ctx.token!) && !ctx.state.isAdmin(ctx.token!))
    ) {
      return novaError(404, `Instance group ${ctx.params.gid} could not be found.`);
    }
    return json({ server_group: groupView(ctx, g) });
  });
  router.add("POST", "/v2.1/os-server-groups", (ctx) => {
    const input = obj(obj(ctx.body)?.server_group);
    if (!input || typeof input.name !== "string" || input.name === "") {
      return novaError(400, "Invalid input for field/attribute server_group.");
    }
    const modern = versionAtLeast(ctx.microversion, "2.64");
    const policy = modern
      ? input.policy
      : Array.isArray(input.policies) && input.policies.length === 1
      ? input.policies[0]
      : undefined;
    if (typeof policy !== "string" || !policies(ctx).includes(policy)) {
      return novaError(
        400,
        modern
          ? `Invalid input for field/attribute policy. Value: ${input.policy}. '${input.policy}' is not one of ${
            JSON.stringify(policies(ctx))
          }`
          : `Invalid input for field/attribute policies. Value: ${JSON.stringify(input.policies)}.`,
      );
    }
    const g: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name,
      policy,
      rules: modern ? obj(input.rules) ?? {} : {},
      members: [],
      project_id: ctx.state.projectOf(ctx.token!) ?? "",
      user_id: ctx.token!.userId,
    };
    table(ctx, "server_group").set(String(g.id), g);
    return json({ server_group: groupView(ctx, g) });
  });
  router.add("DELETE", "/v2.1/os-server-groups/:gid", (ctx) => {
    const g = table(ctx, "server_group").get(ctx.params.gid!);
    if (
      !g || (g.project_id !== ctx.state.projectOf(ctx.token!) && !ctx.state.isAdmin(ctx.token!))
    ) {
      return novaError(404, `Instance group ${ctx.params.gid} could not be found.`);
    }
    table(ctx, "server_group").delete(String(g.id));
    return empty(204);
  });

  // ---- limits and quotas ----
  const quotasOf = (ctx: RouteContext, project: string): JsonObject => ({
    ...defaultQuotas(ctx),
    ...Object.fromEntries(
      Object.entries(table(ctx, "quota").get(project) ?? {}).filter(([k]) =>
        k in defaultQuotas(ctx)
      ),
    ),
  });
  router.add("GET", "/v2.1/limits", (ctx) => {
    const project = ctx.state.projectOf(ctx.token!) ?? "";
    const q = quotasOf(ctx, project);
    const servers = [...ctx.state.servers.values()].filter((s) => s.tenant_id === project);
    const flavorOf = (s: JsonObject) => ctx.state.flavors.get(String(obj(s.flavor)?.id));
    const absolute: JsonObject = {
      maxTotalInstances: q.instances,
      maxTotalCores: q.cores,
      maxTotalRAMSize: q.ram,
      maxServerMeta: q.metadata_items,
      maxTotalKeypairs: q.key_pairs,
      maxServerGroups: q.server_groups,
      maxServerGroupMembers: q.server_group_members,
      totalInstancesUsed: servers.length,
      totalCoresUsed: servers.reduce((n, s) => n + Number(flavorOf(s)?.vcpus ?? 0), 0),
      totalRAMUsed: servers.reduce((n, s) => n + Number(flavorOf(s)?.ram ?? 0), 0),
      totalServerGroupsUsed: [...table(ctx, "server_group").values()].filter((g) =>
        g.project_id === project
      ).length,
    };
    if (!versionAtLeast(ctx.microversion, "2.57")) {
      Object.assign(absolute, { maxPersonality: 5, maxPersonalitySize: 10240, maxImageMeta: 128 });
    }
    if (!versionAtLeast(ctx.microversion, "2.36")) {
      Object.assign(absolute, {
        maxSecurityGroups: -1,
        maxSecurityGroupRules: -1,
        maxTotalFloatingIps: -1,
        totalFloatingIpsUsed: 0,
        totalSecurityGroupsUsed: 0,
      });
    }
    return json({ limits: { rate: [], absolute } });
  });
  const quotaAllowed = (ctx: RouteContext) =>
    ctx.state.isAdmin(ctx.token!) || ctx.params.project === ctx.state.projectOf(ctx.token!);
  const forbidden = (rule: string) =>
    novaError(403, `Policy doesn't allow ${rule} to be performed.`);
  router.add("GET", "/v2.1/os-quota-sets/:project", (ctx) => {
    if (!quotaAllowed(ctx)) return forbidden("os_compute_api:os-quota-sets:show");
    return json({ quota_set: { id: ctx.params.project, ...quotasOf(ctx, ctx.params.project!) } });
  });
  router.add(
    "GET",
    "/v2.1/os-quota-sets/:project/defaults",
    (ctx) => json({ quota_set: { id: ctx.params.project, ...defaultQuotas(ctx) } }),
  );
  router.add("PUT", "/v2.1/os-quota-sets/:project", (ctx) => {
    if (!ctx.state.isAdmin(ctx.token!)) return forbidden("os_compute_api:os-quota-sets:update");
    const input = obj(obj(ctx.body)?.quota_set);
    if (!input) return novaError(400, "Invalid input for field/attribute quota_set.");
    const known = defaultQuotas(ctx);
    const changes: JsonObject = {};
    for (const [k, v] of Object.entries(input)) {
      if (k === "force") continue;
      if (!(k in known)) {
        return novaError(
          400,
          `Invalid input for field/attribute quota_set. Additional properties are not allowed ('${k}' was unexpected)`,
        );
      }
      const n = Number(v);
      if (!Number.isInteger(n) || n < -1) {
        return novaError(400, `Invalid input for field/attribute ${k}. Value: ${v}.`);
      }
      changes[k] = n;
    }
    table(ctx, "quota").set(ctx.params.project!, {
      ...table(ctx, "quota").get(ctx.params.project!),
      ...changes,
    });
    return json({ quota_set: quotasOf(ctx, ctx.params.project!) });
  });
  router.add("DELETE", "/v2.1/os-quota-sets/:project", (ctx) => {
    if (!ctx.state.isAdmin(ctx.token!)) return forbidden("os_compute_api:os-quota-sets:delete");
    table(ctx, "quota").delete(ctx.params.project!);
    return empty(202);
  });

  // ---- availability zones ----
  router.add(
    "GET",
    "/v2.1/os-availability-zone",
    () =>
      json({
        availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true }, hosts: null }],
      }),
  );
  router.add("GET", "/v2.1/os-availability-zone/detail", (ctx) => {
    if (!ctx.state.isAdmin(ctx.token!)) {
      return forbidden("os_compute_api:os-availability-zone:detail");
    }
    const service = (name: string) => ({
      [name]: { available: true, active: true, updated_at: isoSeconds() },
    });
    return json({
      availabilityZoneInfo: [
        {
          zoneName: "internal",
          zoneState: { available: true },
          hosts: { "compute-0": { ...service("nova-conductor"), ...service("nova-scheduler") } },
        },
        {
          zoneName: "nova",
          zoneState: { available: true },
          hosts: { "compute-0": service("nova-compute") },
        },
      ],
    });
  });

  // ---- flavor extra specs ----
  const flavorOf = (ctx: RouteContext) => ctx.state.flavors.get(ctx.params.id!);
  const noFlavor = (id: string) => novaError(404, `Flavor ${id} could not be found.`);
  const adminOnly = (ctx: RouteContext, rule: string) =>
    ctx.state.isAdmin(ctx.token!) ? undefined : forbidden(rule);
  const specs = "/v2.1/flavors/:id/os-extra_specs";
  router.add("GET", specs, (ctx) => {
    const f = flavorOf(ctx);
    return f ? json({ extra_specs: obj(f.extra_specs) ?? {} }) : noFlavor(ctx.params.id!);
  });
  router.add("POST", specs, (ctx) => {
    const refused = adminOnly(ctx, "os_compute_api:os-flavor-extra-specs:create");
    if (refused) return refused;
    const f = flavorOf(ctx);
    if (!f) return noFlavor(ctx.params.id!);
    const input = obj(obj(ctx.body)?.extra_specs);
    if (!input) return novaError(400, "Invalid input for field/attribute extra_specs.");
    for (const [k, v] of Object.entries(input)) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
        return novaError(400, `Invalid input for field/attribute ${k}.`);
      }
    }
    const given = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)]));
    f.extra_specs = { ...obj(f.extra_specs), ...given };
    return json({ extra_specs: given });
  });
  router.add("GET", `${specs}/:key`, (ctx) => {
    const f = flavorOf(ctx);
    if (!f) return noFlavor(ctx.params.id!);
    const value = obj(f.extra_specs)?.[ctx.params.key!];
    return value === undefined
      ? novaError(404, `Flavor ${f.id} has no extra specs with key ${ctx.params.key}.`)
      : json({ [ctx.params.key!]: value });
  });
  router.add("PUT", `${specs}/:key`, (ctx) => {
    const refused = adminOnly(ctx, "os_compute_api:os-flavor-extra-specs:update");
    if (refused) return refused;
    const f = flavorOf(ctx);
    if (!f) return noFlavor(ctx.params.id!);
    const input = obj(ctx.body) ?? {};
    const key = ctx.params.key!;
    if (Object.keys(input).length !== 1 || !(key in input)) {
      return novaError(400, "Request body and URI mismatch");
    }
    f.extra_specs = { ...obj(f.extra_specs), [key]: String(input[key]) };
    return json({ [key]: String(input[key]) });
  });
  router.add("DELETE", `${specs}/:key`, (ctx) => {
    const refused = adminOnly(ctx, "os_compute_api:os-flavor-extra-specs:delete");
    if (refused) return refused;
    const f = flavorOf(ctx);
    if (!f) return noFlavor(ctx.params.id!);
    const all = obj(f.extra_specs) ?? {};
    if (!(ctx.params.key! in all)) {
      return novaError(404, `Flavor ${f.id} has no extra specs with key ${ctx.params.key}.`);
    }
    delete all[ctx.params.key!];
    return empty(200);
  });

  // ---- flavor access ----
  const accessOf = (ctx: RouteContext, id: string) =>
    [...table(ctx, "flavor_access").values()].filter((a) => a.flavor_id === id)
      .map((a) => ({ flavor_id: a.flavor_id, tenant_id: a.tenant_id }));
  router.add("GET", "/v2.1/flavors/:id/os-flavor-access", (ctx) => {
    const refused = adminOnly(ctx, "os_compute_api:os-flavor-access");
    if (refused) return refused;
    const f = flavorOf(ctx);
    if (!f) return noFlavor(ctx.params.id!);
    if (f["os-flavor-access:is_public"] !== false) {
      return novaError(404, "Access list not available for public flavors.");
    }
    return json({ flavor_access: accessOf(ctx, String(f.id)) });
  });
}

/** The flavor actions (`addTenantAccess`, `removeTenantAccess`) on `POST /flavors/{id}/action`. */
export function addFlavorActionRoutes(router: Router): void {
  router.add("POST", "/v2.1/flavors/:id/action", (ctx) => {
    const f = ctx.state.flavors.get(ctx.params.id!);
    if (!f) return novaError(404, `Flavor ${ctx.params.id} could not be found.`);
    const body = obj(ctx.body) ?? {};
    const action = Object.keys(body)[0] ?? "";
    if (action !== "addTenantAccess" && action !== "removeTenantAccess") {
      return novaError(400, `There is no such action: ${action}`);
    }
    if (!ctx.state.isAdmin(ctx.token!)) {
      return novaError(
        403,
        `Policy doesn't allow os_compute_api:os-flavor-access:${
          action === "addTenantAccess" ? "add_tenant_access" : "remove_tenant_access"
        } to be performed.`,
      );
    }
    const tenant = obj(body[action])?.tenant;
    if (typeof tenant !== "string" || tenant === "") {
      return novaError(400, `Invalid input for field/attribute tenant.`);
    }
    let access = ctx.state.novaExtra.get("flavor_access");
    if (!access) ctx.state.novaExtra.set("flavor_access", access = new Map());
    const key = `${f.id}/${tenant}`;
    if (action === "addTenantAccess") {
      if (f["os-flavor-access:is_public"] !== false) {
        return novaError(409, "Can not add access to a public flavor.");
      }
      if (access.has(key)) {
        return novaError(
          409,
          `Flavor access already exists for flavor ${f.id} and project ${tenant} combination.`,
        );
      }
      access.set(key, { flavor_id: f.id, tenant_id: tenant });
    } else {
      if (!access.has(key)) {
        return novaError(404, `Flavor access not found for ${f.id} / ${tenant} combination.`);
      }
      access.delete(key);
    }
    return json({
      flavor_access: [...access.values()].filter((a) => a.flavor_id === f.id)
        .map((a) => ({ flavor_id: a.flavor_id, tenant_id: a.tenant_id })),
    });
  });
}

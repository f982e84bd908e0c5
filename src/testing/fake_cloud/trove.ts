/**
 * The Trove database API v1.0 (`/v1.0/{project_id}/…`): instances with
 * restart/resize actions, flavors, datastores, backups, configurations,
 * and each instance's databases and users (202 without a body).
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { type CloudState, isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, json, novaError, PageError, paginate } from "./respond.ts";

function obj(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as JsonObject
    : undefined;
}

function root(ctx: RouteContext): string {
  return `${ctx.base}/v1.0/${encodeURIComponent(ctx.params.project!)}`;
}

function links(ctx: RouteContext, kind: string, id: string): JsonObject[] {
  const href = `${root(ctx)}/${kind}/${encodeURIComponent(id)}`;
  return [{ rel: "self", href }, { rel: "bookmark", href }];
}

/** A Trove list: `links` with `next` when more items remain. */
function troveList(ctx: RouteContext, key: string, items: JsonObject[], pageKey = "id"): Response {
  try {
    const page = paginate(items, ctx.url.searchParams, {
      defaultLimit: 20,
      maxLimit: 100,
      fullPageHasNext: false,
      key: pageKey,
    });
    const body: JsonObject = { [key]: page.items };
    if (page.nextMarker !== undefined) {
      const q = new URLSearchParams(ctx.url.searchParams);
      q.set("limit", String(page.limit));
      q.set("marker", page.nextMarker);
      body.links = [{ rel: "next", href: `${ctx.base}${ctx.path}?${q}` }];
    } else {
      body.links = [];
    }
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return novaError(400, e.message);
    throw e;
  }
}

function settle(state: CloudState, rec: JsonObject, from: string, to: string): void {
  if (rec.status === from && state.built(Number(rec._createdMs))) rec.status = to;
}

function instanceView(ctx: RouteContext, rec: JsonObject): JsonObject {
  settle(ctx.state, rec, "BUILD", "ACTIVE");
  const out = clone(rec);
  delete out._createdMs;
  delete out.tenant_id;
  out.links = links(ctx, "instances", String(rec.id));
  return out;
}

function defaultDatastore(state: CloudState): JsonObject | undefined {
  return [...state.datastores.values()][0];
}

function findDatastore(state: CloudState, ref: string | undefined): JsonObject | undefined {
  if (ref === undefined) return defaultDatastore(state);
  return [...state.datastores.values()].find((d) => d.id === ref || d.name === ref);
}

function addInstances(router: Router): void {
  const base = "/v1.0/:project/instances";
  const notFound = (id: string) => novaError(404, `Instance ${id} could not be found.`);
  const mine = (ctx: RouteContext) =>
    [...ctx.state.instances.values()].filter((i) => i.tenant_id === ctx.params.project);
  const find = (ctx: RouteContext) => mine(ctx).find((i) => i.id === ctx.params.id);
  const busy = (rec: JsonObject) =>
    novaError(
      422,
      `Instance is not currently available for an action to be performed (status was ${rec.status}).`,
    );

  router.add(
    "GET",
    base,
    (ctx) => troveList(ctx, "instances", mine(ctx).map((i) => instanceView(ctx, i))),
  );
  router.add("GET", `${base}/:id`, (ctx) => {
    const rec = find(ctx);
    return rec ? json({ instance: instanceView(ctx, rec) }) : notFound(ctx.params.id!);
  });
  router.add("POST", base, (ctx) => {
    const input = obj(obj(ctx.body)?.instance);
    if (!input || typeof input.name !== "string") {
      return novaError(400, "Validation error: instance['name'] is a required property.");
    }
    const flavor = ctx.state.flavors.get(String(input.flavorRef ?? ""));
    if (!flavor) return novaError(404, `Flavor ${input.flavorRef} could not be found.`);
    const size = Number(obj(input.volume)?.size);
    if (!Number.isInteger(size) || size < 1) {
      return novaError(
        400,
        "Validation error: instance['volume']['size'] must be a positive integer.",
      );
    }
    const dsRef = obj(input.datastore);
    const ds = findDatastore(ctx.state, typeof dsRef?.type === "string" ? dsRef.type : undefined);
    if (!ds) return novaError(404, `Datastore '${dsRef?.type}' cannot be found.`);
    const id = crypto.randomUUID();
    const now = Date.now();
    const rec: JsonObject = {
      id,
      name: input.name,
      status: "BUILD",
      flavor: { id: flavor.id, links: links(ctx, "flavors", String(flavor.id)) },
      volume: { size },
      datastore: { type: ds.name, version: dsRef?.version ?? ds.default_version_name },
      region: ctx.region,
      ip: [`10.1.0.${(ctx.state.instances.size % 250) + 10}`],
      created: isoSeconds(now),
      updated: isoSeconds(now),
      configuration: null,
      tenant_id: ctx.params.project,
      _createdMs: now,
    };
    ctx.state.instances.set(id, rec);
    const dbs = new Map<string, JsonObject>();
    for (const d of Array.isArray(input.databases) ? input.databases as JsonObject[] : []) {
      dbs.set(String(d.name), { name: d.name });
    }
    const users = new Map<string, JsonObject>();
    for (const u of Array.isArray(input.users) ? input.users as JsonObject[] : []) {
      users.set(String(u.name), {
        name: u.name,
        host: u.host ?? "%",
        databases: u.databases ?? [],
      });
    }
    ctx.state.databases.set(id, dbs);
    ctx.state.dbUsers.set(id, users);
    return json({ instance: instanceView(ctx, rec) });
  });
  const update = (ctx: RouteContext) => {
    const rec = find(ctx);
    if (!rec) return notFound(ctx.params.id!);
    const input = obj(obj(ctx.body)?.instance);
    if (!input) return novaError(400, "Validation error: 'instance' is a required property.");
    if (typeof input.name === "string") rec.name = input.name;
    if ("configuration" in input) {
      const cfg = input.configuration;
      if (cfg !== null && !ctx.state.configurations.has(String(cfg))) {
        return novaError(404, `Configuration group ${cfg} could not be found.`);
      }
      rec.configuration = cfg === null ? null : { id: cfg };
    }
    rec.updated = isoSeconds();
    return empty(202);
  };
  router.add("PATCH", `${base}/:id`, update);
  router.add("PUT", `${base}/:id`, update);
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const rec = find(ctx);
    if (!rec) return notFound(ctx.params.id!);
    ctx.state.instances.delete(String(rec.id));
    ctx.state.databases.delete(String(rec.id));
    ctx.state.dbUsers.delete(String(rec.id));
    return empty(202);
  });
  router.add("POST", `${base}/:id/action`, (ctx) => {
    const rec = find(ctx);
    if (!rec) return notFound(ctx.params.id!);
    settle(ctx.state, rec, "BUILD", "ACTIVE");
    const body = obj(ctx.body) ?? {};
    if (rec.status !== "ACTIVE") return busy(rec);
    if ("restart" in body) {
      rec.updated = isoSeconds();
      return empty(202);
    }
    const resize = obj(body.resize);
    if (resize && obj(resize.volume)) {
      const size = Number(obj(resize.volume)?.size);
      const current = Number(obj(rec.volume)?.size);
      if (!Number.isInteger(size) || size <= current) {
        return novaError(
          400,
          `The new volume 'size' must be larger than the current volume size of '${current}'.`,
        );
      }
      rec.volume = { size };
      return empty(202);
    }
    if (resize && resize.flavorRef !== undefined) {
      const flavor = ctx.state.flavors.get(String(resize.flavorRef));
      if (!flavor) return novaError(404, `Flavor ${resize.flavorRef} could not be found.`);
      rec.flavor = { id: flavor.id, links: links(ctx, "flavors", String(flavor.id)) };
      return empty(202);
    }
    return novaError(400, `Invalid instance action: ${Object.keys(body)[0] ?? ""}`);
  });

  for (
    const [kind, mapOf] of [["databases", (s: CloudState) => s.databases], [
      "users",
      (s: CloudState) => s.dbUsers,
    ]] as const
  ) {
    const singular = kind === "databases" ? "database" : "user";
    const path = `${base}/:id/${kind}`;
    const rows = (ctx: RouteContext) => {
      const rec = find(ctx);
      if (!rec) return notFound(ctx.params.id!);
      settle(ctx.state, rec, "BUILD", "ACTIVE");
      if (rec.status !== "ACTIVE") return busy(rec);
      let m = mapOf(ctx.state).get(String(rec.id));
      if (!m) mapOf(ctx.state).set(String(rec.id), m = new Map());
      return m;
    };
    const keyOf = (name: string) => name.replace(/@.*$/, "");
    router.add("GET", path, (ctx) => {
      const m = rows(ctx);
      if (m instanceof Response) return m;
      const items = [...m.values()].map((r) => clone(r)).sort((a, b) =>
        String(a.name).localeCompare(String(b.name))
      );
      return troveList(ctx, kind, items, "name");
    });
    router.add("POST", path, (ctx) => {
      const m = rows(ctx);
      if (m instanceof Response) return m;
      const list = obj(ctx.body)?.[kind];
      if (!Array.isArray(list) || list.length === 0) {
        return novaError(400, `Validation error: '${kind}' is a required property.`);
      }
      const added: JsonObject[] = [];
      for (const item of list as JsonObject[]) {
        if (typeof item?.name !== "string" || item.name === "") {
          return novaError(400, `Validation error: ${singular} 'name' is a required property.`);
        }
        if (m.has(item.name)) {
          return novaError(400, `A ${singular} with the name "${item.name}" already exists.`);
        }
        if (kind === "users" && typeof item.password !== "string") {
          return novaError(400, "Validation error: user 'password' is a required property.");
        }
        const { password: _password, ...shown } = item;
        added.push(kind === "users" ? { host: "%", databases: [], ...shown } : shown);
      }
      for (const a of added) m.set(String(a.name), a);
      return empty(202);
    });
    if (kind === "users") {
      router.add("GET", `${path}/:name`, (ctx) => {
        const m = rows(ctx);
        if (m instanceof Response) return m;
        const u = m.get(keyOf(ctx.params.name!));
        return u
          ? json({ user: clone(u) })
          : novaError(404, `User ${ctx.params.name} cannot be found on the instance.`);
      });
      router.add("PUT", `${path}/:name`, (ctx) => {
        const m = rows(ctx);
        if (m instanceof Response) return m;
        const name = keyOf(ctx.params.name!);
        const u = m.get(name);
        if (!u) return novaError(404, `User ${ctx.params.name} cannot be found on the instance.`);
        const input = obj(obj(ctx.body)?.user) ?? {};
        const { password: _password, ...fields } = input;
        Object.assign(u, fields);
        if (typeof fields.name === "string" && fields.name !== name) {
          m.delete(name);
          m.set(fields.name, u);
        }
        return empty(202);
      });
    }
    router.add("DELETE", `${path}/:name`, (ctx) => {
      const m = rows(ctx);
      if (m instanceof Response) return m;
      if (!m.delete(keyOf(ctx.params.name!))) {
        return novaError(
          404,
          `${
            singular === "user" ? "User" : "Database"
          } ${ctx.params.name} cannot be found on the instance.`,
        );
      }
      return empty(202);
    });
  }
}

function addCatalogResources(router: Router): void {
  const base = "/v1.0/:project";
  const flavorView = (ctx: RouteContext, f: JsonObject) => ({
    id: f.id,
    str_id: String(f.id),
    name: f.name,
    ram: f.ram,
    vcpus: f.vcpus,
    disk: f.disk,
    ephemeral: f["OS-FLV-EXT-DATA:ephemeral"] ?? 0,
    links: links(ctx, "flavors", String(f.id)),
  });
  router.add(
    "GET",
    `${base}/flavors`,
    (ctx) =>
      troveList(ctx, "flavors", [...ctx.state.flavors.values()].map((f) => flavorView(ctx, f))),
  );
  router.add("GET", `${base}/flavors/:id`, (ctx) => {
    const f = ctx.state.flavors.get(ctx.params.id!);
    return f
      ? json({ flavor: flavorView(ctx, f) })
      : novaError(404, `Flavor ${ctx.params.id} could not be found.`);
  });
  const dsView = (ctx: RouteContext, d: JsonObject) => {
    const out = clone(d);
    delete out.default_version_name;
    out.links = links(ctx, "datastores", String(d.id));
    return out;
  };
  router.add(
    "GET",
    `${base}/datastores`,
    (ctx) =>
      troveList(ctx, "datastores", [...ctx.state.datastores.values()].map((d) => dsView(ctx, d))),
  );
  router.add("GET", `${base}/datastores/:id`, (ctx) => {
    const d = findDatastore(ctx.state, ctx.params.id);
    return d
      ? json({ datastore: dsView(ctx, d) })
      : novaError(404, `Datastore '${ctx.params.id}' cannot be found.`);
  });
  router.add("GET", `${base}/datastores/:id/versions`, (ctx) => {
    const d = findDatastore(ctx.state, ctx.params.id);
    if (!d) return novaError(404, `Datastore '${ctx.params.id}' cannot be found.`);
    return json({ versions: clone(d.versions) });
  });
}

function addBackups(router: Router): void {
  const base = "/v1.0/:project/backups";
  const notFound = (id: string) => novaError(404, `Backup ${id} cannot be found.`);
  const mine = (ctx: RouteContext) =>
    [...ctx.state.backups.values()].filter((b) => b.project_id === ctx.params.project);
  const view = (ctx: RouteContext, b: JsonObject) => {
    settle(ctx.state, b, "NEW", "COMPLETED");
    const out = clone(b);
    delete out._createdMs;
    return out;
  };
  router.add("GET", base, (ctx) => {
    const instance = ctx.url.searchParams.get("instance_id");
    const items = mine(ctx).filter((b) => !instance || b.instance_id === instance).map((b) =>
      view(ctx, b)
    );
    return troveList(ctx, "backups", items);
  });
  router.add("GET", `${base}/:id`, (ctx) => {
    const b = mine(ctx).find((x) => x.id === ctx.params.id);
    return b ? json({ backup: view(ctx, b) }) : notFound(ctx.params.id!);
  });
  router.add("POST", base, (ctx) => {
    const input = obj(obj(ctx.body)?.backup);
    if (!input || typeof input.name !== "string") {
      return novaError(400, "Validation error: backup['name'] is a required property.");
    }
    const inst = ctx.state.instances.get(String(input.instance ?? ""));
    if (!inst || inst.tenant_id !== ctx.params.project) {
      return novaError(404, `Instance ${input.instance} could not be found.`);
    }
    const now = Date.now();
    const id = crypto.randomUUID();
    const ds = obj(inst.datastore) ?? {};
    const rec: JsonObject = {
      id,
      name: input.name,
      description: input.description ?? null,
      status: "NEW",
      instance_id: inst.id,
      parent_id: input.parent_id ?? null,
      locationRef: null,
      size: Number(obj(inst.volume)?.size ?? 1) * 0.1,
      datastore: { type: ds.type, version: ds.version },
      created: isoSeconds(now),
      updated: isoSeconds(now),
      project_id: ctx.params.project,
      _createdMs: now,
    };
    ctx.state.backups.set(id, rec);
    return json({ backup: view(ctx, rec) }, 202);
  });
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const b = mine(ctx).find((x) => x.id === ctx.params.id);
    if (!b) return notFound(ctx.params.id!);
    ctx.state.backups.delete(String(b.id));
    return empty(202);
  });
}

function addConfigurations(router: Router): void {
  const base = "/v1.0/:project/configurations";
  const notFound = (id: string) => novaError(404, `Configuration group ${id} could not be found.`);
  const mine = (ctx: RouteContext) =>
    [...ctx.state.configurations.values()].filter((c) => c.project_id === ctx.params.project);
  const count = (ctx: RouteContext, id: unknown) =>
    [...ctx.state.instances.values()].filter((i) => obj(i.configuration)?.id === id).length;
  const view = (ctx: RouteContext, c: JsonObject, withValues: boolean) => {
    const out = clone(c);
    delete out.project_id;
    if (!withValues) delete out.values;
    out.instance_count = count(ctx, c.id);
    return out;
  };
  router.add(
    "GET",
    base,
    (ctx) => troveList(ctx, "configurations", mine(ctx).map((c) => view(ctx, c, false))),
  );
  router.add("GET", `${base}/:id`, (ctx) => {
    const c = mine(ctx).find((x) => x.id === ctx.params.id);
    return c ? json({ configuration: view(ctx, c, true) }) : notFound(ctx.params.id!);
  });
  router.add("POST", base, (ctx) => {
    const input = obj(obj(ctx.body)?.configuration);
    if (!input || typeof input.name !== "string" || !obj(input.values)) {
      return novaError(400, "Validation error: configuration['name'] and ['values'] are required.");
    }
    const dsRef = obj(input.datastore);
    const ds = findDatastore(ctx.state, typeof dsRef?.type === "string" ? dsRef.type : undefined);
    const now = isoSeconds();
    const rec: JsonObject = {
      id: crypto.randomUUID(),
      name: input.name,
      description: input.description ?? null,
      values: obj(input.values),
      datastore_name: ds?.name,
      datastore_version_name: dsRef?.version ?? ds?.default_version_name,
      created: now,
      updated: now,
      project_id: ctx.params.project,
    };
    ctx.state.configurations.set(String(rec.id), rec);
    return json({ configuration: view(ctx, rec, true) });
  });
  const change = (merge: boolean) => (ctx: RouteContext) => {
    const c = mine(ctx).find((x) => x.id === ctx.params.id);
    if (!c) return notFound(ctx.params.id!);
    const input = obj(obj(ctx.body)?.configuration);
    if (!input) return novaError(400, "Validation error: 'configuration' is a required property.");
    const values = obj(input.values);
    if (values) c.values = merge ? { ...obj(c.values), ...values } : values;
    if (typeof input.name === "string") c.name = input.name;
    if (typeof input.description === "string") c.description = input.description;
    c.updated = isoSeconds();
    return merge ? empty(200) : empty(202);
  };
  router.add("PATCH", `${base}/:id`, change(true));
  router.add("PUT", `${base}/:id`, change(false));
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const c = mine(ctx).find((x) => x.id === ctx.params.id);
    if (!c) return notFound(ctx.params.id!);
    if (count(ctx, c.id) > 0) {
      return novaError(
        400,
        "A configuration group cannot be deleted if it is associated with one or more instances.",
      );
    }
    ctx.state.configurations.delete(String(c.id));
    return empty(202);
  });
}

/** Registers the database routes (paths relative to `/database`). */
export function addTroveRoutes(router: Router): void {
  router.add("GET", "/", (ctx) =>
    json({
      versions: [{
        id: "v1.0",
        status: "CURRENT",
        links: [{ rel: "self", href: `${ctx.base}/v1.0/` }],
      }],
    }), true);
  addInstances(router);
  addCatalogResources(router);
  addBackups(router);
  addConfigurations(router);
}

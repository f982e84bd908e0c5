/**
 * The Trove database API v1.0 (`/v1.0/{project_id}/…`): instances with
 * restart/resize actions, flavors, datastores, backups, configurations,
 * and each instance's databases and users (202 without a body).
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { type CloudState, isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { findDatastore, links, settle, troveList } from "./trove_common.ts";
import { addBackups, addCatalogResources, addConfigurations } from "./trove_resources.ts";

function instanceView(ctx: RouteContext, rec: JsonObject): JsonObject {
  settle(ctx.state, rec, "BUILD", "ACTIVE");
  const out = clone(rec);
  delete out._createdMs;
  delete out.tenant_id;
  // Trove leaves `configuration` out of the body when the instance has none.
  if (out.configuration === null) delete out.configuration;
  out.links = links(ctx, "instances", String(rec.id));
  return out;
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

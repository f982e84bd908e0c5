/**
 * Trove flavors, datastores, backups and configuration groups.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import { isoSeconds, type JsonObject } from "./state.ts";
import { clone, empty, json, novaError, obj } from "./respond.ts";
import { findDatastore, links, settle, troveList } from "./trove_common.ts";

export function addCatalogResources(router: Router): void {
  const base = "/v1.0/:project";
  const flavorView = (ctx: RouteContext, f: JsonObject) => ({
    // Trove's integer id: null when Nova's id is not a number (str_id always holds it).
    id: /^\d+$/.test(String(f.id)) ? Number(f.id) : null,
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

export function addBackups(router: Router): void {
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
    const versionId =
      (findDatastore(ctx.state, String(ds.type))?.versions as JsonObject[] | undefined)
        ?.find((v) => v.name === ds.version)?.id;
    const rec: JsonObject = {
      id,
      name: input.name,
      description: input.description ?? null,
      status: "NEW",
      instance_id: inst.id,
      parent_id: input.parent_id ?? null,
      locationRef: null,
      size: Number(obj(inst.volume)?.size ?? 1) * 0.1,
      datastore: { type: ds.type, version: ds.version, version_id: versionId },
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

export function addConfigurations(router: Router): void {
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

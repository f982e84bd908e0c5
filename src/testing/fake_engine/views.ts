/**
 * What a request may see of an entity: the `Filter` view (roles and their
 * inheritance) and the `All-Content` view (the expensive fields).
 *
 * @module
 */
import type { ApiContext, ApiRequest } from "./context.ts";
import { isObj, type KindDef, type Obj, TOP_LEVEL } from "./model.ts";
import { type Collection, type Entity, settle } from "./store.ts";
import { RUNNING } from "./vm_actions.ts";

/**
 * Fields the engine leaves out unless `All-Content: true` is sent (the VM and
 * host `Get`'s `all_content` parameter).
 */
const HEAVY_FIELDS: Record<string, readonly string[]> = {
  vm: ["console", "rng_device", "soundcard_enabled", "virtio_scsi"],
  template: ["console", "rng_device", "soundcard_enabled", "virtio_scsi"],
  host: ["hosted_engine"],
};

/**
 * The ids a role may be granted on to reach an entity, as the engine's
 * permission hierarchy System → data center → cluster → VM inherits: the
 * entity, its cluster and its data center.
 */
function scopes(ctx: ApiContext, entity: Entity): string[] {
  const ids = [String(entity.data.id)];
  const refId = (v: unknown) => isObj(v) && typeof v.id === "string" ? v.id : undefined;
  const clusterId = refId(entity.data.cluster);
  if (clusterId) {
    ids.push(clusterId);
    const dc = refId(ctx.store.find("clusters", { id: clusterId })?.data.data_center);
    if (dc) ids.push(dc);
  }
  const dcId = refId(entity.data.data_center);
  if (dcId) ids.push(dcId);
  return ids;
}

/**
 * True when the caller may see an entity of a collection: a role on it (or
 * on its cluster or data center), or on the entity that owns its
 * sub-collection.
 */
export function visible(
  req: ApiRequest,
  ctx: ApiContext,
  coll: Collection,
  entity: Entity,
): boolean {
  const grants = req.caller.grants;
  if (grants === undefined) return true;
  if (coll.ownerId !== undefined && !coll.def.view) {
    const owner = ownerOf(ctx, coll);
    return owner !== undefined && scopes(ctx, owner).some((id) => grants.has(id));
  }
  return scopes(ctx, entity).some((id) => grants.has(id));
}

/** The entity whose sub-collection `coll` is (looked up in the top-level collections). */
function ownerOf(ctx: ApiContext, coll: Collection): Entity | undefined {
  for (const seg of TOP_LEVEL) {
    const found = ctx.store.find(seg, { id: coll.ownerId });
    if (found) return found;
  }
  return undefined;
}

/** The entity as this request sees it: expensive fields only with All-Content. */
export function view(
  req: ApiRequest,
  ctx: ApiContext,
  def: KindDef,
  coll: Collection,
  e: Entity,
): Obj {
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
export function extrasPath(path: string, coll: Collection): string {
  return coll.def.view ? coll.def.view.from : path;
}

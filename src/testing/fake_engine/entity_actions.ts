/**
 * The actions of entities other than VM power actions' state machine: console
 * tickets and files, host activation, pool allocation; every other action of
 * the model completes without effect.
 *
 * @module
 */
import { askedExpiry, newTicket, remoteViewerFile } from "./consoles.ts";
import { type ApiContext, type ApiRequest, badBody, fault, one } from "./context.ts";
import { isObj, type Obj } from "./model.ts";
import { parseBody } from "./parse_body.ts";
import { addVmDevices, SEED_IDS, vmDefaults } from "./seed.ts";
import { type Collection, type Entity, settle } from "./store.ts";
import { RUNNING, runVmAction } from "./vm_actions.ts";

function completed(req: ApiRequest, extra: Obj = {}): Response {
  return one(req, 200, "action", { ...extra, status: "complete" });
}

/** Runs the action `name` of an entity of `coll`. */
export function runAction(
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
    addVmDevices(ctx.store, vm);
  }
  if (!vm) {
    return "[Cannot allocate and run VM from VM-Pool. There are no available VMs in the VM-Pool.]";
  }
  runVmAction(vm, "start", SEED_IDS.host1, ctx.transitionMs);
  return vm;
}

/**
 * VM power actions with the engine's status transitions. Transitions are
 * scheduled as steps and applied when the VM is next read (no timers).
 *
 * @module
 */
import { ref } from "./model.ts";
import { API_PREFIX, type Entity, settle } from "./store.ts";

/** A refused action: the engine answers 409 with this fault detail. */
export interface ActionRefusal {
  /** The `<detail>` text. */
  detail: string;
}

/** Statuses in which a VM counts as running. */
const RUNNING = new Set([
  "up",
  "powering_up",
  "wait_for_launch",
  "powering_down",
  "reboot_in_progress",
  "paused",
  "migrating",
]);

function schedule(entity: Entity, statuses: string[], transitionMs: number, now: number): void {
  const last = statuses.length - 1;
  entity.steps = statuses.map((status, i) => ({
    status,
    at: last === 0 ? now : now + Math.round((transitionMs * i) / last),
  }));
  settle(entity, now);
}

/**
 * Runs a VM action; returns a refusal when the VM's status does not allow it.
 */
export function runVmAction(
  entity: Entity,
  action: string,
  hostId: string,
  transitionMs: number,
  now: number = Date.now(),
): ActionRefusal | undefined {
  settle(entity, now);
  const status = String(entity.data.status);
  const name = String(entity.data.name);
  switch (action) {
    case "start":
      if (status === "suspended") {
        schedule(entity, ["restoring_state", "up"], transitionMs, now);
      } else if (status === "down") {
        schedule(entity, ["wait_for_launch", "powering_up", "up"], transitionMs, now);
      } else {
        return { detail: `[Cannot run VM. VM ${name} is running.]` };
      }
      entity.data.host = ref(API_PREFIX, "hosts", hostId);
      entity.data.start_time = new Date(now);
      return undefined;
    case "stop":
      if (status === "down") return { detail: `[Cannot stop VM. VM ${name} is not running.]` };
      schedule(entity, ["down"], transitionMs, now);
      break;
    case "shutdown":
      if (!RUNNING.has(status)) {
        return { detail: `[Cannot shutdown VM. VM ${name} is not running.]` };
      }
      schedule(entity, ["powering_down", "down"], transitionMs, now);
      break;
    case "reboot":
      if (status !== "up") return { detail: `[Cannot reboot VM. VM ${name} is not up.]` };
      schedule(entity, ["reboot_in_progress", "up"], transitionMs, now);
      return undefined;
    case "suspend":
      if (status !== "up") return { detail: `[Cannot hibernate VM. VM ${name} is not up.]` };
      schedule(entity, ["saving_state", "suspended"], transitionMs, now);
      break;
    default:
      return { detail: `[Unknown action ${action}.]` };
  }
  delete entity.data.host;
  entity.data.stop_time = new Date(now);
  return undefined;
}

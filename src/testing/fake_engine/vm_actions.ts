/**
 * VM power actions with the engine's status transitions. Transitions are
 * scheduled as steps and applied when the VM is next read (no timers).
 * Starting a VM also gives it what a running VM shows: its host, a display
 * address and ports, and the guest agent's report; stopping takes them away.
 *
 * @module
 */
import { isObj, ref } from "./model.ts";
import { guestFields, hostAddress, hostSubject } from "./seed.ts";
import { API_PREFIX, type Entity, settle } from "./store.ts";

/** A refused action: the engine answers 409 with this fault detail. */
export interface ActionRefusal {
  /** The `<detail>` text. */
  detail: string;
}

/** Statuses in which a VM counts as running. */
export const RUNNING: ReadonlySet<string> = new Set([
  "up",
  "powering_up",
  "wait_for_launch",
  "powering_down",
  "reboot_in_progress",
  "paused",
  "migrating",
]);

/** The runtime fields a stopped VM loses. */
const RUNTIME_FIELDS = ["host", "fqdn", "guest_operating_system", "guest_time_zone"];

let nextPort = 5910;

function schedule(entity: Entity, statuses: string[], transitionMs: number, now: number): void {
  const last = statuses.length - 1;
  entity.steps = statuses.map((status, i) => ({
    status,
    at: last === 0 ? now : now + Math.round((transitionMs * i) / last),
  }));
  settle(entity, now);
}

function bringUp(entity: Entity, hostId: string, now: number): void {
  entity.data.host = ref(API_PREFIX, "hosts", hostId);
  entity.data.start_time = new Date(now);
  Object.assign(entity.data, guestFields(String(entity.data.name)));
  const display = entity.data.display;
  if (isObj(display)) {
    // Ports come from a range like the host's qemu allocations; wrap to stay in it.
    if (nextPort > 5998) nextPort = 5910;
    Object.assign(display, {
      address: hostAddress(hostId),
      port: nextPort,
      secure_port: nextPort + 1,
      certificate: { organization: "example.com", subject: hostSubject(hostId) },
    });
    nextPort += 2;
  }
}

function bringDown(entity: Entity, now: number): void {
  for (const field of RUNTIME_FIELDS) delete entity.data[field];
  entity.data.stop_time = new Date(now);
  const display = entity.data.display;
  if (isObj(display)) {
    delete display.address;
    delete display.port;
    delete display.secure_port;
    delete display.certificate;
  }
}

/**
 * Runs a VM power action; returns a refusal when the VM's status does not
 * allow it. Actions without a power effect are accepted as they are.
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
      bringUp(entity, hostId, now);
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
    case "reset":
      if (status !== "up") {
        return { detail: `[Cannot ${action} VM. VM ${name} is not up.]` };
      }
      schedule(entity, ["reboot_in_progress", "up"], transitionMs, now);
      return undefined;
    case "suspend":
      if (status !== "up") return { detail: `[Cannot hibernate VM. VM ${name} is not up.]` };
      schedule(entity, ["saving_state", "suspended"], transitionMs, now);
      break;
    case "ticket":
      if (!RUNNING.has(status)) {
        return { detail: `[Cannot set ticket. VM ${name} is not running.]` };
      }
      return undefined;
    default:
      return undefined;
  }
  bringDown(entity, now);
  return undefined;
}

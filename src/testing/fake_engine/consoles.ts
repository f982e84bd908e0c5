/**
 * Console access the engine grants for a running VM: one-time display
 * tickets and the remote-viewer (`.vv`) connection file.
 *
 * @module
 */
import { isObj, type Obj } from "./model.ts";

/** Default lifetime of a console ticket in seconds (the engine's two hours). */
export const TICKET_EXPIRY_S = 7200;

/** A new ticket: a random password the display accepts until it expires. */
export function newTicket(expiry: number): { value: string; expiry: number } {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const value = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, "");
  return { value, expiry };
}

/** The expiry the caller asked for in `<action><ticket><expiry>`, or the default. */
export function askedExpiry(body: Obj): number {
  const ticket = body.ticket;
  const asked = isObj(ticket) ? Number(ticket.expiry) : NaN;
  return Number.isInteger(asked) && asked > 0 ? asked : TICKET_EXPIRY_S;
}

/**
 * The `.vv` file remote-viewer opens for a console: where the display
 * listens, a fresh ticket as its password, the host's certificate subject
 * and the CA (when the engine serves TLS).
 */
export function remoteViewerFile(vm: Obj, protocol: string, ca?: string): string {
  const display = isObj(vm.display) ? vm.display : {};
  const certificate = isObj(display.certificate) ? display.certificate : {};
  const ticket = newTicket(120);
  const lines = [
    "[virt-viewer]",
    `type=${protocol}`,
    `host=${String(display.address ?? "")}`,
    `port=${String(display.port ?? -1)}`,
    `password=${ticket.value}`,
    "# Password is valid for 120 seconds.",
    "delete-this-file=1",
    "fullscreen=0",
    `title=${String(vm.name)}:%d`,
    "toggle-fullscreen=shift+f11",
    "release-cursor=shift+f12",
    "secure-attention=ctrl+alt+end",
  ];
  if (protocol === "spice") {
    lines.push(`tls-port=${String(display.secure_port ?? -1)}`);
    if (certificate.subject) lines.push(`host-subject=${String(certificate.subject)}`);
    if (ca) lines.push(`ca=${ca.trim().replace(/\n/g, "\\n")}`);
    lines.push("secure-channels=main;inputs;cursor;playback;record;display;smartcard;usbredir");
  }
  return lines.join("\n") + "\n";
}

/**
 * The addresses Nova gives a new server, from the fake's Neutron networks.
 * As Nova does: with no `networks` in the request, the project's own and
 * shared networks are the candidates (none: no address; one: an address on
 * it; several: 409); given networks must exist (400).
 *
 * @module
 */
import type { RouteContext } from "./router.ts";
import type { JsonObject } from "./state.ts";
import { novaError, obj } from "./respond.ts";

function networks(ctx: RouteContext): JsonObject[] {
  return [...(ctx.state.neutron.get("network")?.values() ?? [])];
}

/** An address on a network: the next one in its first IPv4 subnet. */
function addressOn(ctx: RouteContext, net: JsonObject, index: number): JsonObject {
  const subnet = [...(ctx.state.neutron.get("subnet")?.values() ?? [])]
    .find((s) => s.network_id === net.id && s.ip_version === 4);
  const prefix = String(subnet?.cidr ?? "10.0.0.0/24").split("/")[0]!.split(".").slice(0, 3);
  const host = 10 + ((ctx.state.servers.size * 4 + index) % 240);
  return { addr: [...prefix, String(host)].join("."), version: 4, "OS-EXT-IPS:type": "fixed" };
}

/** The `addresses` of a server created with this `networks` value, or the error reply. */
export function serverAddresses(
  ctx: RouteContext,
  requested: unknown,
): Record<string, JsonObject[]> | Response {
  let chosen: JsonObject[];
  if (requested === undefined || requested === "auto") {
    const project = ctx.state.projectOf(ctx.token!);
    const candidates = networks(ctx).filter((n) => n.project_id === project || n.shared === true);
    if (candidates.length > 1) {
      return novaError(
        409,
        "Multiple possible networks found, use a Network ID to be more specific.",
      );
    }
    chosen = candidates;
  } else if (requested === "none") {
    chosen = [];
  } else if (Array.isArray(requested)) {
    chosen = [];
    for (const entry of requested) {
      const uuid = obj(entry)?.uuid;
      const net = networks(ctx).find((n) => n.id === uuid);
      if (!net) return novaError(400, `Network ${String(uuid)} could not be found.`);
      chosen.push(net);
    }
  } else {
    return novaError(400, "Invalid input for field/attribute networks.");
  }
  const out: Record<string, JsonObject[]> = {};
  chosen.forEach((net, i) => {
    (out[String(net.name)] ??= []).push(addressOn(ctx, net, i));
  });
  return out;
}

/**
 * The Neutron v2.0 API: networks, subnets, ports, routers (interfaces and
 * external gateways), floating IPs, security groups and rules, with
 * Neutron's filters (any attribute), `fields`, `sort_key`/`sort_dir`,
 * `limit`/`marker` paging (`<plural>_links`) and `NeutronError` bodies.
 *
 * @module
 */
import type { RouteContext, Router } from "./router.ts";
import type { CloudState, JsonObject } from "./state.ts";
import { clone, empty, json, nextQuery, obj, PageError, paginate } from "./respond.ts";

/** Neutron's error body: `{"NeutronError": {type, message, detail}}`. */
export function neutronError(status: number, message: string, type = ""): Response {
  const fallback: Record<number, string> = {
    400: "HTTPBadRequest",
    403: "HTTPForbidden",
    404: "HTTPNotFound",
    405: "HTTPMethodNotAllowed",
    409: "HTTPConflict",
  };
  return json(
    {
      NeutronError: { type: type || (fallback[status] ?? "NeutronException"), message, detail: "" },
    },
    status,
  );
}

/** Microsecond-free ISO times, as Neutron prints them. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The kinds of resources, their collection and body key. */
const KINDS = {
  network: { plural: "networks", name: "Network" },
  subnet: { plural: "subnets", name: "Subnet" },
  port: { plural: "ports", name: "Port" },
  router: { plural: "routers", name: "Router" },
  floatingip: { plural: "floatingips", name: "FloatingIP" },
  security_group: { plural: "security_groups", name: "SecurityGroup" },
  security_group_rule: { plural: "security_group_rules", name: "SecurityGroupRule" },
} as const;
type Kind = keyof typeof KINDS;

/** Fields only admin sees (the `provider:` extension, port bindings). */
const ADMIN_ONLY = new Set([
  "provider:network_type",
  "provider:physical_network",
  "provider:segmentation_id",
  "binding:host_id",
  "binding:profile",
  "binding:vif_details",
  "binding:vif_type",
]);

function table(state: CloudState, kind: Kind): Map<string, JsonObject> {
  let t = state.neutron.get(kind);
  if (!t) state.neutron.set(kind, t = new Map());
  return t;
}

function notFoundMessage(kind: Kind, id: string): Response {
  const { name } = KINDS[kind];
  const label = kind === "floatingip"
    ? "Floating IP"
    : kind === "security_group"
    ? "Security group"
    : kind === "security_group_rule"
    ? "Security group rule"
    : name;
  return neutronError(404, `${label} ${id} could not be found.`, `${name}NotFound`);
}

function stamp(rec: JsonObject, project: string): JsonObject {
  const t = now();
  return {
    ...rec,
    tenant_id: project,
    project_id: project,
    created_at: t,
    updated_at: t,
    revision_number: 0,
  };
}

function touch(rec: JsonObject): void {
  rec.updated_at = now();
  rec.revision_number = Number(rec.revision_number ?? 0) + 1;
}

function isAdmin(ctx: RouteContext): boolean {
  return ctx.state.isAdmin(ctx.token!);
}

function projectOf(ctx: RouteContext): string {
  return ctx.state.projectOf(ctx.token!) ?? "";
}

/** What a token may see: its project's, shared and external networks (admin: all). */
function visible(ctx: RouteContext, kind: Kind, rec: JsonObject): boolean {
  if (isAdmin(ctx) || rec.project_id === projectOf(ctx)) return true;
  if (kind === "network") return rec.shared === true || rec["router:external"] === true;
  if (kind === "subnet") {
    const net = table(ctx.state, "network").get(String(rec.network_id));
    return net !== undefined && (net.shared === true || net["router:external"] === true);
  }
  return false;
}

function view(ctx: RouteContext, kind: Kind, rec: JsonObject, selectFields = true): JsonObject {
  const out = clone(rec);
  for (const key of Object.keys(out)) if (key.startsWith("_")) delete out[key];
  if (!isAdmin(ctx)) { for (const key of ADMIN_ONLY) delete out[key]; }
  if (kind === "security_group") {
    out.security_group_rules = [...table(ctx.state, "security_group_rule").values()]
      .filter((r) => r.security_group_id === rec.id).map((r) =>
        view(ctx, "security_group_rule", r)
      );
  }
  if (kind === "floatingip") out.port_details = portDetails(ctx.state, rec);
  if (kind === "network") {
    out.subnets = [...table(ctx.state, "subnet").values()]
      .filter((s) => s.network_id === rec.id).map((s) => s.id);
  }
  const fields = ctx.url.searchParams.getAll("fields");
  if (selectFields && fields.length) {
    for (const key of Object.keys(out)) if (!fields.includes(key)) delete out[key];
  }
  return out;
}

/** Neutron filters: every query key but the paging and shaping ones is an attribute filter. */
function matches(rec: JsonObject, query: URLSearchParams): boolean {
  const skip = new Set(["limit", "marker", "fields", "sort_key", "sort_dir", "page_reverse"]);
  for (const key of new Set(query.keys())) {
    if (skip.has(key)) continue;
    const wanted = query.getAll(key);
    const value = rec[key];
    if (key === "fixed_ips") continue;
    if (Array.isArray(value)) {
      if (!wanted.every((w) => value.map(String).includes(w))) return false;
      continue;
    }
    const shown = value === null || value === undefined ? "" : String(value);
    if (
      !wanted.some((w) => w === shown || (typeof value === "boolean" && w.toLowerCase() === shown))
    ) {
      return false;
    }
  }
  return true;
}

function list(ctx: RouteContext, kind: Kind): Response {
  const { plural } = KINDS[kind];
  const q = ctx.url.searchParams;
  let items = [...table(ctx.state, kind).values()].filter((r) => visible(ctx, kind, r))
    .filter((r) => matches(view(ctx, kind, r, false), q));
  const sortKeys = q.getAll("sort_key");
  const sortDirs = q.getAll("sort_dir");
  if (sortKeys.length) {
    items = items.sort((a, b) => {
      for (const [i, key] of sortKeys.entries()) {
        const dir = sortDirs[i] === "desc" ? -1 : 1;
        const x = String(a[key] ?? "");
        const y = String(b[key] ?? "");
        if (x !== y) return x < y ? -dir : dir;
      }
      return 0;
    });
  }
  try {
    const page = paginate(items, q, {
      defaultLimit: 100_000,
      maxLimit: 100_000,
      fullPageHasNext: true,
    });
    const body: JsonObject = { [plural]: page.items.map((r) => view(ctx, kind, r)) };
    const links: JsonObject[] = [];
    if (q.has("limit") && page.nextMarker !== undefined) {
      links.push({
        rel: "next",
        href: `${ctx.base}${ctx.path}?${nextQuery(q, page.limit, page.nextMarker)}`,
      });
    }
    if (q.has("marker") && page.items[0]) {
      const prev = new URLSearchParams(q);
      prev.set("marker", String(page.items[0].id));
      prev.set("page_reverse", "True");
      links.push({ rel: "previous", href: `${ctx.base}${ctx.path}?${prev}` });
    }
    if (links.length) body[`${plural}_links`] = links;
    return json(body);
  } catch (e) {
    if (e instanceof PageError) return neutronError(400, e.message);
    throw e;
  }
}

function input(ctx: RouteContext, kind: Kind): JsonObject | Response {
  const body = obj(obj(ctx.body)?.[kind]);
  if (!body) return neutronError(400, `Resource body required`, "HTTPBadRequest");
  return body;
}

/** Fields no caller may set on create or update. */
const READ_ONLY = new Set(["id", "created_at", "updated_at", "revision_number", "status"]);

function checkWritable(body: JsonObject, extra: string[] = []): Response | undefined {
  for (const key of Object.keys(body)) {
    if (READ_ONLY.has(key) || extra.includes(key)) {
      return neutronError(400, `Attribute '${key}' not allowed in POST`, "HTTPBadRequest");
    }
  }
  return undefined;
}

// ---- addresses ---------------------------------------------------------------------------

function ipToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** The network address and size of an IPv4 CIDR, or undefined when it is not one. */
function parseCidr(cidr: string): { base: number; size: number; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ipToInt(octets.join(".")) / size) * size;
  return { base, size, prefix };
}

function usedAddresses(state: CloudState, subnetId: string): Set<string> {
  const used = new Set<string>();
  for (const port of table(state, "port").values()) {
    for (const ip of (port.fixed_ips as JsonObject[]) ?? []) {
      if (ip.subnet_id === subnetId) used.add(String(ip.ip_address));
    }
  }
  for (const fip of table(state, "floatingip").values()) {
    if (fip._subnet_id === subnetId) used.add(String(fip.floating_ip_address));
  }
  return used;
}

/** The next free address of a subnet's pools, or undefined when it is full. */
function allocate(state: CloudState, subnet: JsonObject): string | undefined {
  const used = usedAddresses(state, String(subnet.id));
  for (const pool of (subnet.allocation_pools as JsonObject[]) ?? []) {
    const end = ipToInt(String(pool.end));
    for (let n = ipToInt(String(pool.start)), i = 0; n <= end && i < 65_536; n++, i++) {
      const ip = intToIp(n);
      if (!used.has(ip) && ip !== subnet.gateway_ip) return ip;
    }
  }
  return undefined;
}

function macAddress(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return ["fa", "16", "3e", ...Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))].join(":");
}

// ---- default security group --------------------------------------------------------------

function egressRules(state: CloudState, groupId: string, project: string): void {
  for (const ethertype of ["IPv4", "IPv6"]) {
    const rule = ruleRecord({
      security_group_id: groupId,
      direction: "egress",
      ethertype,
      _auto: true,
    }, project);
    table(state, "security_group_rule").set(String(rule.id), rule);
  }
}

function ruleRecord(body: JsonObject, project: string): JsonObject {
  return stamp({
    id: crypto.randomUUID(),
    security_group_id: body.security_group_id,
    direction: body.direction,
    ethertype: body.ethertype ?? "IPv4",
    protocol: body.protocol ?? null,
    port_range_min: body.port_range_min ?? null,
    port_range_max: body.port_range_max ?? null,
    remote_ip_prefix: body.remote_ip_prefix ?? null,
    remote_group_id: body.remote_group_id ?? null,
    remote_address_group_id: null,
    normalized_cidr: body.remote_ip_prefix ?? null,
    description: body.description ?? (body._auto ? null : ""),
    tags: [],
  }, project);
}

/** Neutron creates a project's "default" group the first time the project is seen. */
function ensureDefaultGroup(state: CloudState, project: string): JsonObject {
  const groups = table(state, "security_group");
  const found = [...groups.values()].find((g) => g.project_id === project && g.name === "default");
  if (found) return found;
  const group = stamp({
    id: crypto.randomUUID(),
    name: "default",
    description: "Default security group",
    stateful: true,
    shared: false,
    tags: [],
  }, project);
  groups.set(String(group.id), group);
  const rules = table(state, "security_group_rule");
  for (const ethertype of ["IPv4", "IPv6"]) {
    const rule = ruleRecord({
      security_group_id: group.id,
      direction: "ingress",
      ethertype,
      remote_group_id: group.id,
      _auto: true,
    }, project);
    rules.set(String(rule.id), rule);
  }
  egressRules(state, String(group.id), project);
  return group;
}

// ---- resources ---------------------------------------------------------------------------

/** Creates a network record (also used to seed the external "public" network). */
export function newNetwork(state: CloudState, body: JsonObject, project: string): JsonObject {
  const external = body["router:external"] === true;
  const rec = stamp({
    id: crypto.randomUUID(),
    name: body.name ?? "",
    admin_state_up: body.admin_state_up ?? true,
    status: "ACTIVE",
    shared: body.shared ?? false,
    "router:external": external,
    mtu: body.mtu ?? (external ? 1500 : 1450),
    availability_zone_hints: [],
    availability_zones: [],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
    description: body.description ?? "",
    port_security_enabled: body.port_security_enabled ?? true,
    is_default: false,
    tags: [],
    "provider:network_type": body["provider:network_type"] ?? (external ? "flat" : "vxlan"),
    "provider:physical_network": body["provider:physical_network"] ?? (external ? "public" : null),
    "provider:segmentation_id": body["provider:segmentation_id"] ??
      (external ? null : table(state, "network").size + 1),
    subnets: [],
  }, project);
  table(state, "network").set(String(rec.id), rec);
  return rec;
}

/** Creates a subnet record; a string is the 400 message. */
export function newSubnet(
  state: CloudState,
  body: JsonObject,
  project: string,
): JsonObject | string {
  const net = table(state, "network").get(String(body.network_id ?? ""));
  if (!net) return `404:Network ${body.network_id} could not be found.`;
  if (body.ip_version !== 4 && body.ip_version !== 6) {
    return `400:Invalid input for ip_version. Reason: ${body.ip_version} is not in valid_values.`;
  }
  const cidr = String(body.cidr ?? "");
  const parsed = body.ip_version === 4 ? parseCidr(cidr) : undefined;
  if (body.ip_version === 4 && !parsed) {
    return `400:Invalid input for cidr. Reason: '${cidr}' is not a valid IP subnet.`;
  }
  const normal = parsed ? `${intToIp(parsed.base)}/${parsed.prefix}` : cidr;
  if (parsed) {
    for (const other of table(state, "subnet").values()) {
      if (other.network_id !== net.id || other.ip_version !== 4) continue;
      const o = parseCidr(String(other.cidr));
      if (o && parsed.base < o.base + o.size && o.base < parsed.base + parsed.size) {
        return `400:Invalid input for operation: Requested subnet with cidr: ${normal} for network: ${net.id} overlaps with another subnet.`;
      }
    }
  }
  const gateway = body.gateway_ip === undefined
    ? parsed ? intToIp(parsed.base + 1) : null
    : body.gateway_ip;
  const pools = Array.isArray(body.allocation_pools) ? body.allocation_pools : parsed
    ? [{
      start: intToIp(parsed.base + (gateway === intToIp(parsed.base + 1) ? 2 : 1)),
      end: intToIp(parsed.base + parsed.size - 2),
    }]
    : [];
  const rec = stamp({
    id: crypto.randomUUID(),
    name: body.name ?? "",
    network_id: net.id,
    ip_version: body.ip_version,
    cidr: normal,
    gateway_ip: gateway,
    enable_dhcp: body.enable_dhcp ?? true,
    allocation_pools: pools,
    dns_nameservers: body.dns_nameservers ?? [],
    host_routes: body.host_routes ?? [],
    ipv6_ra_mode: null,
    ipv6_address_mode: null,
    subnetpool_id: null,
    service_types: [],
    description: body.description ?? "",
    tags: [],
  }, project);
  table(state, "subnet").set(String(rec.id), rec);
  touch(net);
  return rec;
}

function newPort(state: CloudState, body: JsonObject, project: string): JsonObject | Response {
  const net = table(state, "network").get(String(body.network_id ?? ""));
  if (!net) return notFoundMessage("network", String(body.network_id));
  const subnets = [...table(state, "subnet").values()].filter((s) => s.network_id === net.id);
  let fixed: JsonObject[] = [];
  if (Array.isArray(body.fixed_ips)) {
    for (const want of body.fixed_ips as JsonObject[]) {
      const subnet = subnets.find((s) => s.id === want.subnet_id) ?? subnets[0];
      if (!subnet) return neutronError(400, `No subnet on network ${net.id}`, "BadRequest");
      const ip = want.ip_address ? String(want.ip_address) : allocate(state, subnet);
      if (!ip) {
        return neutronError(
          409,
          `No more IP addresses available on network ${net.id}.`,
          "IpAddressGenerationFailure",
        );
      }
      if (usedAddresses(state, String(subnet.id)).has(ip)) {
        return neutronError(
          409,
          `IP address ${ip} already allocated in subnet ${subnet.id}`,
          "IpAddressAlreadyAllocated",
        );
      }
      fixed.push({ subnet_id: subnet.id, ip_address: ip });
    }
  } else {
    const v4 = subnets.find((s) => s.ip_version === 4);
    const ip = v4 ? allocate(state, v4) : undefined;
    fixed = v4 && ip ? [{ subnet_id: v4.id, ip_address: ip }] : [];
  }
  const owner = String(body.device_owner ?? "");
  const portSecurity = body.port_security_enabled ?? net.port_security_enabled ?? true;
  const groups = Array.isArray(body.security_groups)
    ? body.security_groups
    : portSecurity && !owner.startsWith("network:")
    ? [ensureDefaultGroup(state, project).id]
    : [];
  const rec = stamp({
    id: crypto.randomUUID(),
    name: body.name ?? "",
    network_id: net.id,
    mac_address: body.mac_address ?? macAddress(),
    admin_state_up: body.admin_state_up ?? true,
    status: "DOWN",
    device_id: body.device_id ?? "",
    device_owner: owner,
    fixed_ips: fixed,
    allowed_address_pairs: body.allowed_address_pairs ?? [],
    extra_dhcp_opts: [],
    security_groups: groups,
    description: body.description ?? "",
    port_security_enabled: portSecurity,
    "binding:vnic_type": body["binding:vnic_type"] ?? "normal",
    "binding:host_id": body["binding:host_id"] ?? "",
    "binding:profile": {},
    "binding:vif_type": "unbound",
    "binding:vif_details": {},
    tags: [],
  }, project);
  table(state, "port").set(String(rec.id), rec);
  return rec;
}

function gatewayInfo(
  state: CloudState,
  info: JsonObject,
  router: JsonObject,
): JsonObject | Response {
  const net = table(state, "network").get(String(info.network_id ?? ""));
  if (!net) return notFoundMessage("network", String(info.network_id));
  if (net["router:external"] !== true) {
    return neutronError(
      400,
      `Bad router request: Network ${net.id} is not an external network.`,
      "BadRequest",
    );
  }
  const port = newPort(state, {
    network_id: net.id,
    device_owner: "network:router_gateway",
    device_id: router.id,
  }, "");
  if (port instanceof Response) return port;
  router._gw_port = port.id;
  return {
    network_id: net.id,
    external_fixed_ips: (port.fixed_ips as JsonObject[]).map((f) => ({ ...f })),
    enable_snat: info.enable_snat ?? true,
  };
}

function clearGateway(state: CloudState, router: JsonObject): Response | undefined {
  if (router.external_gateway_info === null) return undefined;
  const gwNet = obj(router.external_gateway_info)?.network_id;
  const inUse = [...table(state, "floatingip").values()].some((f) =>
    f.router_id === router.id && f.floating_network_id === gwNet
  );
  if (inUse) {
    return neutronError(
      409,
      `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${gwNet} is required by one or more floating IPs.`,
      "RouterExternalGatewayInUseByFloatingIp",
    );
  }
  table(state, "port").delete(String(router._gw_port));
  delete router._gw_port;
  router.external_gateway_info = null;
  return undefined;
}

/** The router whose interfaces reach a subnet and whose gateway is on the network. */
function routerFor(
  state: CloudState,
  subnetId: string,
  externalNet: string,
): JsonObject | undefined {
  for (const port of table(state, "port").values()) {
    if (port.device_owner !== "network:router_interface") continue;
    if (!(port.fixed_ips as JsonObject[]).some((f) => f.subnet_id === subnetId)) continue;
    const router = table(state, "router").get(String(port.device_id));
    if (obj(router?.external_gateway_info)?.network_id === externalNet) return router;
  }
  return undefined;
}

function associate(
  state: CloudState,
  fip: JsonObject,
  portId: unknown,
  fixedIp?: unknown,
): Response | undefined {
  if (portId === null || portId === undefined) {
    Object.assign(fip, { port_id: null, fixed_ip_address: null, router_id: null, status: "DOWN" });
    return undefined;
  }
  const port = table(state, "port").get(String(portId));
  if (!port) return notFoundMessage("port", String(portId));
  const fixed = (port.fixed_ips as JsonObject[]).find((f) =>
    fixedIp === undefined || f.ip_address === fixedIp
  );
  if (!fixed) {
    return neutronError(400, `Port ${port.id} does not have fixed ip ${fixedIp}.`, "BadRequest");
  }
  const router = routerFor(state, String(fixed.subnet_id), String(fip.floating_network_id));
  if (!router) {
    return neutronError(
      404,
      `External network ${fip.floating_network_id} is not reachable from subnet ${fixed.subnet_id}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
      "ExternalGatewayForFloatingIPNotFound",
    );
  }
  Object.assign(fip, {
    port_id: port.id,
    fixed_ip_address: fixed.ip_address,
    router_id: router.id,
  });
  return undefined;
}

/** The `port_details` Neutron shows on an associated floating IP. */
function portDetails(state: CloudState, fip: JsonObject): JsonObject | null {
  const port = fip.port_id ? table(state, "port").get(String(fip.port_id)) : undefined;
  if (!port) return null;
  return {
    name: port.name,
    network_id: port.network_id,
    mac_address: port.mac_address,
    admin_state_up: port.admin_state_up,
    status: port.status,
    device_id: port.device_id,
    device_owner: port.device_owner,
  };
}

function interfaceReply(router: JsonObject, port: JsonObject): JsonObject {
  const subnets = (port.fixed_ips as JsonObject[]).map((f) => f.subnet_id);
  return {
    id: router.id,
    tenant_id: router.project_id,
    network_id: port.network_id,
    subnet_id: subnets[0],
    subnet_ids: subnets,
    port_id: port.id,
  };
}

// ---- routes ------------------------------------------------------------------------------

/** Registers the network routes (paths relative to `/network`). */
export function addNetworkRoutes(router: Router): void {
  router.add("GET", "/", (ctx) =>
    json({
      versions: [{
        id: "v2.0",
        status: "CURRENT",
        links: [{ href: `${ctx.base}/v2.0/`, rel: "self" }],
      }],
    }), true);
  router.add("GET", "/v2.0", (ctx) =>
    json({
      resources: Object.values(KINDS).map(({ plural }) => ({
        name: plural.replace(/s$/, ""),
        collection: plural,
        links: [{ href: `${ctx.base}/v2.0/${plural.replaceAll("_", "-")}`, rel: "self" }],
      })),
    }));

  const find = (ctx: RouteContext, kind: Kind) => {
    const rec = table(ctx.state, kind).get(ctx.params.id!);
    return rec && visible(ctx, kind, rec) ? rec : undefined;
  };
  const crud = (kind: Kind, create: (ctx: RouteContext, body: JsonObject) => Response) => {
    const path = `/v2.0/${KINDS[kind].plural.replaceAll("_", "-")}`;
    router.add("GET", path, (ctx) => {
      if (kind === "security_group" || kind === "port") {
        ensureDefaultGroup(ctx.state, projectOf(ctx));
      }
      return list(ctx, kind);
    });
    router.add("GET", `${path}/:id`, (ctx) => {
      const rec = find(ctx, kind);
      return rec ? json({ [kind]: view(ctx, kind, rec) }) : notFoundMessage(kind, ctx.params.id!);
    });
    router.add("POST", path, (ctx) => {
      const body = input(ctx, kind);
      if (body instanceof Response) return body;
      const bad = checkWritable(body);
      if (bad) return bad;
      if (
        (body.project_id !== undefined || body.tenant_id !== undefined) && !isAdmin(ctx) &&
        (body.project_id ?? body.tenant_id) !== projectOf(ctx)
      ) {
        return neutronError(403, "Only admin can specify another project.", "HTTPForbidden");
      }
      return create(ctx, body);
    });
  };
  const ownerOf = (ctx: RouteContext, body: JsonObject) =>
    String(isAdmin(ctx) ? body.project_id ?? body.tenant_id ?? projectOf(ctx) : projectOf(ctx));

  crud("network", (ctx, body) => {
    for (const key of ["router:external", "shared", "provider:network_type"]) {
      if (key in body && !isAdmin(ctx)) {
        return neutronError(
          403,
          `(rule:create_network and rule:create_network:${
            key.replace(":", "_")
          }) is disallowed by policy`,
          "PolicyNotAuthorized",
        );
      }
    }
    const rec = newNetwork(ctx.state, body, ownerOf(ctx, body));
    return json({ network: view(ctx, "network", rec) }, 201);
  });
  crud("subnet", (ctx, body) => {
    const net = table(ctx.state, "network").get(String(body.network_id ?? ""));
    if (!net || !visible(ctx, "network", net)) {
      return notFoundMessage("network", String(body.network_id));
    }
    if (net.project_id !== projectOf(ctx) && !isAdmin(ctx)) {
      return neutronError(
        403,
        "(rule:create_subnet and rule:create_subnet:network_owner) is disallowed by policy",
        "PolicyNotAuthorized",
      );
    }
    if (body.cidr === undefined) {
      return neutronError(
        400,
        "Bad subnets request: a subnetpool must be specified in the absence of a cidr.",
        "BadRequest",
      );
    }
    const rec = newSubnet(ctx.state, body, ownerOf(ctx, body));
    if (typeof rec === "string") {
      return neutronError(
        Number(rec.slice(0, 3)),
        rec.slice(4),
        rec.startsWith("404") ? "NetworkNotFound" : "BadRequest",
      );
    }
    return json({ subnet: view(ctx, "subnet", rec) }, 201);
  });
  crud("port", (ctx, body) => {
    const net = table(ctx.state, "network").get(String(body.network_id ?? ""));
    if (!net || !visible(ctx, "network", net)) {
      return notFoundMessage("network", String(body.network_id));
    }
    const rec = newPort(ctx.state, body, ownerOf(ctx, body));
    if (rec instanceof Response) return rec;
    return json({ port: view(ctx, "port", rec) }, 201);
  });
  crud("router", (ctx, body) => {
    const rec = stamp({
      id: crypto.randomUUID(),
      name: body.name ?? "",
      admin_state_up: body.admin_state_up ?? true,
      status: "ACTIVE",
      external_gateway_info: null,
      description: body.description ?? "",
      availability_zone_hints: [],
      availability_zones: [],
      routes: [],
      flavor_id: null,
      tags: [],
    }, ownerOf(ctx, body));
    const info = obj(body.external_gateway_info);
    if (info && Object.keys(info).length) {
      const gw = gatewayInfo(ctx.state, info, rec);
      if (gw instanceof Response) return gw;
      rec.external_gateway_info = gw;
    }
    table(ctx.state, "router").set(String(rec.id), rec);
    return json({ router: view(ctx, "router", rec) }, 201);
  });
  crud("floatingip", (ctx, body) => {
    const net = table(ctx.state, "network").get(String(body.floating_network_id ?? ""));
    if (!net) return notFoundMessage("network", String(body.floating_network_id));
    if (net["router:external"] !== true) {
      return neutronError(
        400,
        `Bad floatingip request: Network ${net.id} is not a valid external network.`,
        "BadRequest",
      );
    }
    const subnet = [...table(ctx.state, "subnet").values()].find((s) =>
      s.network_id === net.id && s.ip_version === 4
    );
    const address = body.floating_ip_address
      ? String(body.floating_ip_address)
      : subnet
      ? allocate(ctx.state, subnet)
      : undefined;
    if (!address || !subnet) {
      return neutronError(
        409,
        `No more IP addresses available on network ${net.id}.`,
        "IpAddressGenerationFailure",
      );
    }
    const rec = stamp({
      id: crypto.randomUUID(),
      floating_ip_address: address,
      floating_network_id: net.id,
      router_id: null,
      port_id: null,
      fixed_ip_address: null,
      status: "DOWN",
      description: body.description ?? "",
      port_details: null,
      tags: [],
      _subnet_id: subnet.id,
    }, ownerOf(ctx, body));
    const bad = associate(ctx.state, rec, body.port_id, body.fixed_ip_address);
    if (bad) return bad;
    table(ctx.state, "floatingip").set(String(rec.id), rec);
    return json({ floatingip: view(ctx, "floatingip", rec) }, 201);
  });
  crud("security_group", (ctx, body) => {
    const project = ownerOf(ctx, body);
    if (body.name === "default") {
      ensureDefaultGroup(ctx.state, project);
      return neutronError(
        409,
        "Default security group default already exists.",
        "SecurityGroupDefaultAlreadyExists",
      );
    }
    ensureDefaultGroup(ctx.state, project);
    const rec = stamp({
      id: crypto.randomUUID(),
      name: body.name ?? "",
      description: body.description ?? "",
      stateful: body.stateful ?? true,
      shared: false,
      tags: [],
    }, project);
    table(ctx.state, "security_group").set(String(rec.id), rec);
    egressRules(ctx.state, String(rec.id), project);
    return json({ security_group: view(ctx, "security_group", rec) }, 201);
  });
  crud("security_group_rule", (ctx, body) => {
    const group = table(ctx.state, "security_group").get(String(body.security_group_id ?? ""));
    if (!group || !visible(ctx, "security_group", group)) {
      return notFoundMessage("security_group", String(body.security_group_id));
    }
    if (body.direction !== "ingress" && body.direction !== "egress") {
      return neutronError(
        400,
        `Invalid input for direction. Reason: ${body.direction} is not in valid_values.`,
        "HTTPBadRequest",
      );
    }
    const rule = ruleRecord(body, String(group.project_id));
    const same = [
      "direction",
      "ethertype",
      "protocol",
      "port_range_min",
      "port_range_max",
      "remote_ip_prefix",
      "remote_group_id",
    ];
    const existing = [...table(ctx.state, "security_group_rule").values()].find((r) =>
      r.security_group_id === group.id && same.every((k) => String(r[k]) === String(rule[k]))
    );
    if (existing) {
      return neutronError(
        409,
        `Security group rule already exists. Rule id is ${existing.id}.`,
        "SecurityGroupRuleExists",
      );
    }
    table(ctx.state, "security_group_rule").set(String(rule.id), rule);
    return json({ security_group_rule: view(ctx, "security_group_rule", rule) }, 201);
  });

  // Updates: PUT with the wrapper; only the fields Neutron lets change.
  const updatable: Record<Kind, string[]> = {
    network: [
      "name",
      "description",
      "admin_state_up",
      "mtu",
      "shared",
      "port_security_enabled",
      "router:external",
    ],
    subnet: [
      "name",
      "description",
      "gateway_ip",
      "enable_dhcp",
      "dns_nameservers",
      "host_routes",
      "allocation_pools",
    ],
    port: [
      "name",
      "description",
      "admin_state_up",
      "security_groups",
      "device_id",
      "device_owner",
      "allowed_address_pairs",
      "port_security_enabled",
      "fixed_ips",
      "binding:host_id",
    ],
    router: ["name", "description", "admin_state_up", "external_gateway_info", "routes"],
    floatingip: ["port_id", "fixed_ip_address", "description"],
    security_group: ["name", "description", "stateful"],
    security_group_rule: [],
  };
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const path = `/v2.0/${KINDS[kind].plural.replaceAll("_", "-")}/:id`;
    if (kind !== "security_group_rule") {
      router.add("PUT", path, (ctx) => {
        const rec = find(ctx, kind);
        if (!rec) return notFoundMessage(kind, ctx.params.id!);
        const body = input(ctx, kind);
        if (body instanceof Response) return body;
        for (const key of Object.keys(body)) {
          if (!updatable[kind].includes(key)) {
            return neutronError(400, `Cannot update read-only attribute ${key}`, "HTTPBadRequest");
          }
        }
        if (kind === "router" && "external_gateway_info" in body) {
          const info = obj(body.external_gateway_info);
          const cleared = clearGateway(ctx.state, rec);
          if (cleared) return cleared;
          if (info && Object.keys(info).length) {
            const gw = gatewayInfo(ctx.state, info, rec);
            if (gw instanceof Response) return gw;
            rec.external_gateway_info = gw;
          }
          delete body.external_gateway_info;
        }
        if (kind === "floatingip" && "port_id" in body) {
          const bad = associate(ctx.state, rec, body.port_id, body.fixed_ip_address);
          if (bad) return bad;
          delete body.port_id;
          delete body.fixed_ip_address;
        }
        if (
          kind === "security_group" && rec.name === "default" && "name" in body &&
          body.name !== "default"
        ) {
          return neutronError(
            409,
            "Insufficient rights for removing default security group.",
            "SecurityGroupCannotUpdateDefault",
          );
        }
        Object.assign(rec, body);
        touch(rec);
        return json({ [kind]: view(ctx, kind, rec) });
      });
    }
    router.add("DELETE", path, (ctx) => {
      const rec = find(ctx, kind);
      if (!rec) return notFoundMessage(kind, ctx.params.id!);
      const refused = deleteRefusal(ctx.state, kind, rec);
      if (refused) return refused;
      cascadeDelete(ctx.state, kind, rec);
      return empty(204);
    });
  }

  for (const verb of ["add", "remove"] as const) {
    router.add("PUT", `/v2.0/routers/:id/${verb}_router_interface`, (ctx) => {
      const rec = find(ctx, "router");
      if (!rec) return notFoundMessage("router", ctx.params.id!);
      const body = obj(ctx.body) ?? {};
      const ports = table(ctx.state, "port");
      if (body.subnet_id !== undefined && body.port_id !== undefined && verb === "add") {
        return neutronError(
          400,
          "Bad router request: Cannot specify both subnet-id and port-id.",
          "BadRequest",
        );
      }
      if (body.subnet_id === undefined && body.port_id === undefined) {
        return neutronError(
          400,
          "Bad router request: Either subnet_id or port_id must be specified.",
          "BadRequest",
        );
      }
      const mine = [...ports.values()].filter((p) =>
        p.device_id === rec.id && p.device_owner === "network:router_interface"
      );
      if (verb === "remove") {
        const port = body.port_id !== undefined
          ? mine.find((p) => p.id === body.port_id)
          : mine.find((p) =>
            (p.fixed_ips as JsonObject[]).some((f) => f.subnet_id === body.subnet_id)
          );
        if (!port) {
          return body.port_id !== undefined
            ? neutronError(
              404,
              `Router ${rec.id} does not have an interface with id ${body.port_id}`,
              "RouterInterfaceNotFound",
            )
            : neutronError(
              404,
              `Router ${rec.id} has no interface on subnet ${body.subnet_id}`,
              "RouterInterfaceNotFoundForSubnet",
            );
        }
        ports.delete(String(port.id));
        touch(rec);
        return json(interfaceReply(rec, port));
      }
      if (body.port_id !== undefined) {
        const port = ports.get(String(body.port_id));
        if (!port || !visible(ctx, "port", port)) {
          return notFoundMessage("port", String(body.port_id));
        }
        if (port.device_id) {
          return neutronError(
            409,
            `Port ${port.id} is already in use by ${port.device_owner}.`,
            "PortInUse",
          );
        }
        Object.assign(port, {
          device_id: rec.id,
          device_owner: "network:router_interface",
          status: "ACTIVE",
        });
        touch(rec);
        return json(interfaceReply(rec, port));
      }
      const subnet = table(ctx.state, "subnet").get(String(body.subnet_id));
      if (!subnet || !visible(ctx, "subnet", subnet)) {
        return notFoundMessage("subnet", String(body.subnet_id));
      }
      if (!subnet.gateway_ip) {
        return neutronError(
          400,
          `Bad router request: Subnet ${subnet.id} does not have a gateway IP.`,
          "BadRequest",
        );
      }
      if (mine.some((p) => (p.fixed_ips as JsonObject[]).some((f) => f.subnet_id === subnet.id))) {
        return neutronError(
          400,
          `Bad router request: Router already has a port on subnet ${subnet.id}.`,
          "BadRequest",
        );
      }
      const port = newPort(ctx.state, {
        network_id: subnet.network_id,
        device_owner: "network:router_interface",
        device_id: rec.id,
        fixed_ips: [{ subnet_id: subnet.id, ip_address: subnet.gateway_ip }],
      }, String(rec.project_id));
      if (port instanceof Response) return port;
      port.status = "ACTIVE";
      touch(rec);
      return json(interfaceReply(rec, port));
    });
  }
}

function deleteRefusal(state: CloudState, kind: Kind, rec: JsonObject): Response | undefined {
  const ports = [...table(state, "port").values()];
  if (kind === "network") {
    const busy = ports.some((p) => p.network_id === rec.id && p.device_owner !== "network:dhcp") ||
      [...table(state, "floatingip").values()].some((f) => f.floating_network_id === rec.id);
    if (busy) {
      return neutronError(
        409,
        `Unable to complete operation on network ${rec.id}. There are one or more ports still in use on the network.`,
        "NetworkInUse",
      );
    }
  }
  if (kind === "subnet") {
    const busy = ports.some((p) =>
      p.device_owner !== "network:dhcp" &&
      (p.fixed_ips as JsonObject[]).some((f) => f.subnet_id === rec.id)
    );
    if (busy) {
      return neutronError(
        409,
        `Unable to complete operation on subnet ${rec.id}: One or more ports have an IP allocation from this subnet.`,
        "SubnetInUse",
      );
    }
  }
  if (kind === "router") {
    const attached = ports.filter((p) =>
      p.device_id === rec.id && p.device_owner === "network:router_interface"
    );
    if (attached.length) {
      return neutronError(
        409,
        `Router ${rec.id} has ports still attached: ${attached.map((p) => p.id).join(", ")}`,
        "RouterInUse",
      );
    }
  }
  if (kind === "security_group") {
    if (rec.name === "default") {
      return neutronError(
        409,
        "Insufficient rights for removing default security group.",
        "SecurityGroupCannotRemoveDefault",
      );
    }
    if (ports.some((p) => (p.security_groups as string[]).includes(String(rec.id)))) {
      return neutronError(409, `Security Group ${rec.id} in use.`, "SecurityGroupInUse");
    }
  }
  return undefined;
}

function cascadeDelete(state: CloudState, kind: Kind, rec: JsonObject): void {
  const id = String(rec.id);
  table(state, kind).delete(id);
  if (kind === "network") {
    for (const [sid, s] of table(state, "subnet")) {
      if (s.network_id === id) table(state, "subnet").delete(sid);
    }
    for (const [pid, p] of table(state, "port")) {
      if (p.network_id === id) table(state, "port").delete(pid);
    }
  }
  if (kind === "router") {
    if (rec._gw_port) table(state, "port").delete(String(rec._gw_port));
    for (const f of table(state, "floatingip").values()) {
      if (f.router_id === id) {
        Object.assign(f, { router_id: null, port_id: null, fixed_ip_address: null });
      }
    }
  }
  if (kind === "port") {
    for (const f of table(state, "floatingip").values()) {
      if (f.port_id === id) {
        Object.assign(f, { router_id: null, port_id: null, fixed_ip_address: null });
      }
    }
  }
  if (kind === "security_group") {
    for (const [rid, r] of table(state, "security_group_rule")) {
      if (r.security_group_id === id) table(state, "security_group_rule").delete(rid);
    }
  }
}

/** Seeds devstack's external network: `public`, flat, 172.24.4.0/24 without DHCP. */
export function seedPublicNetwork(state: CloudState, adminProject: string): JsonObject {
  const net = newNetwork(state, {
    name: "public",
    "router:external": true,
    "provider:network_type": "flat",
    "provider:physical_network": "public",
  }, adminProject);
  newSubnet(state, {
    name: "public-subnet",
    network_id: net.id,
    ip_version: 4,
    cidr: "172.24.4.0/24",
    enable_dhcp: false,
  }, adminProject);
  return net;
}

/**
 * Neutron v2.0 resources, with the API's own field names. Fields the types
 * do not name are kept as the service sent them.
 *
 * @module
 */

/** A network (`GET /v2.0/networks`). */
export interface Network {
  /** The id. */
  id: string;
  /** The name ("" when none). */
  name: string;
  /** ACTIVE, DOWN, BUILD, ERROR. */
  status: string;
  /** The owning project. */
  project_id: string;
  /** The owning project (the older name). */
  tenant_id?: string;
  /** Administrative state. */
  admin_state_up: boolean;
  /** Shared with every project. */
  shared: boolean;
  /** An external network (floating IPs, router gateways). */
  "router:external"?: boolean;
  /** The subnets' ids. */
  subnets: string[];
  /** The MTU. */
  mtu?: number;
  /** Free text. */
  description?: string;
  /** Tags. */
  tags?: string[];
  /** Other fields (`provider:*`, `port_security_enabled`…). */
  [key: string]: unknown;
}

/** A subnet. */
export interface Subnet {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** The network it belongs to. */
  network_id: string;
  /** 4 or 6. */
  ip_version: number;
  /** The CIDR, e.g. "10.0.0.0/24". */
  cidr: string;
  /** The gateway address, null when there is none. */
  gateway_ip: string | null;
  /** Whether DHCP is on. */
  enable_dhcp: boolean;
  /** Allocation pools. */
  allocation_pools: { start: string; end: string }[];
  /** DNS servers. */
  dns_nameservers: string[];
  /** The owning project. */
  project_id: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A port. */
export interface Port {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** The network. */
  network_id: string;
  /** The MAC address. */
  mac_address: string;
  /** Fixed IPs. */
  fixed_ips: { subnet_id: string; ip_address: string }[];
  /** What uses the port: "compute:nova", "network:router_interface"… ("" when free). */
  device_owner: string;
  /** The id of what uses the port ("" when free). */
  device_id: string;
  /** ACTIVE, DOWN, BUILD. */
  status: string;
  /** Administrative state. */
  admin_state_up: boolean;
  /** Security group ids. */
  security_groups: string[];
  /** The owning project. */
  project_id: string;
  /** Other fields (`binding:*`…). */
  [key: string]: unknown;
}

/** A router's external gateway. */
export interface ExternalGatewayInfo {
  /** The external network. */
  network_id: string;
  /** Source NAT (admin may change it). */
  enable_snat?: boolean;
  /** The gateway's addresses. */
  external_fixed_ips?: { subnet_id: string; ip_address: string }[];
}

/** A router. */
export interface Router {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** ACTIVE, ERROR… */
  status: string;
  /** Administrative state. */
  admin_state_up: boolean;
  /** The external gateway, null when none: set and clear it with `update()`. */
  external_gateway_info: ExternalGatewayInfo | null;
  /** The owning project. */
  project_id: string;
  /** Static routes. */
  routes?: { destination: string; nexthop: string }[];
  /** Other fields. */
  [key: string]: unknown;
}

/** The reply of `routers.addInterface()` / `removeInterface()`. */
export interface RouterInterface {
  /** The router. */
  id: string;
  /** The subnet. */
  subnet_id: string;
  /** All subnets of the port. */
  subnet_ids?: string[];
  /** The router's port on the subnet. */
  port_id: string;
  /** The project. */
  project_id?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A floating IP. */
export interface FloatingIp {
  /** The id. */
  id: string;
  /** The public address. */
  floating_ip_address: string;
  /** The external network it comes from. */
  floating_network_id: string;
  /** The port it is associated with, or null. */
  port_id: string | null;
  /** The fixed address it maps to, or null. */
  fixed_ip_address: string | null;
  /** The router doing the NAT, or null. */
  router_id: string | null;
  /** ACTIVE, DOWN, ERROR. */
  status: string;
  /** The owning project. */
  project_id: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A security group rule. */
export interface SecurityGroupRule {
  /** The id. */
  id: string;
  /** The group it belongs to. */
  security_group_id: string;
  /** "ingress" or "egress". */
  direction: string;
  /** "IPv4" or "IPv6". */
  ethertype: string;
  /** "tcp", "udp", "icmp"… or null for any. */
  protocol: string | null;
  /** Lowest port, or null. */
  port_range_min: number | null;
  /** Highest port, or null. */
  port_range_max: number | null;
  /** A CIDR the rule admits, or null. */
  remote_ip_prefix: string | null;
  /** A group whose members the rule admits, or null. */
  remote_group_id: string | null;
  /** The owning project. */
  project_id: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A security group. */
export interface SecurityGroup {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** Free text. */
  description: string;
  /** Its rules. */
  security_group_rules: SecurityGroupRule[];
  /** The owning project. */
  project_id: string;
  /** Other fields. */
  [key: string]: unknown;
}

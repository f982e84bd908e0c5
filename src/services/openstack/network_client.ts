/**
 * `NetworkClient`: Neutron v2.0 (service type "network").
 *
 * @module
 */
import type { Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, readJson, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import { ServiceClient } from "./service_client.ts";
import type {
  FloatingIp,
  Network,
  Port,
  Router,
  RouterInterface,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
} from "./network_types.ts";

/** Router interfaces on top of the router manager. */
export interface RouterActions {
  /** Attaches a subnet (or an existing port) to the router (`PUT …/add_router_interface`). */
  addInterface(
    id: string,
    body: { subnet_id?: string; port_id?: string },
  ): Promise<RouterInterface>;
  /** Detaches it again (`PUT …/remove_router_interface`). */
  removeInterface(
    id: string,
    body: { subnet_id?: string; port_id?: string },
  ): Promise<RouterInterface>;
}

/**
 * The Neutron v2.0 API (the catalog endpoint without `/v2.0`, as Neutron
 * publishes it). Every list pages with `limit`/`marker` through Neutron's
 * `<plural>_links`; any other query key is a Neutron filter
 * (`list({ network_id })`), and `find`/`findAll` send their scalar fields
 * as filters too. Updates are `PUT`; a router's external gateway is set
 * with `routers.update(id, { external_gateway_info: { network_id } })` and
 * cleared with `external_gateway_info: {}`.
 *
 * @example A network, a subnet and a router to the outside
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const net = await cloud.network.networks.create({ name: "web" });
 * const subnet = await cloud.network.subnets.create({ network_id: net.id, ip_version: 4, cidr: "10.9.0.0/24" });
 * const pub = await cloud.network.networks.find({ name: "public" });
 * const router = await cloud.network.routers.create({ name: "r", external_gateway_info: { network_id: pub.id } });
 * await cloud.network.routers.addInterface(router.id, { subnet_id: subnet.id });
 * ```
 */
export class NetworkClient extends ServiceClient {
  /** "network". */
  static override serviceType: string = "network";
  /** Networks. */
  readonly networks: Manager<Network>;
  /** Subnets. */
  readonly subnets: Manager<Subnet>;
  /** Ports. */
  readonly ports: Manager<Port>;
  /** Routers, with interfaces. */
  readonly routers: Manager<Router> & RouterActions;
  /** Floating IPs (`create({ floating_network_id })`; associate with `update(id, { port_id })`). */
  readonly floatingIps: Manager<FloatingIp>;
  /** Security groups. */
  readonly securityGroups: Manager<SecurityGroup>;
  /** Security group rules (no update in Neutron). */
  readonly securityGroupRules: Manager<SecurityGroupRule>;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(http: HTTPClient, extensions?: Extension[]) {
    super(http, extensions);
    const neutron = <T>(resourceName: string, collection: string, singular: string) =>
      new ResourceManager<T>(this, {
        resourceName,
        path: `/v2.0/${collection}`,
        singular,
        plural: collection.replaceAll("-", "_"),
        paging: "nova",
        update: "PUT",
        serverFilter: true,
      });
    this.networks = neutron<Network>("Network", "networks", "network");
    this.subnets = neutron<Subnet>("Subnet", "subnets", "subnet");
    this.ports = neutron<Port>("Port", "ports", "port");
    this.floatingIps = neutron<FloatingIp>("FloatingIp", "floatingips", "floatingip");
    this.securityGroups = neutron<SecurityGroup>(
      "SecurityGroup",
      "security-groups",
      "security_group",
    );
    this.securityGroupRules = neutron<SecurityGroupRule>(
      "SecurityGroupRule",
      "security-group-rules",
      "security_group_rule",
    );
    const routers = neutron<Router>("Router", "routers", "router");
    const iface = async (id: string, verb: string, body: Record<string, unknown>) => {
      const response = await this.put(`/v2.0/routers/${pathSegment(id)}/${verb}_router_interface`, {
        json: body,
      });
      return await readJson(response) as RouterInterface;
    };
    this.routers = Object.assign(routers, {
      addInterface: (id: string, body: { subnet_id?: string; port_id?: string }) =>
        iface(id, "add", body),
      removeInterface: (id: string, body: { subnet_id?: string; port_id?: string }) =>
        iface(id, "remove", body),
    });
  }
}

import assert from "node:assert/strict";
import { BadRequest, Conflict, EndpointNotFound, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { openCloud } from "../../../src/services/openstack/mod.ts";
import { collect } from "./helpers.ts";

Deno.test("NetworkClient: networks page with limit/marker through networks_links; filters go to Neutron", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const made = [];
  for (let i = 0; i < 5; i++) made.push(await cloud.network.networks.create({ name: `pg-${i}` }));
  fake.clearRequests();
  const mine = await collect(
    cloud.network.networks.list({ limit: 2, project_id: fake.demo.projectId }),
  );
  assert.deepEqual(mine.map((n) => n.name).sort(), made.map((n) => n.name).sort());
  const gets = fake.requests.filter((r) =>
    r.method === "GET" && r.path === "/network/v2.0/networks"
  );
  assert.equal(gets.length, 3, "two full pages and a last one");
  assert.equal(gets[1]?.query.marker, mine[1]?.id);
  assert.equal(gets[2]?.query.project_id, fake.demo.projectId, "filters kept across pages");

  fake.clearRequests();
  const found = await cloud.network.networks.find({ name: "pg-3" });
  assert.equal(found.id, made[3]!.id);
  assert.equal(fake.requests[0]?.query.name, "pg-3", "find sends its scalar fields as filters");
  assert.deepEqual(found.subnets, []);
  assert.equal(typeof found.revision_number, "number", "fields the type does not name are kept");
  assert.equal(found.project_id, fake.demo.projectId);
  // The external network is visible to a member; its provider fields are not.
  const pub = await cloud.network.networks.find({ name: "public" });
  assert.equal(pub["router:external"], true);
  assert.equal(pub["provider:network_type"], undefined);

  const renamed = await cloud.network.networks.update(found.id, { name: "pg-renamed" });
  assert.equal(renamed.name, "pg-renamed");
  await cloud.network.networks.delete(found.id);
  await assert.rejects(cloud.network.networks.get(found.id), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.match(e.message, new RegExp(`Network ${found.id} could not be found`));
    assert.equal(e.method, "GET");
    assert.match(e.url ?? "", /\/v2\.0\/networks\//);
    assert.match(e.requestId ?? "", /^req-/);
    return true;
  });
});

Deno.test("NetworkClient: subnets and ports allocate addresses; bad input is Neutron's 400", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const net = await cloud.network.networks.create({ name: "web" });
  const subnet = await cloud.network.subnets.create({
    network_id: net.id,
    ip_version: 4,
    cidr: "10.20.0.0/24",
    name: "web-v4",
  });
  assert.equal(subnet.gateway_ip, "10.20.0.1");
  assert.deepEqual(subnet.allocation_pools, [{ start: "10.20.0.2", end: "10.20.0.254" }]);
  assert.deepEqual((await cloud.network.networks.get(net.id)).subnets, [subnet.id]);
  await assert.rejects(
    cloud.network.subnets.create({ network_id: net.id, ip_version: 4, cidr: "10.20.0.0/25" }),
    (e: unknown) => e instanceof BadRequest && /overlaps with another subnet/.test(e.message),
  );
  await assert.rejects(
    cloud.network.subnets.create({ network_id: net.id, ip_version: 4, cidr: "not-a-cidr" }),
    (e: unknown) => e instanceof BadRequest && /not a valid IP subnet/.test(e.message),
  );
  const port = await cloud.network.ports.create({ network_id: net.id, name: "p1" });
  assert.equal(port.fixed_ips[0]?.subnet_id, subnet.id);
  assert.equal(port.fixed_ips[0]?.ip_address, "10.20.0.2");
  assert.match(port.mac_address, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
  assert.equal(port.security_groups.length, 1, "the project's default group");
  const byNetwork = await cloud.network.ports.findAll({ network_id: net.id });
  assert.deepEqual(byNetwork.map((p) => p.id), [port.id]);
  await assert.rejects(cloud.network.subnets.delete(subnet.id), Conflict);
  await cloud.network.ports.delete(port.id);
  await cloud.network.subnets.delete(subnet.id);
  await cloud.network.networks.delete(net.id);
});

Deno.test("NetworkClient: router gateway, interfaces and floating IP association", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const pub = await cloud.network.networks.find({ name: "public" });
  const net = await cloud.network.networks.create({ name: "app" });
  const subnet = await cloud.network.subnets.create({
    network_id: net.id,
    ip_version: 4,
    cidr: "10.30.0.0/24",
  });
  const router = await cloud.network.routers.create({ name: "edge" });
  assert.equal(router.external_gateway_info, null);
  const withGw = await cloud.network.routers.update(router.id, {
    external_gateway_info: { network_id: pub.id },
  });
  assert.equal(withGw.external_gateway_info?.network_id, pub.id);
  assert.match(
    withGw.external_gateway_info?.external_fixed_ips?.[0]?.ip_address ?? "",
    /^172\.24\.4\./,
  );

  const added = await cloud.network.routers.addInterface(router.id, { subnet_id: subnet.id });
  assert.equal(added.id, router.id);
  assert.equal(added.subnet_id, subnet.id);
  const routerPort = await cloud.network.ports.get(added.port_id);
  assert.equal(routerPort.device_owner, "network:router_interface");
  assert.equal(routerPort.fixed_ips[0]?.ip_address, "10.30.0.1");
  await assert.rejects(
    cloud.network.routers.addInterface(router.id, { subnet_id: subnet.id }),
    BadRequest,
  );

  const port = await cloud.network.ports.create({ network_id: net.id });
  const fip = await cloud.network.floatingIps.create({ floating_network_id: pub.id });
  assert.equal(fip.port_id, null);
  const bound = await cloud.network.floatingIps.update(fip.id, { port_id: port.id });
  assert.equal(bound.port_id, port.id);
  assert.equal(bound.router_id, router.id);
  assert.equal(bound.fixed_ip_address, port.fixed_ips[0]?.ip_address);
  await assert.rejects(
    cloud.network.routers.update(router.id, { external_gateway_info: null }),
    Conflict,
    "the floating IP needs the gateway",
  );
  const unbound = await cloud.network.floatingIps.update(fip.id, { port_id: null });
  assert.equal(unbound.router_id, null);
  await cloud.network.floatingIps.delete(fip.id);
  await assert.rejects(cloud.network.routers.delete(router.id), Conflict);
  const removed = await cloud.network.routers.removeInterface(router.id, { subnet_id: subnet.id });
  assert.equal(removed.port_id, added.port_id);
  await assert.rejects(
    cloud.network.routers.removeInterface(router.id, { subnet_id: subnet.id }),
    NotFound,
  );
  const cleared = await cloud.network.routers.update(router.id, { external_gateway_info: null });
  assert.equal(cleared.external_gateway_info, null);
  await cloud.network.routers.delete(router.id);
  await cloud.network.ports.delete(port.id);
  await cloud.network.networks.delete(net.id);
});

Deno.test("NetworkClient: security groups come with egress rules; duplicate rules conflict", async () => {
  await using fake = await FakeCloud.start();
  await using cloud = openCloud({ env: fake.env("demo") });
  const group = await cloud.network.securityGroups.create({ name: "web", description: "http" });
  assert.deepEqual(
    group.security_group_rules.map((r) => `${r.direction}/${r.ethertype}`).sort(),
    ["egress/IPv4", "egress/IPv6"],
  );
  const rule = await cloud.network.securityGroupRules.create({
    security_group_id: group.id,
    direction: "ingress",
    protocol: "tcp",
    port_range_min: 80,
    port_range_max: 80,
    remote_ip_prefix: "0.0.0.0/0",
  });
  assert.equal(rule.ethertype, "IPv4");
  await assert.rejects(
    cloud.network.securityGroupRules.create({
      security_group_id: group.id,
      direction: "ingress",
      protocol: "tcp",
      port_range_min: 80,
      port_range_max: 80,
      remote_ip_prefix: "0.0.0.0/0",
    }),
    (e: unknown) => e instanceof Conflict && /Security group rule already exists/.test(e.message),
  );
  const rules = await cloud.network.securityGroupRules.findAll({ security_group_id: group.id });
  assert.equal(rules.length, 3);
  const defaults = await cloud.network.securityGroups.findAll({ name: "default" });
  assert.equal(defaults.length, 1);
  await assert.rejects(cloud.network.securityGroups.delete(defaults[0]!.id), Conflict);
  await cloud.network.securityGroupRules.delete(rule.id);
  await cloud.network.securityGroups.delete(group.id);
  await assert.rejects(cloud.network.securityGroups.get(group.id), NotFound);
});

Deno.test("NetworkClient: a catalog without Neutron is EndpointNotFound naming the service type and region", async () => {
  await using fake = await FakeCloud.start();
  await using admin = openCloud({ env: fake.env() });
  const service = await admin.identity.services.find({ type: "network" });
  await admin.identity.services.delete(service.id);
  await using cloud = openCloud({ env: fake.env() });
  await assert.rejects(collect(cloud.network.networks.list()), (e: unknown) => {
    assert.ok(e instanceof EndpointNotFound);
    assert.match(e.message, /network service/);
    assert.match(e.message, /RegionOne/);
    return true;
  });
});

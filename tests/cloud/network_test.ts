/**
 * Contract tests of `NetworkClient` (Neutron v2.0): the same assertions
 * against FakeCloud and the real Neutron.
 */
import assert from "node:assert/strict";
import { BadRequest, Conflict, NotFound } from "../../mod.ts";
import { openCloud } from "../../src/services/openstack/mod.ts";
import { contractTest, uniqueName } from "./_targets.ts";
import { withCleanup } from "./_wait.ts";
import { collect } from "./_util.ts";

contractTest("network: networks CRUD, paging with limit/marker, filters", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const nets = cloud.network.networks;
  const prefix = uniqueName("net");
  const made: string[] = [];
  await withCleanup(async (undo) => {
    for (let i = 0; i < 3; i++) {
      const net = await nets.create({ name: `${prefix}-${i}` });
      made.push(net.id);
      undo.push(() => nets.delete(net.id));
      assert.equal(net.status, "ACTIVE");
      assert.equal(net.admin_state_up, true);
      assert.equal(net.shared, false);
      assert.deepEqual(net.subnets, []);
      assert.equal(net.project_id, net.tenant_id);
      assert.equal(net["provider:network_type"], undefined, "provider fields are admin-only");
    }
    const paged = (await collect(nets.list({ limit: 1 }))).filter((n) => n.name.startsWith(prefix));
    assert.deepEqual(paged.map((n) => n.id).sort(), [...made].sort());
    const one = await nets.find({ name: `${prefix}-1` });
    assert.equal(one.id, made[1]);
    const updated = await nets.update(one.id, { name: `${prefix}-x`, description: "d" });
    assert.equal(updated.name, `${prefix}-x`);
    assert.equal(updated.description, "d");
    assert.equal((await nets.get(one.id)).name, `${prefix}-x`);
    const pub = await nets.get(target.fixtures.publicNetworkId!);
    assert.equal(pub["router:external"], true);
    assert.equal(pub.name, "public");
    await assert.rejects(nets.get(crypto.randomUUID()), (e: unknown) => {
      assert.ok(e instanceof NotFound);
      assert.match(e.message, /Network .* could not be found/);
      assert.ok(e.requestId);
      return true;
    });
  });
});

contractTest("network: subnets and ports, overlap and in-use errors", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const n = cloud.network;
  await withCleanup(async (undo) => {
    const net = await n.networks.create({ name: uniqueName("net") });
    undo.push(() => n.networks.delete(net.id));
    const subnet = await n.subnets.create({
      network_id: net.id,
      ip_version: 4,
      cidr: "10.20.0.0/24",
      name: uniqueName("subnet"),
    });
    undo.push(() => n.subnets.delete(subnet.id));
    assert.equal(subnet.gateway_ip, "10.20.0.1");
    assert.deepEqual(subnet.allocation_pools, [{ start: "10.20.0.2", end: "10.20.0.254" }]);
    assert.equal(subnet.enable_dhcp, true);
    assert.deepEqual(subnet.dns_nameservers, []);
    assert.deepEqual((await n.networks.get(net.id)).subnets, [subnet.id]);
    await assert.rejects(
      n.subnets.create({ network_id: net.id, ip_version: 4, cidr: "10.20.0.0/25" }),
      (e: unknown) => e instanceof BadRequest && /overlaps with another subnet/.test(e.message),
    );
    const port = await n.ports.create({ network_id: net.id, name: uniqueName("port") });
    undo.push(() => n.ports.delete(port.id));
    assert.equal(port.status, "DOWN");
    assert.equal(port.device_owner, "");
    assert.equal(port.fixed_ips.length, 1);
    assert.equal(port.fixed_ips[0]?.subnet_id, subnet.id);
    assert.match(port.fixed_ips[0]?.ip_address ?? "", /^10\.20\.0\.\d+$/);
    assert.match(port.mac_address, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.equal(port.security_groups.length, 1);
    const onNet = await n.ports.findAll({ network_id: net.id });
    assert.deepEqual(onNet.map((p) => p.id), [port.id]);
    const renamed = await n.ports.update(port.id, { name: "renamed" });
    assert.equal(renamed.name, "renamed");
    await assert.rejects(
      n.subnets.delete(subnet.id),
      (e: unknown) =>
        e instanceof Conflict && /One or more ports have an IP allocation/.test(e.message),
    );
  });
});

contractTest("network: router gateway and interfaces, floating IPs", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const n = cloud.network;
  const pub = target.fixtures.publicNetworkId!;
  await withCleanup(async (undo) => {
    const net = await n.networks.create({ name: uniqueName("net") });
    undo.push(() => n.networks.delete(net.id));
    const subnet = await n.subnets.create({
      network_id: net.id,
      ip_version: 4,
      cidr: "10.30.0.0/24",
    });
    undo.push(() => n.subnets.delete(subnet.id));
    const router = await n.routers.create({ name: uniqueName("router") });
    undo.push(() => n.routers.delete(router.id));
    assert.equal(router.status, "ACTIVE");
    assert.equal(router.external_gateway_info, null);
    assert.deepEqual(router.routes, []);
    const gw = await n.routers.update(router.id, { external_gateway_info: { network_id: pub } });
    assert.equal(gw.external_gateway_info?.network_id, pub);
    assert.equal(gw.external_gateway_info?.enable_snat, true);
    assert.match(
      gw.external_gateway_info?.external_fixed_ips?.[0]?.ip_address ?? "",
      /^172\.24\.4\./,
    );

    const added = await n.routers.addInterface(router.id, { subnet_id: subnet.id });
    undo.push(() => n.routers.removeInterface(router.id, { subnet_id: subnet.id }));
    assert.equal(added.id, router.id);
    assert.equal(added.subnet_id, subnet.id);
    assert.deepEqual(added.subnet_ids, [subnet.id]);
    assert.equal(added.network_id, net.id);
    const routerPort = await n.ports.get(added.port_id);
    assert.equal(routerPort.device_owner, "network:router_interface");
    assert.equal(routerPort.device_id, router.id);
    assert.equal(routerPort.fixed_ips[0]?.ip_address, "10.30.0.1");
    await assert.rejects(
      n.routers.delete(router.id),
      (e: unknown) => e instanceof Conflict && /has ports still attached/.test(e.message),
    );

    const port = await n.ports.create({ network_id: net.id });
    undo.push(() => n.ports.delete(port.id));
    const fip = await n.floatingIps.create({ floating_network_id: pub });
    undo.push(() => n.floatingIps.delete(fip.id));
    assert.equal(fip.port_id, null);
    assert.equal(fip.router_id, null);
    assert.equal(fip.status, "DOWN");
    assert.match(fip.floating_ip_address, /^172\.24\.4\./);
    const bound = await n.floatingIps.update(fip.id, { port_id: port.id });
    assert.equal(bound.port_id, port.id);
    assert.equal(bound.router_id, router.id);
    assert.equal(bound.fixed_ip_address, port.fixed_ips[0]?.ip_address);
    assert.equal((bound.port_details as { device_owner?: string })?.device_owner, "");
    await assert.rejects(
      n.routers.update(router.id, { external_gateway_info: null }),
      (e: unknown) =>
        e instanceof Conflict && /required by one or more floating IPs/.test(e.message),
    );
    const unbound = await n.floatingIps.update(fip.id, { port_id: null });
    assert.equal(unbound.port_id, null);
    assert.equal(unbound.router_id, null);
    assert.equal(unbound.port_details, null);

    undo.pop();
    await n.floatingIps.delete(fip.id);
    await assert.rejects(n.floatingIps.get(fip.id), NotFound);
    undo.pop();
    await n.ports.delete(port.id);
    undo.pop();
    const removed = await n.routers.removeInterface(router.id, { subnet_id: subnet.id });
    assert.equal(removed.port_id, added.port_id);
    await assert.rejects(
      n.routers.removeInterface(router.id, { subnet_id: subnet.id }),
      (e: unknown) => e instanceof NotFound && /has no interface on subnet/.test(e.message),
    );
    const cleared = await n.routers.update(router.id, { external_gateway_info: null });
    assert.equal(cleared.external_gateway_info, null);
  });
});

contractTest("network: security groups and rules; the default group", async (target) => {
  await using cloud = openCloud({ env: target.demoEnv });
  const n = cloud.network;
  await withCleanup(async (undo) => {
    const group = await n.securityGroups.create({ name: uniqueName("sg"), description: "web" });
    undo.push(() => n.securityGroups.delete(group.id));
    assert.equal(group.description, "web");
    assert.equal(group.stateful, true);
    assert.deepEqual(
      group.security_group_rules.map((r) => `${r.direction}/${r.ethertype}/${r.protocol}`).sort(),
      ["egress/IPv4/null", "egress/IPv6/null"],
    );
    const rule = await n.securityGroupRules.create({
      security_group_id: group.id,
      direction: "ingress",
      protocol: "tcp",
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: "0.0.0.0/0",
    });
    assert.equal(rule.ethertype, "IPv4");
    assert.equal(rule.port_range_min, 22);
    assert.equal(rule.remote_group_id, null);
    await assert.rejects(
      n.securityGroupRules.create({
        security_group_id: group.id,
        direction: "ingress",
        protocol: "tcp",
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: "0.0.0.0/0",
      }),
      (e: unknown) => e instanceof Conflict && /already exists/.test(e.message),
    );
    assert.equal((await n.securityGroups.get(group.id)).security_group_rules.length, 3);
    assert.equal((await n.securityGroupRules.findAll({ security_group_id: group.id })).length, 3);
    await n.securityGroupRules.delete(rule.id);
    await assert.rejects(n.securityGroupRules.get(rule.id), NotFound);
    const renamed = await n.securityGroups.update(group.id, { description: "changed" });
    assert.equal(renamed.description, "changed");

    const defaults = await n.securityGroups.findAll({ name: "default" });
    assert.equal(defaults.length, 1);
    const rules = defaults[0]!.security_group_rules;
    assert.equal(rules.length, 4);
    assert.equal(
      rules.filter((r) => r.direction === "ingress" && r.remote_group_id === defaults[0]!.id)
        .length,
      2,
    );
    await assert.rejects(
      n.securityGroups.delete(defaults[0]!.id),
      (e: unknown) =>
        e instanceof Conflict &&
        /Insufficient rights for removing default security group/.test(e.message),
    );
  });
});

import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import {
  AffinityGroupVmsService,
  Bonding,
  type ClusterService,
  DataCenter,
  DiskAttachmentService,
  DiskAttachmentsService,
  Host,
  HostNic,
  IscsiDetails,
  Option,
  ProductInfo,
  SystemService,
  VmNicsService,
  VmService,
  VmsService,
} from "../../../src/services/ovirt/mod.ts";
import { compact, withServer } from "./_server.ts";

const offline = {
  format: "xml" as const,
  send: () => Promise.reject(new Error("no I/O expected")),
};

Deno.test("service(path): walks the tree without I/O", () => {
  const system = new SystemService(offline, "");
  assert.equal(system.service(""), system);
  assert.ok(system.service("vms") instanceof VmsService);
  assert.ok(system.service("vms/123") instanceof VmService);
  assert.ok(system.service("vms/123/diskattachments") instanceof DiskAttachmentsService);
  assert.ok(system.service("vms/123/diskattachments/456") instanceof DiskAttachmentService);
  assert.ok(system.service("vms/123/nics") instanceof VmNicsService);
  assert.ok(
    system.service("clusters/1/affinitygroups/2/vms") instanceof AffinityGroupVmsService,
  );
  assert.equal(String(system.service("vms/123/nics")), "VmNicsService:/vms/123/nics");
  assert.equal(String(system.vmsService()), "VmsService:/vms");
  assert.equal(system.service("vms/a%2Fb").path, "/vms/a%2Fb");
});

Deno.test("service(path): unknown segments name the remaining path", () => {
  const system = new SystemService(offline, "");
  assert.throws(() => system.service("vms/123/junk"), (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.message, `The path "junk" doesn't correspond to any service`);
    return true;
  });
  assert.throws(() => system.service("vms/123/disks"), {
    message: `The path "disks" doesn't correspond to any service`,
  });
  assert.throws(() => system.service("junk/1"), {
    message: `The path "junk/1" doesn't correspond to any service`,
  });
});

Deno.test("every top-level collection of the issue has a locator", () => {
  const system = new SystemService(offline, "");
  const segments = [
    "vms",
    "hosts",
    "clusters",
    "datacenters",
    "storagedomains",
    "disks",
    "templates",
    "networks",
    "vnicprofiles",
    "events",
    "jobs",
    "users",
    "groups",
    "roles",
    "permissions",
    "tags",
    "vmpools",
    "macpools",
    "instancetypes",
    "operatingsystems",
    "imagetransfers",
    "storageconnections",
    "affinitylabels",
    "domains",
    "bookmarks",
  ];
  for (const s of segments) {
    const service = system.service(`${s}/1`);
    assert.equal(service.path, `/${s}/1`);
  }
  const second = [
    "vms/1/diskattachments",
    "vms/1/nics",
    "vms/1/snapshots",
    "vms/1/cdroms",
    "vms/1/graphicsconsoles",
    "vms/1/statistics",
    "hosts/1/nics",
    "hosts/1/statistics",
    "hosts/1/networkattachments",
    "clusters/1/networks",
    "clusters/1/affinitygroups",
    "datacenters/1/clusters",
    "datacenters/1/storagedomains",
    "datacenters/1/networks",
    "storagedomains/1/disks",
    "storagedomains/1/vms",
    "storagedomains/1/templates",
  ];
  for (const s of second) assert.equal(system.service(`${s}/2`).path, `/${s}/2`);
});

Deno.test("system: get reads the Api with product info and summary", async () => {
  await withServer(async (server, system) => {
    server.set(
      "",
      200,
      `<api><product_info><name>oVirt Engine</name><vendor>ovirt.org</vendor>
        <version><build>1</build><full_version>4.5.6</full_version><major>4</major><minor>5</minor></version>
      </product_info><summary><vms><active>2</active><total>3</total></vms></summary>
      <time>2026-01-01T00:00:00.000+00:00</time></api>`,
    );
    const api = await system.get();
    assert.ok(api.productInfo instanceof ProductInfo);
    assert.equal(api.productInfo?.version?.fullVersion, "4.5.6");
    assert.equal(api.productInfo?.version?.major, 4);
    assert.equal(api.summary?.vms?.total, 3);
    assert.equal(api.time?.getTime(), Date.UTC(2026, 0, 1));
    assert.equal(server.last.path, "");
  });
});

for (
  const [locator, path, pluralTag, tag, name] of [
    ["clustersService", "/clusters", "clusters", "cluster", "testcluster"],
    ["dataCentersService", "/datacenters", "data_centers", "data_center", "testdc"],
    ["storageDomainsService", "/storagedomains", "storage_domains", "storage_domain", "testsd"],
  ] as const
) {
  Deno.test(`${pluralTag}: list, search and get by id`, async () => {
    await withServer(async (server, system) => {
      server.set(path, 200, `<${pluralTag}/>`);
      const collection = system[locator]();
      assert.deepEqual([...await collection.list()], []);
      assert.deepEqual([...await collection.list({ search: "name=ugly" })], []);
      assert.equal(server.last.query, "search=name%3Dugly");
      server.set(`${path}/123`, 200, `<${tag} id="123"><name>${name}</name></${tag}>`);
      const entity = system.service(`${path.slice(1)}/123`) as ClusterService;
      const got = await entity.get();
      assert.equal(got.id, "123");
      assert.equal(got.name, name);
    });
  });
}

Deno.test("data center: get reads a DataCenter", async () => {
  await withServer(async (server, system) => {
    server.set("/datacenters/123", 200, '<data_center id="123"><status>up</status></data_center>');
    const dc = await system.dataCentersService().dataCenterService("123").get();
    assert.ok(dc instanceof DataCenter);
    assert.equal(dc.status, "up");
  });
});

Deno.test("hosts: iscsiDiscover sends the iscsi details and returns the targets", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/hosts/123/iscsidiscover",
      200,
      "<action><iscsi_targets><iscsi_target>iqn.a</iscsi_target><iscsi_target>iqn.b</iscsi_target></iscsi_targets></action>",
    );
    const targets = await system.hostsService().hostService("123").iscsiDiscover({
      iscsi: new IscsiDetails({ address: "iscsi.example.com", port: 3260 }),
    });
    assert.equal(
      compact(server.last.body),
      "<action><iscsi><address>iscsi.example.com</address><port>3260</port></iscsi></action>",
    );
    assert.deepEqual([...(targets ?? [])], ["iqn.a", "iqn.b"]);
  });
});

Deno.test("hosts: setupNetworks sends the modified bonds", async () => {
  await withServer(async (server, system) => {
    server.set("/hosts/123/setupnetworks", 200, "<action/>");
    await system.hostsService().hostService("123").setupNetworks({
      modifiedBonds: [
        new HostNic({
          name: "bond0",
          bonding: new Bonding({
            options: [new Option({ name: "mode", type: "4" })],
            slaves: [new HostNic({ name: "eth1" }), new HostNic({ name: "eth2" })],
          }),
        }),
      ],
    });
    assert.equal(
      compact(server.last.body),
      "<action><modified_bonds><host_nic><bonding><options><option><name>mode</name><type>4</type></option></options><slaves><host_nic><name>eth1</name></host_nic><host_nic><name>eth2</name></host_nic></slaves></bonding><name>bond0</name></host_nic></modified_bonds></action>",
    );
    const err = await system.hostsService().hostService("123").setupNetworks({
      modifiedBonds: [new HostNic(), new Option() as unknown as HostNic],
    }).catch((e) => e);
    assert.equal(
      err.message,
      "The 'modifiedBonds' parameter should be of type 'HostNic[]', but it is of type 'Array'.",
    );
  });
});

Deno.test("storage domains: isAttached returns the boolean", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/storagedomains/123/isattached",
      200,
      "<action><is_attached>true</is_attached></action>",
    );
    assert.equal(
      await system.storageDomainsService().storageDomainService("123").isAttached({
        host: new Host({ id: "h1" }),
      }),
      true,
    );
    assert.equal(server.last.path, "/storagedomains/123/isattached");
  });
});

Deno.test("disk attachments: nested path and get", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/vms/123/diskattachments/456",
      200,
      '<disk_attachment id="456"><bootable>true</bootable><interface>virtio_scsi</interface><disk id="789"/></disk_attachment>',
    );
    const att = await system.vmsService().vmService("123").diskAttachmentsService()
      .attachmentService("456").get();
    assert.equal(server.last.path, "/vms/123/diskattachments/456");
    assert.equal(att.bootable, true);
    assert.equal(att.interface, "virtio_scsi");
    assert.equal(att.disk?.id, "789");
  });
});

Deno.test("events: list renders from and max as integers", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/events",
      200,
      '<events><event id="1"><code>30</code><severity>normal</severity><time>2026-01-01T10:00:00+02:00</time></event></events>',
    );
    const events = await system.eventsService().list({ from: 100, max: 5 });
    assert.equal(server.last.query, "from=100&max=5");
    assert.equal(events[0]?.code, 30);
    assert.equal(events[0]?.time?.getTime(), Date.UTC(2026, 0, 1, 8));
  });
});

import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import {
  AffinityGroup,
  Architecture,
  Cluster,
  Disk,
  Fault,
  InheritableBoolean,
  List,
  type Network,
  NetworkUsage,
  readXml,
  SwitchType,
  Vm,
  VmStatus,
  XmlElement,
} from "../../../src/services/ovirt/mod.ts";

function vm(xml: string): Vm {
  const v = readXml(xml);
  assert.ok(v instanceof Vm);
  return v;
}

Deno.test("links: a link becomes a List with href", () => {
  const v = vm('<vm><link rel="nics" href="/vms/123/nics"/></vm>');
  assert.ok(v.nics instanceof List);
  assert.equal((v.nics as List<unknown>).href, "/vms/123/nics");
  assert.equal(v.nics.length, 0);
});

Deno.test("links: elements after a link are still read", () => {
  const v = vm('<vm><link rel="nics" href="/vms/123/nics"/><name>myvm</name></vm>');
  assert.equal(v.name, "myvm");
});

Deno.test("links: unknown rel, no rel or no href are ignored", () => {
  assert.equal(vm('<vm><link rel="junks" href="/vms/123/junks"/></vm>').nics, undefined);
  assert.equal(vm('<vm><link href="/vms/123/nics"/></vm>').nics, undefined);
  assert.equal(vm('<vm><link rel="nics"/></vm>').nics, undefined);
});

Deno.test("links: multiple links and attributes after them", () => {
  const v = vm(
    '<vm><link rel="nics" href="/vms/123/nics"/><link rel="cdroms" href="/vms/123/cdroms"/>' +
      '<link rel="diskattachments" href="/vms/123/diskattachments"/><name>after</name></vm>',
  );
  assert.equal((v.nics as List<unknown>).href, "/vms/123/nics");
  assert.equal((v.cdroms as List<unknown>).href, "/vms/123/cdroms");
  assert.equal((v.diskAttachments as List<unknown>).href, "/vms/123/diskattachments");
  assert.equal(v.name, "after");
});

for (
  const [label, xml] of [
    [
      "link first",
      '<affinity_group id="456"><link href="/ovirt-engine/api/clusters/123/affinitygroups/456/vms" rel="vms"/><vms><vm id="123"/></vms></affinity_group>',
    ],
    [
      "items first",
      '<affinity_group id="456"><vms><vm id="123"/></vms><link href="/ovirt-engine/api/clusters/123/affinitygroups/456/vms" rel="vms"/></affinity_group>',
    ],
  ] as const
) {
  Deno.test(`affinity group: link and inline vms merge (${label})`, () => {
    const g = readXml(xml);
    assert.ok(g instanceof AffinityGroup);
    const vms = g.vms as List<Vm>;
    assert.equal(vms.href, "/ovirt-engine/api/clusters/123/affinitygroups/456/vms");
    assert.equal(vms.length, 1);
    assert.equal(vms[0]?.id, "123");
    assert.ok(vms[0] instanceof Vm);
  });
}

Deno.test("cluster: empty rng sources then switch type", () => {
  const c = readXml(
    "<cluster><required_rng_sources/><switch_type>legacy</switch_type></cluster>",
  ) as Cluster;
  assert.deepEqual([...(c.requiredRngSources ?? ["x"])], []);
  assert.equal(c.switchType, SwitchType.LEGACY);
});

Deno.test("cluster: an unsupported enum value reads as undefined", () => {
  const c = readXml("<cluster><switch_type>ugly</switch_type></cluster>") as Cluster;
  assert.equal(c.switchType, undefined);
  assert.ok("switchType" in c);
});

Deno.test("network: usages absent, empty, one, two, unsupported", () => {
  const read = (x: string) => readXml(x) as Network;
  assert.equal(read("<network/>").usages, undefined);
  assert.deepEqual([...(read("<network><usages/></network>").usages ?? ["x"])], []);
  assert.deepEqual(
    [...(read("<network><usages><usage>vm</usage></usages></network>").usages ?? [])],
    [NetworkUsage.VM],
  );
  assert.deepEqual(
    [
      ...(read("<network><usages><usage>vm</usage><usage>display</usage></usages></network>")
        .usages ?? []),
    ],
    [NetworkUsage.VM, NetworkUsage.DISPLAY],
  );
  assert.deepEqual(
    [
      ...(read("<network><usages><usage>ugly</usage><usage>display</usage></usages></network>")
        .usages ?? []),
    ],
    [undefined, NetworkUsage.DISPLAY],
  );
});

Deno.test("vm: migration auto_converge values and accents", () => {
  const auto = (t: string) =>
    vm(`<vm><migration><auto_converge>${t}</auto_converge></migration></vm>`).migration
      ?.autoConverge;
  assert.equal(auto("false"), InheritableBoolean.FALSE);
  assert.equal(auto("true"), InheritableBoolean.TRUE);
  assert.equal(auto("inherit"), InheritableBoolean.INHERIT);
  assert.equal(auto("ugly"), undefined);
  assert.equal(vm("<vm><name>áéíóúÁÉÍÓÚ</name></vm>").name, "áéíóúÁÉÍÓÚ");
  assert.equal(vm("<vm><name>a &amp; b &#233; &lt;c&gt;</name></vm>").name, "a & b é <c>");
});

Deno.test("vm: a full document with references, nested types and 64-bit memory", () => {
  const v = vm(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<vm href="/ovirt-engine/api/vms/123" id="123">
  <actions><link href="/ovirt-engine/api/vms/123/start" rel="start"/></actions>
  <name>myvm</name>
  <link href="/ovirt-engine/api/vms/123/nics" rel="nics"/>
  <cluster href="/ovirt-engine/api/clusters/234" id="234"/>
  <cpu><architecture>x86_64</architecture><topology><cores>2</cores><sockets>1</sockets><threads>1</threads></topology></cpu>
  <creation_time>2016-09-08T09:53:35.138+02:00</creation_time>
  <memory>9007199254740993</memory>
  <os><boot><devices><device>hd</device><device>network</device></devices></boot><type>rhel_9x64</type></os>
  <stateless>FALSE</stateless>
  <status>up</status>
  <unknown_thing><x>1</x></unknown_thing>
</vm>`);
  assert.equal(v.href, "/ovirt-engine/api/vms/123");
  assert.equal(v.cluster?.id, "234");
  assert.ok(v.cluster instanceof Cluster);
  assert.equal(v.cpu?.architecture, Architecture.X86_64);
  assert.equal(v.cpu?.topology?.cores, 2);
  assert.equal(v.creationTime?.toISOString(), "2016-09-08T07:53:35.138Z");
  assert.equal(v.memory, 9007199254740993n);
  assert.deepEqual([...(v.os?.boot?.devices ?? [])], ["hd", "network"]);
  assert.equal(v.stateless, false);
  assert.equal(v.status, VmStatus.UP);
  assert.equal(v.os?.type, "rhel_9x64");
});

Deno.test("primitives: booleans, integers, decimals, dates and their errors", () => {
  const cases: [string, unknown][] = [
    ["false", false],
    ["FALSE", false],
    ["0", false],
    ["true", true],
    ["TRUE", true],
    ["1", true],
  ];
  for (const [text, want] of cases) {
    assert.equal(vm(`<vm><stateless>${text}</stateless></vm>`).stateless, want);
  }
  assert.throws(() => vm("<vm><stateless>ugly</stateless></vm>"), {
    name: "SdkError",
    message: "The text 'ugly' isn't a valid boolean value",
  });
  assert.equal(vm("<vm><cpu_shares>0</cpu_shares></vm>").cpuShares, 0);
  assert.throws(() => vm("<vm><cpu_shares>ugly</cpu_shares></vm>"), {
    message: "The text 'ugly' isn't a valid integer value",
  });
  assert.throws(() => vm("<vm><memory>1.5</memory></vm>"), {
    message: "The text '1.5' isn't a valid integer value",
  });
  const g = readXml("<affinity_group><priority>1.1</priority></affinity_group>") as AffinityGroup;
  assert.equal(g.priority, 1.1);
  assert.throws(() => readXml("<affinity_group><priority>x1</priority></affinity_group>"), {
    message: "The text 'x1' isn't a valid decimal value",
  });
  const d = vm("<vm><creation_time>2015-12-10T22:00:30+01:00</creation_time></vm>").creationTime;
  assert.equal(d?.getTime(), Date.UTC(2015, 11, 10, 21, 0, 30));
  assert.equal(
    vm("<vm><creation_time>2015-12-10T22:00:30Z</creation_time></vm>").creationTime?.getTime(),
    Date.UTC(2015, 11, 10, 22, 0, 30),
  );
  assert.throws(() => vm("<vm><creation_time>ugly</creation_time></vm>"), {
    message: "The text 'ugly' isn't a valid date value",
  });
});

Deno.test("dispatch: one and many objects by root tag", () => {
  assert.ok(readXml("<vm/>") instanceof Vm);
  assert.ok(readXml("<disk/>") instanceof Disk);
  const two = readXml('<vms><vm id="1"/><vm id="2"/></vms>') as List<Vm>;
  assert.ok(two instanceof List);
  assert.deepEqual(two.map((v) => v.id), ["1", "2"]);
  const disks = readXml("<disks><disk/><disk/></disks>") as List<Disk>;
  assert.equal(disks.length, 2);
  assert.ok(disks[1] instanceof Disk);
  assert.deepEqual([...(readXml("<vms/>") as List<Vm>)], []);
  const os = readXml(
    '<operation_systems><operating_system id="1"><name>rhel</name></operating_system></operation_systems>',
  ) as List<{ name?: string }>;
  assert.equal(os[0]?.name, "rhel");
  assert.equal(
    readXml(new TextEncoder().encode("<vm><name>bytes</name></vm>")) instanceof Vm,
    true,
  );
});

Deno.test("dispatch: an unknown root tag reads as a generic XmlElement, never throws", () => {
  const doc = readXml('<html lang="en"><body>oops <b>x</b> done</body></html>');
  assert.ok(doc instanceof XmlElement);
  assert.equal(doc.tag, "html");
  assert.deepEqual({ ...doc.attributes }, { lang: "en" });
  const body = doc.children[0];
  assert.equal(body?.tag, "body");
  assert.equal(body?.text, "oops  done");
  assert.equal(body?.children[0]?.text, "x");
  assert.throws(() => readXml("<html/>", Vm), {
    name: "SdkError",
    message: "Expected 'Vm', but got the tag 'html'",
  });
  assert.throws(() => readXml(""), SdkError);
});

Deno.test("fault reader: empty, reason only, detail only, both", () => {
  const f0 = readXml("<fault/>") as Fault;
  assert.ok(f0 instanceof Fault);
  assert.equal(f0.reason, undefined);
  assert.equal(f0.detail, undefined);
  assert.equal((readXml("<fault><reason>myreason</reason></fault>") as Fault).reason, "myreason");
  assert.equal((readXml("<fault><detail>mydetail</detail></fault>") as Fault).detail, "mydetail");
  const both = readXml(`<fault>
  <reason>myreason</reason>
  <detail>mydetail</detail>
</fault>`) as Fault;
  assert.equal(both.reason, "myreason");
  assert.equal(both.detail, "mydetail");
});

Deno.test("text: strings keep their spaces, enums and scalars are trimmed", () => {
  const v = vm(
    "<vm>\n  <name> spaced </name>\n  <status>\n    up\n  </status>\n  <memory> 42 </memory>\n  <description></description>\n</vm>",
  );
  assert.equal(v.name, " spaced ");
  assert.equal(v.status, VmStatus.UP);
  assert.equal(v.memory, 42n);
  assert.equal(v.description, "");
  const n = readXml("<network>\n  <usages>\n  </usages>\n</network>") as Network;
  assert.deepEqual([...(n.usages ?? ["x"])], []);
});

Deno.test("typed read: the document must hold the expected type", () => {
  const v: Vm = readXml("<vm><name>a</name></vm>", Vm);
  assert.equal(v.name, "a");
  const l: List<Vm> = readXml('<vms><vm id="1"/></vms>', Vm, { list: true });
  assert.equal(l[0]?.id, "1");
  assert.throws(() => readXml("<disk/>", Vm), {
    name: "SdkError",
    message: "Expected 'Vm', but got the tag 'disk'",
  });
  assert.throws(() => readXml("<vm/>", Vm, { list: true }), {
    message: "Expected a list of 'Vm', but got the tag 'vm'",
  });
});

// Real engine 4.5 replies for types an older model may lack: whatever the
// model knows, reading never throws and the identity survives.
const ENGINE_REPLIES: [string, string][] = [
  [
    "quota",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<quota href="/ovirt-engine/api/datacenters/dc1/quotas/q1" id="q1">
  <name>Default</name>
  <description>Default unlimited quota</description>
  <link href="/ovirt-engine/api/datacenters/dc1/quotas/q1/permissions" rel="permissions"/>
  <link href="/ovirt-engine/api/datacenters/dc1/quotas/q1/quotastoragelimits" rel="quotastoragelimits"/>
  <cluster_hard_limit_pct>20</cluster_hard_limit_pct>
  <cluster_soft_limit_pct>80</cluster_soft_limit_pct>
  <data_center href="/ovirt-engine/api/datacenters/dc1" id="dc1"/>
  <storage_hard_limit_pct>20</storage_hard_limit_pct>
  <storage_soft_limit_pct>80</storage_soft_limit_pct>
</quota>`,
  ],
  [
    "qos",
    `<qos href="/ovirt-engine/api/datacenters/dc1/qoss/q2" id="q2">
  <name>storage-gold</name>
  <max_iops>1000</max_iops>
  <max_throughput>200</max_throughput>
  <type>storage</type>
  <data_center href="/ovirt-engine/api/datacenters/dc1" id="dc1"/>
</qos>`,
  ],
  [
    "watchdog",
    `<watchdog href="/ovirt-engine/api/vms/v1/watchdogs/w1" id="w1">
  <action>reset</action>
  <model>i6300esb</model>
  <vm href="/ovirt-engine/api/vms/v1" id="v1"/>
</watchdog>`,
  ],
  [
    "cluster_level",
    `<cluster_level href="/ovirt-engine/api/clusterlevels/4.7" id="4.7">
  <cpu_types>
    <cpu_type><architecture>x86_64</architecture><level>3</level><name>Intel Nehalem Family</name></cpu_type>
  </cpu_types>
  <permits><permit id="1"><administrative>false</administrative><name>create_vm</name></permit></permits>
  <link href="/ovirt-engine/api/clusterlevels/4.7/clusterfeatures" rel="clusterfeatures"/>
</cluster_level>`,
  ],
];

function nameOf(x: unknown): string | undefined {
  if (x instanceof XmlElement) return x.children.find((c) => c.tag === "name")?.text;
  return (x as { name?: string }).name;
}

for (const [tag, xml] of ENGINE_REPLIES) {
  Deno.test(`forward compatibility: a real <${tag}> reply reads without error`, () => {
    const doc = readXml(xml) as { id?: string; href?: string };
    assert.ok(doc.id !== undefined, "the id survives");
    assert.match(doc.href ?? "", /^\/ovirt-engine\/api\//);
    const bytes = readXml(new TextEncoder().encode(xml)) as { id?: string };
    assert.equal(bytes.id, doc.id);
    if (tag === "quota" || tag === "qos") assert.ok(nameOf(doc)?.length);
  });
}

Deno.test("forward compatibility: a collection of an unknown type keeps every item", () => {
  const doc = readXml(
    '<gadgets href="/ovirt-engine/api/gadgets"><gadget id="1"><size>3</size></gadget>' +
      '<gadget id="2"/></gadgets>',
  );
  assert.ok(doc instanceof XmlElement);
  assert.equal(doc.href, "/ovirt-engine/api/gadgets");
  assert.deepEqual(doc.children.map((c) => c.id), ["1", "2"]);
  assert.equal(doc.children[0]?.children[0]?.text, "3");
});

Deno.test("forward compatibility: unknown elements, attributes, rels and values in a known type", () => {
  const v = vm(`<vm id="1" href="/ovirt-engine/api/vms/1" future_attr="x">
  <future_block kind="new"><deep><deeper a="1">text &amp; more<x/></deeper></deep></future_block>
  <name>kept</name>
  <link href="/ovirt-engine/api/vms/1/futurethings" rel="futurethings"/>
  <future_list><future_item/><future_item>2</future_item></future_list>
  <status>some_new_status</status>
  <cpu><future_cpu_field>1</future_cpu_field><topology><cores>4</cores></topology></cpu>
  <![CDATA[ stray <text> ]]>
  <!-- a comment -->
  <?engine hint?>
  <memory>1024</memory>
</vm>`);
  assert.equal(v.id, "1");
  assert.equal(v.name, "kept");
  assert.equal(v.status, undefined, "an unknown enum value reads as undefined");
  assert.equal(v.cpu?.topology?.cores, 4);
  assert.equal(v.memory, 1024n);
  assert.equal(Object.keys(v).some((k) => k.startsWith("future")), false);
});

Deno.test("forward compatibility: a list of VMs with a foreign sibling reads the VMs", () => {
  const list = readXml('<vms><vm id="1"/><summary><total>2</total></summary><vm id="2"/></vms>');
  assert.ok(list instanceof List);
  assert.deepEqual(list.map((v) => (v as Vm).id), ["1", "2"]);
});

Deno.test("text: CDATA is kept, line ends are normalized, references decoded", () => {
  assert.equal(vm("<vm><name><![CDATA[a <b> & c]]></name></vm>").name, "a <b> & c");
  assert.equal(vm("<vm><description>l1\r\nl2\rl3</description></vm>").description, "l1\nl2\nl3");
  assert.equal(vm("<vm><name>&#x1F600;&#65;&apos;&quot;</name></vm>").name, "😀A'\"");
  assert.equal(vm('<vm id="a&#9;b&#10;c"/>').id, "a\tb\nc", "referenced tabs and line ends stay");
  assert.equal(vm('<vm id="a\tb\nc"/>').id, "a b c", "literal ones are normalized to spaces");
  assert.equal(vm("<vm id='single'/>").id, "single");
});

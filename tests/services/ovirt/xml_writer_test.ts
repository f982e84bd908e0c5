import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import {
  Action,
  Architecture,
  Bonding,
  Cluster,
  Cpu,
  Disk,
  HostNic,
  IscsiDetails,
  List,
  Method,
  Network,
  NetworkUsage,
  Option,
  readXml,
  Sso,
  SsoMethod,
  type Struct,
  Vm,
  writeJson,
  writeXml,
} from "../../../src/services/ovirt/mod.ts";

Deno.test("writer: empty objects and lists", () => {
  assert.equal(writeXml(new Vm()), "<vm/>");
  assert.equal(writeXml(new Vm(), { root: "list" }), "<list/>");
  assert.equal(writeXml([], { root: "list" }), "<list/>");
  assert.equal(writeXml([new Vm()], { root: "list" }), "<list><vm/></list>");
  assert.equal(writeXml([new Vm(), new Vm()], { root: "list" }), "<list><vm/><vm/></list>");
  assert.equal(writeXml([new Vm(), new Disk()], { root: "list" }), "<list><vm/><disk/></list>");
  assert.throws(() => writeXml([new Vm()]), {
    name: "SdkError",
    message: "The 'root' parameter is mandatory when writing lists.",
  });
  assert.throws(() => writeXml({} as Vm), (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.equal(e.message, "Can't find a writer for type 'Object'");
    return true;
  });
});

Deno.test("writer: network usages with indentation", () => {
  assert.equal(writeXml(new Network(), { indent: true }), "<network/>\n");
  assert.equal(
    writeXml(new Network({ usages: [] }), { indent: true }),
    "<network>\n  <usages/>\n</network>\n",
  );
  assert.equal(
    writeXml(new Network({ usages: [NetworkUsage.VM] }), { indent: true }),
    "<network>\n  <usages>\n    <usage>vm</usage>\n  </usages>\n</network>\n",
  );
  assert.equal(
    writeXml(new Network({ usages: [NetworkUsage.VM, NetworkUsage.DISPLAY] }), { indent: true }),
    "<network>\n  <usages>\n    <usage>vm</usage>\n    <usage>display</usage>\n  </usages>\n</network>\n",
  );
});

Deno.test("writer: sso method id is an attribute", () => {
  const sso = new Sso({ methods: [new Method({ id: SsoMethod.GUEST_AGENT })] });
  assert.equal(
    writeXml(sso, { indent: true }),
    '<sso>\n  <methods>\n    <method id="guest_agent"/>\n  </methods>\n</sso>\n',
  );
});

Deno.test("writer: id and href are attributes in alphabetical order, elements sorted", () => {
  const vm = new Vm({
    name: "a<b>&c",
    id: "123",
    href: "/vms/123",
    cluster: new Cluster({ id: "c1" }),
    cpu: new Cpu({ architecture: Architecture.X86_64 }),
    memory: 9007199254740993n,
    stateless: true,
    creationTime: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
    description: 'say "hi"',
  });
  assert.equal(
    writeXml(vm),
    '<vm href="/vms/123" id="123"><cluster id="c1"/><cpu><architecture>x86_64</architecture></cpu>' +
      "<creation_time>2020-01-02T03:04:05.000Z</creation_time>" +
      '<description>say "hi"</description><memory>9007199254740993</memory>' +
      "<name>a&lt;b&gt;&amp;c</name><stateless>true</stateless></vm>",
  );
});

Deno.test("writer: iscsi details and setup networks bodies (Python SDK tests)", () => {
  const iscsi = new Action({
    iscsi: new IscsiDetails({ address: "iscsi.example.com", port: 3260 }),
  });
  assert.equal(
    writeXml(iscsi),
    "<action><iscsi><address>iscsi.example.com</address><port>3260</port></iscsi></action>",
  );
  const bonds = new Action({
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
    writeXml(bonds),
    "<action><modified_bonds><host_nic><bonding><options><option><name>mode</name><type>4</type></option></options>" +
      "<slaves><host_nic><name>eth1</name></host_nic><host_nic><name>eth2</name></host_nic></slaves></bonding>" +
      "<name>bond0</name></host_nic></modified_bonds></action>",
  );
});

Deno.test("writer: action with pause, indented", () => {
  assert.equal(
    writeXml(new Action({ pause: true }), { indent: true }),
    "<action>\n  <pause>true</pause>\n</action>\n",
  );
  assert.equal(writeXml(new Action({ async: false })), "<action><async>false</async></action>");
});

Deno.test("enums: constants equal their wire values", () => {
  assert.equal(Architecture.X86_64, "x86_64");
  assert.equal(SsoMethod.GUEST_AGENT, "guest_agent");
  assert.ok(Object.isFrozen(Architecture));
});

Deno.test("writer: a link-only list read from <link> is not written as an empty list", () => {
  const read = readXml(
    '<vm id="1"><name>a</name><link href="/ovirt-engine/api/vms/1/nics" rel="nics"/>' +
      '<link href="/ovirt-engine/api/vms/1/diskattachments" rel="diskattachments"/></vm>',
    Vm,
  );
  assert.equal(read.nics?.length, 0);
  read.name = "b";
  const xml = writeXml(read);
  assert.equal(xml, '<vm id="1"><name>b</name></vm>');
  assert.doesNotMatch(writeJson(read), /nics|disk_attachments/);
  // An empty list without href is data: "no NICs".
  assert.equal(writeXml(new Vm({ nics: [] })), "<vm><nics/></vm>");
  assert.equal(writeXml(new Vm({ nics: List.create([]) })), "<vm><nics/></vm>");
  assert.equal(writeJson(new Vm({ nics: [] })), '{"nics":{"nic":[]}}');
  // A linked list that also holds items (read inline) is written with them.
  const group = readXml(
    '<affinity_group><link href="/g/1/vms" rel="vms"/><vms><vm id="7"/></vms></affinity_group>',
  );
  assert.match(writeXml(group as Struct), /<vms><vm id="7"\/><\/vms>/);
});

Deno.test("writer: no raw control characters; what XML can't carry is refused", () => {
  const text = "l1\r\nl2\ttab\u0085nel\u007f";
  const xml = writeXml(new Vm({ id: "a\tb\nc\r", description: text, name: 'q"<&>' }));
  // deno-lint-ignore no-control-regex -- looking for control characters is the point
  assert.doesNotMatch(xml, /[\x00-\x08\x0B-\x1F\x7F-\x9F]/);
  assert.equal(
    xml,
    '<vm id="a&#9;b&#10;c&#13;"><description>l1&#13;\nl2\ttab&#133;nel&#127;</description>' +
      '<name>q"&lt;&amp;&gt;</name></vm>',
  );
  const back = readXml(xml, Vm);
  assert.equal(back.description, text, "text reads back unchanged");
  assert.equal(back.id, "a\tb\nc\r");
  for (const bad of ["nul\0", "bell\u0007", "esc\u001b", "\uFFFF", "lone \uD800 surrogate"]) {
    assert.throws(() => writeXml(new Vm({ description: bad })), (e: unknown) => {
      assert.ok(e instanceof SdkError);
      assert.match(e.message, /'description'/);
      return true;
    });
  }
  assert.throws(() => writeXml(new Vm({ href: "/x\u0001" })), /'vm@href'.*U\+0001/);
});

Deno.test("writer: the root tag must be an XML name", () => {
  assert.throws(() => writeXml([], { root: 'x><evil a="' }), {
    name: "SdkError",
    message: `The root tag 'x><evil a="' isn't a valid XML name`,
  });
  assert.equal(writeXml([], { root: "host_nics" }), "<host_nics/>");
});

Deno.test("writer: an object that contains itself is an SdkError, never a RangeError", () => {
  const nic = new HostNic({ name: "bond0" });
  nic.bonding = new Bonding({ slaves: [nic] });
  assert.throws(() => writeXml(nic), { name: "SdkError", message: /nests deeper than 256 levels/ });
  assert.throws(() => writeJson(nic), { name: "SdkError", message: /nests deeper than 256/ });
});

import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import {
  Action,
  Cluster,
  Fault,
  HostNic,
  List,
  Network,
  NetworkUsage,
  readJson,
  readXml,
  Vm,
  writeJson,
} from "../../../src/services/ovirt/mod.ts";

const VM_JSON = {
  href: "/ovirt-engine/api/vms/123",
  id: "123",
  name: "myvm",
  status: "up",
  memory: "9007199254740993",
  stateless: "false",
  cpu: { architecture: "x86_64", topology: { cores: "2", sockets: "1", threads: "1" } },
  creation_time: 1472564909990,
  cluster: { href: "/ovirt-engine/api/clusters/234", id: "234" },
  os: { boot: { devices: { device: ["hd", "network"] } }, type: "rhel_9x64" },
  actions: { link: [{ href: "/ovirt-engine/api/vms/123/start", rel: "start" }] },
  link: [
    { href: "/ovirt-engine/api/vms/123/nics", rel: "nics" },
    { href: "/ovirt-engine/api/vms/123/junk", rel: "junk" },
    { rel: "cdroms" },
  ],
  disk_attachments: { disk_attachment: [{ id: "d1", bootable: "true" }] },
};

const VM_XML = `<vm href="/ovirt-engine/api/vms/123" id="123">
  <actions><link href="/ovirt-engine/api/vms/123/start" rel="start"/></actions>
  <name>myvm</name><status>up</status><memory>9007199254740993</memory><stateless>false</stateless>
  <cpu><architecture>x86_64</architecture><topology><cores>2</cores><sockets>1</sockets><threads>1</threads></topology></cpu>
  <creation_time>2016-08-30T15:48:29.990+02:00</creation_time>
  <cluster href="/ovirt-engine/api/clusters/234" id="234"/>
  <os><boot><devices><device>hd</device><device>network</device></devices></boot><type>rhel_9x64</type></os>
  <link href="/ovirt-engine/api/vms/123/nics" rel="nics"/>
  <link href="/ovirt-engine/api/vms/123/junk" rel="junk"/>
  <link rel="cdroms"/>
  <disk_attachments><disk_attachment id="d1"><bootable>true</bootable></disk_attachment></disk_attachments>
</vm>`;

Deno.test("json: engine scalars as strings, epoch dates, links, nested wrappers", () => {
  const vm = readJson(JSON.stringify(VM_JSON), Vm);
  assert.ok(vm instanceof Vm);
  assert.equal(vm.memory, 9007199254740993n);
  assert.equal(vm.stateless, false);
  assert.equal(vm.cpu?.topology?.cores, 2);
  assert.equal(vm.creationTime?.getTime(), 1472564909990);
  assert.ok(vm.cluster instanceof Cluster);
  assert.deepEqual([...(vm.os?.boot?.devices ?? [])], ["hd", "network"]);
  assert.equal((vm.nics as List<unknown>).href, "/ovirt-engine/api/vms/123/nics");
  assert.equal(vm.cdroms, undefined);
  assert.equal(vm.diskAttachments?.[0]?.bootable, true);
});

Deno.test("json: the same document in XML and JSON reads to equal objects", () => {
  assert.deepStrictEqual(readJson(VM_JSON, Vm), readXml(VM_XML));
  assert.deepStrictEqual(
    readJson(new TextEncoder().encode(JSON.stringify({ vm: [VM_JSON, { id: "2" }] })), Vm, {
      list: true,
    }),
    readXml(`<vms>${VM_XML}<vm id="2"/></vms>`),
  );
});

Deno.test("json: native booleans, numbers and ISO dates are accepted", () => {
  const vm = readJson(
    { memory: 1073741824, stateless: true, creation_time: "2015-12-10T22:00:30+01:00" },
    "Vm",
  ) as Vm;
  assert.equal(vm.memory, 1073741824n);
  assert.equal(vm.stateless, true);
  assert.equal(vm.creationTime?.getTime(), Date.UTC(2015, 11, 10, 21, 0, 30));
});

Deno.test("json: collections, empty collections and missing keys", () => {
  const vms = readJson('{"vm": [{"id": "1"}, {"id": "2"}]}', Vm, { list: true });
  assert.ok(vms instanceof List);
  assert.deepEqual(vms.map((v) => v.id), ["1", "2"]);
  assert.deepEqual([...readJson("{}", Vm, { list: true })], []);
});

Deno.test("json: network usages absent, empty, unknown values", () => {
  assert.equal(readJson({}, Network).usages, undefined);
  assert.deepEqual([...(readJson({ usages: {} }, Network).usages ?? ["x"])], []);
  assert.deepEqual(
    [...(readJson({ usages: { usage: ["ugly", "vm"] } }, Network).usages ?? [])],
    [undefined, NetworkUsage.VM],
  );
});

Deno.test("json: invalid values name the text", () => {
  assert.throws(() => readJson({ stateless: "ugly" }, Vm), {
    name: "SdkError",
    message: "The text 'ugly' isn't a valid boolean value",
  });
  assert.throws(() => readJson({ memory: "12GB" }, Vm), {
    message: "The text '12GB' isn't a valid integer value",
  });
  assert.throws(() => readJson("not json", Vm), SdkError);
  assert.throws(() => readJson("[]", Vm), SdkError);
});

Deno.test("json: faults bare and wrapped, actions with faults", () => {
  const bare = readJson('{"reason": "R", "detail": "D"}', Fault);
  const wrapped = readJson('{"fault": {"reason": "R", "detail": "D"}}', Fault);
  assert.deepStrictEqual(bare, wrapped);
  assert.equal(bare.reason, "R");
  const action = readJson('{"status": "failed", "fault": {"reason": "R"}}', Action);
  assert.equal(action.status, "failed");
  assert.ok(action.fault instanceof Fault);
  assert.equal(action.fault?.reason, "R");
});

Deno.test("json: writer output is the engine format and reads back equal", () => {
  const vm = new Vm({
    id: "1",
    name: "a",
    memory: 9007199254740993n,
    stateless: true,
    creationTime: new Date(1472564909990),
    cluster: new Cluster({ id: "c" }),
  });
  const text = writeJson(vm);
  assert.deepEqual(JSON.parse(text), {
    id: "1",
    cluster: { id: "c" },
    creation_time: 1472564909990,
    memory: "9007199254740993",
    name: "a",
    stateless: "true",
  });
  assert.deepStrictEqual(readJson(text, Vm), vm);
  const net = new Network({ usages: [NetworkUsage.VM] });
  assert.equal(writeJson(net), '{"usages":{"usage":["vm"]}}');
  assert.equal(writeJson(new Action({ force: true })), '{"force":"true"}');
  assert.equal(writeJson([new Vm({ id: "1" })]), '{"vm":[{"id":"1"}]}');
});

Deno.test("json: deep nesting is an SdkError, never a stack-overflow RangeError", () => {
  const depth = 200_000;
  // A bond's slaves are host NICs, which have bonds: the model nests forever.
  const text = '{"bonding":{"slaves":{"host_nic":['.repeat(depth) + "{}" +
    "]}}}".repeat(depth);
  for (const source of [text, new TextEncoder().encode(text)]) {
    assert.throws(() => readJson(source, HostNic), (e: unknown) => {
      assert.ok(e instanceof SdkError, String(e));
      assert.match(e.message, /nests objects deeper than 256 levels/);
      return true;
    });
  }
  // An already parsed value that contains itself.
  const cyclic: Record<string, unknown> = { name: "nic" };
  cyclic.bonding = { slaves: [cyclic] };
  assert.throws(() => readJson(cyclic, HostNic), SdkError);
  // Unknown keys are never descended into, however deep.
  const unknown = '{"x":'.repeat(depth) + "1" + "}".repeat(depth);
  assert.equal(readJson(`{"name":"a","future":${unknown}}`, Vm).name, "a");
});

Deno.test("json: unknown keys, nested unknown objects and enum values are tolerated", () => {
  const vm = readJson(
    {
      id: "1",
      name: "n",
      future_field: { a: [1, 2, { b: null }] },
      status: "some_new_status",
      cpu: { future: "x", topology: { cores: "2", future: true } },
      link: [{ rel: "futurethings", href: "/f" }, "junk", null, { rel: 3 }],
    },
    Vm,
  );
  assert.equal(vm.name, "n");
  assert.equal(vm.status, undefined);
  assert.equal(vm.cpu?.topology?.cores, 2);
  assert.deepEqual(Object.keys(vm).sort(), ["cpu", "id", "name", "status"]);
});

Deno.test("json: integers past 2^53 keep every digit, also deep inside a list", () => {
  const text = '{"vm":[{"id":"1","memory":1024},{"id":"2","memory":18446744073709551615,' +
    '"host":{"memory":9007199254740993}}]}';
  const vms = readJson(text, Vm, { list: true });
  assert.equal(vms[0]?.memory, 1024n);
  assert.equal(vms[1]?.memory, 18446744073709551615n);
  assert.equal(vms[1]?.host?.memory, 9007199254740993n);
});

Deno.test("json: errors about deep or huge values stay short and never overflow", () => {
  const n = 1_000_000;
  const deep = "[".repeat(n) + "]".repeat(n);
  assert.throws(() => readJson(deep, Vm), {
    name: "SdkError",
    message: "Expected a JSON object for 'Vm', but got an array of 1",
  });
  assert.throws(() => readJson(`{"name":${deep}}`, Vm), {
    name: "SdkError",
    message: "The value of 'name' isn't a valid string value: an array of 1",
  });
  assert.throws(
    () => readJson({ name: { a: 1 } }, Vm),
    /'name' isn't a valid string value: an object/,
  );
});

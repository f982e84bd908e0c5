/**
 * Reading 10,000 VMs: the typed XML reader and the typed JSON reader against
 * a raw `JSON.parse` of the same JSON document (the floor any typed reader
 * pays on top of). Targets: readXml ≤ 5×, readJson ≤ 1.5× the baseline.
 * Also: one 100 MiB XML reply read whole (target: well under 10 s).
 * Run with `deno task bench`; compare the averages.
 */
import { readJson, readXml, Vm } from "../src/services/ovirt/mod.ts";

const COUNT = 10_000;
const API = "/ovirt-engine/api";

function vmXml(i: number): string {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const href = `${API}/vms/${id}`;
  return `  <vm href="${href}" id="${id}">
    <actions>
      <link href="${href}/start" rel="start"/>
      <link href="${href}/stop" rel="stop"/>
    </actions>
    <name>vm-${i}</name>
    <description>bench vm ${i}</description>
    <status>${i % 3 === 0 ? "down" : "up"}</status>
    <memory>${(4 + (i % 8)) * 1024 ** 3}</memory>
    <cpu>
      <architecture>x86_64</architecture>
      <topology><cores>2</cores><sockets>1</sockets><threads>1</threads></topology>
    </cpu>
    <os><boot><devices><device>hd</device></devices></boot><type>rhel_9x64</type></os>
    <stateless>false</stateless>
    <creation_time>2026-01-11T09:30:00.000+00:00</creation_time>
    <cluster href="${API}/clusters/c1" id="c1"/>
    <template href="${API}/templates/t0" id="t0"/>
    <link href="${href}/diskattachments" rel="diskattachments"/>
    <link href="${href}/nics" rel="nics"/>
  </vm>`;
}

function vmJson(i: number): Record<string, unknown> {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const href = `${API}/vms/${id}`;
  return {
    href,
    id,
    actions: {
      link: [{ href: `${href}/start`, rel: "start" }, { href: `${href}/stop`, rel: "stop" }],
    },
    name: `vm-${i}`,
    description: `bench vm ${i}`,
    status: i % 3 === 0 ? "down" : "up",
    memory: String((4 + (i % 8)) * 1024 ** 3),
    cpu: {
      architecture: "x86_64",
      topology: { cores: "2", sockets: "1", threads: "1" },
    },
    os: { boot: { devices: { device: ["hd"] } }, type: "rhel_9x64" },
    stateless: "false",
    creation_time: 1768123800000,
    cluster: { href: `${API}/clusters/c1`, id: "c1" },
    template: { href: `${API}/templates/t0`, id: "t0" },
    link: [
      { href: `${href}/diskattachments`, rel: "diskattachments" },
      { href: `${href}/nics`, rel: "nics" },
    ],
  };
}

const indices = Array.from({ length: COUNT }, (_, i) => i);
const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<vms>\n${
  indices.map(vmXml).join("\n")
}\n</vms>\n`;
const json = JSON.stringify({ vm: indices.map(vmJson) }, null, 2);
const xmlBytes = new TextEncoder().encode(xml);
const jsonBytes = new TextEncoder().encode(json);

Deno.bench({
  name: "raw JSON.parse, 10,000 VMs",
  group: "read 10k vms",
  baseline: true,
  fn() {
    JSON.parse(new TextDecoder().decode(jsonBytes));
  },
});

Deno.bench({
  name: "readJson → List<Vm>, 10,000 VMs",
  group: "read 10k vms",
  fn() {
    const vms = readJson(jsonBytes, Vm, { list: true });
    if (vms.length !== COUNT) throw new Error("wrong count");
  },
});

Deno.bench({
  name: "readXml → List<Vm>, 10,000 VMs",
  group: "read 10k vms",
  fn() {
    const vms = readXml(xmlBytes) as Vm[];
    if (vms.length !== COUNT) throw new Error("wrong count");
  },
});

// One 100 MiB engine-shaped reply, encoded once into one buffer.
const MiB = 1024 * 1024;
const pad = "p".repeat(900);
const bigOne = vmXml(0).length + pad.length;
const bigCount = Math.ceil((100 * MiB) / bigOne);
const bigBuffer = new Uint8Array(bigCount * (bigOne + 64) + 256);
const encoder = new TextEncoder();
let at = encoder.encodeInto("<vms>\n", bigBuffer).written;
for (let i = 0; i < bigCount; i++) {
  const one = vmXml(i).replace("<description>", `<description>${pad}`);
  at += encoder.encodeInto(one, bigBuffer.subarray(at)).written;
}
at += encoder.encodeInto("</vms>\n", bigBuffer.subarray(at)).written;
const bigXml = bigBuffer.subarray(0, at);

Deno.bench({
  name: "readXml → List<Vm>, 100 MiB reply",
  group: "read 100 MiB",
  n: 3,
  warmup: 1,
  fn() {
    const vms = readXml(bigXml) as Vm[];
    if (vms.length !== bigCount) throw new Error("wrong count");
  },
});

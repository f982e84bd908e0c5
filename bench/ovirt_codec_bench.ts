/**
 * Reading 10,000 VMs: the typed XML reader and the typed JSON reader against
 * a raw `JSON.parse` of the same JSON document (the floor any typed reader
 * pays on top of). Targets: readXml ≤ 5×, readJson ≤ 1.5× the baseline.
 * Also: one 100 MiB XML reply read whole (target: well under 10 s).
 * Run with `deno task bench`; compare the averages.
 */
import { readJson, readXml, Vm } from "../src/services/ovirt/mod.ts";
// The engine-shaped VMs of the comparison bench, so both benches read the same VMs.
import { vmJson, vmXml } from "./compare/vm_documents.mjs";

const COUNT = 10_000;
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

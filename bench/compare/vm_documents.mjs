// The 10,000-VM documents of the comparison bench, as the engine writes them
// (XML and JSON). Plain JavaScript so the node:http server and the Deno
// clients share one generator.
const API = "/ovirt-engine/api";

/** One VM element as the engine writes it. */
export function vmXml(i) {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const href = `${API}/vms/${id}`;
  return `<vm href="${href}" id="${id}"><actions><link href="${href}/start" rel="start"/>` +
    `<link href="${href}/stop" rel="stop"/></actions><name>vm-${i}</name>` +
    `<description>bench vm ${i}</description><status>${i % 3 === 0 ? "down" : "up"}</status>` +
    `<memory>${(4 + (i % 8)) * 1024 ** 3}</memory><cpu><architecture>x86_64</architecture>` +
    `<topology><cores>2</cores><sockets>1</sockets><threads>1</threads></topology></cpu>` +
    `<os><boot><devices><device>hd</device></devices></boot><type>rhel_9x64</type></os>` +
    `<stateless>false</stateless><creation_time>2026-01-11T09:30:00.000+00:00</creation_time>` +
    `<cluster href="${API}/clusters/c1" id="c1"/><template href="${API}/templates/t0" id="t0"/>` +
    `<link href="${href}/diskattachments" rel="diskattachments"/>` +
    `<link href="${href}/nics" rel="nics"/></vm>`;
}

/** The same VM in the engine's JSON format. */
export function vmJson(i) {
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
    cpu: { architecture: "x86_64", topology: { cores: "2", sockets: "1", threads: "1" } },
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

/** `<vms>` with `count` VMs. */
export function vmsXml(count) {
  const parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<vms>'];
  for (let i = 0; i < count; i++) parts.push(vmXml(i));
  parts.push("</vms>");
  return parts.join("");
}

/** `{"vm": [...]}` with `count` VMs. */
export function vmsJson(count) {
  return JSON.stringify({ vm: Array.from({ length: count }, (_, i) => vmJson(i)) });
}

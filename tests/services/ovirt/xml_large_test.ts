import assert from "node:assert/strict";
import { Connection } from "../../../mod.ts";
import { List, readXml, type Vm } from "../../../src/services/ovirt/mod.ts";

const MiB = 1024 * 1024;

// One engine-shaped VM, padded so the document is large without holding
// millions of objects; the reader's work is linear in the bytes either way.
function vmXml(i: number, pad: string): string {
  const href = `/ovirt-engine/api/vms/${i}`;
  return `<vm href="${href}" id="${i}"><actions><link href="${href}/start" rel="start"/></actions>` +
    `<name>vm-${i}</name><description>${pad}</description><status>up</status>` +
    `<memory>4294967296</memory><cpu><topology><cores>2</cores><sockets>1</sockets></topology></cpu>` +
    `<future_field><nested a="1">x &amp; y</nested></future_field>` +
    `<link href="${href}/nics" rel="nics"/></vm>\n`;
}

Deno.test("large: a 100 MiB XML document is read whole, in one linear pass", () => {
  const pad = "p".repeat(900);
  const one = vmXml(0, pad).length;
  const count = Math.ceil((100 * MiB) / one);
  // Encoded piece by piece into one buffer: the test holds the bytes once.
  const buffer = new Uint8Array(count * (one + 64) + 256);
  const encoder = new TextEncoder();
  let at = encoder.encodeInto("<?xml version='1.0' encoding='UTF-8'?>\n<vms>\n", buffer).written;
  for (let i = 0; i < count; i++) {
    at += encoder.encodeInto(vmXml(i, pad), buffer.subarray(at)).written;
  }
  at += encoder.encodeInto("</vms>\n", buffer.subarray(at)).written;
  const bytes = buffer.subarray(0, at);
  assert.ok(bytes.length >= 100 * MiB);
  const vms = readXml(bytes) as List<Vm>;
  assert.ok(vms instanceof List);
  assert.equal(vms.length, count);
  assert.equal(vms[count - 1]?.name, `vm-${count - 1}`);
  assert.equal(vms[count - 1]?.cpu?.topology?.cores, 2);
  assert.equal((vms[0]?.nics as List<unknown>).href, "/ovirt-engine/api/vms/0/nics");
});

Deno.test("large: a 100 MiB <vms> reply through Connection and vmsService().list()", async () => {
  const pad = "p".repeat(900);
  const count = Math.ceil((100 * 1024 * 1024) / vmXml(0, pad).length);
  const encoder = new TextEncoder();
  // Streamed in chunks of VMs, so the server never holds the document.
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i === 0) controller.enqueue(encoder.encode("<vms>"));
        if (i >= count) {
          controller.enqueue(encoder.encode("</vms>"));
          controller.close();
          return;
        }
        const parts: string[] = [];
        for (const end = Math.min(count, i + 500); i < end; i++) parts.push(vmXml(i, pad));
        controller.enqueue(encoder.encode(parts.join("")));
      },
    });
    return new Response(body, { headers: { "content-type": "application/xml" } });
  });
  const connection = new Connection({
    url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
    token: "t",
  });
  try {
    const vms = await connection.systemService().vmsService().list();
    assert.equal(vms.length, count);
    assert.equal(vms[count - 1]?.name, `vm-${count - 1}`);
  } finally {
    await connection.close({ logout: false });
    await server.shutdown();
  }
});

import assert from "node:assert/strict";
import { FakeEngine, SEED_IDS } from "../../../src/testing/mod.ts";
import { call, USERS } from "./_helpers.ts";

const XML = { "content-type": "application/xml" };

function post(engine: FakeEngine, path: string, body = "<action/>") {
  return call(engine, path, { method: "POST", headers: XML, body });
}

Deno.test("FakeEngine: a running VM's display, graphics console and console tickets", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const vm = await call(engine, `/vms/${SEED_IDS.web1}`);
  assert.match(
    vm.text,
    /<display>\s*<type>spice<\/type>[\s\S]*<monitors>1<\/monitors>[\s\S]*<address>192\.0\.2\.12<\/address>\s*<port>5902<\/port>\s*<secure_port>5903<\/secure_port>\s*<certificate>\s*<organization>example\.com<\/organization>\s*<subject>O=example\.com,CN=192\.0\.2\.12<\/subject>/,
  );
  const consoles = await call(engine, `/vms/${SEED_IDS.web1}/graphicsconsoles`);
  assert.match(consoles.text, /^<\?xml[^>]+\?>\n<graphics_consoles>/);
  const href = `/ovirt-engine/api/vms/${SEED_IDS.web1}/graphicsconsoles/7370696365`;
  assert.ok(consoles.text.includes(`<graphics_console href="${href}" id="7370696365">`));
  assert.match(consoles.text, /<link href="[^"]+\/7370696365\/ticket" rel="ticket"\/>/);
  assert.match(
    consoles.text,
    /<protocol>spice<\/protocol>[\s\S]*<address>192\.0\.2\.12<\/address>\s*<port>5902<\/port>\s*<tls_port>5903<\/tls_port>/,
  );

  const ticket = await post(engine, `/vms/${SEED_IDS.web1}/ticket`);
  assert.equal(ticket.status, 200);
  const value = /<ticket>\s*<value>([^<]+)<\/value>\s*<expiry>7200<\/expiry>/.exec(ticket.text)
    ?.[1];
  assert.ok(value && value.length >= 12, ticket.text);
  assert.match(ticket.text, /<status>complete<\/status>/);
  const second = await post(engine, `/vms/${SEED_IDS.web1}/ticket`);
  assert.ok(!second.text.includes(value), "every ticket is new");
  const asked = await post(
    engine,
    `/vms/${SEED_IDS.web1}/graphicsconsoles/7370696365/ticket`,
    "<action><ticket><expiry>120</expiry></ticket></action>",
  );
  assert.match(asked.text, /<ticket>\s*<value>[^<]+<\/value>\s*<expiry>120<\/expiry>/);
  const json = await call(engine, `/vms/${SEED_IDS.web1}/ticket`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ ticket: { expiry: 60 } }),
  });
  const parsed = JSON.parse(json.text);
  assert.equal(parsed.status, "complete");
  assert.equal(parsed.ticket.expiry, "60");
  // The ticket value never reaches the request log.
  assert.ok(!JSON.stringify(engine.requests).includes(value));
});

Deno.test("FakeEngine: a down VM has no display address and refuses a ticket; start gives it one", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const down = await call(engine, `/vms/${SEED_IDS.web2}`);
  assert.match(down.text, /<display>\s*<type>spice<\/type>/);
  assert.ok(!/<display>[^]*?<address>[^]*?<\/display>/.test(down.text));
  assert.ok(!down.text.includes("<host "));
  const refused = await post(engine, `/vms/${SEED_IDS.web2}/ticket`);
  assert.equal(refused.status, 409);
  assert.match(refused.text, /<fault>[\s\S]*not running/);
  const consoleTicket = await post(
    engine,
    `/vms/${SEED_IDS.web2}/graphicsconsoles/7370696365/ticket`,
  );
  assert.equal(consoleTicket.status, 409);

  assert.equal((await post(engine, `/vms/${SEED_IDS.web2}/start`)).status, 200);
  const up = await call(engine, `/vms/${SEED_IDS.web2}`);
  assert.match(up.text, /<status>up<\/status>/);
  assert.match(up.text, /<display>[\s\S]*<address>192\.0\.2\.11<\/address>\s*<port>\d+<\/port>/);
  assert.match(up.text, /<host href="\/ovirt-engine\/api\/hosts\/[^"]+" id="[^"]+"\/>/);
  assert.match(up.text, /<fqdn>web2\.example\.com<\/fqdn>/);
  assert.equal((await post(engine, `/vms/${SEED_IDS.web2}/ticket`)).status, 200);
  assert.equal((await post(engine, `/vms/${SEED_IDS.web2}/stop`)).status, 200);
  const stopped = await call(engine, `/vms/${SEED_IDS.web2}`);
  assert.match(stopped.text, /<status>down<\/status>/);
  assert.ok(!stopped.text.includes("<fqdn>"));
  assert.ok(!/<display>[^]*?<port>[^]*?<\/display>/.test(stopped.text));
});

Deno.test("FakeEngine: CD-ROMs: every VM has one, its ISO can be changed", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const cdrom = `/vms/${SEED_IDS.web1}/cdroms/00000000-0000-0000-0000-000000000000`;
  const list = await call(engine, `/vms/${SEED_IDS.web1}/cdroms`);
  assert.match(
    list.text,
    /<cdroms>\s*<cdrom href="[^"]+" id="00000000-0000-0000-0000-000000000000">/,
  );
  assert.match(list.text, /<file id="CentOS-Stream-9-x86_64-dvd1\.iso"\/>/);
  const empty = await call(engine, `/vms/${SEED_IDS.web2}/cdroms`);
  assert.ok(!empty.text.includes("<file"));
  const changed = await call(engine, `${cdrom}?current=true`, {
    method: "PUT",
    headers: XML,
    body: '<cdrom><file id="virtio-win.iso"/></cdrom>',
  });
  assert.equal(changed.status, 200);
  assert.match((await call(engine, cdrom)).text, /<file id="virtio-win\.iso"\/>/);
  // A new VM gets its CD-ROM and console too.
  const made = await post(
    engine,
    "/vms",
    "<vm><name>new1</name><cluster><name>Default</name></cluster></vm>",
  );
  assert.equal(made.status, 201);
  const id = /<vm href="[^"]+" id="([^"]+)">/.exec(made.text)![1];
  assert.equal(
    (await call(engine, `/vms/${id}/cdroms/00000000-0000-0000-0000-000000000000`)).status,
    200,
  );
  assert.match((await call(engine, `/vms/${id}/graphicsconsoles`)).text, /id="7370696365"/);
});

Deno.test("FakeEngine: VM pools are listed, searchable, and allocate", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const pools = await call(engine, "/vmpools");
  assert.match(
    pools.text,
    /^<\?xml[^>]+\?>\n<vm_pools>\s*<vm_pool href="\/ovirt-engine\/api\/vmpools\/[^"]+" id="[^"]+">/,
  );
  for (const field of ["size", "prestarted_vms", "max_user_vms", "type", "stateful", "display"]) {
    assert.ok(pools.text.includes(`<${field}>`), field);
  }
  assert.match(pools.text, /<link href="[^"]+\/allocatevm" rel="allocatevm"\/>/);
  assert.match((await call(engine, "/vmpools?search=name%3Ddesk*")).text, /<name>desktops<\/name>/);
  assert.match((await call(engine, "/vmpools?search=name%3Dnone")).text, /<vm_pools\/>/);
  const id = SEED_IDS.pool;
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    const allocated = await post(engine, `/vmpools/${id}/allocatevm`);
    assert.equal(allocated.status, 200);
    assert.match(allocated.text, /<status>complete<\/status>/);
    const vmId = /<vm href="\/ovirt-engine\/api\/vms\/([^"]+)" id="\1"\/>/.exec(allocated.text)
      ?.[1];
    assert.ok(vmId, allocated.text);
    const vm = await call(engine, `/vms/${vmId}`);
    assert.match(vm.text, /<status>up<\/status>/);
    assert.ok(vm.text.includes(`<vm_pool href="/ovirt-engine/api/vmpools/${id}" id="${id}"/>`));
    names.push(/<name>([^<]+)<\/name>/.exec(vm.text)![1]!);
  }
  assert.deepEqual(names, ["desktops-1", "desktops-2"]);
  const none = await post(engine, `/vmpools/${id}/allocatevm`);
  assert.equal(none.status, 409);
  assert.match(none.text, /no available VMs in the VM-Pool/);
});

Deno.test("FakeEngine: a console's remote-viewer file points at the display with a fresh password", async () => {
  const { testCerts } = await import("../../_fakes/tls_certs.ts");
  const certs = await testCerts();
  await using engine = await FakeEngine.start({
    users: USERS,
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.caCert },
  });
  const client = Deno.createHttpClient({ caCerts: [certs.caCert] });
  try {
    const r = await fetch(
      `${engine.url}/vms/${SEED_IDS.web1}/graphicsconsoles/7370696365/remoteviewerconnectionfile`,
      {
        method: "POST",
        client,
        headers: {
          ...XML,
          authorization: `Basic ${btoa(`admin@internal:${USERS["admin@internal"]}`)}`,
        },
        body: "<action/>",
      },
    );
    const text = await r.text();
    assert.equal(r.status, 200);
    const file = /<remote_viewer_connection_file>([\s\S]*?)<\/remote_viewer_connection_file>/
      .exec(text)?.[1] ?? "";
    assert.match(
      file,
      /^\[virt-viewer\]\ntype=spice\nhost=192\.0\.2\.12\nport=5902\npassword=\w{12,}\n/,
    );
    assert.match(file, /\ntls-port=5903\n/);
    assert.match(file, /\nhost-subject=O=example\.com,CN=192\.0\.2\.12\n/);
    assert.ok(file.includes(`ca=${certs.caCert.trim().split("\n")[0]}\\n`));
  } finally {
    client.close();
  }
});

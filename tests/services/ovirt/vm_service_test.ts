import assert from "node:assert/strict";
import { AuthError, NotFoundError, SdkError } from "../../../src/errors/mod.ts";
import {
  Action,
  Cluster,
  Disk,
  Host,
  List,
  Snapshot,
  Template,
  Vm,
  VmService,
  VmsService,
  VmStatus,
} from "../../../src/services/ovirt/mod.ts";
import { CannedServer, compact, FetchConnection, withServer } from "./_server.ts";

Deno.test("vms: list of an empty collection is an empty List", async () => {
  await withServer(async (server, system) => {
    server.set("/vms", 200, "<vms/>");
    const vms = await system.vmsService().list();
    assert.ok(vms instanceof List);
    assert.deepEqual([...vms], []);
    assert.equal(server.last.method, "GET");
    assert.equal(server.last.path, "/vms");
  });
});

Deno.test("vms: list with search renders the query", async () => {
  await withServer(async (server, system) => {
    server.set("/vms", 200, "<vms/>");
    await system.vmsService().list({ search: "name=ugly", max: 10, caseSensitive: false });
    assert.equal(server.last.query, "case_sensitive=false&max=10&search=name%3Dugly");
  });
});

Deno.test("vms: get by id reads the VM", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 200, '<vm id="123"><name>testvm</name><status>up</status></vm>');
    const vm = await system.vmsService().vmService("123").get();
    assert.ok(vm instanceof Vm);
    assert.equal(vm.id, "123");
    assert.equal(vm.name, "testvm");
    assert.equal(vm.status, VmStatus.UP);
  });
});

Deno.test("vms: get with allContent sends the query and the All-Content header", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 200, '<vm id="123"/>');
    await system.vmsService().vmService("123").get({ allContent: true });
    assert.equal(server.last.query, "all_content=true");
    assert.equal(server.last.headers.get("all-content"), "true");
    await system.vmsService().vmService("123").get({ allContent: false });
    assert.equal(server.last.query, "all_content=false");
    assert.equal(server.last.headers.get("all-content"), "false");
  });
});

Deno.test("vms: ids are percent-encoded into the path", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/a%2Fb%20c", 200, '<vm id="a/b c"/>');
    const service = system.vmsService().vmService("a/b c");
    assert.equal(service.path, "/vms/a%2Fb%20c");
    const vm = await service.get();
    assert.equal(vm.id, "a/b c");
  });
});

Deno.test("vms: add with clone and clone_permissions", async () => {
  await withServer(async (server, system) => {
    server.set("/vms", 201, '<vm id="456"><name>new</name></vm>');
    const vm = await system.vmsService().add(new Vm({ name: "new" }), {
      clone: true,
      clonePermissions: true,
    });
    assert.equal(vm.id, "456");
    assert.equal(server.last.method, "POST");
    assert.equal(server.last.query, "clone=true&clone_permissions=true");
    assert.equal(server.last.body, "<vm>\n  <name>new</name>\n</vm>\n");
    assert.match(server.last.headers.get("content-type") ?? "", /application\/xml/);
    const fromScratch = new Vm({
      name: "s",
      cluster: new Cluster({ name: "Default" }),
      template: new Template({ name: "Blank" }),
    });
    await system.vmsService().addFromScratch(fromScratch, { clone: true });
    assert.equal(server.last.query, "clone=true");
  });
});

for (const code of [200, 201, 202]) {
  Deno.test(`vms: add accepts ${code}`, async () => {
    await withServer(async (server, system) => {
      server.set("/vms", code, "<vm/>");
      const vm = await system.vmsService().add(new Vm());
      assert.ok(vm instanceof Vm);
    });
  });
}

Deno.test("vms: add and start with custom query parameters and headers", async () => {
  await withServer(async (server, system) => {
    server.set("/vms", 201, "<vm/>");
    server.set("/vms/123/start", 200, "<action/>");
    await system.vmsService().add(new Vm(), {
      query: { my: "value", your: "value" },
      headers: { my: "value", your: "value" },
    });
    assert.equal(server.last.query, "my=value&your=value");
    assert.equal(server.last.headers.get("my"), "value");
    assert.equal(server.last.headers.get("your"), "value");
    await system.vmsService().vmService("123").start({
      query: { my: "value" },
      headers: { my: "v2" },
    });
    assert.equal(server.last.query, "my=value");
    assert.equal(server.last.headers.get("my"), "v2");
  });
});

Deno.test("vms: 404 with empty body is NotFoundError with code 404", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 404, "");
    const err = await system.vmsService().vmService("123").get().catch((e) => e);
    assert.ok(err instanceof NotFoundError);
    assert.equal(err.code, 404);
    assert.equal(err.fault, undefined);
    assert.equal(err.message, "HTTP response code is 404.");
  });
});

Deno.test("vms: 401 and 403 are AuthError", async () => {
  await withServer(async (server, system) => {
    server.set("/vms", 401, "<fault/>");
    const e1 = await system.vmsService().list().catch((e) => e);
    assert.ok(e1 instanceof AuthError);
    assert.equal(e1.code, 401);
    server.set("/vms", 403, "<html>forbidden</html>", "text/html");
    const e2 = await system.vmsService().list().catch((e) => e);
    assert.ok(e2 instanceof AuthError);
    assert.equal(e2.message, "HTTP response code is 403.");
  });
});

Deno.test("vms: a 201 action carrying a fault raises with the fault", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/vms/123/start",
      201,
      "<action><fault><reason>myreason</reason><detail>mydetail</detail></fault></action>",
    );
    const err = await system.vmsService().vmService("123").start().catch((e) => e);
    assert.ok(err instanceof SdkError);
    assert.ok(!(err instanceof NotFoundError));
    assert.equal(
      err.message,
      'Fault reason is "myreason". Fault detail is "mydetail". HTTP response code is 201.',
    );
    assert.equal(err.fault?.reason, "myreason");
    assert.equal(err.fault?.detail, "mydetail");
    assert.equal(err.code, 201);
  });
});

Deno.test("vms: a 400 fault without action raises with the fault", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/vms/123/start",
      400,
      "<fault><reason>myreason</reason><detail>mydetail</detail></fault>",
    );
    const err = await system.vmsService().vmService("123").start().catch((e) => e);
    assert.ok(err instanceof SdkError);
    assert.equal(
      err.message,
      'Fault reason is "myreason". Fault detail is "mydetail". HTTP response code is 400.',
    );
    assert.equal(err.code, 400);
  });
});

Deno.test("vms: an error body that is another object says what it got", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 500, '<vm id="123"/>');
    const err = await system.vmsService().vmService("123").get().catch((e) => e);
    assert.ok(err instanceof SdkError);
    assert.equal(err.message, "Expected a fault, but got Vm");
  });
});

Deno.test("vms: 2xx get with an empty body is an error", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 200, "");
    const err = await system.vmsService().vmService("123").get().catch((e) => e);
    assert.ok(err instanceof SdkError);
    assert.equal(err.message, "HTTP response code is 200.");
  });
});

Deno.test("vms: remove sends DELETE with its parameters", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 200, "");
    await system.vmsService().vmService("123").remove({ force: true, detachOnly: false });
    assert.equal(server.last.method, "DELETE");
    assert.equal(server.last.query, "detach_only=false&force=true");
  });
});

Deno.test("vms: update sends PUT with the object and query parameters", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123", 200, '<vm id="123"><memory>2147483648</memory></vm>');
    const vm = await system.vmsService().vmService("123").update(
      new Vm({ memory: 2n * 1024n ** 3n, name: "x" }),
      { nextRun: true },
    );
    assert.equal(vm.memory, 2147483648n);
    assert.equal(server.last.method, "PUT");
    assert.equal(server.last.query, "next_run=true");
    assert.equal(compact(server.last.body), "<vm><memory>2147483648</memory><name>x</name></vm>");
  });
});

Deno.test("vm actions: start(pause) writes the action body with two-space indent", async () => {
  await withServer(async (server, system) => {
    server.set("/vms/123/start", 200, "<action><status>complete</status></action>");
    const result = await system.vmsService().vmService("123").start({ pause: true });
    assert.equal(server.last.method, "POST");
    assert.equal(server.last.path, "/vms/123/start");
    assert.equal(server.last.body, "<action>\n  <pause>true</pause>\n</action>\n");
    assert.ok(result instanceof Action);
    assert.equal(result.status, "complete");
  });
});

Deno.test("vm actions: every main action posts to its segment", async () => {
  await withServer(async (server, system) => {
    const vm = system.vmsService().vmService("123");
    const calls: [string, () => Promise<unknown>][] = [
      ["start", () => vm.start({ useCloudInit: true, vm: new Vm({ name: "x" }) })],
      ["stop", () => vm.stop({ force: true, reason: "because" })],
      ["shutdown", () => vm.shutdown()],
      ["reboot", () => vm.reboot()],
      ["suspend", () => vm.suspend()],
      ["migrate", () => vm.migrate({ force: true })],
      ["clone", () => vm.clone({ vm: new Vm({ name: "copy" }) })],
      ["export", () => vm.export({ exclusive: true })],
      [
        "previewsnapshot",
        () => vm.previewSnapshot({ restoreMemory: true, snapshot: new Snapshot({ id: "s1" }) }),
      ],
      ["commitsnapshot", () => vm.commitSnapshot()],
      ["undosnapshot", () => vm.undoSnapshot({ async: false })],
      ["cancelmigration", () => vm.cancelMigration()],
    ];
    for (const [segment, call] of calls) {
      server.set(`/vms/123/${segment}`, 200, "<action/>");
      await call();
      assert.equal(server.last.path, `/vms/123/${segment}`);
      assert.equal(server.last.method, "POST");
    }
    assert.equal(
      compact(server.seen[0]!.body),
      "<action><use_cloud_init>true</use_cloud_init><vm><name>x</name></vm></action>",
    );
    assert.equal(
      compact(server.seen[1]!.body),
      "<action><force>true</force><reason>because</reason></action>",
    );
    assert.equal(compact(server.seen[10]!.body), "<action><async>false</async></action>");
  });
});

Deno.test("vm actions: ticket returns the ticket member", async () => {
  await withServer(async (server, system) => {
    server.set(
      "/vms/123/ticket",
      200,
      "<action><ticket><expiry>120</expiry><value>secret-ticket</value></ticket></action>",
    );
    const ticket = await system.vmsService().vmService("123").ticket();
    assert.equal(ticket?.value, "secret-ticket");
    assert.equal(ticket?.expiry, 120);
  });
});

Deno.test("check types: wrong parameter types fail before any request", async () => {
  const server = new CannedServer();
  try {
    const conn = new FetchConnection(server.url);
    const vm = new VmService(conn, "/vms/123");
    const err = await vm.start({
      useCloudInit: "true" as unknown as boolean,
      vm: new Disk() as unknown as Vm,
    }).catch((e) => e);
    assert.ok(err instanceof TypeError);
    assert.match(
      err.message,
      /The 'useCloudInit' parameter should be of type 'boolean', but it is of type 'string'\./,
    );
    assert.match(
      err.message,
      /The 'vm' parameter should be of type 'Vm', but it is of type 'Disk'\./,
    );
    const addErr = await new VmsService(conn, "/vms").add(new Disk() as unknown as Vm).catch((e) =>
      e
    );
    assert.equal(
      addErr.message,
      "The 'vm' parameter should be of type 'Vm', but it is of type 'Disk'.",
    );
    assert.throws(
      () => new VmsService(conn, "/vms").vmService(new Vm() as unknown as string),
      {
        name: "TypeError",
        message: "The 'id' parameter should be of type 'string', but it is of type 'Vm'.",
      },
    );
    assert.equal(server.seen.length, 0);
  } finally {
    await server.close();
  }
});

Deno.test("signatures: addFromScratch and exportToPathOnHost check their mandatory inputs before I/O", async () => {
  await withServer(async (server, system) => {
    const vms = system.vmsService();
    await assert.rejects(
      vms.addFromScratch(new Vm({ name: "a" })),
      (e: unknown) =>
        e instanceof SdkError &&
        e.message ===
          "VmsService.addFromScratch: the 'vm.cluster.id' or 'vm.cluster.name', " +
            "'vm.template.id' or 'vm.template.name' parameters are mandatory.",
    );
    const vm = vms.vmService("123");
    await assert.rejects(
      vm.exportToPathOnHost({ directory: "/tmp" }),
      /VmService\.exportToPathOnHost: the 'host\.id' or 'host\.name' parameter is mandatory\./,
    );
    // An empty list doesn't satisfy `vm.snapshots[].id`; a snapshot without an id neither.
    const base = {
      name: "a",
      cluster: new Cluster({ id: "c" }),
      template: new Template({ id: "t" }),
    };
    await assert.rejects(
      vms.addFromSnapshot(new Vm({ ...base, snapshots: [] })),
      /snapshots\[\]\.id/,
    );
    await assert.rejects(
      vms.addFromSnapshot(new Vm({ ...base, snapshots: [new Snapshot()] })),
      /snapshots\[\]\.id/,
    );
    assert.equal(server.seen.length, 0, "nothing was sent");
    server.set("/vms/123/export", 200, "<action/>");
    await vm.exportToPathOnHost({
      directory: "/tmp",
      filename: "a.ova",
      host: new Host({ name: "h" }),
    });
    assert.equal(
      compact(server.last.body),
      "<action><directory>/tmp</directory><filename>a.ova</filename><host><name>h</name></host></action>",
    );
    server.set("/vms", 201, '<vm id="9"/>');
    const added = await vms.addFromSnapshot(
      new Vm({ ...base, snapshots: [new Snapshot({ id: "s" })] }),
    );
    assert.equal(added.id, "9");
    // The plain method has no mandatory inputs of its own: the engine decides.
    await vms.add(new Vm());
    assert.equal(server.seen.length, 3);
  });
});

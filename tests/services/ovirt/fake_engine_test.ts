/**
 * The typed services against FakeEngine through a real Connection: XML and
 * JSON read to equal objects, actions in both formats, and waitFor.
 */
import assert from "node:assert/strict";
import { Connection } from "../../../src/connection/mod.ts";
import { SdkError, TimeoutError } from "../../../src/errors/mod.ts";
import { FakeEngine, SEED_IDS } from "../../../src/testing/fake_engine/mod.ts";
import {
  Api,
  Cluster,
  List,
  type Service,
  Vm,
  VmStatus,
  waitFor,
} from "../../../src/services/ovirt/mod.ts";

const USER = "admin@internal";
const PASSWORD = "secret";

async function withEngine(
  fn: (engine: FakeEngine, xml: Connection, json: Connection) => Promise<void>,
  transitionMs = 0,
): Promise<void> {
  const engine = await FakeEngine.start({ transitionMs, users: { [USER]: PASSWORD } });
  const xml = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const json = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    format: "json",
  });
  try {
    await fn(engine, xml, json);
  } finally {
    await xml.close();
    await json.close();
    await engine.close();
  }
}

async function read(service: Service, list: boolean): Promise<unknown> {
  const s = service as unknown as { list(): Promise<unknown>; get(): Promise<unknown> };
  return list ? await s.list() : await s.get();
}

Deno.test("fake engine: XML and JSON documents read to equal objects", async () => {
  await withEngine(async (_engine, xml, json) => {
    const web1 = SEED_IDS.web1;
    const cases: [string, boolean][] = [
      ["vms", true],
      [`vms/${web1}`, false],
      [`vms/${web1}/diskattachments`, true],
      [`vms/${web1}/nics`, true],
      ["hosts", true],
      ["clusters", true],
      [`clusters/${SEED_IDS.cluster}`, false],
      ["datacenters", true],
      ["storagedomains", true],
      ["disks", true],
      ["templates", true],
      ["networks", true],
    ];
    for (const [path, list] of cases) {
      const a = await read(xml.service(path), list);
      const b = await read(json.service(path), list);
      assert.deepStrictEqual(b, a, `${path} differs between XML and JSON`);
      if (list) {
        assert.ok(a instanceof List);
        assert.ok((a as List<unknown>).length > 0, `${path} is empty`);
      }
    }
    const vm = await xml.systemService().vmsService().vmService(web1).get();
    assert.ok(vm instanceof Vm);
    assert.equal(vm.name, "web1");
    assert.equal(typeof vm.memory, "bigint");
    assert.ok(vm.cluster instanceof Cluster);
    assert.ok(vm.diskAttachments instanceof List);
    assert.match(String((vm.diskAttachments as List<unknown>).href), /diskattachments$/);
  });
});

Deno.test("fake engine: the API root reads as Api in both formats", async () => {
  await withEngine(async (_engine, xml, json) => {
    const a = await xml.systemService().get();
    const b = await json.systemService().get();
    assert.ok(a instanceof Api && b instanceof Api);
    assert.ok(a.time instanceof Date && b.time instanceof Date);
    // The engine stamps the current time on each answer; everything else is equal.
    delete a.time;
    delete b.time;
    assert.deepStrictEqual(b, a);
    assert.equal(a.productInfo?.name, "oVirt Engine");
    assert.equal(a.summary?.vms?.total, 3);
  });
});

Deno.test("fake engine: followLink resolves typed links", async () => {
  await withEngine(async (_engine, xml) => {
    const vm = await xml.systemService().vmsService().vmService(SEED_IDS.web1).get();
    const cluster = await xml.followLink<Cluster>(vm.cluster!);
    assert.ok(cluster instanceof Cluster);
    assert.equal(cluster.name, "Default");
    const atts = await xml.followLink<List<unknown>>(vm.diskAttachments as List<unknown>);
    assert.ok(atts instanceof List && atts.length > 0);
  });
});

for (const format of ["xml", "json"] as const) {
  Deno.test(`fake engine: start a VM and wait until up (${format})`, async () => {
    await withEngine(async (_engine, xml, json) => {
      const connection = format === "xml" ? xml : json;
      const vms = connection.systemService().vmsService();
      const down = (await vms.list({ search: "status=down" }))[0];
      assert.ok(down?.id !== undefined, "the seed has a VM that is down");
      const service = vms.vmService(down.id);
      const action = await service.start();
      assert.ok(action.status === undefined || typeof action.status === "string");
      const seen: string[] = [];
      const vm = await waitFor(service, (v) => v.status === VmStatus.UP, {
        timeoutMs: 10_000,
        intervalMs: 20,
        onProgress: (v, attempt) => {
          assert.ok(attempt >= 1);
          seen.push(String(v.status));
        },
      });
      assert.equal(vm.status, VmStatus.UP);
      assert.equal(seen.at(-1), "up");
      assert.ok(seen.length >= 2, `saw the transition: ${seen.join(",")}`);
      assert.ok(seen.slice(0, -1).every((s) => s !== "up"));
      // Starting it again is refused with the engine's fault.
      const err = await service.start().catch((e) => e);
      assert.ok(err instanceof SdkError);
      assert.match(err.message, /Fault detail is "\[Cannot run VM\..*is running\.\]"\./);
      assert.match(err.message, /HTTP response code is 409\.$/);
    }, 150);
  });
}

Deno.test("fake engine: waitFor times out with TimeoutError", async () => {
  await withEngine(async (_engine, xml) => {
    const service = xml.systemService().vmsService().vmService(SEED_IDS.web1);
    const err = await waitFor(service, () => false, { timeoutMs: 120, intervalMs: 30 })
      .catch((e) => e);
    assert.ok(err instanceof TimeoutError);
    assert.match(
      err.message,
      /Timed out after 120 ms waiting for VmService:\/vms\/.*the last status was 'up'/,
    );
  });
});

Deno.test("fake engine: add and remove a VM in JSON", async () => {
  await withEngine(async (_engine, _xml, json) => {
    const vms = json.systemService().vmsService();
    const added = await vms.add(
      new Vm({
        name: "json-vm",
        memory: 2n * 1024n ** 3n,
        cluster: new Cluster({ name: "Default" }),
        template: undefined,
      }),
    );
    assert.ok(added instanceof Vm);
    assert.equal(added.name, "json-vm");
    assert.equal(added.memory, 2n * 1024n ** 3n);
    assert.ok(added.id);
    await vms.vmService(added.id).remove();
    const err = await vms.vmService(added.id).get().catch((e) => e);
    assert.equal(err?.code, 404);
  });
});

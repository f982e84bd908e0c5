/**
 * Typed link lists and `followLink`: `vm.nics` is a `List<Nic>` with an
 * `href`, `followLink(vm.nics)` is a `Promise<List<Nic>>` by type, and links
 * resolve when the API sits at the root of its origin (`http://h:port`).
 */
import assert from "node:assert/strict";
import { Connection, List, SdkError } from "../../../mod.ts";
import { Cluster, Nic, type Vm } from "../../../src/services/ovirt/mod.ts";

/** Compile-time equality: the test doesn't type-check unless `A` and `B` are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true
  : false;
function sameType<A, B>(proof: Equals<A, B>): void {
  assert.equal(proof, true);
}

/** `await using` closes without the SSO logout these SSO-less servers can't answer. */
function keepToken(connection: Connection): Connection & AsyncDisposable {
  return Object.assign(connection, {
    [Symbol.asyncDispose]: () => connection.close({ logout: false }),
  });
}

/** An engine whose API is at the root of the origin: `/vms/1`, not `/ovirt-engine/api/vms/1`. */
function rootEngine() {
  const seen: string[] = [];
  const xml: Record<string, string> = {
    "/vms/1": `<vm href="/vms/1" id="1"><name>web1</name><cluster href="/clusters/7" id="7"/>` +
      `<link rel="nics" href="/vms/1/nics"/></vm>`,
    "/vms/1/nics": `<nics><nic href="/vms/1/nics/3" id="3"><name>nic1</name></nic></nics>`,
    "/clusters/7": `<cluster href="/clusters/7" id="7"><name>Default</name></cluster>`,
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const path = new URL(req.url).pathname;
    seen.push(path);
    const body = xml[path];
    if (body === undefined) return new Response("", { status: 404 });
    return new Response(body, { headers: { "content-type": "application/xml" } });
  });
  return { server, seen, url: `http://127.0.0.1:${server.addr.port}` };
}

Deno.test("followLink: an API at the root of its origin (no URL path) follows its links", async () => {
  const engine = rootEngine();
  try {
    for (const url of [engine.url, `${engine.url}/`]) {
      // A given token is this test's own: closing must not try to revoke it.
      await using connection = keepToken(new Connection({ url, token: "t" }));
      const vm: Vm = await connection.systemService().vmsService().vmService("1").get();
      assert.ok(vm.nics instanceof List);
      assert.equal(vm.nics.href, "/vms/1/nics");
      const nics = await connection.followLink(vm.nics);
      assert.ok(nics instanceof List);
      assert.ok(nics[0] instanceof Nic);
      assert.equal(nics[0].name, "nic1");
      const cluster = await connection.followLink(vm.cluster);
      assert.ok(cluster instanceof Cluster);
      assert.equal(cluster.name, "Default");
      // A foreign origin is still refused before anything is sent.
      const before = engine.seen.length;
      await assert.rejects(
        connection.followLink(new Cluster({ href: "http://127.0.0.2:1/clusters/7" })),
        SdkError,
      );
      assert.equal(engine.seen.length, before);
    }
    assert.deepEqual(engine.seen.slice(0, 3), ["/vms/1", "/vms/1/nics", "/clusters/7"]);
  } finally {
    await engine.server.shutdown();
  }
});

Deno.test("link lists are List<T>: vm.nics.href type-checks and followLink keeps the item type", async () => {
  const engine = rootEngine();
  try {
    await using connection = keepToken(new Connection({ url: engine.url, token: "t" }));
    const vm = await connection.systemService().vmsService().vmService("1").get();
    const href: string | undefined = vm.nics?.href;
    assert.equal(href, "/vms/1/nics");
    const nics = await connection.followLink(vm.nics);
    sameType<typeof nics, List<Nic>>(true);
    const cluster = await connection.followLink(vm.cluster);
    sameType<typeof cluster, Cluster>(true);
    assert.equal(nics.href, undefined, "a fetched list is data, not a link");
    assert.equal(nics.length, 1);
    // Plain arrays are still accepted where a model object takes a list.
    const copy = new (vm.constructor as typeof import("../../../src/services/ovirt/mod.ts").Vm)({
      nics: [new Nic({ name: "n" })],
    });
    assert.equal(copy.nics?.length, 1);
  } finally {
    await engine.server.shutdown();
  }
});

Deno.test("followLink of a missing link is an SdkError naming the missing href", async () => {
  await using connection = keepToken(new Connection({ url: "http://127.0.0.1:1", token: "t" }));
  await assert.rejects(connection.followLink(undefined), /href/);
  await assert.rejects(connection.followLink(new List<Nic>()), /href/);
});

import assert from "node:assert/strict";
import { NotFound, NoUniqueMatch, ValidationError } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { ComputeClient } from "../../../src/services/openstack/mod.ts";
import { matchesFilter, nextPageQuery } from "../../../src/services/openstack/manager.ts";
import { pathSegment } from "../../../src/services/openstack/path.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("pathSegment keeps ids inside their segment", () => {
  assert.equal(pathSegment("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
  assert.throws(() => pathSegment(".."), ValidationError);
  assert.throws(() => pathSegment("."), ValidationError);
  assert.throws(() => pathSegment(""), ValidationError);
  assert.equal(pathSegment("my key"), "my%20key");
});

Deno.test("matchesFilter compares every attribute exactly, objects deeply", () => {
  const server = { name: "web", status: "ACTIVE", flavor: { id: "1" }, tags: ["a"] };
  assert.ok(matchesFilter(server, { name: "web" }));
  assert.ok(matchesFilter(server, { flavor: { id: "1" }, tags: ["a"] }));
  assert.ok(!matchesFilter(server, { name: "we" }));
  assert.ok(!matchesFilter(server, { flavor: { id: "1", x: 1 } }));
  assert.ok(!matchesFilter(server, { missing: "x" }));
});

Deno.test("nextPageQuery reads each API's next link", () => {
  assert.equal(
    nextPageQuery("keystone", "projects", {
      links: { next: "http://h/v3/projects?marker=a&limit=2" },
    })?.get("marker"),
    "a",
  );
  assert.equal(nextPageQuery("keystone", "projects", { links: { next: null } }), undefined);
  assert.equal(
    nextPageQuery("nova", "servers", {
      servers_links: [{ rel: "next", href: "http://h/servers/detail?marker=b" }],
    })?.get("marker"),
    "b",
  );
  assert.equal(
    nextPageQuery("glance", "images", { next: "/v2/images?marker=c&limit=1" })?.get("marker"),
    "c",
  );
  assert.equal(
    nextPageQuery("trove", "instances", { links: [{ rel: "next", href: "http://h/x?marker=d" }] })
      ?.get("marker"),
    "d",
  );
  assert.equal(nextPageQuery("none", "resource_providers", { next: "/x?marker=e" }), undefined);
});

Deno.test("Manager: list follows pages, find/findAll match on the client, errors name the filter", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  for (const name of ["web-1", "web-2", "web-1", "db"]) {
    await compute.servers.create({ name, flavorRef: "1" });
  }
  const all = await collect(compute.servers.list({ limit: 1 }));
  assert.deepEqual(all.map((s) => s.name), ["web-1", "web-2", "web-1", "db"]);
  const pages = cloud.requests.filter((r) => r.path === "/compute/v2.1/servers/detail");
  assert.equal(pages.length, 5, "4 full pages of 1, then an empty one");
  assert.deepEqual(pages[1]?.query, { limit: "1", marker: all[0]!.id });

  // Nova's name filter is a regex ("web-1" would also match "web-10"): find matches exactly.
  await compute.servers.create({ name: "web-10", flavorRef: "1" });
  assert.equal((await compute.servers.findAll({ name: "web-1" })).length, 2);
  const db = await compute.servers.find({ name: "db" });
  assert.equal(db.name, "db");
  await assert.rejects(compute.servers.find({ name: "web-1" }), NoUniqueMatch);
  await assert.rejects(
    compute.servers.find({ name: "nope" }),
    (e: unknown) => e instanceof NotFound && e.message === 'No Server matching {"name":"nope"}.',
  );
});

Deno.test("Manager: get of a missing resource is NotFound with the request id", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  await assert.rejects(compute.servers.get("missing"), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.equal(e.status, 404);
    assert.equal(e.message, "Instance missing could not be found.");
    assert.match(e.requestId ?? "", /^req-/);
    return true;
  });
});

Deno.test("Manager: ids with slashes or dots stay in their path segment", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  await assert.rejects(compute.servers.get("../flavors/1"), NotFound);
  const sent = cloud.requests.length;
  await assert.rejects(compute.servers.get(".."), ValidationError);
  assert.equal(cloud.requests.length, sent, "nothing sent for '..'");
  const last = cloud.requests.filter((r) => r.method === "GET").map((r) => r.path);
  assert.ok(last.includes("/compute/v2.1/servers/..%2Fflavors%2F1"), last.join(" "));
});

Deno.test("Manager: a next link to another host is only read for its marker", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const compute = new ComputeClient(http);
  await compute.servers.create({ name: "a", flavorRef: "1" });
  await compute.servers.create({ name: "b", flavorRef: "1" });
  cloud.inject({
    path: "/compute/v2.1/servers/detail",
    status: 200,
    body: {
      servers: [{ id: "x", name: "x" }],
      servers_links: [{ rel: "next", href: "http://evil.invalid/servers/detail?limit=5&marker=x" }],
    },
  });
  await assert.rejects(
    collect(compute.servers.list()),
    (e: unknown) => e instanceof Error && /marker/.test(e.message),
  );
  const second = cloud.requests.filter((r) => r.path === "/compute/v2.1/servers/detail")[1];
  assert.deepEqual(second?.query, { limit: "5", marker: "x" });
});

import assert from "node:assert/strict";
import { BadRequest, NotFound } from "../../../mod.ts";
import { FakeCloud } from "../../../src/testing/mod.ts";
import { DatabaseClient } from "../../../src/services/openstack/mod.ts";
import { collect, httpFor } from "./helpers.ts";

Deno.test("DatabaseClient: instances, actions and PATCH updates", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const db = new DatabaseClient(http);
  const inst = await db.instances.create({
    name: "db1",
    flavorRef: "2",
    volume: { size: 2 },
    datastore: { type: "mysql", version: "8.0" },
  });
  assert.equal(inst.name, "db1");
  assert.ok(
    cloud.requests.some((r) => r.path === `/database/v1.0/${cloud.admin.projectId}/instances`),
  );
  await db.instances.restart(inst.id);
  await db.instances.resizeVolume(inst.id, 5);
  await assert.rejects(db.instances.resizeVolume(inst.id, 1), BadRequest);
  assert.equal((await db.instances.get(inst.id)).volume?.size, 5);
  const renamed = await db.instances.update(inst.id, { name: "db1-renamed" });
  assert.equal(renamed.name, "db1-renamed", "202 without a body is followed by get()");
  assert.equal(
    cloud.requests.find((r) => r.method === "PATCH")?.path,
    `/database/v1.0/${cloud.admin.projectId}/instances/${inst.id}`,
  );
  for (let i = 0; i < 3; i++) {
    await db.instances.create({ name: `more${i}`, flavorRef: "1", volume: { size: 1 } });
  }
  assert.equal((await collect(db.instances.list({ limit: 2 }))).length, 4);
  await db.instances.delete(inst.id);
  await assert.rejects(db.instances.get(inst.id), NotFound);
});

Deno.test("DatabaseClient: databases and users answer 202 without a body", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const db = new DatabaseClient(http);
  const inst = await db.instances.create({ name: "db", flavorRef: "1", volume: { size: 1 } });
  const databases = db.databases(inst.id);
  const made = await databases.create({ name: "app", character_set: "utf8mb4" });
  assert.deepEqual(made, { name: "app", character_set: "utf8mb4" });
  await databases.create({ name: "logs" });
  assert.deepEqual((await collect(databases.list({ limit: 1 }))).map((d) => d.name), [
    "app",
    "logs",
  ]);
  assert.equal((await databases.get("logs")).name, "logs");
  await assert.rejects(databases.get("nope"), NotFound);
  await databases.delete("app");
  assert.deepEqual((await collect(databases.list())).map((d) => d.name), ["logs"]);

  const users = db.users(inst.id);
  await users.create({ name: "bob", password: "bob-pw-secret", databases: [{ name: "logs" }] });
  const bob = await users.get("bob");
  assert.deepEqual(bob.databases, [{ name: "logs" }]);
  assert.equal(bob.password, undefined);
  const updated = await users.update("bob", { host: "10.0.0.%" });
  assert.equal(updated.host, "10.0.0.%");
  assert.ok(!JSON.stringify(cloud.requests).includes("bob-pw-secret"));
  await users.delete("bob");
  assert.deepEqual(await collect(users.list()), []);
});

Deno.test("DatabaseClient: flavors, datastores, backups and configurations", async () => {
  await using cloud = await FakeCloud.start();
  await using http = httpFor(cloud);
  const db = new DatabaseClient(http);
  assert.equal((await collect(db.flavors.list())).length, 5);
  assert.equal((await db.flavors.get("3")).name, "m1.medium");
  const mysql = await db.datastores.get("mysql");
  assert.deepEqual(mysql.versions.map((v) => v.name), ["8.0", "5.7"]);
  const inst = await db.instances.create({ name: "db", flavorRef: "1", volume: { size: 1 } });
  const backup = await db.backups.create({ name: "nightly", instance: inst.id });
  assert.equal(backup.instance_id, inst.id);
  assert.equal((await db.backups.find({ name: "nightly" })).id, backup.id);
  await db.backups.delete(backup.id);
  const cfg = await db.configurations.create({ name: "tuned", values: { max_connections: 100 } });
  const merged = await db.configurations.update(cfg.id, { values: { wait_timeout: 30 } });
  assert.deepEqual(merged.values, { max_connections: 100, wait_timeout: 30 });
  await db.configurations.delete(cfg.id);
});

import assert from "node:assert/strict";
import { FakeEngine, SEED_IDS } from "../../../src/testing/mod.ts";
import { call, childTags, linkRels, USERS } from "./_helpers.ts";

const REFERENCE = new URL("../../../../shared/reference/ovirt-api-model.json", import.meta.url);

interface ModelField {
  name: string;
  xml?: string;
  rel?: string;
  list?: boolean;
  link?: boolean;
}

/** The reference model's wire names of a type's fields, or undefined without the file. */
async function modelNames(type: string): Promise<Set<string> | undefined> {
  let text: string;
  try {
    text = await Deno.readTextFile(REFERENCE);
  } catch {
    return undefined;
  }
  const types = JSON.parse(text).types as Record<
    string,
    { parent?: string; fields?: ModelField[] }
  >;
  const names = new Set<string>();
  for (let t: string | undefined = type; t; t = types[t]?.parent) {
    for (const f of types[t]?.fields ?? []) {
      // A list link comes as `<link rel>`, or inline (`<data_centers><data_center id/>`).
      names.add(f.xml ?? f.name);
      if (f.list && f.link) names.add(f.rel ?? f.name);
    }
  }
  return names;
}

/** Fields an entity shows: its elements plus its sub-collection links (list links). */
function shownFields(xml: string, tag: string): Set<string> {
  const tags = childTags(xml, tag).filter((t) => t !== "link" && t !== "actions");
  return new Set([...tags, ...linkRels(xml, tag)]);
}

Deno.test("FakeEngine: seeded entities carry the model's fields (VM, host, cluster, data center…)", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const cases: [string, string, string, number][] = [
    [`/vms/${SEED_IDS.web1}`, "vm", "Vm", 75],
    [`/vms/${SEED_IDS.db1}`, "vm", "Vm", 78],
    [`/hosts/${SEED_IDS.host1}`, "host", "Host", 50],
    [`/clusters/${SEED_IDS.cluster}`, "cluster", "Cluster", 44],
    [`/datacenters/${SEED_IDS.dataCenter}`, "data_center", "DataCenter", 16],
    [`/storagedomains/${SEED_IDS.data1}`, "storage_domain", "StorageDomain", 28],
    [`/vmpools/${SEED_IDS.pool}`, "vm_pool", "VmPool", 15],
  ];
  for (const [path, tag, type, atLeast] of cases) {
    const reply = await call(engine, path, { headers: { "all-content": "true" } });
    assert.equal(reply.status, 200, path);
    const shown = shownFields(reply.text, tag);
    assert.ok(shown.size >= atLeast, `${tag}: ${shown.size} fields: ${[...shown].join(" ")}`);
    const names = await modelNames(type);
    if (names) {
      const invented = [...shown].filter((f) => !names.has(f));
      assert.deepEqual(invented, [], `${tag} fields not in the model`);
    }
  }
});

Deno.test("FakeEngine: hosts, clusters and data centers carry their links and actions, and every link answers", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const expect: [string, string, string[], string[]][] = [
    [`/hosts/${SEED_IDS.host1}`, "host", ["activate", "deactivate", "fence", "refresh"], [
      "nics",
      "statistics",
      "permissions",
      "storage",
    ]],
    [`/clusters/${SEED_IDS.cluster}`, "cluster", ["resetemulatedmachine", "upgrade"], [
      "networks",
      "affinitygroups",
      "cpuprofiles",
    ]],
    [`/datacenters/${SEED_IDS.dataCenter}`, "data_center", ["cleanfinishedtasks", "setmaster"], [
      "clusters",
      "storagedomains",
      "networks",
      "quotas",
    ]],
    [`/vms/${SEED_IDS.web1}`, "vm", ["start", "stop", "ticket", "migrate"], [
      "graphicsconsoles",
      "cdroms",
      "nics",
      "diskattachments",
    ]],
  ];
  for (const [path, tag, actions, links] of expect) {
    const reply = await call(engine, path);
    const block = /<actions>([\s\S]*?)<\/actions>/.exec(reply.text)?.[1] ?? "";
    const rels = [...block.matchAll(/rel="([^"]+)"/g)].map((m) => m[1]);
    for (const a of actions) assert.ok(rels.includes(a), `${tag} action ${a}`);
    const subs = linkRels(reply.text, tag);
    for (const l of links) assert.ok(subs.includes(l), `${tag} link ${l}`);
    for (const rel of subs) {
      const sub = await call(engine, `${path}/${rel}`);
      assert.equal(sub.status, 200, `${path}/${rel}`);
    }
  }
  // Views: a data center lists its clusters and storage domains, a storage domain its disks.
  const dcClusters = await call(engine, `/datacenters/${SEED_IDS.dataCenter}/clusters`);
  assert.match(dcClusters.text, /<clusters>\s*<cluster href="\/ovirt-engine\/api\/clusters\//);
  const dcDomains = await call(engine, `/datacenters/${SEED_IDS.dataCenter}/storagedomains`);
  assert.equal(dcDomains.text.match(/<storage_domain /g)?.length, 2);
  const disks = await call(engine, `/storagedomains/${SEED_IDS.data1}/disks`);
  assert.equal(disks.text.match(/<disk /g)?.length, 3);
  const host = await call(engine, `/hosts/${SEED_IDS.host1}/deactivate`, {
    method: "POST",
    headers: { "content-type": "application/xml" },
    body: "<action/>",
  });
  assert.equal(host.status, 200);
  assert.match(
    (await call(engine, `/hosts/${SEED_IDS.host1}`)).text,
    /<status>maintenance<\/status>/,
  );
});

Deno.test("FakeEngine: the API root links every collection it serves, and X/search for the searchable ones", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const root = await call(engine, "");
  const links = [...root.text.matchAll(/<link href="([^"]+)" rel="([^"]+)"\/>/g)].map((m) => ({
    href: m[1]!,
    rel: m[2]!,
  }));
  const rels = links.map((l) => l.rel);
  for (
    const seg of [
      "clusters",
      "datacenters",
      "disks",
      "hosts",
      "networks",
      "storagedomains",
      "templates",
      "vmpools",
      "vms",
    ]
  ) {
    assert.ok(rels.includes(seg), seg);
    assert.ok(rels.includes(`${seg}/search`), `${seg}/search`);
  }
  for (const link of links) {
    const path = link.href.replace("/ovirt-engine/api", "").replace("{query}", "name%3D*");
    const reply = await call(engine, path);
    assert.equal(reply.status, 200, link.rel);
  }
});

Deno.test("FakeEngine: All-Content (header or all_content=true) adds the expensive fields", async () => {
  await using engine = await FakeEngine.start({ users: USERS });
  const heavy = ["console", "rng_device", "soundcard_enabled", "virtio_scsi"];
  const vm = `/vms/${SEED_IDS.web1}`;
  const plain = childTags((await call(engine, vm)).text, "vm");
  for (const f of heavy) assert.ok(!plain.includes(f), `${f} without All-Content`);
  assert.ok(plain.includes("initialization"));
  assert.ok(!(await call(engine, vm)).text.includes("<configuration>"));
  const hows: { headers: Record<string, string>; q: string }[] = [
    { headers: { "all-content": "true" }, q: "" },
    { headers: {}, q: "?all_content=true" },
  ];
  for (const how of hows) {
    const text = (await call(engine, `${vm}${how.q}`, { headers: how.headers })).text;
    const full = childTags(text, "vm");
    for (const f of heavy) assert.ok(full.includes(f), `${f} with All-Content`);
    assert.ok(text.includes("<configuration>"));
  }
  const list = await call(engine, "/vms", { headers: { "all-content": "true" } });
  assert.equal(list.text.match(/<virtio_scsi>/g)?.length, 3);
  const host = `/hosts/${SEED_IDS.host1}`;
  assert.ok(!(await call(engine, host)).text.includes("<hosted_engine>"));
  assert.ok(
    (await call(engine, host, { headers: { "all-content": "true" } })).text.includes(
      "<hosted_engine>",
    ),
  );
});

/**
 * The generated model against the engine's own model: when the reference
 * data (`ovirt-api-model.json`, release 4.6.1) is on this machine, every
 * type, field, enum value, service, method, parameter, signature, locator
 * and wire name must match it; without it the counts of the committed model
 * and of the generated tables are still checked.
 */
import assert from "node:assert/strict";
import { coverage, describeModel } from "../../../scripts/gen_ovirt.ts";
import { MODEL } from "../../../src/services/ovirt/model/mod.ts";
import * as ovirt from "../../../src/services/ovirt/mod.ts";
import { ENUM_VALUES, TYPE_SPECS } from "../../../src/services/ovirt/_generated/meta.ts";
import { typeByName } from "../../../src/services/ovirt/type_info.ts";

const root = new URL("../../../", import.meta.url);

/** The counts of release 4.6.1 (the reference's `counts`). */
const COUNTS = {
  structTypes: 217,
  builtinTypes: 3,
  fields: 1241,
  enums: 115,
  enumValues: 598,
  services: 288,
  methods: 637,
  crudMethods: 513,
  actions: 124,
  signatures: 49,
  locators: 318,
  rootLocators: 40,
};

interface Reference {
  counts: Record<string, number>;
  types: Record<string, Record<string, unknown>>;
  enums: Record<string, Record<string, unknown>>;
  services: Record<string, Record<string, unknown>>;
}

/** The reference beside the repository (`../shared/reference/`), or a worktree's. */
async function reference(): Promise<Reference | undefined> {
  const candidates = [
    Deno.env.get("OVIRT_API_MODEL"),
    new URL("../shared/reference/ovirt-api-model.json", root).pathname,
    new URL("../../shared/reference/ovirt-api-model.json", root).pathname,
  ];
  for (const path of candidates) {
    if (!path) continue;
    try {
      return JSON.parse(await Deno.readTextFile(path)) as Reference;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  return undefined;
}

const described = describeModel(MODEL);

Deno.test("reference model: counts of the committed model", () => {
  const c = coverage(MODEL);
  for (const [k, v] of Object.entries(COUNTS)) assert.equal(c[k], v, k);
  // The generated tables hold every type but the built-in Fault (in model_core) and every enum.
  assert.equal(TYPE_SPECS.length, COUNTS.structTypes + COUNTS.builtinTypes - 1);
  assert.equal(Object.keys(ENUM_VALUES).length, COUNTS.enums);
  assert.equal(Object.values(ENUM_VALUES).reduce((n, v) => n + v.length, 0), COUNTS.enumValues);
  const exported = ovirt as unknown as Record<string, unknown>;
  for (const name of Object.keys(described.services)) {
    assert.equal(typeof exported[name], "function", `${name} is exported`);
  }
  for (const name of Object.keys(described.types)) {
    assert.equal(typeof exported[name], "function", `${name} is exported`);
  }
  // The three items the old model invented are gone.
  assert.ok(!ENUM_VALUES.StepEnum!.includes("removing_volume"));
  assert.ok(!typeByName("HostNic")!.fields.some((f) => f.name === "networkAttachments"));
  assert.ok(!typeByName("PowerManagement")!.fields.some((f) => f.name === "port"));
});

Deno.test("reference model: every type, enum and service matches the engine's model", async () => {
  const ref = await reference();
  if (ref === undefined) {
    // Not on this machine: the committed counts above are the check.
    assert.equal(Object.keys(described.types).length, COUNTS.structTypes + COUNTS.builtinTypes);
    return;
  }
  for (const [k, v] of Object.entries(COUNTS)) assert.equal(ref.counts[k], v, `reference ${k}`);
  assert.deepEqual(Object.keys(described.types).sort(), Object.keys(ref.types).sort());
  assert.deepEqual(Object.keys(described.enums).sort(), Object.keys(ref.enums).sort());
  assert.deepEqual(Object.keys(described.services).sort(), Object.keys(ref.services).sort());
  for (const [name, t] of Object.entries(ref.types)) {
    assert.deepEqual(described.types[name], t, `type ${name}`);
    // The generated reader/writer tables carry the same wire names.
    const info = typeByName(name);
    assert.ok(info !== undefined, `${name} has codec tables`);
    assert.equal(info.tag, t.xml, `${name} tag`);
    if (name !== "Fault") assert.equal(info.plural, t.xmlList ?? "", `${name} list tag`);
  }
  for (const [name, e] of Object.entries(ref.enums)) {
    assert.deepEqual(described.enums[name], e, `enum ${name}`);
    assert.deepEqual(ENUM_VALUES[name], e.values, `enum ${name} values`);
  }
  for (const [name, s] of Object.entries(ref.services)) {
    assert.deepEqual(described.services[name], s, `service ${name}`);
  }
  // Inherited fields as the codecs see them: every field of every type, `id` built in.
  for (const [name, t] of Object.entries(ref.types)) {
    if (name === "Fault") continue;
    const wires: string[] = [];
    for (let at: Record<string, unknown> | undefined = t; at; at = ref.types[at.parent as string]) {
      const fields = at.fields as { xml: string; attribute?: boolean; name: string }[];
      wires.unshift(...fields.filter((f) => f.name !== "id").map((f) => f.xml));
    }
    assert.deepEqual(typeByName(name)!.fields.map((f) => f.wire).sort(), wires.sort(), name);
  }
});

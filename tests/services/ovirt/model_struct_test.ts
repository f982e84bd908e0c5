import assert from "node:assert/strict";
import { inspect as nodeInspect } from "node:util";
import {
  Action,
  Host,
  Initialization,
  List,
  ModelStruct,
  ProxyTicket,
  Struct,
  Ticket,
  User,
  Vm,
  writeJson,
  writeXml,
} from "../../../src/services/ovirt/mod.ts";

const SECRET = "vzhJgfyaDPHRhg";

Deno.test("types: constructors set only the given fields and extend Struct", () => {
  const vm = new Vm({ id: "1", href: "/vms/1", name: "a", description: undefined });
  assert.ok(vm instanceof Struct);
  assert.ok(vm instanceof ModelStruct);
  const defined = (o: object) =>
    Object.entries(o).filter(([, v]) => v !== undefined).map(([k]) => k);
  assert.deepEqual(defined(vm).sort(), ["href", "id", "name"]);
  assert.deepEqual(defined(new Vm()), []);
});

Deno.test("types: JSON.stringify copes with bigint fields and nested lists", () => {
  const vm = new Vm({
    name: "a",
    memory: 2n ** 60n,
    nics: List.create([], "/vms/1/nics"),
    host: new Host({ memory: 5n }),
  });
  assert.deepEqual(JSON.parse(JSON.stringify(vm)), {
    name: "a",
    memory: "1152921504606846976",
    nics: [],
    host: { memory: "5" },
  });
});

Deno.test("secrets: redacted in Deno.inspect and JSON.stringify, still written on the wire", () => {
  const objects = [
    new Host({ name: "h", rootPassword: SECRET }),
    new User({ userName: "u", password: SECRET }),
    new Initialization({ rootPassword: SECRET }),
    new Ticket({ value: SECRET, expiry: 120 }),
    new Action({ rootPassword: SECRET }),
    new Vm({ initialization: new Initialization({ rootPassword: SECRET }) }),
  ];
  for (const o of objects) {
    const shown = Deno.inspect(o, { depth: 10 });
    assert.ok(!shown.includes(SECRET), shown);
    assert.match(shown, /<redacted>/);
    assert.ok(!JSON.stringify(o).includes(SECRET));
    assert.ok(writeXml(o).includes(SECRET), "the XML writer sends the secret");
    assert.ok(writeJson(o).includes(SECRET), "the JSON writer sends the secret");
  }
  assert.match(Deno.inspect(new Host({ name: "h" })), /^Host \{ name: "h" \}$/);
  assert.equal(Host.secretFields.includes("rootPassword"), true);
  assert.deepEqual(Vm.secretFields, []);
});

Deno.test("secrets: Node's and Bun's util.inspect hook redacts them too", () => {
  const hook = Symbol.for("nodejs.util.inspect.custom");
  const objects = [
    new Host({ name: "h", rootPassword: SECRET }),
    new Vm({ initialization: new Initialization({ rootPassword: SECRET }) }),
    new Ticket({ value: SECRET }),
  ];
  for (const o of objects) {
    const custom = (o as unknown as Record<symbol, (...a: unknown[]) => string>)[hook];
    assert.ok(typeof custom === "function");
    // As Node calls it (depth, options, inspect), and as older Node does (no inspect).
    const shown = custom.call(o, 5, { depth: 5 }, nodeInspect);
    assert.ok(!shown.includes(SECRET), shown);
    assert.match(shown, /<redacted>/);
    assert.ok(!custom.call(o, 5, {}).includes(SECRET));
    assert.ok(!nodeInspect(o, { depth: 5 }).includes(SECRET));
    assert.ok(!nodeInspect(List.create([o]), { depth: 5 }).includes(SECRET));
  }
});

Deno.test("secrets: the shared redaction rules cover fields the model does not list", () => {
  // ProxyTicket.value is a console ticket, whether or not the model lists it as secret.
  const proxy = new ProxyTicket({ value: SECRET });
  assert.ok(!Deno.inspect(proxy).includes(SECRET));
  assert.ok(!JSON.stringify(proxy).includes(SECRET));
  assert.ok(!nodeInspect(proxy).includes(SECRET));
  assert.ok(writeXml(proxy).includes(SECRET), "still sent on the wire");
  // A ticket's id is not its secret.
  assert.match(Deno.inspect(new Ticket({ id: "t1", value: SECRET })), /id: "t1"/);
});

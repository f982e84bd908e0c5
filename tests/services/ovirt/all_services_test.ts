/**
 * Every service of the model, located by path, every method, signature and
 * action called once against a local server: the generated code sends the
 * right method to the right URL and reads the right type; mandatory inputs
 * are refused before any request.
 */
import assert from "node:assert/strict";
import { describeModel } from "../../../scripts/gen_ovirt.ts";
import { SdkError } from "../../../src/errors/mod.ts";
import { Action, List, type Struct, SystemService } from "../../../src/services/ovirt/mod.ts";
import * as ovirt from "../../../src/services/ovirt/mod.ts";
import { typeByName } from "../../../src/services/ovirt/type_info.ts";
import { CannedServer, FetchConnection } from "./_server.ts";

interface Param {
  name: string;
  type: string;
  query?: string;
  list?: boolean;
  in?: boolean;
  out?: boolean;
  body?: boolean;
}
interface Method {
  kind: string;
  path?: string;
  request?: string;
  response?: string;
  params: Param[];
  mandatory?: string[];
  signatures?: Record<string, { params: Param[]; mandatory?: string[] }>;
}
interface Svc {
  parent?: string;
  methods: Record<string, Method>;
  locators: Record<string, { service: string; id?: boolean; path: string }>;
}

const model = describeModel();
const services = model.services as Record<string, Svc>;
const ctors = ovirt as unknown as Record<string, new () => Struct>;

function chain(name: string): Svc[] {
  const out: Svc[] = [];
  for (let s: Svc | undefined = services[name]; s; s = s.parent ? services[s.parent] : undefined) {
    out.unshift(s);
  }
  return out;
}

/** The first path that reaches each service, breadth first from the root. */
function paths(): Map<string, string> {
  const out = new Map<string, string>([["SystemService", ""]]);
  const queue = ["SystemService"];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const name = queue[i]!;
    for (const s of chain(name)) {
      for (const l of Object.values(s.locators)) {
        if (out.has(l.service)) continue;
        out.set(l.service, `${out.get(name)}/${l.id ? `id-${i}` : l.path}`);
        queue.push(l.service);
      }
    }
  }
  return out;
}

/** Sets the first alternative of each mandatory path to a value (`vm.cluster.id`). */
function fill(values: Record<string, unknown>, params: Param[], paths: string[]): void {
  for (const alternatives of paths) {
    const segments = alternatives.split("|")[0]!.split(".");
    const head = segments.shift()!.replace("[]", "");
    const param = params.find((p) => p.name === head)!;
    values[head] = put(values[head], param.type, param.list === true, segments);
  }
}

function put(current: unknown, type: string, list: boolean, rest: string[]): unknown {
  if (list) {
    const items = Array.isArray(current) && current.length > 0 ? current : [undefined];
    return items.map((item) => put(item, type, false, rest));
  }
  if (rest.length === 0) {
    if (type === "Boolean") return true;
    if (type === "Integer" || type === "Decimal") return 1;
    if (type === "Date") return new Date(0);
    if (ctors[type] !== undefined && typeByName(type)) return current ?? new ctors[type]!();
    return "x";
  }
  const obj = (current ?? new ctors[type]!()) as Record<string, unknown>;
  const [seg, ...more] = rest as [string, ...string[]];
  const name = seg.replace("[]", "");
  const field = typeByName(type)?.fields.find((f) => f.name === name);
  if (name === "id" || name === "href") {
    obj[name] = "x";
    return obj;
  }
  assert.ok(field !== undefined, `${type}.${name} exists`);
  const fieldType = field.ref ?? { long: "Integer", integer: "Integer" }[field.kind as string] ??
    (field.kind === "boolean" ? "Boolean" : field.kind === "date" ? "Date" : "String");
  obj[name] = put(obj[name], fieldType, field.list === true, more);
  return obj;
}

type Call = (...args: unknown[]) => Promise<unknown>;

Deno.test("all services: every method, signature and action hits its URL and reads its type", async () => {
  const server = new CannedServer();
  try {
    const system = new SystemService(new FetchConnection(server.url), "");
    const where = paths();
    let calls = 0, refused = 0;
    for (const [name, svc] of Object.entries(services)) {
      const path = where.get(name);
      if (path === undefined) {
        // Not reachable from the root: the class still exists with its methods.
        assert.equal(typeof ctors[name], "function", name);
        continue;
      }
      const service = system.service(path.slice(1));
      assert.equal(service.constructor.name, name, path);
      assert.equal(service.path, path);
      const methods = service as unknown as Record<string, Call>;
      const all = Object.entries(Object.assign({}, ...chain(name).map((s) => s.methods))) as [
        string,
        Method,
      ][];
      assert.ok(Object.keys(svc.methods).every((k) => all.some(([m]) => m === k)));
      for (const [key, m] of all) {
        const variants: [string, Param[], string[]][] = [[
          key.charAt(0).toLowerCase() + key.slice(1),
          m.params,
          m.mandatory ?? [],
        ]];
        for (const [sk, sig] of Object.entries(m.signatures ?? {})) {
          variants.push([
            variants[0]![0] + sk,
            [...m.params, ...sig.params],
            [...(m.mandatory ?? []), ...(sig.mandatory ?? [])],
          ]);
        }
        for (const [js, params, mandatory] of variants) {
          assert.equal(typeof methods[js], "function", `${name}.${js}`);
          const body = params.find((p) => p.body);
          const bodyCtor = body ? ctors[body.type] : undefined;
          const values: Record<string, unknown> = {};
          if (body && (m.kind === "add" || m.kind === "update")) {
            values[body.name] = body.list ? [new bodyCtor!()] : new bodyCtor!();
          }
          const args = () => {
            const options = { ...values };
            if (body) delete options[body.name];
            return body && (m.kind === "add" || m.kind === "update")
              ? [values[body.name], options]
              : [options];
          };
          const before = server.seen.length;
          if (mandatory.length > 0) {
            await assert.rejects(
              methods[js]!.apply(service, args()),
              (e: unknown) => e instanceof SdkError && /mandatory/.test(e.message),
              `${name}.${js} checks its mandatory inputs`,
            );
            assert.equal(server.seen.length, before, `${name}.${js}: nothing sent`);
            refused++;
            fill(values, params, mandatory);
          }
          // Every query parameter set: the request must carry the engine's query names.
          const queries = params.filter((p) => p.query !== undefined);
          for (const p of queries) {
            const enumValues = (model.enums[p.type] as { values?: string[] } | undefined)?.values;
            values[p.name] = p.type === "Boolean"
              ? true
              : p.type === "Integer"
              ? 1
              : enumValues?.[0] ?? "x";
          }
          const at: string = m.kind === "action" ? `${path}/${m.path}` : path;
          const http = { get: "GET", list: "GET", add: "POST", update: "PUT", remove: "DELETE" }[
            m.kind
          ] ?? "POST";
          const tag = body ? typeByName(body.type)?.tag : undefined;
          const reply = m.kind === "action"
            ? "<action/>"
            : m.kind === "remove"
            ? ""
            : body?.list || m.kind === "list"
            ? `<${m.response}><${tag}/></${m.response}>`
            : `<${m.response}/>`;
          server.set(at, m.kind === "add" ? 201 : 200, reply);
          const got = await methods[js]!.apply(service, args());
          assert.equal(server.seen.length, before + 1, `${name}.${js} sent one request`);
          assert.equal(server.last.method, http, `${name}.${js}`);
          assert.equal(server.last.path, at, `${name}.${js}`);
          assert.deepEqual(
            [...new URLSearchParams(server.last.query).keys()].sort(),
            queries.map((p) => p.query!).sort(),
            `${name}.${js} query names`,
          );
          if (m.request) {
            assert.ok(
              server.last.body.includes(`<${m.request}`),
              `${name}.${js} sends <${m.request}>`,
            );
          }
          calls++;
          if (m.kind === "remove") assert.equal(got, undefined);
          else if (m.kind === "action") {
            const out = params.some((p) => p.out && !p.body);
            if (!out) assert.ok(got instanceof Action, `${name}.${js}`);
          } else if (body?.list || m.kind === "list") {
            assert.ok(got instanceof List && got[0] instanceof bodyCtor!, `${name}.${js}`);
          } else assert.ok(got instanceof bodyCtor!, `${name}.${js} reads a ${body?.type}`);
        }
      }
    }
    assert.ok(calls >= 680, `calls: ${calls}`);
    assert.ok(refused >= 90, `refused: ${refused}`);
  } finally {
    await server.close();
  }
});

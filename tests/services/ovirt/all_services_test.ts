/**
 * Every service of the model, located by path, every method and action
 * called once against a local server: the generated code sends the right
 * method to the right URL and reads the right type.
 */
import assert from "node:assert/strict";
import { MODEL } from "../../../src/services/ovirt/model/mod.ts";
import { Action, List, type Struct, SystemService } from "../../../src/services/ovirt/mod.ts";
import * as ovirt from "../../../src/services/ovirt/mod.ts";
import { CannedServer, FetchConnection } from "./_server.ts";

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()).replace(/^_/, "");
}

/** The first path that reaches each service, breadth first from the root. */
function paths(): Map<string, string> {
  const byName = new Map(MODEL.services.map((s) => [s.name, s]));
  const out = new Map<string, string>([["System", ""]]);
  const queue = ["System"];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const name = queue[i]!;
    const s = byName.get(name)!;
    const here = out.get(name)!;
    const next: [string, string][] = Object.entries(s.locators ?? {}).map((
      [loc, target],
    ) => [target, `${here}/${loc.toLowerCase()}`]);
    if (s.entity) next.push([s.entity.split(":")[1]!, `${here}/id-${i}`]);
    for (const [target, path] of next) {
      if (!out.has(target)) {
        out.set(target, path);
        queue.push(target);
      }
    }
  }
  return out;
}

function tagOf(typeName: string): [string, string] {
  const t = MODEL.types.find((x) => x.name === typeName)!;
  const tag = t.tag ?? snake(typeName);
  return [tag, t.plural ?? `${tag}s`];
}

type Method = (...args: unknown[]) => Promise<unknown>;

Deno.test("all services: every method and action hits its URL and reads its type", async () => {
  const server = new CannedServer();
  try {
    const system = new SystemService(new FetchConnection(server.url), "");
    const where = paths();
    let calls = 0;
    for (const s of MODEL.services) {
      const path = where.get(s.name);
      assert.ok(path !== undefined, `${s.name} is reachable`);
      const service = system.service(path.slice(1));
      assert.equal(service.constructor.name, `${s.name}Service`, path);
      assert.equal(service.path, path);
      const methods = service as unknown as Record<string, Method>;
      const ctor = (ovirt as unknown as Record<string, new () => Struct>)[s.type]!;
      const [tag, plural] = tagOf(s.type);
      const expect = async (
        name: string,
        args: unknown[],
        method: string,
        at: string,
        code: number,
        body: string,
      ) => {
        server.set(at, code, body);
        const before = server.seen.length;
        const result = await methods[name]!.apply(service, args);
        assert.equal(server.seen.length, before + 1, `${s.name}.${name} sent one request`);
        assert.equal(server.last.method, method, `${s.name}.${name}`);
        assert.equal(server.last.path, at, `${s.name}.${name}`);
        calls++;
        return result;
      };
      if (s.get !== undefined) {
        const got = await expect("get", [], "GET", path, 200, `<${tag} id="x"/>`);
        assert.ok(got instanceof ctor, `${s.name}.get reads a ${s.type}`);
      }
      if (s.list !== undefined) {
        const got = await expect("list", [], "GET", path, 200, `<${plural}><${tag}/></${plural}>`);
        assert.ok(got instanceof List && got[0] instanceof ctor, `${s.name}.list`);
      }
      for (const add of s.add === undefined ? [] : ["add", ...(s.adds ?? [])]) {
        const got = await expect(add, [new ctor()], "POST", path, 201, `<${tag}/>`);
        assert.ok(got instanceof ctor, `${s.name}.${add}`);
      }
      if (s.update !== undefined) {
        const got = await expect("update", [new ctor()], "PUT", path, 200, `<${tag}/>`);
        assert.ok(got instanceof ctor, `${s.name}.update`);
      }
      if (s.remove !== undefined) {
        assert.equal(await expect("remove", [], "DELETE", path, 200, ""), undefined);
      }
      for (const [name, spec] of Object.entries(s.actions ?? {})) {
        const segment = /\/(\w+)\s*$/.exec(spec)?.[1] ?? name.toLowerCase();
        const got = await expect(name, [], "POST", `${path}/${segment}`, 200, "<action/>");
        if (!spec.includes("->")) assert.ok(got instanceof Action, `${s.name}.${name}`);
      }
    }
    const expected = MODEL.services.reduce(
      (n, s) =>
        n + (["get", "list", "update", "remove"] as const).filter((k) =>
          s[k] !== undefined
        ).length +
        (s.add === undefined ? 0 : 1 + (s.adds?.length ?? 0)) + Object.keys(s.actions ?? {}).length,
      0,
    );
    assert.equal(calls, expected);
    assert.ok(calls >= 300, `calls: ${calls}`);
  } finally {
    await server.close();
  }
});

/**
 * The public surface of every entry point, one line per exported name with its
 * signature, from `deno doc --json`. `tests/public_surface_test.ts` compares it
 * with the committed snapshot in `tests/surface/`; after an intended change:
 *
 *   deno run -A scripts/public_surface.ts --update
 */

// deno-lint-ignore no-explicit-any
type Json = any;

/** The entry points of deno.json's `exports`, by snapshot file name. */
export const ENTRY_POINTS: Record<string, string> = {
  "mod": "mod.ts",
  "auth": "src/auth/mod.ts",
  "services_openstack": "src/services/openstack/mod.ts",
  "services_ovirt": "src/services/ovirt/mod.ts",
  "testing": "src/testing/mod.ts",
};

const ROOT = new URL("..", import.meta.url);

function typeParams(params: Json[] | undefined): string {
  if (!params?.length) return "";
  return `<${
    params.map((p) =>
      p.name + (p.constraint ? ` extends ${type(p.constraint)}` : "") +
      (p.default ? ` = ${type(p.default)}` : "")
    ).join(", ")
  }>`;
}

function param(p: Json): string {
  switch (p.kind) {
    case "identifier":
      return `${p.name}${p.optional ? "?" : ""}${p.tsType ? `: ${type(p.tsType)}` : ""}`;
    case "assign":
      return `${param({ ...p.left, optional: true })}`;
    case "rest":
      return `...${param(p.arg)}${p.tsType ? `: ${type(p.tsType)}` : ""}`;
    case "object":
      return `{ ${(p.props ?? []).map((x: Json) => x.key ?? x.name ?? "…").join(", ")} }${
        p.tsType ? `: ${type(p.tsType)}` : ""
      }`;
    case "array":
      return `[…]${p.tsType ? `: ${type(p.tsType)}` : ""}`;
    default:
      return p.name ?? p.kind;
  }
}

function fn(def: Json): string {
  return `${typeParams(def.typeParams)}(${(def.params ?? []).map(param).join(", ")})${
    def.returnType ? `: ${type(def.returnType)}` : ""
  }`;
}

function members(def: Json): string {
  const parts: string[] = [];
  for (const p of def.properties ?? []) {
    parts.push(
      `${p.readonly ? "readonly " : ""}${p.name}${p.optional ? "?" : ""}: ${type(p.tsType)}`,
    );
  }
  for (const m of def.methods ?? []) {
    parts.push(`${m.name}${m.optional ? "?" : ""}${fn(m)}`);
  }
  for (const c of def.callSignatures ?? []) parts.push(fn(c));
  for (const i of def.indexSignatures ?? []) {
    parts.push(`[${(i.params ?? []).map(param).join(", ")}]: ${type(i.tsType)}`);
  }
  return `{ ${parts.join("; ")} }`;
}

function type(t: Json): string {
  if (t === undefined || t === null) return "unknown";
  const v = t.value;
  switch (t.kind) {
    case "keyword":
      return v;
    case "literal":
      if (v.kind === "string") return JSON.stringify(v.string);
      if (v.kind === "number") return String(v.number);
      if (v.kind === "boolean") return String(v.boolean);
      if (v.kind === "bigInt") return `${v.string}n`;
      if (v.kind === "template") return t.repr ?? "`…`";
      return t.repr ?? "literal";
    case "typeRef":
      return `${v.typeName}${v.typeParams?.length ? `<${v.typeParams.map(type).join(", ")}>` : ""}`;
    case "union":
      return v.map(type).join(" | ");
    case "intersection":
      return v.map(type).join(" & ");
    case "array":
      return `${wrap(v)}[]`;
    case "tuple":
      return `[${v.map(type).join(", ")}]`;
    case "parenthesized":
      return `(${type(v)})`;
    case "optional":
      return `${type(v)}?`;
    case "rest":
      return `...${type(v)}`;
    case "typeOperator":
      return `${v.operator} ${type(v.tsType)}`;
    case "indexedAccess":
      return `${type(v.objType)}[${type(v.indexType)}]`;
    case "typeQuery":
      return `typeof ${typeof v === "string" ? v : v.exprName ?? t.repr}`;
    case "this":
      return "this";
    case "fnOrConstructor":
      return `${v.constructor ? "new " : ""}${fn({ ...v, returnType: undefined })} => ${
        type(v.tsType)
      }`;
    case "typeLiteral":
      return members(v);
    case "conditional":
      return `${type(v.checkType)} extends ${type(v.extendsType)} ? ${type(v.trueType)} : ${
        type(v.falseType)
      }`;
    case "mapped":
      return `{ [${v.typeParam?.name} in ${type(v.typeParam?.constraint)}]: ${type(v.tsType)} }`;
    case "typePredicate":
      return `${v.param?.name ?? "this"} is ${type(v.type)}`;
    case "importType":
      return `import(${JSON.stringify(v.specifier)})${v.qualifier ? `.${v.qualifier}` : ""}`;
    case "infer":
      return `infer ${v.typeParam?.name}`;
    default:
      return t.repr || t.kind;
  }
}

function wrap(t: Json): string {
  const s = type(t);
  return t.kind === "union" || t.kind === "intersection" || t.kind === "fnOrConstructor"
    ? `(${s})`
    : s;
}

function classLines(name: string, def: Json): string[] {
  const head = `class ${name}${typeParams(def.typeParams)}${
    def.extends
      ? ` extends ${def.extends}${
        def.superTypeParams?.length ? `<${def.superTypeParams.map(type).join(", ")}>` : ""
      }`
      : ""
  }${def.implements?.length ? ` implements ${def.implements.map(type).join(", ")}` : ""}`;
  const lines = [head];
  for (const c of def.constructors ?? []) {
    if (c.accessibility === "private") continue;
    lines.push(`  constructor(${(c.params ?? []).map(param).join(", ")})`);
  }
  for (const p of def.properties ?? []) {
    if (p.accessibility === "private" || p.accessibility === "protected") continue;
    lines.push(
      `  ${p.isStatic ? "static " : ""}${p.readonly ? "readonly " : ""}${p.name}${
        p.optional ? "?" : ""
      }: ${type(p.tsType)}`,
    );
  }
  for (const m of def.methods ?? []) {
    if (m.accessibility === "private" || m.accessibility === "protected") continue;
    const prefix = m.kind === "getter" ? "get " : m.kind === "setter" ? "set " : "";
    lines.push(`  ${m.isStatic ? "static " : ""}${prefix}${m.name}${fn(m.functionDef)}`);
  }
  for (const i of def.indexSignatures ?? []) {
    lines.push(`  [${(i.params ?? []).map(param).join(", ")}]: ${type(i.tsType)}`);
  }
  return lines;
}

function interfaceLines(name: string, def: Json): string[] {
  const lines = [
    `interface ${name}${typeParams(def.typeParams)}${
      def.extends?.length ? ` extends ${def.extends.map(type).join(", ")}` : ""
    }`,
  ];
  for (const p of def.properties ?? []) {
    lines.push(
      `  ${p.readonly ? "readonly " : ""}${p.name}${p.optional ? "?" : ""}: ${type(p.tsType)}`,
    );
  }
  for (const m of def.methods ?? []) {
    lines.push(`  ${m.name}${m.optional ? "?" : ""}${fn(m)}`);
  }
  for (const c of def.callSignatures ?? []) lines.push(`  ${fn(c)}`);
  for (const i of def.indexSignatures ?? []) {
    lines.push(`  [${(i.params ?? []).map(param).join(", ")}]: ${type(i.tsType)}`);
  }
  return lines;
}

function declarationLines(name: string, d: Json): string[] {
  const def = d.def ?? {};
  switch (d.kind) {
    case "function":
      return [`function ${name}${fn(def)}`];
    case "class":
      return classLines(name, def);
    case "interface":
      return interfaceLines(name, def);
    case "typeAlias":
      return [`type ${name}${typeParams(def.typeParams)} = ${type(def.tsType)}`];
    case "variable":
      return [`${def.kind ?? "const"} ${name}: ${type(def.tsType)}`];
    case "enum":
      return [`enum ${name} { ${(def.members ?? []).map((m: Json) => m.name).join(", ")} }`];
    case "namespace":
      return [`namespace ${name}`];
    case "reference":
      return [`reference ${name}`];
    default:
      return [`${d.kind} ${name}`];
  }
}

/** The surface of one entry point: sorted, one block per exported name. */
export async function surfaceOf(entry: string): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", entry],
    cwd: ROOT.pathname,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  if (!out.success) {
    throw new Error(`deno doc --json ${entry}: ${new TextDecoder().decode(out.stderr)}`);
  }
  const doc = JSON.parse(new TextDecoder().decode(out.stdout));
  const nodes: Json[] = Object.values(doc.nodes ?? {});
  const blocks: string[] = [];
  for (const node of nodes) {
    for (const symbol of node.symbols ?? []) {
      for (const d of symbol.declarations ?? []) {
        if (d.declarationKind === "private") continue;
        blocks.push(declarationLines(symbol.name, d).join("\n"));
      }
    }
  }
  blocks.sort((a, b) => {
    const name = (s: string) => s.split("\n")[0]!.replace(/^(\S+ )+?(?=\S+[<( :={]|\S+$)/, "");
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return blocks.join("\n") + "\n";
}

/** The committed snapshot of one entry point. */
export function snapshotPath(name: string): URL {
  return new URL(`tests/surface/${name}.api`, ROOT);
}

if (import.meta.main) {
  const update = Deno.args.includes("--update");
  for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
    const surface = await surfaceOf(entry);
    if (update) {
      await Deno.mkdir(new URL("tests/surface/", ROOT), { recursive: true });
      await Deno.writeTextFile(snapshotPath(name), surface);
      console.log(`${name}: ${surface.split("\n").filter((l) => /^\S/.test(l)).length} names`);
    } else {
      console.log(`# ${entry}\n${surface}`);
    }
  }
}

/**
 * One-off conversion of the engine API model as data (the reference file
 * `ovirt-api-model.json`, format `ovirt-api-model/1`) into the project's own
 * declarative model under `src/services/ovirt/model/`. After the conversion
 * the model files are the source of truth; this script is kept to document
 * where they came from and to redo the conversion for a new engine release.
 *
 * Usage: `deno run --allow-read --allow-write scripts/convert_ovirt_model.ts <model.json>`
 * then `deno fmt src/services/ovirt/model/ && deno task gen`.
 *
 * @module
 */
import {
  listTagOf,
  queryNameOf,
  segmentOf,
  singularTag,
  tagOf,
} from "../src/services/ovirt/model/naming.ts";

/** A field of the reference format. */
interface RefField {
  name: string;
  type: string;
  list?: boolean;
  link?: boolean;
  deprecated?: boolean;
  xml: string;
  attribute?: boolean;
  item?: string;
  rel?: string;
  locator?: string;
  xsd?: string;
}

/** A parameter of the reference format. */
interface RefParam {
  name: string;
  type: string;
  list?: boolean;
  in?: boolean;
  out?: boolean;
  deprecated?: boolean;
  body?: boolean;
  query?: string;
  xml?: string;
  item?: string;
}

interface RefMethod {
  kind: string;
  http: string;
  path?: string;
  request?: string;
  response?: string;
  params: RefParam[];
  mandatory?: string[];
  signatures?: Record<string, { params: RefParam[]; mandatory?: string[]; deprecated?: boolean }>;
  deprecated?: boolean;
}

/** The parts of the reference file the conversion reads. */
export interface RefModel {
  format: string;
  types: Record<string, {
    parent?: string;
    xml: string;
    xmlList?: string;
    resource?: boolean;
    builtin?: boolean;
    deprecated?: boolean;
    fields: RefField[];
  }>;
  enums: Record<string, { values: string[]; deprecated?: boolean; deprecatedValues?: string[] }>;
  services: Record<string, {
    parent?: string;
    root?: boolean;
    deprecated?: boolean;
    methods: Record<string, RefMethod>;
    locators: Record<string, { service: string; id?: boolean; path: string }>;
  }>;
}

const PRIMITIVE: Record<string, string> = {
  String: "s",
  Boolean: "b",
  Integer: "i",
  Decimal: "d",
  Date: "t",
};
const XSD: Record<string, string> = { "xs:long": "l", "xs:unsignedInt": "u", "xs:double": "f" };

/** Fields whose values are credentials: kept out of logs and inspect output. */
function isSecret(owner: string, name: string): boolean {
  if ((owner === "Ticket" || owner === "OpenstackVolumeAuthenticationKey") && name === "value") {
    return true;
  }
  return /password|passphrase|secret|licenseKey|privateKey/i.test(name) ||
    (name === "token" && owner !== "Host");
}

function kindCode(type: string, xsd?: string): string {
  if (xsd !== undefined) {
    const code = XSD[xsd];
    if (code === undefined) throw new Error(`unknown xsd ${xsd}`);
    return code;
  }
  return PRIMITIVE[type] ?? type;
}

class Converter {
  constructor(readonly ref: RefModel) {}

  isStruct(type: string): boolean {
    return type in this.ref.types;
  }

  /** The item tag the rules give a list of `type` tagged `tag`. */
  itemOf(type: string, tag: string): string {
    return this.isStruct(type) ? this.ref.types[type]!.xml : singularTag(tag);
  }

  field(owner: string, f: RefField): string {
    let entry = f.name;
    if (isSecret(owner, f.name)) entry += "!";
    if (f.deprecated) entry += "~";
    if (f.link) entry += "&";
    if (f.attribute) entry += "@";
    if (f.xml !== tagOf(f.name)) entry += `=${f.xml}`;
    if (f.list && f.link) {
      const rel = f.locator !== undefined ? segmentOf(f.locator) : segmentOf(f.name);
      if (f.rel !== undefined && f.rel !== rel) entry += `#${f.rel}`;
      if (f.locator !== undefined) entry += `%${f.locator}`;
    }
    let code = kindCode(f.type, f.xsd);
    if (f.list) {
      if (f.item !== undefined && f.item !== this.itemOf(f.type, f.xml)) code += `/${f.item}`;
      code = `[${code}]`;
    }
    return `${entry}:${code}`;
  }

  param(p: RefParam): string {
    let entry = p.in && p.out ? "+" : p.out ? "-" : "";
    if (p.body) entry += "$";
    entry += p.name;
    if (isSecret("", p.name)) entry += "!";
    if (p.deprecated) entry += "~";
    if (p.query !== undefined && p.query !== queryNameOf(p.name)) entry += `=${p.query}`;
    if (p.xml !== undefined && p.xml !== tagOf(p.name)) entry += `=${p.xml}`;
    let code = kindCode(p.type);
    if (p.list) {
      if (p.item !== undefined && p.item !== this.itemOf(p.type, p.xml ?? "")) code += `/${p.item}`;
      code = `[${code}]`;
    }
    return `${entry}:${code}`;
  }

  /** Checks a wire name the generator derives against the reference. */
  expect(where: string, derived: string | undefined, actual: string | undefined): void {
    if (derived !== actual) throw new Error(`${where}: derived ${derived}, reference ${actual}`);
  }

  method(service: string, name: string, m: RefMethod): string | Record<string, unknown> {
    const body = m.params.find((p) => p.body);
    const bodyType = body === undefined ? undefined : this.ref.types[body.type];
    const where = `${service}.${name}`;
    const crud: Record<string, [string, string]> = {
      Get: ["get", "GET"],
      List: ["list", "GET"],
      Add: ["add", "POST"],
      Update: ["update", "PUT"],
      Remove: ["remove", "DELETE"],
    };
    const [kind, http] = crud[name] ?? ["action", "POST"];
    this.expect(`${where} kind`, kind, m.kind);
    this.expect(`${where} http`, http, m.http);
    this.expect(`${where} path`, kind === "action" ? segmentOf(name) : undefined, m.path);
    // A body that is a list (`GlusterBricksService.Add`) travels as a list document.
    const bodyTag = body?.list ? bodyType?.xmlList : bodyType?.xml;
    const response = kind === "action" ? "action" : kind === "remove" ? undefined : bodyTag;
    this.expect(`${where} response`, response, m.response);
    const request = kind === "action"
      ? "action"
      : kind === "add" || kind === "update"
      ? bodyTag
      : undefined;
    const out: Record<string, unknown> = {};
    const params = m.params.map((p) => this.param(p)).join(" ");
    if (params !== "") out.params = params;
    if (m.mandatory?.length) out.mandatory = m.mandatory.join(" ");
    if (m.signatures !== undefined) {
      const sigs: Record<string, unknown> = {};
      for (const [sn, s] of Object.entries(m.signatures)) {
        const sig: Record<string, unknown> = {};
        const sp = s.params.map((p) => this.param(p)).join(" ");
        if (sp !== "") sig.params = sp;
        if (s.mandatory?.length) sig.mandatory = s.mandatory.join(" ");
        if (s.deprecated) sig.deprecated = true;
        sigs[sn] = sig;
      }
      out.signatures = sigs;
    }
    if (m.deprecated) out.deprecated = true;
    if (request !== m.request) out.request = m.request;
    const keys = Object.keys(out);
    if (keys.length === 1 && keys[0] === "params") return params;
    if (keys.length === 0) return "";
    return out;
  }

  typesFile(): string {
    const out: string[] = [];
    for (const name of Object.keys(this.ref.types).sort()) {
      const t = this.ref.types[name]!;
      const e: Record<string, unknown> = { name };
      if (t.parent) e.parent = t.parent;
      if (t.xml !== tagOf(name)) e.tag = t.xml;
      if ((t.xmlList ?? "") !== listTagOf(name)) e.plural = t.xmlList ?? "";
      if (t.builtin) e.builtin = true;
      if (t.deprecated) e.deprecated = true;
      e.fields = t.fields.map((f) => this.field(name, f)).join(" ");
      out.push(render(e));
    }
    return `/**
 * The struct types of the oVirt engine API model (release 4.6), their own
 * fields in declaration order. See \`schema.ts\` for the entry syntax.
 *
 * @module
 */
import type { ModelType } from "./schema.ts";

/** The types, in alphabetical order. */
export const TYPES: ModelType[] = [
${out.join(",\n")},
];
`;
  }

  enumsFile(): string {
    const out: string[] = [];
    for (const name of Object.keys(this.ref.enums).sort()) {
      const en = this.ref.enums[name]!;
      const dep = new Set(en.deprecatedValues ?? []);
      const e: Record<string, unknown> = {
        name,
        values: en.values.map((v) => dep.has(v) ? `${v}~` : v).join(" "),
      };
      if (en.deprecated) e.deprecated = true;
      out.push(render(e));
    }
    return `/**
 * The enums of the oVirt engine API model with their wire values, in
 * declaration order; a trailing \`~\` marks a deprecated value.
 *
 * @module
 */
import type { ModelEnum } from "./schema.ts";

/** The enums, in alphabetical order. */
export const ENUMS: ModelEnum[] = [
${out.join(",\n")},
];
`;
  }

  services(names: string[]): string[] {
    const out: string[] = [];
    for (const full of names) {
      const s = this.ref.services[full]!;
      const name = full.replace(/Service$/, "");
      const e: Record<string, unknown> = { name };
      if (s.parent) e.parent = s.parent.replace(/Service$/, "");
      if (s.root) e.root = true;
      if (s.deprecated) e.deprecated = true;
      const methods: Record<string, unknown> = {};
      for (const [mn, m] of Object.entries(s.methods)) methods[mn] = this.method(full, mn, m);
      if (Object.keys(methods).length > 0) e.methods = methods;
      const locators: Record<string, string> = {};
      for (const [ln, l] of Object.entries(s.locators)) {
        let target = l.service.replace(/Service$/, "");
        if (l.id) {
          this.expect(`${full}.${ln} path`, "{id}", l.path);
          target += "(id)";
        } else if (l.path !== segmentOf(ln)) target += `@${l.path}`;
        locators[ln] = target;
      }
      if (Object.keys(locators).length > 0) e.locators = locators;
      out.push(render(e));
    }
    return out;
  }
}

/** Renders a value as TypeScript source; long strings wrap at word boundaries. */
function render(value: unknown, indent = "  "): string {
  if (typeof value === "string") {
    if (value.length <= 80) return JSON.stringify(value);
    const lines: string[] = [];
    let line = "";
    for (const w of value.split(" ")) {
      if (line !== "" && line.length + w.length + 1 > 88) {
        lines.push(line);
        line = w;
      } else line = line === "" ? w : `${line} ${w}`;
    }
    lines.push(line);
    return "`" + lines.join(`\n${indent}  `) + "`";
  }
  if (typeof value === "boolean") return String(value);
  const entries = Object.entries(value as Record<string, unknown>);
  const inner = entries.map(([k, v]) =>
    `${indent}  ${/^[A-Za-z_]\w*$/.test(k) ? k : JSON.stringify(k)}: ${render(v, indent + "  ")},`
  );
  return `${indent === "  " ? "  " : ""}{\n${inner.join("\n")}\n${indent}}`;
}

/** The service files: name → text; services are split by first letter to keep files readable. */
function serviceFiles(c: Converter): Map<string, string> {
  const groups: [string, RegExp, string][] = [
    ["services_a_f.ts", /^[A-F]/, "A to F"],
    ["services_g_h.ts", /^[G-H]/, "G and H"],
    ["services_i_r.ts", /^[I-R]/, "I to R"],
    ["services_s_z.ts", /^[S-Z]/, "S to Z"],
  ];
  const all = Object.keys(c.ref.services).sort();
  const files = new Map<string, string>();
  const consts: string[] = [];
  for (const [file, re, label] of groups) {
    const names = all.filter((n) => re.test(n));
    const constName = `SERVICES_${file.slice(9, -3).toUpperCase()}`;
    consts.push(constName);
    files.set(
      file,
      `/**
 * The services of the oVirt engine API model, ${label}: methods with their
 * parameters, mandatory inputs and signatures, and locators.
 * See \`schema.ts\` for the syntax.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";

/** The services ${label}, in alphabetical order. */
export const ${constName}: ModelService[] = [
${c.services(names).join(",\n")},
];
`,
    );
  }
  files.set(
    "services.ts",
    `/**
 * The services of the oVirt model: the tree under \`SystemService\`.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";
${
      groups.map(([file], i) => `import { ${consts[i]} } from "./${file.slice(0, -3)}.ts";`).join(
        "\n",
      )
    }

/** Every service, in alphabetical order. */
export const SERVICES: ModelService[] = [${consts.map((c) => `...${c}`).join(", ")}];
`,
  );
  return files;
}

if (import.meta.main) {
  const path = Deno.args[0];
  if (path === undefined) throw new Error("usage: convert_ovirt_model.ts <ovirt-api-model.json>");
  const ref = JSON.parse(await Deno.readTextFile(path)) as RefModel;
  if (ref.format !== "ovirt-api-model/1") throw new Error(`unknown format ${ref.format}`);
  const c = new Converter(ref);
  const dir = new URL("../src/services/ovirt/model/", import.meta.url);
  const files = new Map<string, string>([["types.ts", c.typesFile()], ["enums.ts", c.enumsFile()]]);
  for (const [k, v] of serviceFiles(c)) files.set(k, v);
  for (const [file, text] of files) {
    await Deno.writeTextFile(new URL(file, dir), text);
    console.log(`wrote ${file}`);
  }
}

// The own clouds.yaml reader: equal to js-yaml on clouds.yaml shapes where
// YAML 1.1 and 1.2 agree, equal to PyYAML's safe_load where they do not
// (expected values checked once by hand against PyYAML 6.0), strict and
// silent about the file's text when it refuses one.
import assert from "node:assert/strict";
import jsYaml from "js-yaml";
import { MAX_DEPTH, parseYaml, YamlError } from "../../src/auth/yaml.ts";
import { loadCloudConfig } from "../../src/auth/mod.ts";
import { AuthorizationFailure } from "../../src/errors/mod.ts";

const jsLoad = (jsYaml as unknown as { load(text: string): unknown }).load;
const jsDump = (jsYaml as unknown as { dump(value: unknown, options?: object): string }).dump;

// ---- (a) clouds.yaml shapes, against js-yaml ------------------------------

const SHAPES: Record<string, string> = {
  "one password cloud, quoted values": `
clouds:
  devlab:
    region_name: Lab1
    auth:
      username: 'alice'
      password: not-a-real-pw
      project_name: 'sandbox'
      auth_url: 'https://keystone.lab.example:5000/v3'
`,
  "several clouds: profile, application credential, api versions": `
# clouds.yaml of a user with three clouds
clouds:
  public-a:
    profile: vendor-a
    auth:
      username: bob@example.org
      password: "p@ss word #1"
      project_name: bob-project
    region_name: r-east-1
    dns_api_version: 2
  private:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://10.0.0.5:5000
      application_credential_id: 0c7a2c34f1e54f3e9a1c2b0d1e2f3a4b
      application_credential_secret: "s3cr3t/with:colon"
    identity_api_version: 3
    volume_api_version: '3'
    image_api_use_tasks: true
    interface: internal
  legacy:
    auth:
      auth_url: http://old.example:5000/v2.0
      tenant_name: ops
      username: ops
    identity_api_version: 2.0
    verify: false
    cacert: /etc/ssl/certs/lab-ca.pem
`,
  "regions as names and as mappings with values": `
clouds:
  multi:
    auth:
      auth_url: https://id.example:5000/v3
    regions:
      - name: north
        values:
          networks:
            - name: north-public
              routes_externally: true
            - name: north-private
              routes_externally: false
              nat_destination: true
      - south
      - name: west
`,
  "networks with default_interface, nat_source": `
clouds:
  net:
    auth: {auth_url: "https://id.example:5000/v3", username: carol}
    networks:
    - name: ext-net
      routes_externally: true
      default_interface: true
      nat_source: true
    - name: int-net
      routes_ipv4_externally: false
      routes_ipv6_externally: true
`,
  "shared defaults by anchors and merge keys": `
_defaults: &defaults
  identity_api_version: 3
  interface: public
  auth: &auth
    auth_url: https://id.example:5000/v3
    user_domain_name: Default
    project_domain_name: Default
_tls: &tls
  verify: true
  cacert: /etc/openstack/ca.pem
clouds:
  one:
    <<: *defaults
    region_name: one
  two:
    <<: [*defaults, *tls]
    interface: internal
    auth:
      <<: *auth
      username: dave
  three:
    <<: *tls
    auth: *auth
`,
  "cache, client and metrics sections": `
cache:
  class: dogpile.cache.pylibmc
  expiration_time: 3600
  arguments:
    url:
      - 127.0.0.1
      - 10.0.0.9:11211
  expiration:
    server: 5
    image: 7200
client:
  force_ipv4: true
metrics:
  statsd:
    host: 127.0.0.1
    port: 8125
    prefix: openstack.api
  influxdb:
    host: influx.example
    port: 8086
    use_udp: false
    timeout: 2.5
clouds: {}
`,
  "flow style throughout": `
clouds: {flowy: {auth: {auth_url: 'https://id.example:5000/v3', username: erin,
  password: "e-pw"}, regions: [RegionOne, RegionTwo], verify: false, api_timeout: 60}}
`,
  "document markers, comments, blank lines": `---
# leading comment

clouds:   # the clouds
  c1:     # one cloud

    auth:
      # nothing secret here
      auth_url: https://id.example:5000/v3   # trailing comment
      username: frank#not-a-comment

    region_name: R1
...
`,
  "block scalars and folded plain text": `
clouds:
  pem:
    auth:
      auth_url: https://id.example:5000/v3
    cert: |
      -----BEGIN CERTIFICATE-----
      MIIBszCCAVmgAwIBAgIUY2VydGlmaWNhdGUtaW4teWFtbC10ZXN0MAoGCCqGSM49
      -----END CERTIFICATE-----
    description: >-
      A long description
      folded onto one line.

      Second paragraph.
    note: plain text that
      continues on the next line
    keep: |+
      kept

`,
  "secure.yaml": `
clouds:
  devlab:
    auth:
      password: "correct horse battery staple"
  private:
    auth:
      application_credential_secret: 'it''s-a-secret'
`,
  "quoted keys, escapes, unicode": `
"clouds":
  'quoted-key':
    auth:
      "auth_url": "https://id.example:5000/v3"
      password: "tab\\there \\"quoted\\" back\\\\slash \\u00e9"
      username: gr\u00fcn
    region_name: "R\\x31"
`,
  "public-clouds profiles and nulls": `
public-clouds:
  vendor-a:
    auth:
      auth_url: https://vendor-a.example:5000/v3
    regions:
    - r-east-1
    - r-west-1
    identity_api_version: 3
    floating_ip_source: None
    block_storage_api_version: ~
    image_format: null
    compute_api_version:
clouds: {}
`,
  "sequences of sequences and empty collections": `
clouds:
  odd:
    matrix:
    - - 1
      - 2
    - [3, 4]
    - []
    - {}
    empty_string: ''
    negative: -7
    float: 0.25
`,
};

for (const [name, text] of Object.entries(SHAPES)) {
  Deno.test(`yaml: ${name} reads as js-yaml reads it`, () => {
    assert.deepStrictEqual(parseYaml(text), jsLoad(text));
  });
}

Deno.test("yaml: CRLF line ends read as LF ones", () => {
  const text = SHAPES["several clouds: profile, application credential, api versions"]!;
  assert.deepStrictEqual(parseYaml(text.replaceAll("\n", "\r\n")), jsLoad(text));
});

Deno.test("yaml: what js-yaml writes, in every style, reads back (values YAML 1.1 and 1.2 agree on)", () => {
  // A fixed pseudo-random corpus: nested mappings and sequences, strings made of
  // indicator characters, quotes, tabs, line breaks and non-ASCII; numbers,
  // booleans and null. js-yaml quotes what would not read back as a string.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chars = [..."abcXYZ   :#-'\"\\,[]{}!&*|>%@`\n\t~é😀"];
  const text = () => Array.from({ length: Math.floor(next() * 12) }, () => pick(chars)).join("");
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.5) {
      return pick([
        text,
        () => Math.floor(next() * 2000) - 1000,
        () => (Math.floor(next() * 80) - 40) / 4,
        () => next() < 0.5,
        () => null,
      ])();
    }
    const n = Math.floor(next() * 4);
    if (r < 0.75) return Array.from({ length: n }, () => value(depth + 1));
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[`k${text()}`] = value(depth + 1);
    return out;
  };
  const styles = [
    {},
    { lineWidth: 20 },
    { quotingType: '"' },
    { forceQuotes: true },
    { indent: 4, noArrayIndent: true },
  ];
  let checked = 0;
  for (let i = 0; i < 300; i++) {
    const doc = { root: value(0) };
    for (const style of styles) {
      const yaml = jsDump(doc, style);
      assert.deepStrictEqual(parseYaml(yaml), doc, yaml);
      checked++;
    }
  }
  assert.equal(checked, 1500);
});

// ---- (b) where PyYAML (YAML 1.1) and js-yaml (1.2) part: PyYAML's values ----

const PYYAML: [string, unknown][] = [
  ["a: yes\nb: No\nc: ON\nd: off\ne: y\nf: tRUE", {
    a: true,
    b: false,
    c: true,
    d: false,
    e: "y",
    f: "tRUE",
  }],
  ["mode: 0755", { mode: 493 }],
  ["a: 0b101\nb: 0x1F\nc: 1_000\nd: -0x1F\ne: 08\nf: 0o17", {
    a: 5,
    b: 31,
    c: 1000,
    d: -31,
    e: "08",
    f: "0o17",
  }],
  ["a: 1:30\nb: 190:20:30\nc: 1:30.5\nd: 1:60", { a: 90, b: 685230, c: 90.5, d: "1:60" }],
  ["a: 1e3\nb: 1.0e3\nc: 1.0e+3\nd: 6.\ne: .5\nf: -.5\ng: +.5", {
    a: "1e3",
    b: "1.0e3",
    c: 1000,
    d: 6,
    e: 0.5,
    f: "-.5",
    g: "+.5",
  }],
  ["a: .inf\nb: -.Inf\nc: .NaN", { a: Infinity, b: -Infinity, c: NaN }],
  // Dates stay strings: PyYAML and js-yaml would both make date objects.
  ["a: 2024-01-31\nb: 2001-12-14t21:59:43.10-05:00", {
    a: "2024-01-31",
    b: "2001-12-14t21:59:43.10-05:00",
  }],
  // Past 2^53 a number would round: the exact digits, as Python's str(int) prints them.
  ["id: 12345678901234567890\nneg: -12345678901234567890\nhex: 0x123456789abcdef01", {
    id: "12345678901234567890",
    neg: "-12345678901234567890",
    hex: "20988295479420645121",
  }],
  ["a: !!str 0755\nb: !!str yes\nc: !!str\nd: !<tag:yaml.org,2002:str> 1", {
    a: "0755",
    b: "yes",
    c: "",
    d: "1",
  }],
  // Keys resolve as values do, then become property names.
  ["yes: 1\n~: 2\n3: x\nNULL: y", { true: 1, null: "y", 3: "x" }],
  ["a: 1\nb: 2\na: 3", { a: 3, b: 2 }],
  ["a: 'x\n\n  y'\nb: x\n\n  y\n   z", { a: "x\ny", b: "x\ny z" }],
  ["- x\n - y", ["x - y"]],
  ["a: b\n  - c", { a: "b - c" }],
  ['a: "x\\\n  y"\nb: "\\N\\_\\e\\/"', { a: "xy", b: "\x85\xa0\x1b/" }],
  ["a: {<<: [{x: 1}, {x: 2, y: 3}], y: 4}", { a: { x: 1, y: 4 } }],
  ["a: &a {x: 1}\nb:\n  <<: *a\n  <<: {x: 2}", { a: { x: 1 }, b: { x: 2 } }],
  ["{a:1}", { "a:1": null }],
  ['{"a":1}', { a: 1 }],
  ["[a: b, c]", [{ a: "b" }, "c"]],
  ["--- |\n x\n", "x\n"],
  ["", null],
  ["# nothing\n", null],
];

for (const [text, expected] of PYYAML) {
  Deno.test(`yaml: PyYAML's value for ${JSON.stringify(text)}`, () => {
    assert.deepStrictEqual(parseYaml(text), expected);
  });
}

Deno.test("yaml: block scalars, chomping and indentation digits as PyYAML", () => {
  const cases: [string, string][] = [
    ["a: >\n  x\n  y\n\n  z\n   w\n  v\n", "x y\nz\n w\nv\n"],
    ["a: |2-\n   x\n  y\n", " x\ny"],
    ["a: |+\n  x\n\n\nb: 1", "x\n\n\n"],
    ["a: |\n x\n  y\n", "x\n y\n"],
    ["a: |\n\n  x\n", "\nx\n"],
    ["a: |1\n  x\n", " x\n"],
    ["a: >-\n  x\n\n  y\n", "x\ny"],
    ["a: >\n\n  x\n   y\n  z\n", "\nx\n y\nz\n"],
    ["a: |-\n  x\n# c\nb: 1", "x"],
    ["a: |\n  x\n # c\nb: 1", "x\n"],
    ["a:\n  |\n  x", "x"],
  ];
  for (const [text, value] of cases) {
    assert.equal((parseYaml(text) as { a: string }).a, value, JSON.stringify(text));
  }
});

Deno.test("yaml: a sequence at its key's indentation, and compact nested entries", () => {
  assert.deepStrictEqual(parseYaml("a:\n- 1\n- 2\nb: 3"), { a: [1, 2], b: 3 });
  assert.deepStrictEqual(parseYaml("- a: 1\n  b: 2\n- c"), [{ a: 1, b: 2 }, "c"]);
  assert.deepStrictEqual(parseYaml("- - 1\n  - 2\n- 3"), [[1, 2], 3]);
  assert.deepStrictEqual(parseYaml("-\n  a: 1\n- -\n- 1"), [{ a: 1 }, [null], 1]);
});

Deno.test("yaml: an alias is the anchored object itself", () => {
  const doc = parseYaml("a: &a {x: [1]}\nb: *a\nc: [*a]") as Record<string, unknown>;
  assert.equal(doc.b, doc.a);
  assert.equal((doc.c as unknown[])[0], doc.a);
});

// ---- (c) every refusal: class, position, and never the file's text ------------

/** [why, text, line, column]: each offending line carries the secret. */
const SECRET = "Zq9xK2vWp7";
const REFUSALS: [string, string, number, number][] = [
  ["tab in indentation", `clouds:\n\tpw: ${SECRET}`, 2, 1],
  ["tab after a value", `pw: ${SECRET}\t`, 1, 15],
  ["tab between words", `pw: ${SECRET}\tmore`, 1, 15],
  ["tab in a flow collection", `pw: [${SECRET},\t1]`, 1, 17],
  ["a second document", `a: 1\n---\npw: ${SECRET}`, 2, 1],
  ["content after ...", `a: 1\n...\npw: ${SECRET}`, 3, 1],
  ["a %YAML directive", `%YAML 1.1 ${SECRET}\n---\na: 1`, 1, 1],
  ["a complex key", `? ${SECRET}\n: x`, 1, 1],
  ["a complex key in a flow mapping", `pw: {? ${SECRET}}`, 1, 6],
  ["a custom tag", `pw: !!python/object:os.system ${SECRET}`, 1, 5],
  ["a local tag", `pw: !vault ${SECRET}`, 1, 5],
  ["!!int (only !!str is honoured)", `pw: !!int ${SECRET}`, 1, 5],
  ["!!str on a collection", `pw: !!str [${SECRET}]`, 1, 11],
  ["an anchor on a key", `&k pw: ${SECRET}`, 1, 4],
  ["an undefined alias", `pw: *${SECRET}`, 1, 5],
  ["a duplicate anchor", `a: &x 1\npw: &x ${SECRET}`, 2, 8],
  ["an alias inside its own anchor", `pw: &r [${SECRET}, *r]`, 1, 21],
  ["an alias as a key", `a: &a k\n*a : ${SECRET}`, 2, 1],
  ["a flow collection as a key", `[${SECRET}]: 1`, 1, 13],
  ["a merge of a scalar", `<<: ${SECRET}`, 1, 1],
  ["a merge of a list holding a scalar", `a: &a {x: 1}\n<<: [*a, ${SECRET}]`, 2, 1],
  ["<< as a value", `pw: [${SECRET}, <<]`, 1, 18],
  ["= as a value", `pw: =`, 1, 5],
  ["an unterminated double quote", `pw: "${SECRET}`, 1, 5],
  ["an unterminated single quote", `pw: '${SECRET}\nnext: 1`, 1, 5],
  ["an unterminated flow sequence", `pw: [${SECRET}`, 1, 16],
  ["an unknown escape", `pw: "${SECRET}\\q"`, 1, 17],
  ["a short \\u escape", `pw: "${SECRET}\\u12"`, 1, 17],
  ["mapping values on one line", `pw: ${SECRET}: x`, 1, 15],
  ["a key continued on the next line", `pw: ${SECRET}\n  more: x`, 2, 7],
  ["bad indentation", `a:\n    b: 1\n  pw: ${SECRET}`, 3, 3],
  ["a sequence entry after a value", `pw: - ${SECRET}`, 1, 5],
  ["a sequence entry in a mapping", `a: 1\n- ${SECRET}`, 2, 1],
  ["a line without ':'", `a: 1\n${SECRET}\nb: 2`, 2, 1],
  ["text after a flow collection", `pw: [1] ${SECRET}`, 1, 9],
  ["a block scalar indicator 0", `pw: |0\n  ${SECRET}`, 1, 6],
  ["a block scalar header with text", `pw: |${SECRET}\n  x`, 1, 6],
  ["a control character", `pw: ${SECRET}\x01x`, 1, 15],
  ["a reserved indicator", `pw: @${SECRET}`, 1, 5],
  ["a block scalar in a flow collection", `pw: [|, ${SECRET}]`, 1, 6],
];

for (const [why, text, line, column] of REFUSALS) {
  Deno.test(`yaml: refuses ${why}, at ${line}:${column}, quoting nothing`, () => {
    let error: unknown;
    try {
      parseYaml(text);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof YamlError, `expected a YamlError, got ${error}`);
    assert.deepStrictEqual([error.line, error.column], [line, column], error.message);
    assert.equal(error.message, `${error.reason} at line ${line}, column ${column}`);
    // No run of 4 characters of the offending line (the secret, its key, its
    // punctuation) shows up in anything the error carries.
    const shown = [error.message, error.stack ?? "", Deno.inspect(error), JSON.stringify(error)]
      .join("\n");
    const offending = text.split("\n")[line - 1]!;
    for (let i = 0; i + 4 <= offending.length; i++) {
      const piece = offending.slice(i, i + 4);
      assert.ok(!shown.includes(piece), `the error shows ${JSON.stringify(piece)}`);
    }
    assert.deepStrictEqual(Object.keys(error).sort(), ["column", "line", "name", "reason"]);
  });
}

Deno.test("yaml: loadCloudConfig names the file, line, column and reason, never the text", async () => {
  const dir = await Deno.makeTempDir({ prefix: "nimbus-yaml-" });
  try {
    await Deno.writeTextFile(
      `${dir}/clouds.yaml`,
      `clouds:\n  lab:\n    auth:\n      password: "${SECRET}\\q"\n`,
    );
    assert.throws(
      () => loadCloudConfig({ cloud: "lab", env: { HOME: dir }, cwd: dir }),
      (e: unknown) =>
        e instanceof AuthorizationFailure &&
        e.message === `${dir}/clouds.yaml is not valid YAML (YamlError at line 4, column 29): ` +
            "an unknown escape in a double-quoted scalar" &&
        !Deno.inspect(e).includes(SECRET),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// ---- (d) bounded: alias bombs, merge bombs, deep nesting ----------------------

Deno.test("yaml: a billion-laughs file reads in linear time (aliases are shared, never copied)", () => {
  const lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i++) {
    lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(", ")}]`);
  }
  const doc = parseYaml(lines.join("\n")) as Record<string, unknown[]>;
  // 9^10 "lol"s if expanded; here every level holds the one object of the level below.
  assert.equal(doc.l9!.length, 9);
  for (let i = 1; i <= 9; i++) {
    assert.ok(doc[`l${i}`]!.every((item) => item === doc[`l${i - 1}`]));
  }
});

Deno.test("yaml: merge keys copy a bounded number of entries", () => {
  const keys = Array.from({ length: 1000 }, (_, i) => `k${i}: ${i}`).join(", ");
  const merges = Array.from({ length: 1001 }, (_, i) => `m${i}: {<<: *big}`).join("\n");
  assert.throws(
    () => parseYaml(`big: &big {${keys}}\n${merges}`),
    (e: unknown) => e instanceof YamlError && /merge keys/.test(e.reason),
  );
  const fine = parseYaml(
    `big: &big {${keys}}\n${merges.split("\n").slice(0, 900).join("\n")}`,
  ) as Record<string, Record<string, number>>;
  assert.equal(fine.m899!.k999, 999);
});

Deno.test(`yaml: nesting deeper than ${MAX_DEPTH} is refused, ${MAX_DEPTH} is read`, () => {
  const refused = (text: string) =>
    assert.throws(
      () => parseYaml(text),
      (e: unknown) => e instanceof YamlError && /nested too deeply/.test(e.reason),
    );
  refused("[".repeat(100_000));
  refused("{a: ".repeat(MAX_DEPTH + 1) + "1" + "}".repeat(MAX_DEPTH + 1));
  refused("- ".repeat(MAX_DEPTH + 1) + "x");
  refused(Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1");
  let deep: unknown = parseYaml("[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH));
  for (let i = 1; i < MAX_DEPTH; i++) deep = (deep as unknown[])[0];
  assert.deepStrictEqual(deep, []);
  const nested = Array.from({ length: MAX_DEPTH }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
  assert.ok(parseYaml(nested + " 1"));
});

// ---- (e) __proto__ ------------------------------------------------------------

Deno.test("yaml: a __proto__ key is an own property and never a prototype", () => {
  const docs = [
    "__proto__: {polluted: yes}\nb: 2",
    "{__proto__: {polluted: yes}, b: 2}",
    "base: &b {__proto__: {polluted: yes}}\nx:\n  <<: *b\n  b: 2",
    "[__proto__: {polluted: yes}]",
  ];
  for (const text of docs) {
    const doc = parseYaml(text) as Record<string, unknown>;
    const target = (Array.isArray(doc) ? doc[0] : "x" in doc ? doc.x : doc) as Record<
      string,
      unknown
    >;
    assert.equal(Object.getPrototypeOf(target), Object.prototype, text);
    assert.ok(Object.hasOwn(target, "__proto__"), text);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(target, "__proto__")?.value, {
      polluted: true,
    });
    assert.equal((target as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  }
});

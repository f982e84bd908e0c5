import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import { readXml, Vm } from "../../../src/services/ovirt/mod.ts";

const NAME = "Žluťoučký kůň 名前 😀";

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let p = 0;
  if (bom) {
    out[p++] = bigEndian ? 0xfe : 0xff;
    out[p++] = bigEndian ? 0xff : 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[p++] = bigEndian ? c >> 8 : c & 0xff;
    out[p++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

function nameOf(bytes: Uint8Array): string | undefined {
  return readXml(bytes, Vm).name;
}

Deno.test("encoding: UTF-16 with a byte-order mark, both byte orders", () => {
  const doc = `<?xml version="1.0" encoding="UTF-16"?>\n<vm id="1"><name>${NAME}</name></vm>`;
  assert.equal(nameOf(utf16(doc, false, true)), NAME);
  assert.equal(nameOf(utf16(doc, true, true)), NAME);
  // Without a mark the first '<' still tells the byte order.
  assert.equal(nameOf(utf16(`<vm><name>${NAME}</name></vm>`, false, false)), NAME);
  assert.equal(nameOf(utf16(`<vm><name>${NAME}</name></vm>`, true, false)), NAME);
});

Deno.test("encoding: ISO-8859-1 is the real Latin-1, windows-1252 its own", () => {
  const head = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><vm><name>');
  const tail = new TextEncoder().encode("</name></vm>");
  const latin = new Uint8Array([...head, 0x4d, 0xfc, 0x6c, 0x6c, 0xe9, 0x72, 0xa0, 0xff, ...tail]);
  assert.equal(nameOf(latin), "Müllér\u00a0ÿ");
  // 0x80 is U+0080 in ISO-8859-1 (WHATWG's decoder would give '€').
  assert.equal(nameOf(new Uint8Array([...head, 0x80, ...tail])), "\u0080");
  const cp1252 = new TextEncoder().encode(
    '<?xml version="1.0" encoding="windows-1252"?><vm><name>',
  );
  assert.equal(nameOf(new Uint8Array([...cp1252, 0x80, ...tail])), "€");
  const single = new TextEncoder().encode("<?xml version='1.0' encoding='latin1'?><vm><name>");
  assert.equal(nameOf(new Uint8Array([...single, 0xe9, ...tail])), "é");
});

Deno.test("encoding: UTF-8 by default, with or without a BOM; invalid bytes are refused", () => {
  const doc = new TextEncoder().encode(`<vm><name>${NAME}</name></vm>`);
  assert.equal(nameOf(doc), NAME);
  assert.equal(nameOf(new Uint8Array([0xef, 0xbb, 0xbf, ...doc])), NAME);
  assert.equal(readXml(`\uFEFF<vm><name>a</name></vm>`, Vm).name, "a");
  const bad = new Uint8Array([...new TextEncoder().encode("<vm><name>"), 0xc3, 0x28, 0x3c]);
  assert.throws(() => readXml(bad), {
    name: "SdkError",
    message: "The XML document isn't valid UTF-8 at byte 10",
  });
});

Deno.test("encoding: unknown or impossible declarations are refused with SdkError", () => {
  const doc = (enc: string) =>
    new TextEncoder().encode(`<?xml version="1.0" encoding="${enc}"?><vm/>`);
  assert.throws(() => readXml(doc("klingon-8")), {
    name: "SdkError",
    message: "The XML document's encoding 'klingon-8' isn't supported",
  });
  assert.throws(
    () => readXml(doc("UTF-16")),
    /declares the encoding 'utf-16' but has no byte-order mark/,
  );
  const ascii = new Uint8Array([...doc("US-ASCII").subarray(0, -5), 0xe9, ...doc("x").slice(-5)]);
  assert.throws(() => readXml(ascii), /isn't valid US-ASCII/);
  assert.throws(() => readXml(42 as unknown as string), SdkError);
});

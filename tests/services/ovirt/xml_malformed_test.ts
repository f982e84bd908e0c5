import assert from "node:assert/strict";
import { SdkError } from "../../../src/errors/mod.ts";
import { readXml } from "../../../src/services/ovirt/mod.ts";

/** Asserts `xml` is refused with an SdkError whose message matches `what`. */
function refused(xml: string | Uint8Array, what: RegExp): SdkError {
  let caught: unknown;
  try {
    readXml(xml);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof SdkError, `expected an SdkError, got ${caught}`);
  assert.match(caught.message, what);
  return caught;
}

const POSITION = /at line \d+, column \d+ \(offset \d+\)/;

Deno.test("malformed: a truncated <vms> is refused, not read as two VMs", () => {
  const whole =
    '<vms>\n  <vm id="1"><name>a</name></vm>\n  <vm id="2"><name>b</name></vm>\n</vms>\n';
  assert.equal((readXml(whole) as unknown[]).length, 2);
  for (const cut of [whole.indexOf("<name>b") + 3, whole.indexOf("</vms>"), whole.length - 3]) {
    const e = refused(whole.slice(0, cut), POSITION);
    assert.match(e.message, /ends|isn't closed|doesn't match/);
  }
  const e = refused('<vms><vm id="1"/><vm id="2"><name>', /<name> opened at line 1, column 29/);
  assert.match(e.message, /the document ends before the end tag/);
});

Deno.test("malformed: mismatched and stray end tags name both positions", () => {
  const e = refused("<vms>\n  <vm>\n    <name>a</nam>\n  </vm>\n</vms>", /line 3, column 12/);
  assert.match(e.message, /<\/nam> doesn't match the start tag <name> at line 3, column 5/);
  refused("<vm><name>a</name></vm></vm>", /text after the root element|<\/vm>/);
  refused("<vm></vms>", /doesn't match/);
});

Deno.test("malformed: text or a second element after the root", () => {
  refused("<vm/>garbage", /line 1, column 6 .*text after the root element/);
  refused("<vm/>\n<vm/>", /line 2, column 1 .*a second root element/);
  refused("junk<vm/>", /text before the root element/);
  // Spaces, comments and processing instructions after the root are fine.
  assert.ok(readXml("<vm/>\n<!-- c -->\n<?pi x?>\n"));
});

Deno.test("malformed: NUL and other characters XML forbids are refused with their offset", () => {
  refused("<vm><name>a\0b</name></vm>", /offset 11\): the character U\+0000 isn't allowed/);
  refused(new TextEncoder().encode("<vm><name>a\u0001</name></vm>"), /U\+0001/);
  refused("<vm><name>&#0;</name></vm>", /'&#0;' refers to a character XML doesn't allow/);
  refused("<vm><name>&#x1;</name></vm>", /doesn't allow/);
  refused("<vm><name>\uFFFE</name></vm>", /U\+FFFE/);
});

Deno.test("malformed: entities, attributes and names", () => {
  refused("<vm><name>&nbsp;</name></vm>", /the entity '&nbsp;' isn't defined/);
  refused("<vm><name>a & b</name></vm>", /'&' that starts no reference/);
  refused('<vm id="1" id="2"/>', /the attribute 'id' is repeated/);
  refused("<vm id=1/>", /expected a quoted value for 'id'/);
  refused('<vm id="1/>', /isn't closed|'<'/);
  refused('<vm id="a<b"/>', /'<' in the value of the attribute 'id'/);
  refused('<vm id="1"name="a"/>', /expected a space/);
  refused("<1vm/>", /expected a name/);
  refused("<vm><!-- open </vm>", /the comment isn't closed/);
  refused("<vm><![CDATA[ open </vm>", /the CDATA section isn't closed/);
  refused("<vm><?xml version='1.0'?></vm>", /only allowed at the very start/);
  refused("<vm", /ends inside a tag|isn't closed/);
  refused("", /no root element/);
  refused("   \n ", /no root element/);
});

Deno.test("malformed: an internal DTD subset (entity bombs) is refused, never expanded", () => {
  const bomb = `<?xml version="1.0"?>
<!DOCTYPE vm [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<vm><name>&b;</name></vm>`;
  refused(bomb, /internal subset/);
  // A DOCTYPE without a subset declares nothing and is skipped.
  assert.ok(readXml('<!DOCTYPE vm SYSTEM "vm.dtd"><vm/>'));
});

Deno.test("malformed: nesting deeper than the limit is an SdkError, never a RangeError", () => {
  const depth = 100_000;
  const deep = "<x>".repeat(depth) + "</x>".repeat(depth);
  refused(`<vm>${deep}</vm>`, /nest deeper than 256 levels/);
  refused(deep, /nest deeper than 256 levels/);
  // Known types that contain themselves (a bond's slaves are host NICs).
  const nic = "<host_nic><bonding><slaves>".repeat(depth) +
    "</slaves></bonding></host_nic>".repeat(depth);
  refused(nic, /nest deeper/);
});

Deno.test("malformed: the reader is strict on bytes too, and the error names the position", () => {
  const bytes = new TextEncoder().encode("<vm>\n  <name>é</name>\n  <status>up</stat>\n</vm>");
  refused(bytes, /line 3, column 13/);
});

Deno.test("malformed: a tag with many attributes is checked in linear time", () => {
  const attrs = Array.from({ length: 50_000 }, (_, i) => ` a${i}="${i}"`).join("");
  assert.equal((readXml(`<vm id="1"${attrs}/>`) as { id?: string }).id, "1");
  refused(`<vm${attrs} a49999="again"/>`, /the attribute 'a49999' is repeated/);
});

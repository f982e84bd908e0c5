import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sha256Hex } from "../../src/_runtime/sha256.ts";

Deno.test("sha256Hex matches node:crypto for every length around the block edges and UTF-8 text", () => {
  const texts = ["", "abc", "nimbus-apiclient:v3password:http://h/v3\0s3cret", "ü€𝄞 ключ"];
  for (let n = 0; n < 200; n++) texts.push("x".repeat(n));
  texts.push("y".repeat(100_000));
  for (const text of texts) {
    assert.equal(
      sha256Hex(text),
      createHash("sha256").update(text).digest("hex"),
      `length ${text.length}`,
    );
  }
  const bytes = new Uint8Array(1000).map((_, i) => (i * 31) & 0xff);
  assert.equal(sha256Hex(bytes), createHash("sha256").update(bytes).digest("hex"));
});

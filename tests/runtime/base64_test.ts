import assert from "node:assert/strict";
import { decodeBase64Url, encodeBase64Url } from "../../src/_runtime/base64.ts";

type Natives = { toBase64?: unknown; fromBase64?: unknown };

/** Runs `fn` as on Node 20: no `toBase64` / `fromBase64`. */
function withoutNativeBase64(fn: () => void): void {
  const proto = Uint8Array.prototype as unknown as Natives;
  const ctor = Uint8Array as unknown as Natives;
  const saved = [
    Object.getOwnPropertyDescriptor(proto, "toBase64"),
    Object.getOwnPropertyDescriptor(ctor, "fromBase64"),
  ];
  delete proto.toBase64;
  delete ctor.fromBase64;
  try {
    assert.equal(proto.toBase64, undefined);
    fn();
  } finally {
    if (saved[0]) Object.defineProperty(proto, "toBase64", saved[0]);
    if (saved[1]) Object.defineProperty(ctor, "fromBase64", saved[1]);
  }
}

function sample(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 151 + 7) & 0xff;
  return bytes;
}

Deno.test("base64url without toBase64 gives the native encoding, every length and all 256 byte values", () => {
  const cases = [0, 1, 2, 3, 4, 5, 31, 32, 33, 256, 70_001].map(sample);
  const native = cases.map((bytes) => bytes.toBase64({ alphabet: "base64url", omitPadding: true }));
  withoutNativeBase64(() => {
    cases.forEach((bytes, i) => {
      const text = encodeBase64Url(bytes);
      assert.equal(text, native[i]);
      assert.deepEqual(decodeBase64Url(text), bytes);
    });
  });
});

Deno.test("base64url decoding without fromBase64 refuses what fromBase64 refuses", () => {
  withoutNativeBase64(() => {
    for (const bad of ["a+b/", "ab cd", "A", "****", "abc=d"]) {
      assert.throws(() => decodeBase64Url(bad), SyntaxError, bad);
    }
    assert.deepEqual(decodeBase64Url("-_8="), new Uint8Array([251, 255]));
  });
  for (const bad of ["a+b/", "A", "****"]) assert.throws(() => decodeBase64Url(bad), bad);
});

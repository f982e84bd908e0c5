// The public surface of every entry point against its committed snapshot in
// tests/surface/: an extra, missing or changed export fails here. After an
// intended change: deno run -A scripts/public_surface.ts --update
import assert from "node:assert/strict";
import { ENTRY_POINTS, snapshotPath, surfaceOf } from "../scripts/public_surface.ts";

function names(surface: string): Set<string> {
  return new Set(surface.split("\n").filter((l) => /^\S/.test(l)));
}

for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
  Deno.test(`public surface of ${entry} matches tests/surface/${name}.api`, async () => {
    const expected = await Deno.readTextFile(snapshotPath(name));
    const actual = await surfaceOf(entry);
    if (actual === expected) return;
    const want = names(expected);
    const got = names(actual);
    const extra = [...got].filter((l) => !want.has(l));
    const missing = [...want].filter((l) => !got.has(l));
    assert.fail(
      `The public surface of ${entry} changed (run scripts/public_surface.ts --update if intended).\n` +
        `New or changed: ${extra.slice(0, 20).join("\n  ") || "(members only)"}\n` +
        `Missing or changed: ${missing.slice(0, 20).join("\n  ") || "(members only)"}`,
    );
  });
}

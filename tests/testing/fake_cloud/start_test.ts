import assert from "node:assert/strict";
import { FakeCloud } from "../../../src/testing/mod.ts";

Deno.test("FakeCloud.start: a port in use rejects the promise (as FakeEngine.start does), never throws", async () => {
  await using first = await FakeCloud.start();
  const port = Number(new URL(first.url).port);
  let started: Promise<FakeCloud> | undefined;
  assert.doesNotThrow(() => {
    started = FakeCloud.start({ port });
  });
  await assert.rejects(started!, (e: unknown) => e instanceof Deno.errors.AddrInUse);
});

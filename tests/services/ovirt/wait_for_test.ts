import assert from "node:assert/strict";
import { Connection } from "../../../mod.ts";
import { NotFoundError, TimeoutError } from "../../../src/errors/mod.ts";
import { SystemService, VmStatus, waitFor } from "../../../src/services/ovirt/mod.ts";
import { CannedServer, FetchConnection } from "./_server.ts";

Deno.test("waitFor: polls until the predicate holds and reports progress", async () => {
  const server = new CannedServer();
  try {
    const vm = new SystemService(new FetchConnection(server.url), "").vmsService().vmService("1");
    const statuses = ["wait_for_launch", "powering_up", "up"];
    let polls = 0;
    const seen: [string | undefined, number][] = [];
    server.set("/vms/1", 200, `<vm id="1"><status>${statuses[0]}</status></vm>`);
    const result = await waitFor(vm, (v) => v.status === VmStatus.UP, {
      intervalMs: 5,
      timeoutMs: 5_000,
      onProgress: (v, attempt) => {
        seen.push([v.status, attempt]);
        polls++;
        const next = statuses[Math.min(polls, statuses.length - 1)];
        server.set("/vms/1", 200, `<vm id="1"><status>${next}</status></vm>`);
      },
    });
    assert.equal(result.status, "up");
    assert.deepEqual(seen, [["wait_for_launch", 1], ["powering_up", 2], ["up", 3]]);
    assert.equal(server.seen.length, 3);
  } finally {
    await server.close();
  }
});

Deno.test("waitFor: errors from get are not retried", async () => {
  const server = new CannedServer();
  try {
    const vm = new SystemService(new FetchConnection(server.url), "").vmsService().vmService("1");
    server.set("/vms/1", 404, "");
    await assert.rejects(waitFor(vm, () => true, { intervalMs: 5 }), NotFoundError);
    assert.equal(server.seen.length, 1);
  } finally {
    await server.close();
  }
});

Deno.test("waitFor: a timeout is a TimeoutError, an abort rejects with the reason", async () => {
  let calls = 0;
  const fake = {
    get: () => Promise.resolve({ status: "down", n: ++calls }),
    toString: () => "FakeService:/x",
  };
  const err = await waitFor(fake, () => false, { timeoutMs: 50, intervalMs: 10 }).catch((e) => e);
  assert.ok(err instanceof TimeoutError);
  assert.equal(
    err.message,
    "Timed out after 50 ms waiting for FakeService:/x; the last status was 'down'",
  );
  assert.ok(calls >= 2 && calls <= 8, `bounded polls: ${calls}`);
  const ac = new AbortController();
  const pending = waitFor(fake, () => false, {
    timeoutMs: 10_000,
    intervalMs: 1_000,
    signal: ac.signal,
  });
  setTimeout(() => ac.abort(new Error("stop")), 20);
  await assert.rejects(pending, { message: "stop" });
});

Deno.test("waitFor: an abort while a poll is in flight rejects at once with the reason", async () => {
  let arrived!: () => void;
  const requestArrived = new Promise<void>((r) => arrived = r);
  let release!: () => void;
  const released = new Promise<void>((r) => release = r);
  let answered = false;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async () => {
    arrived();
    await released;
    answered = true;
    return new Response('<vm id="1"><status>down</status></vm>', {
      headers: { "content-type": "application/xml" },
    });
  });
  // Only unblocks a waitFor that ignores the signal; it never decides the test.
  const fallback = setTimeout(release, 5_000);
  const connection = new Connection({
    url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
    token: "t",
  });
  try {
    const vm = connection.systemService().vmsService().vmService("1");
    const ac = new AbortController();
    const pending = waitFor(vm, () => false, { signal: ac.signal, intervalMs: 10 });
    await requestArrived;
    const reason = new Error("stop now");
    ac.abort(reason);
    const err = await pending.then(() => undefined, (e) => e);
    assert.equal(err, reason);
    assert.equal(answered, false, "rejected while the poll was still unanswered");
  } finally {
    clearTimeout(fallback);
    release();
    await connection.close({ logout: false });
    await server.shutdown();
  }
});

Deno.test("waitFor: a poll still unanswered at the deadline ends in waitFor's own TimeoutError", async () => {
  let release!: () => void;
  const released = new Promise<void>((r) => release = r);
  let polls = 0;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async () => {
    // The first poll answers; the second hangs past the deadline.
    if (++polls > 1) await released;
    return new Response('<vm id="1"><status>down</status></vm>', {
      headers: { "content-type": "application/xml" },
    });
  });
  const connection = new Connection({
    url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
    token: "t",
  });
  try {
    const vm = connection.systemService().vmsService().vmService("1");
    const err = await waitFor(vm, () => false, { timeoutMs: 300, intervalMs: 10 }).catch((e) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(
      err.message,
      "Timed out after 300 ms waiting for VmService:/vms/1; the last status was 'down'",
    );
    assert.ok(err.cause instanceof TimeoutError, "the cut poll is the cause");
  } finally {
    release();
    await connection.close({ logout: false });
    await server.shutdown();
  }
});

import assert from "node:assert/strict";
import { Connection } from "../../mod.ts";
import { Semaphore } from "../../src/connection/semaphore.ts";

/** A tiny engine that counts requests in flight on its API paths. */
function countingServer() {
  let inFlight = 0;
  let peak = 0;
  const gates: (() => void)[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    await req.arrayBuffer();
    if (path.startsWith("/ovirt-engine/sso/")) {
      return Response.json({ access_token: "tok-0123456789" });
    }
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise<void>((resolve) => gates.push(resolve));
    inFlight--;
    return new Response("<api/>", { headers: { "content-type": "application/xml" } });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
    get peak() {
      return peak;
    },
    get waiting() {
      return gates.length;
    },
    releaseAll() {
      for (const g of gates.splice(0)) g();
    },
    close: () => server.shutdown(),
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

Deno.test("connections bounds the requests in flight", async () => {
  const server = countingServer();
  const connection = new Connection({ url: server.url, token: "tok-0123456789", connections: 2 });
  assert.equal(connection.maxInFlight, 2);
  const all = Promise.all(Array.from({ length: 6 }, () => connection.send({ method: "GET" })));
  for (let round = 0; round < 3; round++) {
    await until(() => server.waiting === 2);
    assert.equal(server.waiting, 2);
    server.releaseAll();
  }
  const responses = await all;
  assert.equal(responses.length, 6);
  assert.equal(server.peak, 2);
  await connection.close({ logout: false });
  await server.close();
});

Deno.test("pipeline multiplies the in-flight bound; 0 connections is unlimited", async () => {
  const server = countingServer();
  const piped = new Connection({
    url: server.url,
    token: "tok-0123456789",
    connections: 1,
    pipeline: 3,
  });
  assert.equal(piped.maxInFlight, 3);
  const unlimited = new Connection({ url: server.url, token: "tok-0123456789" });
  assert.equal(unlimited.maxInFlight, 0);
  const all = Promise.all(Array.from({ length: 5 }, () => unlimited.send({ method: "GET" })));
  await until(() => server.waiting === 5);
  assert.equal(server.waiting, 5);
  server.releaseAll();
  await all;
  await piped.close({ logout: false });
  await unlimited.close({ logout: false });
  await server.close();
});

Deno.test("Semaphore hands slots over in order", async () => {
  const s = new Semaphore(1);
  const order: number[] = [];
  const first = await s.acquire();
  const waiters = [1, 2].map((n) =>
    s.acquire().then((release) => {
      order.push(n);
      release();
    })
  );
  assert.equal(s.active, 1);
  first();
  first(); // a second release is ignored
  await Promise.all(waiters);
  assert.deepEqual(order, [1, 2]);
  assert.equal(s.active, 0);
});

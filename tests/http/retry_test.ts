import assert from "node:assert/strict";
import { ConnectionRefused, HTTPClient, ServiceUnavailable, TooManyRequests } from "../../mod.ts";
import { closedPort, TestServer } from "../_fakes/test_server.ts";

const busy = () => new Response("busy", { status: 503 });

Deno.test("retry is off by default: a 503 GET is sent once", async () => {
  await using server = await TestServer.start(busy);
  await using http = new HTTPClient(null);
  await assert.rejects(http.request("GET", server.url), ServiceUnavailable);
  assert.equal(server.requests.length, 1);
});

Deno.test("retry: a POST is never sent twice unless marked idempotent", async () => {
  await using server = await TestServer.start(busy);
  await using http = new HTTPClient(null, { retry: { retries: 3, backoffMs: 1 } });
  await assert.rejects(http.request("POST", server.url, { json: { a: 1 } }), ServiceUnavailable);
  assert.equal(server.requests.length, 1);
  await assert.rejects(http.request("PATCH", server.url, { json: { a: 1 } }), ServiceUnavailable);
  assert.equal(server.requests.length, 2);
  await assert.rejects(
    http.request("POST", server.url, { json: { a: 1 }, idempotent: true }),
    ServiceUnavailable,
  );
  assert.equal(server.requests.length, 6, "1 + 3 retries for the POST marked idempotent");
});

Deno.test("retry: a GET waits for Retry-After: 1 and then succeeds", async () => {
  let calls = 0;
  await using server = await TestServer.start(() =>
    ++calls === 1
      ? new Response("slow down", { status: 429, headers: { "retry-after": "1" } })
      : Response.json({ ok: true })
  );
  await using http = new HTTPClient(null, { retry: { retries: 2, backoffMs: 1 }, timings: true });
  const response = await http.request("GET", server.url);
  assert.deepEqual(await response.json(), { ok: true });
  const [first, second] = http.getTimings();
  assert.equal(first!.status, 429);
  assert.equal(second!.status, 200);
  assert.ok(second!.start - first!.end >= 950, `waited ${second!.start - first!.end} ms`);
});

Deno.test("retry: gives up after the configured count and throws the last error", async () => {
  await using server = await TestServer.start(() =>
    new Response("", { status: 429, headers: { "retry-after": "0" } })
  );
  await using http = new HTTPClient(null, { retry: { retries: 2 } });
  await assert.rejects(http.request("GET", server.url), TooManyRequests);
  assert.equal(server.requests.length, 3);
});

Deno.test("retry: only the listed statuses are retried", async () => {
  await using server = await TestServer.start(() => new Response("", { status: 500 }));
  await using http = new HTTPClient(null, { retry: { retries: 3, backoffMs: 1 } });
  await assert.rejects(http.request("GET", server.url));
  assert.equal(server.requests.length, 1);
  await using custom = new HTTPClient(null, {
    retry: { retries: 1, backoffMs: 1, statusCodes: [500] },
  });
  await assert.rejects(custom.request("GET", server.url));
  assert.equal(server.requests.length, 3);
});

Deno.test("retry: connection errors of idempotent calls are retried, with backoff capped", async () => {
  await using http = new HTTPClient(null, {
    retry: { retries: 2, backoffMs: 10, maxBackoffMs: 20 },
    timings: true,
  });
  await assert.rejects(http.request("GET", `http://127.0.0.1:${closedPort()}/`), ConnectionRefused);
  assert.equal(http.getTimings().length, 3);
  assert.ok(http.getTimings().every((t) => t.status === undefined));
});

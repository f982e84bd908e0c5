/**
 * HTTPClient refuses bad input with ValidationError before anything is
 * sent, bounds retries whatever the server says, and refuses to work after
 * close().
 */
import assert from "node:assert/strict";
import {
  ClientClosed,
  ConnectionError,
  HTTPClient,
  ServiceUnavailable,
  ValidationError,
} from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";
import { testCerts } from "../_fakes/tls_certs.ts";

/** A logger that keeps warnings. */
function warnings(): { lines: string[]; debug(): void; warn(line: string): void } {
  const lines: string[] = [];
  return { lines, debug() {}, warn: (line: string) => void lines.push(line) };
}

Deno.test("retry options: retries must be a finite integer ≥ 0", () => {
  for (const retries of [-1, 1.5, Infinity, Number.NaN, "3" as unknown as number]) {
    assert.throws(
      () => new HTTPClient(null, { retry: { retries } }),
      ValidationError,
      String(retries),
    );
  }
  for (const retries of [0, 1, 10]) new HTTPClient(null, { retry: { retries } });
});

Deno.test("retry options: back-offs must be finite ms ≥ 0, statuses real HTTP statuses", () => {
  for (const backoffMs of [-1, Infinity, Number.NaN]) {
    assert.throws(() => new HTTPClient(null, { retry: { backoffMs } }), ValidationError);
    assert.throws(
      () => new HTTPClient(null, { retry: { maxBackoffMs: backoffMs } }),
      ValidationError,
    );
  }
  for (const code of [0, 99, 600, 503.5]) {
    assert.throws(() => new HTTPClient(null, { retry: { statusCodes: [code] } }), ValidationError);
  }
});

Deno.test("Retry-After negative or in the past: no wait, attempts still bounded", async () => {
  for (const retryAfter of ["-5", new Date(Date.now() - 3_600_000).toUTCString()]) {
    await using server = await TestServer.start(() =>
      new Response("busy", { status: 503, headers: { "retry-after": retryAfter } })
    );
    const log = warnings();
    await using http = new HTTPClient(null, {
      retry: { retries: 2, backoffMs: 60_000 },
      logger: log,
    });
    await assert.rejects(http.request("GET", server.url), ServiceUnavailable);
    assert.equal(server.requests.length, 3, retryAfter);
    assert.equal(log.lines.length, 2);
    for (const line of log.lines) assert.match(line, / in 0 ms$/);
  }
});

Deno.test("an invalid method is a ValidationError, never a retried ConnectionError", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null, { retry: { retries: 3, backoffMs: 1 } });
  for (const method of ["GE T", "", "GET\r\nX: y", "CONNECT", "trace", "PÖST"]) {
    await assert.rejects(http.request(method, server.url), (e: unknown) => {
      assert.ok(e instanceof ValidationError, JSON.stringify(method));
      assert.ok(!(e instanceof ConnectionError));
      assert.ok(!e.message.includes("\n"));
      return true;
    });
  }
  assert.equal(server.requests.length, 0);
  assert.equal((await http.request("get", server.url)).status, 200);
});

Deno.test("an unparsable URL is a ValidationError, not a retried ConnectionError", async () => {
  await using http = new HTTPClient(null, { retry: { retries: 3, backoffMs: 1 } });
  await assert.rejects(http.request("GET", "not a url"), ValidationError);
});

Deno.test("a request after close() fails with ClientClosed, instead of silently dropping caCerts", async () => {
  const certs = await testCerts();
  await using server = await TestServer.start(() => Response.json({ ok: 1 }), {
    cert: certs.serverCert,
    key: certs.serverKey,
  });
  const http = new HTTPClient(null, { caCerts: [certs.caCert], retry: { retries: 2 } });
  assert.equal((await http.request("GET", server.url)).status, 200);
  await http.close();
  await assert.rejects(http.request("GET", server.url), (e: unknown) => {
    assert.ok(e instanceof ClientClosed);
    assert.match(e.message, /closed/);
    assert.match(e.message, new RegExp(`GET ${server.url}`));
    return true;
  });
  assert.equal(server.requests.length, 1);
});

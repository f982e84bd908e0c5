/**
 * `maxBodyBytes`: bodies are read within a limit counted on the decoded
 * bytes, by both clients, against real servers.
 */
import assert from "node:assert/strict";
import {
  BodyTooLarge,
  ClientException,
  Connection,
  HTTPClient,
  SdkError,
  ValidationError,
} from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

const MiB = 1024 * 1024;

/** `count` MiB of zeros, gzip-compressed as it is written (the input never sits whole in memory). */
async function gzipZeros(count: number): Promise<Uint8Array<ArrayBuffer>> {
  const zeros = new Uint8Array(MiB);
  const compress = new CompressionStream("gzip");
  const writer = compress.writable.getWriter();
  const out = new Response(compress.readable).bytes();
  for (let i = 0; i < count; i++) await writer.write(zeros);
  await writer.close();
  return await out;
}

/** A body of `size` bytes sent in 64 KiB chunks without a content-length. */
function chunked(size: number, fill = 0x61): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

let bomb: Uint8Array<ArrayBuffer> | undefined;
/** 1 GiB of zeros as about 1 MiB of gzip. */
async function gzipBomb(): Promise<Uint8Array<ArrayBuffer>> {
  return bomb ??= await gzipZeros(1024);
}

/** A server answering `reply()`, except the SSO logout a Connection sends on close. */
function engineLike(reply: () => Response): Promise<TestServer> {
  return TestServer.start((seen) =>
    seen.path.endsWith("/sso-logout") ? Response.json({}) : reply()
  );
}

function bombServer(body: Uint8Array<ArrayBuffer>): Promise<TestServer> {
  return engineLike(() =>
    new Response(body, {
      headers: { "content-encoding": "gzip", "content-type": "application/json" },
    })
  );
}

Deno.test("maxBodyBytes: a gzip bomb (1 MiB → 1 GiB) is refused by HTTPClient with BodyTooLarge, memory bounded", async () => {
  const body = await gzipBomb();
  assert.ok(body.length < 2 * MiB, `bomb is ${body.length} bytes`);
  await using server = await bombServer(body);
  await using http = new HTTPClient(null);
  const before = Deno.memoryUsage().rss;
  await assert.rejects(http.request("GET", `${server.url}/bomb`), (e: unknown) => {
    assert.ok(e instanceof BodyTooLarge);
    assert.ok(e instanceof ClientException);
    assert.equal(e.limit, 128 * MiB);
    assert.equal(e.method, "GET");
    assert.equal(e.url, `${server.url}/bomb`);
    assert.match(e.message, /134217728 bytes/);
    assert.match(e.message, new RegExp(`GET ${server.url}/bomb`));
    return true;
  });
  const grown = (Deno.memoryUsage().rss - before) / MiB;
  assert.ok(grown <= 300, `RSS grew by ${grown.toFixed(0)} MiB`);
  // The same client keeps working.
  server.handler = () => Response.json({ ok: true });
  assert.deepEqual(await (await http.request("GET", server.url)).json(), { ok: true });
});

Deno.test("maxBodyBytes: a gzip bomb is refused by Connection with an SdkError, memory bounded", async () => {
  const body = await gzipBomb();
  await using server = await bombServer(body);
  await using connection = new Connection({ url: `${server.url}/ovirt-engine/api`, token: "t" });
  const before = Deno.memoryUsage().rss;
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.ok(e instanceof BodyTooLarge);
    assert.equal(e.limit, 128 * MiB);
    assert.match(e.message, /\/ovirt-engine\/api\/vms/);
    return true;
  });
  const grown = (Deno.memoryUsage().rss - before) / MiB;
  assert.ok(grown <= 300, `RSS grew by ${grown.toFixed(0)} MiB`);
});

Deno.test("maxBodyBytes: counted on decoded bytes (a small gzip body that inflates past the limit)", async () => {
  const body = await gzipZeros(2); // 2 MiB decoded, a few KiB on the wire
  await using server = await bombServer(body);
  await using http = new HTTPClient(null, { maxBodyBytes: MiB });
  await assert.rejects(http.request("GET", server.url), BodyTooLarge);
  // Per request, a larger limit wins over the client's.
  const ok = await http.request("GET", server.url, { maxBodyBytes: 4 * MiB });
  assert.equal((await ok.bytes()).length, 2 * MiB);
});

Deno.test("maxBodyBytes: a content-length over the limit is refused, and so is a chunked body", async () => {
  await using server = await TestServer.start((seen) =>
    seen.path === "/sized" ? new Response(new Uint8Array(3 * MiB)) : new Response(chunked(3 * MiB))
  );
  await using http = new HTTPClient(null, { maxBodyBytes: 2 * MiB });
  for (const path of ["/sized", "/chunked"]) {
    await assert.rejects(http.request("GET", `${server.url}${path}`), (e: unknown) => {
      assert.ok(e instanceof BodyTooLarge, path);
      assert.equal(e.limit, 2 * MiB);
      assert.equal(e.status, 200);
      return true;
    });
  }
  // At the limit exactly is fine.
  const exact = await http.request("GET", `${server.url}/chunked`, { maxBodyBytes: 3 * MiB });
  assert.equal((await exact.bytes()).length, 3 * MiB);
});

Deno.test("maxBodyBytes: 0 and Infinity mean no limit", async () => {
  const body = await gzipZeros(3);
  await using server = await bombServer(body);
  for (const maxBodyBytes of [0, Infinity]) {
    await using http = new HTTPClient(null, { maxBodyBytes: MiB });
    const res = await http.request("GET", server.url, { maxBodyBytes });
    assert.equal((await res.bytes()).length, 3 * MiB, String(maxBodyBytes));
  }
});

Deno.test("maxBodyBytes: invalid values are refused before anything is sent", async () => {
  await using server = await TestServer.start();
  for (const bad of [-1, Number.NaN, 1.5, "10" as unknown as number]) {
    assert.throws(() => new HTTPClient(null, { maxBodyBytes: bad }), ValidationError);
    await using http = new HTTPClient(null);
    await assert.rejects(http.request("GET", server.url, { maxBodyBytes: bad }), ValidationError);
    assert.throws(
      () => new Connection({ url: `${server.url}/api`, token: "t", maxBodyBytes: bad }),
      RangeError,
    );
  }
  assert.equal(server.requests.length, 0);
});

Deno.test("maxBodyBytes: stream: true is unlimited by default, limited when set explicitly", async () => {
  const size = 130 * MiB; // past the default limit
  await using server = await TestServer.start(() => new Response(chunked(size)));
  await using http = new HTTPClient(null);
  const res = await http.request("GET", server.url, { stream: true });
  let total = 0;
  for await (const chunk of res.body!) total += chunk.byteLength;
  assert.equal(total, size);

  await using limited = new HTTPClient(null, { maxBodyBytes: MiB });
  const capped = await limited.request("GET", server.url, { stream: true });
  await assert.rejects(new Response(capped.body).bytes(), (e: unknown) => {
    assert.ok(e instanceof BodyTooLarge);
    assert.equal(e.limit, MiB);
    return true;
  });
  const perRequest = await http.request("GET", server.url, { stream: true, maxBodyBytes: MiB });
  await assert.rejects(new Response(perRequest.body).bytes(), BodyTooLarge);
});

Deno.test("maxBodyBytes: Connection honours its option and a request's own limit", async () => {
  await using server = await engineLike(() =>
    new Response(chunked(2 * MiB, 0x20), { headers: { "content-type": "application/xml" } })
  );
  await using connection = new Connection({
    url: `${server.url}/ovirt-engine/api`,
    token: "t",
    maxBodyBytes: MiB,
  });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof BodyTooLarge);
    assert.equal(e.limit, MiB);
    return true;
  });
  const reply = await connection.send({ method: "GET", path: "/vms", maxBodyBytes: 0 });
  assert.equal(reply.body.length, 2 * MiB);
});

Deno.test("maxBodyBytes: a 100 MiB XML reply to Connection is read whole under the default limit", async () => {
  const size = 100 * MiB;
  await using server = await engineLike(() =>
    new Response(chunked(size, 0x20), { headers: { "content-type": "application/xml" } })
  );
  await using connection = new Connection({ url: `${server.url}/ovirt-engine/api`, token: "t" });
  const reply = await connection.send({ method: "GET", path: "/vms" });
  assert.equal(reply.code, 200);
  assert.equal(reply.body.length, size);
  await assert.rejects(
    connection.send({ method: "GET", path: "/vms", maxBodyBytes: 64 * MiB }),
    BodyTooLarge,
  );
});

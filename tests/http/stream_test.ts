import assert from "node:assert/strict";
import { HTTPClient, NotFound, TimeoutError } from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

const MiB = 1024 * 1024;

Deno.test("stream: true hands back the body unread, chunk by chunk", async () => {
  await using server = await TestServer.start(() => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) return controller.close();
        controller.enqueue(new Uint8Array(MiB).fill(sent++));
      },
    });
    return new Response(body, { headers: { "content-type": "application/octet-stream" } });
  });
  await using http = new HTTPClient(null, { timeout: 10_000 });
  const response = await http.request("GET", `${server.url}/image`, { stream: true });
  assert.equal(response.status, 200);
  assert.equal(response.url, `${server.url}/image`);
  let total = 0;
  let chunks = 0;
  for await (const chunk of response.body!) {
    total += chunk.length;
    chunks++;
  }
  assert.equal(total, 8 * MiB);
  assert.ok(chunks > 1, "read as a stream, not one buffer");
});

Deno.test("stream: the timeout still covers a body that stalls, as TimeoutError", async () => {
  const { promise: release, resolve } = Promise.withResolvers<void>();
  await using server = await TestServer.start(() => {
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array(10));
        await release;
        controller.close();
      },
    });
    return new Response(body);
  });
  await using http = new HTTPClient(null);
  const response = await http.request("GET", server.url, { stream: true, timeout: 150 });
  await assert.rejects(response.arrayBuffer(), TimeoutError);
  resolve();
});

Deno.test("stream: an error status is still read whole for the typed error", async () => {
  await using server = await TestServer.start(() =>
    Response.json({ itemNotFound: { message: "No image abc" } }, { status: 404 })
  );
  await using http = new HTTPClient(null);
  await assert.rejects(http.request("GET", server.url, { stream: true }), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.equal(e.message, "No image abc");
    return true;
  });
});

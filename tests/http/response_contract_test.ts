/**
 * `HTTPClient.request` returns a Response that behaves like fetch's for
 * every WHATWG idiom, against a real server.
 */
import assert from "node:assert/strict";
import { HTTPClient } from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

const BODY = '{"servers":[{"id":"a","name":"é"}]}';

async function withClient(
  run: (http: HTTPClient, url: string) => Promise<void>,
): Promise<void> {
  await using server = await TestServer.start(() =>
    new Response(BODY, { headers: { "content-type": "application/json", "x-k": "v" } })
  );
  await using http = new HTTPClient(null);
  await run(http, `${server.url}/servers`);
}

Deno.test("Response contract: it is a plain Response, not a subclass", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    assert.equal(Object.getPrototypeOf(res), Response.prototype);
    assert.equal(res.url, url);
    assert.equal(res.headers.get("x-k"), "v");
    assert.equal(res.type, "default");
    assert.equal(res.redirected, false);
  });
});

Deno.test("Response contract: res.body is the same stream on every access", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    const first = res.body;
    assert.ok(first);
    assert.equal(res.body, first);
    // The common guard `if (res.body) res.body.getReader()` must not throw.
    if (res.body) {
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for (let i = 0; i < 1000; i++) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
      }
      assert.equal(new TextDecoder().decode(await new Blob(chunks).bytes()), BODY);
    }
  });
});

Deno.test("Response contract: bodyUsed turns true once read, and a second read fails", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    assert.equal(res.bodyUsed, false);
    assert.deepEqual(await res.json(), JSON.parse(BODY));
    assert.equal(res.bodyUsed, true);
    await assert.rejects(res.text(), TypeError);
  });
});

Deno.test("Response contract: clone() before reading gives two readable copies", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    const copy = res.clone();
    assert.equal(await res.text(), BODY);
    assert.equal(await copy.text(), BODY);
    assert.equal(copy.status, 200);
    assert.throws(() => res.clone(), TypeError);
  });
});

Deno.test("Response contract: for await over res.body yields the bytes", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) text += decoder.decode(chunk, { stream: true });
    text += decoder.decode();
    assert.equal(text, BODY);
    assert.equal(res.bodyUsed, true);
  });
});

Deno.test("Response contract: res.body.pipeTo a WritableStream", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    await res.body!.pipeTo(
      new WritableStream({ write: (c) => void chunks.push(c as Uint8Array<ArrayBuffer>) }),
    );
    assert.equal(new TextDecoder().decode(await new Blob(chunks).bytes()), BODY);
  });
});

Deno.test("Response contract: new Response(res.body) re-wraps the body", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    const again = new Response(res.body, { headers: res.headers });
    assert.deepEqual(await again.json(), JSON.parse(BODY));
  });
});

Deno.test("Response contract: Deno.inspect(res) does not consume the body", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url);
    const shown = Deno.inspect(res);
    assert.match(shown, /Response/);
    assert.match(shown, /status: 200/);
    assert.equal(res.bodyUsed, false);
    assert.equal(await res.text(), BODY);
  });
});

Deno.test("Response contract: stream: true also returns a plain Response with one body", async () => {
  await withClient(async (http, url) => {
    const res = await http.request("GET", url, { stream: true });
    assert.equal(Object.getPrototypeOf(res), Response.prototype);
    assert.equal(res.body, res.body);
    assert.equal(res.url, url);
    assert.equal(await new Response(res.body).text(), BODY);
  });
});

Deno.test("Response contract: HEAD and 204 have a null body, like fetch", async () => {
  await using server = await TestServer.start((seen) =>
    seen.method === "HEAD" ? new Response(null) : new Response(null, { status: 204 })
  );
  await using http = new HTTPClient(null);
  const head = await http.request("HEAD", server.url);
  assert.equal(head.body, null);
  const none = await http.request("DELETE", server.url);
  assert.equal(none.body, null);
  assert.equal(await none.text(), "");
});

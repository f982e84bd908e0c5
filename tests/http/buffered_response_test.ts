import assert from "node:assert/strict";
import { HTTPClient } from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

Deno.test("HTTPClient responses read like any Response, once", async () => {
  await using server = await TestServer.start(() =>
    Response.json({ a: "é" }, { headers: { "x-k": "v" } })
  );
  await using http = new HTTPClient(null);
  const response = await http.request("GET", `${server.url}/r`);
  assert.ok(response instanceof Response);
  assert.equal(response.ok, true);
  assert.equal(response.headers.get("x-k"), "v");
  assert.equal(response.url, `${server.url}/r`);
  const copy = response.clone();
  assert.deepEqual(await response.json(), { a: "é" });
  assert.equal(response.bodyUsed, true);
  await assert.rejects(response.text(), TypeError);
  assert.equal(await copy.text(), '{"a":"é"}');

  const streamed = await http.request("GET", `${server.url}/r`);
  const text = await new Response(streamed.body).text();
  assert.equal(text, '{"a":"é"}');
  const bytes = await (await http.request("GET", `${server.url}/r`)).bytes();
  assert.equal(new TextDecoder().decode(bytes), '{"a":"é"}');
  const buffer = await (await http.request("GET", `${server.url}/r`)).arrayBuffer();
  assert.equal(buffer.byteLength, bytes.byteLength);
  const blob = await (await http.request("GET", `${server.url}/r`)).blob();
  assert.equal(blob.type, "application/json");
});

Deno.test("HTTPClient: HEAD and 204 responses have no body", async () => {
  await using server = await TestServer.start((seen) =>
    seen.method === "HEAD"
      ? new Response(null, { headers: { "x-count": "3" } })
      : new Response(null, { status: 204 })
  );
  await using http = new HTTPClient(null);
  const head = await http.request("HEAD", server.url);
  assert.equal(head.body, null);
  assert.equal(head.headers.get("x-count"), "3");
  const empty = await http.request("DELETE", server.url);
  assert.equal(empty.status, 204);
  assert.equal(await empty.text(), "");
});

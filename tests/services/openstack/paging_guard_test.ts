import assert from "node:assert/strict";
import { HTTPClient } from "../../../mod.ts";
import { TokenEndpointAuth } from "../../../src/auth/mod.ts";
import { ImageClient } from "../../../src/services/openstack/mod.ts";
import { TestServer } from "../../_fakes/test_server.ts";

Deno.test("list() stops when a next link asks for the same page again", async () => {
  await using server = await TestServer.start(() =>
    Response.json({ images: [{ id: "1", name: "a" }], next: "/v2/images?limit=1" })
  );
  await using http = new HTTPClient(new TokenEndpointAuth({ token: "t", endpoint: server.url }));
  const image = new ImageClient(http);
  const seen = [];
  for await (const item of image.images.list()) seen.push(item);
  assert.equal(server.requests.length, 2);
  assert.equal(seen.length, 2);
});

Deno.test("a paging link to another host is followed on the client's own endpoint, with its query", async () => {
  let calls = 0;
  await using server = await TestServer.start(() =>
    ++calls === 1
      ? Response.json({ images: [{ id: "1" }], next: "http://evil.example/v2/images?marker=1" })
      : Response.json({ images: [{ id: "2" }] })
  );
  await using http = new HTTPClient(new TokenEndpointAuth({ token: "t", endpoint: server.url }));
  const ids = [];
  for await (const item of new ImageClient(http).images.list()) ids.push(item.id);
  assert.deepEqual(ids, ["1", "2"]);
  assert.equal(server.requests[1]!.search, "?marker=1");
});

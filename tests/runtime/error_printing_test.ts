import assert from "node:assert/strict";
import { inspect } from "node:util";
import { HttpError, NotFound, SdkError } from "../../src/errors/mod.ts";
import { fromResponse } from "../../src/errors/from_response.ts";

Deno.test("an HttpError prints status, method, URL and request id, and no unset fields", async () => {
  const body = JSON.stringify({
    itemNotFound: { message: "Instance abc could not be found.", code: 404 },
  });
  const response = new Response(
    body,
    {
      status: 404,
      headers: { "x-openstack-request-id": "req-9", "content-type": "application/json" },
    },
  );
  const error = fromResponse(
    response,
    "GET",
    "http://127.0.0.1:8774/v2.1/servers/abc",
    await response.text(),
  );
  assert.ok(error instanceof NotFound);
  for (const printed of [Deno.inspect(error), inspect(error)]) {
    const [head, detail, frame] = printed.split("\n");
    assert.equal(head, "NotFound: Instance abc could not be found.");
    assert.equal(
      detail,
      "    GET http://127.0.0.1:8774/v2.1/servers/abc (HTTP 404) (Request-ID: req-9)",
    );
    assert.match(frame!, /^ {4}at \S/);
    assert.doesNotMatch(printed, /undefined/);
  }
  assert.equal(error.message, "Instance abc could not be found.");
  assert.equal(String(error), "Instance abc could not be found. (HTTP 404) (Request-ID: req-9)");
});

Deno.test("Deno's own line for an uncaught HttpError names the status, method, URL and request id", async () => {
  // A real exchange with a real server, thrown uncaught in a child Deno.
  await using server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () =>
      Response.json({ itemNotFound: { message: "Instance abc could not be found." } }, {
        status: 404,
        headers: { "x-openstack-request-id": "req-77" },
      }),
  );
  const url = `http://127.0.0.1:${server.addr.port}/v2.1/servers/abc`;
  const mod = new URL("../../mod.ts", import.meta.url).href;
  const child = await new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { HTTPClient } from ${JSON.stringify(mod)};
       await new HTTPClient(null).request("GET", ${JSON.stringify(url)});`,
    ],
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(child.stderr);
  assert.equal(child.code, 1, stderr);
  const lines = stderr.slice(stderr.indexOf("error: ")).split("\n");
  assert.equal(lines[0], "error: Uncaught (in promise) NotFound: Instance abc could not be found.");
  assert.equal(lines[1], `    GET ${url} (HTTP 404) (Request-ID: req-77)`);
});

Deno.test("an SdkError prints its code and fault, and no unset fields", () => {
  const error = new SdkError('Fault reason is "Operation Failed". HTTP response code is 409.', {
    code: 409,
    fault: { reason: "Operation Failed", detail: "[Cannot start VM]" },
  });
  const printed = Deno.inspect(error);
  assert.match(printed, /code: 409/);
  assert.match(printed, /detail: "\[Cannot start VM\]"/);
  assert.doesNotMatch(Deno.inspect(new SdkError("plain")), /undefined/);
  assert.doesNotMatch(Deno.inspect(new HttpError({ status: 500 })), /undefined/);
});

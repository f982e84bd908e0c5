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
    const head = printed.split("\n")[0]!;
    assert.match(
      head,
      /^NotFound: Instance abc could not be found\. \(HTTP 404\) \(Request-ID: req-9\) GET http:\/\/127\.0\.0\.1:8774\/v2\.1\/servers\/abc$/,
    );
    assert.doesNotMatch(printed, /undefined/);
  }
  assert.equal(error.message, "Instance abc could not be found.");
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

import assert from "node:assert/strict";
import {
  BadRequest,
  ClientException,
  fromResponse,
  GatewayTimeout,
  HTTPClientError,
  HttpError,
  HttpServerError,
  InternalServerError,
  MultipleChoices,
  NotFound,
  RequestEntityTooLarge,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnprocessableEntity,
} from "../../mod.ts";
import { parseRetryAfter } from "../../src/errors/from_response.ts";

function reply(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

Deno.test("fromResponse() picks the class by status, and the family for unknown statuses", () => {
  const cases: [number, typeof HttpError][] = [
    [300, MultipleChoices],
    [302, HttpError],
    [400, BadRequest],
    [401, Unauthorized],
    [404, NotFound],
    [413, RequestEntityTooLarge],
    [422, UnprocessableEntity],
    [429, TooManyRequests],
    [499, HTTPClientError],
    [500, InternalServerError],
    [503, ServiceUnavailable],
    [504, GatewayTimeout],
    [599, HttpServerError],
  ];
  for (const [status, cls] of cases) {
    const e = fromResponse(reply(status, ""), "GET", "http://h/x", "");
    assert.equal(e.constructor, cls, `status ${status}`);
    assert.equal(e.status, status);
    assert.equal(e.httpStatus, status);
    assert.equal(e.method, "GET");
    assert.equal(e.url, "http://h/x");
    assert.ok(e instanceof ClientException);
  }
});

Deno.test("fromResponse() reads the OpenStack error body shapes", () => {
  const nested = fromResponse(
    reply(400, JSON.stringify({ error: { message: "fake message", details: "fake details" } })),
    "POST",
    "http://h/x",
    JSON.stringify({ error: { message: "fake message", details: "fake details" } }),
  );
  assert.equal(nested.message, "fake message");
  assert.equal(nested.details, "fake details");

  const flat = '{"message": "Fake message.", "code": 503}';
  const webob = fromResponse(reply(503, flat), "GET", "u", flat);
  assert.ok(webob instanceof ServiceUnavailable);
  assert.equal(webob.message, "Fake message.");

  const wsmeBody =
    '{"error_message": {"debuginfo": null, "faultcode": "Client", "faultstring": "fake message"}}';
  const wsme = fromResponse(reply(400, wsmeBody), "GET", "u", wsmeBody);
  assert.equal(wsme.message, "fake message");
  assert.equal(wsme.details, JSON.stringify(JSON.parse(wsmeBody)));

  const sig = '{"errors": [{"title": "Rate limited", "detail": "slow down"}]}';
  const apiSig = fromResponse(reply(429, sig), "GET", "u", sig);
  assert.equal(apiSig.message, "Rate limited");
  assert.equal(apiSig.details, "slow down");
});

Deno.test("fromResponse() never throws on odd bodies", () => {
  const bodies: [string, string][] = [
    ["{}", "application/json"],
    ["[]", "application/json"],
    ['{"alien": 123}', "application/json"],
    ['{"broken": ', "application/json"],
    ["<html><body>Bad Gateway</body></html>", "text/html"],
    ["", "text/html"],
    ["\x00\xff", "application/octet-stream"],
    ["null", "application/json"],
    ['"just a string"', "application/json"],
  ];
  for (const [body, type] of bodies) {
    const e = fromResponse(
      new Response(body, { status: 502, headers: { "content-type": type } }),
      "GET",
      "http://h/x",
      body,
    );
    assert.ok(e instanceof HttpServerError, body);
    assert.equal(e.message, "Bad Gateway");
  }
  const html = fromResponse(
    new Response("<h1>oops</h1>", { status: 400, headers: { "content-type": "text/html" } }),
    "GET",
    "u",
    "<h1>oops</h1>",
  );
  assert.equal(html.details, "<h1>oops</h1>");
  assert.equal(fromResponse(reply(400, "{"), "GET", "u", "{").details, "{");
});

Deno.test("String(error) reads 'Not Found (HTTP 404) (Request-ID: req-1)'", () => {
  const e = fromResponse(reply(404, "", { "x-openstack-request-id": "req-1" }), "GET", "u");
  assert.equal(String(e), "Not Found (HTTP 404) (Request-ID: req-1)");
  assert.equal(String(new BadRequest()), "Bad Request (HTTP 400)");
  assert.equal(String(new HttpError()), "HTTP Error (HTTP 0)");
});

Deno.test("fromResponse() takes x-openstack-request-id before x-compute-request-id", () => {
  const both = reply(503, "", {
    "x-openstack-request-id": "req-os",
    "x-compute-request-id": "req-nova",
  });
  assert.equal(fromResponse(both, "GET", "u").requestId, "req-os");
  const nova = reply(503, "", { "x-compute-request-id": "req-65d6443c" });
  assert.equal(fromResponse(nova, "GET", "u").requestId, "req-65d6443c");
});

Deno.test("fromResponse() reads Retry-After as seconds or an HTTP date on every class", () => {
  for (const status of [413, 429, 503, 400]) {
    assert.equal(fromResponse(reply(status, "", { "retry-after": "7" }), "GET", "u").retryAfter, 7);
  }
  const inTenSeconds = new Date(Date.now() + 10_500).toUTCString();
  const dated = fromResponse(reply(429, "", { "retry-after": inTenSeconds }), "GET", "u");
  assert.ok(dated.retryAfter! >= 9 && dated.retryAfter! <= 11, String(dated.retryAfter));
  assert.equal(parseRetryAfter("not a date"), undefined);
  assert.equal(parseRetryAfter(new Date(0).toUTCString()), 0);
  assert.equal(fromResponse(reply(429, ""), "GET", "u").retryAfter, undefined);
});

Deno.test("fromResponse() keeps no cookie or token header on the error", () => {
  const e = fromResponse(
    reply(401, "", { "set-cookie": "session=abc", "x-subject-token": "gAAAA-secret" }),
    "POST",
    "u",
  );
  assert.equal(e.headers.get("set-cookie"), null);
  assert.equal(e.headers.get("x-subject-token"), null);
  assert.ok(!Deno.inspect(e).includes("gAAAA-secret"));
});

Deno.test("an HttpError's stack names status, request id, method and URL on its second line", () => {
  const e = fromResponse(
    reply(404, "", { "x-openstack-request-id": "req-9" }),
    "GET",
    "http://h/servers/1",
  );
  assert.deepEqual(e.stack!.split("\n").slice(0, 2), [
    "NotFound: Not Found",
    "    GET http://h/servers/1 (HTTP 404) (Request-ID: req-9)",
  ]);
  assert.equal(String(e), "Not Found (HTTP 404) (Request-ID: req-9)");
});

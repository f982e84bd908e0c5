import assert from "node:assert/strict";
import {
  BadRequest,
  ConnectionError,
  ConnectionRefused,
  HTTPClient,
  NotFound,
  ServiceUnavailable,
  TimeoutError,
  ValidationError,
} from "../../mod.ts";
import { closedPort, TestServer } from "../_fakes/test_server.ts";

Deno.test("HTTPClient.concatUrl() joins with exactly one slash", () => {
  const table: [string, string, string][] = [
    ["/a", "/b", "/a/b"],
    ["/a", "b", "/a/b"],
    ["/a/", "/b", "/a/b"],
    ["http://h/v2.0/", "/tokens", "http://h/v2.0/tokens"],
    ["http://h", "", "http://h/"],
    ["http://h/", "/x/", "http://h/x"],
    ["http://h//", "//x//", "http://h/x"],
  ];
  for (const [endpoint, url, expected] of table) {
    assert.equal(HTTPClient.concatUrl(endpoint, url), expected, `${endpoint} + ${url}`);
  }
});

Deno.test("HTTPClient.request() sends User-Agent, Forwarded, JSON and query", async () => {
  await using server = await TestServer.start((seen) =>
    Response.json({ echo: JSON.parse(seen.body) }, {
      headers: { "x-openstack-request-id": "req-abc" },
    })
  );
  await using http = new HTTPClient(null, { originalIp: "10.0.0.1", userAgent: "tests/1" });
  const response = await http.request("post", `${server.url}/things`, {
    json: { name: "vm1", size: 2 },
    query: { limit: 10, marker: undefined, all: true },
    headers: { "User-Agent": "ignored", "X-Foo": "bar" },
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { echo: { name: "vm1", size: 2 } });
  const seen = server.requests[0]!;
  assert.equal(seen.method, "POST");
  assert.equal(seen.search, "?limit=10&all=true");
  assert.equal(seen.headers.get("user-agent"), "tests/1");
  assert.equal(seen.headers.get("forwarded"), "for=10.0.0.1;by=tests/1");
  assert.equal(seen.headers.get("content-type"), "application/json");
  assert.equal(seen.headers.get("x-foo"), "bar");
  assert.equal(http.lastRequestId, "req-abc");
  assert.equal(response.url, `${server.url}/things?limit=10&all=true`);
});

Deno.test("HTTPClient.request() uses the class User-Agent by default", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null);
  await http.request("GET", server.url);
  assert.match(server.requests[0]!.headers.get("user-agent")!, /^nimbus-apiclient\/\d/);
  assert.equal(server.requests[0]!.headers.get("forwarded"), null);
});

Deno.test("HTTPClient.request() throws the typed error with method, URL, request id and server message", async () => {
  await using server = await TestServer.start(() =>
    Response.json({ itemNotFound: { message: "Instance 42 could not be found.", code: 404 } }, {
      status: 404,
      headers: { "x-compute-request-id": "req-nova-1" },
    })
  );
  await using http = new HTTPClient(null);
  await assert.rejects(http.request("GET", `${server.url}/servers/42`), (e: unknown) => {
    assert.ok(e instanceof NotFound);
    assert.equal(e.message, "Instance 42 could not be found.");
    assert.equal(e.method, "GET");
    assert.equal(e.url, `${server.url}/servers/42`);
    assert.equal(e.requestId, "req-nova-1");
    assert.equal(String(e), "Instance 42 could not be found. (HTTP 404) (Request-ID: req-nova-1)");
    return true;
  });
  assert.equal(http.lastRequestId, "req-nova-1");
});

Deno.test("HTTPClient.request() maps every status class", async () => {
  await using server = await TestServer.start((seen) => {
    const status = Number(seen.path.slice(1));
    return new Response(status === 304 || status === 204 ? null : "x", {
      status,
      headers: { "content-type": "text/plain" },
    });
  });
  await using http = new HTTPClient(null);
  for (const status of [200, 201, 202, 204, 300, 304]) {
    const r = await http.request("GET", `${server.url}/${status}`);
    assert.equal(r.status, status);
  }
  await assert.rejects(http.request("GET", `${server.url}/400`), BadRequest);
  await assert.rejects(http.request("GET", `${server.url}/503`), ServiceUnavailable);
});

Deno.test("HTTPClient.request() refuses CR/LF in headers before sending", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null);
  await assert.rejects(
    http.request("GET", server.url, { headers: [["X-Evil", "a\r\nX-Injected: 1"]] }),
    ValidationError,
  );
  assert.equal(server.requests.length, 0);
});

Deno.test("HTTPClient.request() times out waiting for headers (TimeoutError)", async () => {
  const { promise: release, resolve } = Promise.withResolvers<void>();
  await using server = await TestServer.start(async () => {
    await release;
    return new Response("late");
  });
  await using http = new HTTPClient(null, { timeout: 5000 });
  await assert.rejects(http.request("GET", server.url, { timeout: 100 }), (e: unknown) => {
    assert.ok(e instanceof TimeoutError);
    assert.match(e.message, /timed out after 100 ms/);
    return true;
  });
  resolve();
});

Deno.test("HTTPClient.request(): the timeout covers a body that stalls after the headers", async () => {
  const { promise: release, resolve } = Promise.withResolvers<void>();
  await using server = await TestServer.start(() => {
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode('{"partial": '));
        await release;
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "application/json" } });
  });
  await using http = new HTTPClient(null, { timeout: 150 });
  await assert.rejects(http.request("GET", server.url), TimeoutError);
  resolve();
});

Deno.test("HTTPClient.request(): a refused connection is ConnectionRefused with the cause", async () => {
  await using http = new HTTPClient(null);
  const url = `http://127.0.0.1:${closedPort()}/x`;
  await assert.rejects(http.request("GET", url), (e: unknown) => {
    assert.ok(e instanceof ConnectionRefused);
    assert.ok(e instanceof ConnectionError);
    assert.ok(e.cause instanceof Error);
    assert.ok(e.message.includes(url));
    return true;
  });
});

Deno.test("HTTPClient.request(): the caller's signal aborts with its own reason", async () => {
  const { promise: release, resolve } = Promise.withResolvers<void>();
  await using server = await TestServer.start(async () => {
    await release;
    return new Response("late");
  });
  await using http = new HTTPClient(null);
  const controller = new AbortController();
  const pending = http.request("GET", server.url, { signal: controller.signal });
  controller.abort(new Error("user gave up"));
  await assert.rejects(pending, /user gave up/);
  resolve();
});

Deno.test("HTTPClient records timings, also for failed statuses", async () => {
  await using server = await TestServer.start((seen) =>
    new Response("", { status: seen.path === "/bad" ? 500 : 200 })
  );
  await using http = new HTTPClient(null, { timings: true });
  await http.request("GET", `${server.url}/ok`);
  await assert.rejects(http.request("DELETE", `${server.url}/bad`));
  const timings = http.getTimings();
  assert.equal(timings.length, 2);
  assert.deepEqual(timings.map((t) => [t.method, t.url, t.status]), [
    ["GET", `${server.url}/ok`, 200],
    ["DELETE", `${server.url}/bad`, 500],
  ]);
  for (const t of timings) assert.ok(t.end >= t.start && t.start > 1e12);
  http.resetTimings();
  assert.equal(http.getTimings().length, 0);
  await using quiet = new HTTPClient(null);
  await quiet.request("GET", `${server.url}/ok`);
  assert.equal(quiet.getTimings().length, 0);
});

Deno.test("HTTPClient follows redirects and never carries the token to another origin", async () => {
  await using other = await TestServer.start(() => Response.json({ where: "other" }));
  await using server = await TestServer.start((seen) => {
    if (seen.path === "/same") return Response.redirect(`${server.url}/final`, 302);
    if (seen.path === "/away") return Response.redirect(`${other.url}/landing`, 307);
    if (seen.path === "/loop") return Response.redirect(`${server.url}/loop`, 301);
    if (seen.path === "/file") return Response.redirect("file:///etc/hostname", 302);
    if (seen.path === "/nolocation") return new Response(null, { status: 302 });
    return Response.json({ where: "final" });
  });
  await using http = new HTTPClient(null);
  const headers = { "X-Auth-Token": "secret-token", Cookie: "a=b", "X-Keep": "1" };
  const same = await http.request("GET", `${server.url}/same`, { headers });
  assert.deepEqual(await same.json(), { where: "final" });
  assert.equal(server.requests.at(-1)!.headers.get("x-auth-token"), "secret-token");

  const away = await http.request("GET", `${server.url}/away`, { headers });
  assert.deepEqual(await away.json(), { where: "other" });
  const landed = other.requests[0]!;
  assert.equal(landed.method, "GET");
  assert.equal(landed.headers.get("x-auth-token"), null);
  assert.equal(landed.headers.get("cookie"), null);
  assert.equal(landed.headers.get("x-keep"), "1");

  // A body can hold a password: a 307 to another origin is refused, not followed.
  await assert.rejects(
    http.request("PUT", `${server.url}/away`, { headers, json: { password: "pw-secret" } }),
    (e: unknown) => {
      assert.ok(e instanceof ConnectionError);
      assert.match(e.message, /Refusing to resend the body of PUT/);
      assert.ok(!e.message.includes("pw-secret"));
      return true;
    },
  );
  assert.equal(other.requests.length, 1, "the body never reached the other origin");

  await assert.rejects(http.request("GET", `${server.url}/loop`), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.match(e.message, /Too many redirects/);
    return true;
  });
  assert.equal(server.count("/loop"), 11);
  await assert.rejects(http.request("GET", `${server.url}/file`), /Refusing GET to a file: URL/);
  await assert.rejects(http.request("GET", "file:///etc/hostname"), ConnectionError);
  const bare = await http.request("GET", `${server.url}/nolocation`);
  assert.equal(bare.status, 302);
});

Deno.test("HTTPClient hides its token from inspect and JSON", () => {
  const http = new HTTPClient(null);
  http.cachedToken = "gAAAAA-very-secret";
  assert.equal(http.cachedToken, "gAAAAA-very-secret");
  assert.ok(!Deno.inspect(http).includes("very-secret"));
  assert.ok(!JSON.stringify(http).includes("very-secret"));
});

Deno.test("HTTPClient uses the given fetch as its transport", async () => {
  await using server = await TestServer.start();
  const seen: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    seen.push(`${init?.method} ${String(input)}`);
    return fetch(input, init);
  };
  await using http = new HTTPClient(null, { fetch: countingFetch });
  await http.request("GET", `${server.url}/via-custom`);
  assert.deepEqual(seen, [`GET ${server.url}/via-custom`]);
  assert.equal(server.requests.length, 1);
});

Deno.test("HTTPClient.request() refuses NUL and bad header names without echoing the value", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null);
  const cases: Record<string, string>[] = [{ "X-Auth-Token": "SECRET\u0000TOKEN" }, {
    "Bad Name(": "v",
  }];
  for (const headers of cases) {
    await assert.rejects(http.request("GET", server.url, { headers }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.ok(!e.message.includes("SECRET"));
      return true;
    });
  }
  assert.equal(server.requests.length, 0);
});

Deno.test("HTTPClient: absurd timeouts mean no timeout, not an instant one", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null);
  for (const timeout of [Infinity, 2 ** 40]) {
    assert.equal((await http.request("GET", server.url, { timeout })).status, 200, String(timeout));
  }
});

Deno.test("HTTPClient: a NaN or negative timeout is a ValidationError, never 'no timeout'", async () => {
  await using server = await TestServer.start();
  await using http = new HTTPClient(null);
  for (const timeout of [Number.NaN, -5, -Infinity]) {
    await assert.rejects(http.request("GET", server.url, { timeout }), ValidationError);
    assert.throws(() => new HTTPClient(null, { timeout }), ValidationError);
  }
  assert.equal(server.requests.length, 0);
});

/**
 * Connection refuses bad input (URL scheme, method, timeout) before
 * anything is sent, and refuses to work after close().
 */
import assert from "node:assert/strict";
import { ClientClosed, Connection, SdkError } from "../../mod.ts";
import { TestServer } from "../_fakes/test_server.ts";

function engine(): Promise<TestServer> {
  return TestServer.start((seen) =>
    seen.path.endsWith("/sso-logout")
      ? Response.json({})
      : new Response("<api/>", { headers: { "content-type": "application/xml" } })
  );
}

Deno.test("Connection refuses non-http(s) URLs at construction", () => {
  for (const url of ["file:///etc/passwd", "data:text/plain,hi", "ftp://h/api", "javascript:1"]) {
    assert.throws(() => new Connection({ url, token: "t" }), (e: unknown) => {
      assert.ok(e instanceof SdkError, url);
      assert.match(e.message, /http or https/);
      return true;
    });
  }
});

Deno.test("Connection: an invalid method is an SdkError and nothing is sent", async () => {
  await using server = await engine();
  const connection = new Connection({ url: `${server.url}/api`, token: "t" });
  try {
    for (const method of ["GE T", "", "GET\r\nX: y", "PÖST"]) {
      await assert.rejects(connection.send({ method, path: "/vms" }), SdkError);
    }
    assert.equal(server.requests.length, 0);
    assert.equal((await connection.send({ method: "get", path: "/vms" })).code, 200);
  } finally {
    await connection.close({ logout: false });
  }
});

Deno.test("Connection: a NaN or negative timeout is a RangeError, not 'no timeout'", async () => {
  await using server = await engine();
  for (const timeout of [Number.NaN, -1, -Infinity]) {
    assert.throws(
      () => new Connection({ url: `${server.url}/api`, token: "t", timeout }),
      RangeError,
    );
  }
  const connection = new Connection({ url: `${server.url}/api`, token: "t" });
  try {
    for (const timeout of [Number.NaN, -1]) {
      await assert.rejects(connection.send({ method: "GET", path: "/vms", timeout }), RangeError);
    }
    assert.equal(server.requests.length, 0);
  } finally {
    await connection.close({ logout: false });
  }
});

Deno.test("Connection: a request after close() fails with ClientClosed (an SdkError)", async () => {
  await using server = await engine();
  const connection = new Connection({ url: `${server.url}/api`, token: "t" });
  await connection.close({ logout: false });
  await assert.rejects(connection.send({ method: "GET", path: "/vms" }), (e: unknown) => {
    assert.ok(e instanceof ClientClosed);
    assert.ok(e instanceof SdkError);
    assert.match(e.message, /closed/);
    return true;
  });
  assert.equal(server.requests.length, 0);
});

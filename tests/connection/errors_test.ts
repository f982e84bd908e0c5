import assert from "node:assert/strict";
import {
  AuthError,
  Connection,
  ConnectionRefused,
  Fault,
  NotFoundError,
  SdkError,
} from "../../mod.ts";
import {
  checkFault,
  errorFor,
  raiseError,
  readFault,
} from "../../src/services/ovirt/fault_error.ts";
import type { HttpResponse } from "../../src/connection/mod.ts";
import { SEED_IDS } from "../../src/testing/mod.ts";
import { PASSWORD, startEngine, USER } from "./helpers.ts";

function response(code: number, body = "", type = "application/xml"): HttpResponse {
  return {
    code,
    body: new TextEncoder().encode(body),
    headers: new Headers(body ? { "content-type": type } : {}),
    message: "",
  };
}

Deno.test("errorFor builds ovirtsdk4's message and class", () => {
  const e = errorFor({ code: 400 }, new Fault({ reason: "myreason", detail: "mydetail" }));
  assert.equal(e.constructor, SdkError);
  assert.equal(
    e.message,
    'Fault reason is "myreason". Fault detail is "mydetail". HTTP response code is 400.',
  );
  assert.equal(e.code, 400);
  assert.equal(e.fault?.reason, "myreason");
  const nf = errorFor({ code: 404 });
  assert.ok(nf instanceof NotFoundError);
  assert.equal(nf.message, "HTTP response code is 404.");
  assert.equal(nf.fault, undefined);
  assert.ok(errorFor({ code: 401 }) instanceof AuthError);
  assert.ok(errorFor({ code: 403 }) instanceof AuthError);
  assert.equal(
    errorFor({ code: 500 }, "Something broke").message,
    "HTTP response code is 500. Something broke.",
  );
  assert.throws(
    () => raiseError({ code: 409 }),
    (e: unknown) => e instanceof SdkError && e.code === 409,
  );
});

Deno.test("readFault reads XML faults, action faults and both JSON shapes", () => {
  const xml = readFault(
    response(400, "<fault>\n  <reason>R</reason>\n  <detail>D</detail>\n</fault>"),
  );
  assert.deepEqual([xml?.reason, xml?.detail], ["R", "D"]);
  const action = readFault(
    response(
      201,
      "<action><fault><reason>myreason</reason><detail>mydetail</detail></fault></action>",
    ),
  );
  assert.deepEqual([action?.reason, action?.detail], ["myreason", "mydetail"]);
  const empty = readFault(response(400, "<fault/>"));
  assert.ok(empty instanceof Fault);
  assert.deepEqual([empty.reason, empty.detail], [undefined, undefined]);
  const flat = readFault(response(400, '{"reason":"R","detail":"D"}', "application/json"));
  assert.equal(flat?.detail, "D");
  const wrapped = readFault(response(400, '{"fault":{"reason":"R2"}}', "application/json"));
  assert.equal(wrapped?.reason, "R2");
  assert.equal(readFault(response(404)), undefined);
  assert.equal(readFault(response(500, "<html><body>oops", "text/html")), undefined);
  assert.equal(readFault(response(500, "{not json", "application/json")), undefined);
});

Deno.test("checkFault on real engine faults: 404 and 409", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const missing = await connection.send({ method: "GET", path: "/vms/123" });
  assert.throws(() => checkFault(missing), (e: unknown) => {
    assert.ok(e instanceof NotFoundError);
    assert.equal(e.code, 404);
    assert.ok(e.message.includes("404"));
    assert.equal(
      e.message,
      'Fault reason is "Operation Failed". Fault detail is "Entity not found: 123". HTTP response code is 404.',
    );
    return true;
  });
  const running = await connection.send({
    method: "POST",
    path: `/vms/${SEED_IDS.web1}/start`,
    body: "<action/>",
  });
  assert.throws(() => checkFault(running), (e: unknown) => {
    assert.ok(e instanceof SdkError && !(e instanceof AuthError));
    assert.equal(e.code, 409);
    assert.equal(e.fault?.reason, "Operation Failed");
    assert.equal(e.fault?.detail, "[Cannot run VM. VM web1 is running.]");
    return true;
  });
});

Deno.test("a 2xx action carrying a fault is an error", async () => {
  await using engine = await startEngine();
  engine.inject({
    path: "vms/123/start",
    status: 201,
    body: "<action><fault><reason>myreason</reason><detail>mydetail</detail></fault></action>",
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const reply = await connection.send({
    method: "POST",
    path: "/vms/123/start",
    body: "<action/>",
  });
  assert.equal(reply.code, 201);
  const fault = readFault(reply);
  assert.ok(fault);
  assert.throws(() => raiseError(reply, fault), (e: unknown) => {
    assert.ok(e instanceof SdkError);
    assert.match(e.message, /myreason/);
    assert.equal(e.fault?.detail, "mydetail");
    assert.match(e.message, /HTTP response code is 201\.$/);
    return true;
  });
});

Deno.test("content type checks: exact messages and the path hint", async () => {
  await using engine = await startEngine();
  const good = new Connection({ url: engine.url });
  const html = new Response("x", { headers: { "content-type": "text/html" } });
  assert.throws(
    () => good.checkXmlContentType(html),
    (e: unknown) =>
      e instanceof SdkError &&
      e.message === "The response content type 'text/html' isn't the expected XML",
  );
  assert.throws(
    () => good.checkJsonContentType(html),
    (e: unknown) =>
      e instanceof SdkError &&
      e.message === "The response content type 'text/html' isn't the expected JSON",
  );
  good.checkXmlContentType(
    new Response("x", { headers: { "content-type": "application/xml;charset=UTF-8" } }),
  );
  good.checkXmlContentType(new Response("x", { headers: { "content-type": "text/xml" } }));
  good.checkJsonContentType(new Response("x", { headers: { "content-type": "application/json" } }));
  const odd = new Connection({ url: `${engine.origin}/ovirt-engine/api/v4` });
  assert.throws(
    () => odd.checkXmlContentType(html),
    (e: unknown) =>
      e instanceof SdkError &&
      e.message ===
        "The response content type 'text/html' isn't the expected XML. Is the path '/ovirt-engine/api/v4' included in the 'url' parameter correct? The typical one is '/ovirt-engine/api'",
  );
  await good.close();
  await odd.close();
});

Deno.test("test(): true when the engine answers, false or the error otherwise", async () => {
  await using engine = await startEngine();
  await using ok = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  assert.equal(await ok.test(), true);
  assert.equal(engine.requests.at(-1)!.path, "/ovirt-engine/api");
  await using bad = new Connection({ url: engine.url, username: USER, password: "wrong" });
  assert.equal(await bad.test(), false);
  await assert.rejects(bad.test({ raiseException: true }), AuthError);
  await using wrongPath = new Connection({ url: `${engine.origin}/nope`, token: "x" });
  assert.equal(await wrongPath.test(), false);
});

Deno.test("a refused port is ConnectionRefused, from test() and send()", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await using connection = new Connection({
    url: `http://127.0.0.1:${port}/ovirt-engine/api`,
    username: USER,
    password: PASSWORD,
  });
  await assert.rejects(connection.test({ raiseException: true }), (e: unknown) => {
    assert.ok(e instanceof ConnectionRefused);
    assert.ok(e.cause !== undefined);
    assert.ok(!e.message.includes(PASSWORD));
    return true;
  });
  assert.equal(await connection.test(), false);
});

Deno.test("an invalid URL (300.300.300.300) is refused when the connection is created", () => {
  assert.throws(
    () => new Connection({ url: "https://300.300.300.300/ovirt-engine/api", insecure: true }),
    (e: unknown) => e instanceof SdkError && /isn't a valid URL/.test(e.message),
  );
});

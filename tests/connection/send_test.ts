import assert from "node:assert/strict";
import { Connection } from "../../mod.ts";
import { SEED_IDS } from "../../src/testing/mod.ts";
import { PASSWORD, startEngine, USER } from "./helpers.ts";

const text = (body: Uint8Array) => new TextDecoder().decode(body);

Deno.test("API requests carry the SDK headers in order, after the custom ones", async () => {
  await using engine = await startEngine();
  const lines: string[] = [];
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    headers: { my: "value", "X-Global": "g" },
    debug: true,
    log: { debug: (line: string) => lines.push(line) },
  });
  const token = await connection.authenticate();
  await connection.send({ method: "GET", path: "/vms", headers: { my: "overridden" } });
  const got = engine.requests.at(-1)!;
  assert.equal(got.headers["my"], "overridden", "a request header wins over a global one");
  assert.equal(got.headers["x-global"], "g");
  assert.equal(got.headers["version"], "4");
  assert.equal(got.headers["accept"], "application/xml");
  assert.equal(got.headers["content-type"], "application/xml");
  assert.match(got.headers["user-agent"]!, /^nimbus-apiclient\//);
  assert.equal(got.headers["authorization"], "Bearer <redacted>");
  assert.ok(token);
  // The order on the wire, as the debug log shows it.
  const sent = lines.filter((l) => l.startsWith("< ") && l.includes(": ")).map((l) =>
    l.slice(2, l.indexOf(":"))
  );
  const apiHeaders = sent.slice(sent.lastIndexOf("Host") + 1);
  assert.deepEqual(apiHeaders, [
    "X-Global",
    "my",
    "User-Agent",
    "Version",
    "Content-Type",
    "Accept",
    "Authorization",
  ]);
});

Deno.test("global headers are sent on every API request but not to the SSO", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    headers: { my: "value" },
  });
  await connection.send({ method: "POST", path: `/vms/${SEED_IDS.web2}/start`, body: "<action/>" });
  const [login, start] = engine.requests;
  assert.equal(login!.headers["my"], undefined);
  assert.equal(start!.headers["my"], "value");
});

Deno.test("query keys are sorted and encoded like urlencode", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await connection.send({
    method: "POST",
    path: "/vms",
    query: { your: "value", my: "value", clone_permissions: "true", clone: "true" },
    body: "<vm><name>q1</name><cluster><name>Default</name></cluster></vm>",
  });
  assert.equal(
    engine.requests.at(-1)!.rawQuery,
    "clone=true&clone_permissions=true&my=value&your=value",
  );
  await connection.send({
    method: "GET",
    path: "/vms",
    query: { search: "name=web* and status=up" },
  });
  assert.equal(engine.requests.at(-1)!.rawQuery, "search=name%3Dweb*+and+status%3Dup");
});

Deno.test("all_content is mirrored in an All-Content header", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  for (const value of ["true", "false"]) {
    await connection.send({
      method: "GET",
      path: `/vms/${SEED_IDS.web1}`,
      query: { all_content: value },
    });
    const got = engine.requests.at(-1)!;
    assert.equal(got.query.all_content, value);
    assert.equal(got.headers["all-content"], value);
  }
});

Deno.test("format json sends and accepts JSON", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    format: "json",
  });
  const response = await connection.send({
    method: "GET",
    path: "/vms",
    query: { search: "name=db1" },
  });
  assert.equal(response.code, 200);
  connection.checkJsonContentType(response);
  const body = JSON.parse(text(response.body));
  assert.equal(body.vm.length, 1);
  assert.equal(body.vm[0].name, "db1");
  assert.equal(engine.requests.at(-1)!.headers["accept"], "application/json");
  assert.equal(await connection.test({ raiseException: true }), true);
});

Deno.test("compress: false asks for identity encoding", async () => {
  await using engine = await startEngine();
  await using plain = new Connection({
    url: engine.url,
    username: USER,
    password: PASSWORD,
    compress: false,
  });
  await plain.send({ method: "GET" });
  assert.equal(engine.requests.at(-1)!.headers["accept-encoding"], "identity");
  await using compressed = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  await compressed.send({ method: "GET" });
  assert.notEqual(engine.requests.at(-1)!.headers["accept-encoding"], "identity");
});

Deno.test("POST and PUT send the body, GET and DELETE never do", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const added = await connection.send({
    method: "POST",
    path: "/vms",
    body: "<vm>\n  <name>b1</name>\n  <cluster><name>Default</name></cluster>\n</vm>\n",
  });
  assert.equal(added.code, 201);
  const id = /<vm href="[^"]+" id="([^"]+)"/.exec(text(added.body))![1]!;
  assert.match(engine.requests.at(-1)!.body, /<name>b1<\/name>/);
  await connection.send({ method: "GET", path: `/vms/${id}`, body: "<ignored/>" });
  assert.equal(engine.requests.at(-1)!.body, "");
  const updated = await connection.send({
    method: "PUT",
    path: `/vms/${id}`,
    body: "<vm><description>d</description></vm>",
  });
  assert.match(text(updated.body), /<description>d<\/description>/);
  const removed = await connection.send({ method: "DELETE", path: `/vms/${id}` });
  assert.equal(removed.code, 200);
  assert.equal(engine.requests.at(-1)!.body, "");
  const gone = await connection.send({ method: "GET", path: `/vms/${id}` });
  assert.equal(gone.code, 404);
});

Deno.test("path without a leading slash and URL with a trailing slash still join", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({
    url: `${engine.url}/`,
    username: USER,
    password: PASSWORD,
  });
  const response = await connection.send({ method: "GET", path: "vms" });
  assert.equal(response.code, 200);
  assert.equal(engine.requests.at(-1)!.path, "/ovirt-engine/api/vms");
});

Deno.test("responses carry code, message, headers and the whole body", async () => {
  await using engine = await startEngine();
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const response = await connection.send({
    method: "POST",
    path: `/vms/${SEED_IDS.web1}/start`,
    body: "<action/>",
  });
  assert.equal(response.code, 409);
  assert.equal(response.message, "Conflict");
  assert.equal(response.headers.get("content-type"), "application/xml");
  assert.match(text(response.body), /<reason>Operation Failed<\/reason>/);
});

import assert from "node:assert/strict";
import { Connection, SdkError } from "../../mod.ts";
import { Vm } from "../../src/services/ovirt/mod.ts";
import { FakeEngine } from "../../src/testing/mod.ts";
import { assertNoSecret, Lines } from "./_helpers.ts";

const USER = "admin@internal";
const PASSWORD = "Wire-Log-Pa55word";

function debugConnection(engine: FakeEngine, log: Lines): Connection {
  return new Connection({ url: engine.url, username: USER, password: PASSWORD, debug: true, log });
}

Deno.test("wire log: oVirt ticket values, multi-line XML secrets and root_password never show", async () => {
  await using engine = await FakeEngine.start({ users: { [USER]: PASSWORD } });
  const ticket = "TICKET-value-0123456789";
  engine.inject({
    path: /\/vms\/1\/graphicsconsoles\/c1\/ticket$/,
    body:
      `<action>\n  <ticket>\n    <value>${ticket}</value>\n    <expiry>120</expiry>\n  </ticket>\n` +
      `  <status>complete</status>\n</action>`,
  });
  engine.inject({
    path: /\/vms\/1$/,
    body: `<vm id="1">\n<initialization>\n<root_password>\nmulti-line-root-secret\n` +
      `</root_password>\n</initialization>\n</vm>`,
  });
  const log = new Lines();
  await using connection = debugConnection(engine, log);
  await connection.send({
    method: "POST",
    path: "/vms/1/graphicsconsoles/c1/ticket",
    body: "<action><ticket><value>sent-ticket-secret</value></ticket></action>",
  });
  await connection.send({ method: "GET", path: "/vms/1" });
  await connection.send({
    method: "PUT",
    path: "/vms/1",
    body: "<vm><initialization><root_password>sent-root-secret</root_password>" +
      "</initialization></vm>",
  });
  assert.ok(log.all.some((l) => l.includes("<ticket>")), "the ticket reply was logged");
  for (
    const secret of [ticket, "multi-line-root-secret", "sent-ticket-secret", "sent-root-secret"]
  ) {
    assertNoSecret(log.text, secret, "the wire log");
  }
  assertNoSecret(log.text, PASSWORD, "the wire log");
  const token = await connection.authenticate();
  assertNoSecret(log.text, token, "the wire log");
});

Deno.test("wire log: a secret straddling the 256 KiB cut is not shown in part", async () => {
  await using engine = await FakeEngine.start({ users: { [USER]: PASSWORD } });
  const secret = "straddling-root-secret-0123456789";
  // The cut (256 KiB) falls 10 characters into the secret.
  const before = '<vm id="2"><description>'.length + "</description><root_password>".length;
  const pad = "p".repeat(256 * 1024 - before - 10);
  engine.inject({
    path: /\/vms\/2$/,
    body:
      `<vm id="2"><description>${pad}</description><root_password>${secret}</root_password></vm>`,
  });
  const log = new Lines();
  await using connection = debugConnection(engine, log);
  await connection.send({ method: "GET", path: "/vms/2" });
  assertNoSecret(log.text, secret, "the cut wire log");
});

Deno.test("oVirt fault: a secret field the engine echoes in its fault text is not in the error", async () => {
  await using engine = await FakeEngine.start({ users: { [USER]: PASSWORD } });
  engine.inject({
    path: /\/vms$/,
    method: "POST",
    status: 400,
    body: "<fault><reason>Operation Failed</reason><detail>[Invalid value " +
      "root_password=fault-echo-secret-1 for <root_password>fault-echo-secret-2</root_password>]" +
      "</detail></fault>",
  });
  await using connection = new Connection({ url: engine.url, username: USER, password: PASSWORD });
  const error = await connection.systemService().vmsService().add(new Vm({ name: "v" })).catch(
    (e) => e,
  );
  assert.ok(error instanceof SdkError, String(error));
  assert.match(error.message, /Operation Failed/);
  assertNoSecret(error.message, "fault-echo-secret-1", "the fault error");
  assertNoSecret(error.message, "fault-echo-secret-2", "the fault error");
});

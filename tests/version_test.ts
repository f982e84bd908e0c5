import assert from "node:assert/strict";
import { Connection, HTTPClient, VERSION } from "../mod.ts";
import "../src/services/ovirt/mod.ts";

Deno.test("VERSION is deno.json's version, and both clients send it in User-Agent", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  assert.equal(VERSION, config.version);
  const agents: string[] = [];
  await using server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    agents.push(req.headers.get("user-agent") ?? "");
    return new Response("<api/>", { headers: { "content-type": "application/xml" } });
  });
  const base = `http://127.0.0.1:${server.addr.port}`;
  await using http = new HTTPClient(null);
  await (await http.request("GET", `${base}/`)).body?.cancel();
  await using connection = new Connection({ url: `${base}/ovirt-engine/api`, token: "t" });
  await connection.send({ method: "GET", path: "" });
  await connection.close({ logout: false });
  assert.deepEqual(agents, [`nimbus-apiclient/${VERSION}`, `nimbus-apiclient/${VERSION}`]);
});

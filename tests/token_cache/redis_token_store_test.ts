// RedisTokenStore without a Redis: a store that is down or stalls must fail fast
// with a typed error, and the token cache must go on without it.
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import {
  ConnectionError,
  HTTPClient,
  RedisTokenStore,
  TimeoutError,
  TokenCache,
  ValidationError,
} from "../../mod.ts";
import { KeystonePasswordAuth } from "../../src/auth/mod.ts";
import { FakeCloud } from "../../src/testing/mod.ts";

/** A TCP server that accepts connections and never answers: a stalled Redis. */
async function withSilentServer(fn: (port: number) => Promise<void>): Promise<void> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  try {
    await fn(port);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A port nothing listens on. */
function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

Deno.test("RedisTokenStore refuses a bad url or timeout before any I/O", () => {
  assert.throws(() => new RedisTokenStore({ url: "http://127.0.0.1:6379" }), ValidationError);
  assert.throws(() => new RedisTokenStore({ url: "not a url" }), ValidationError);
  assert.throws(() => new RedisTokenStore({ timeout: 0 }), ValidationError);
  assert.throws(() => new RedisTokenStore({ timeout: Number.NaN }), ValidationError);
});

Deno.test("RedisTokenStore inspect and JSON hide the password in the url", () => {
  const store = new RedisTokenStore({ url: "redis://:hunter2-secret@127.0.0.1:6379/0" });
  const shown = `${Deno.inspect(store)} ${JSON.stringify(store)}`;
  assert.ok(!shown.includes("hunter2-secret"), shown);
  assert.match(shown, /RedisTokenStore \{ url: "redis:\/\/:\*\*\*@127\.0\.0\.1:6379\/0"/);
  assert.match(shown, /"prefix":"nimbus:token:"/);
});

Deno.test("RedisTokenStore: a store that is down rejects with ConnectionError", async () => {
  const port = closedPort();
  await using store = new RedisTokenStore({
    url: `redis://:pw-not-shown@127.0.0.1:${port}`,
    timeout: 500,
  });
  const error = await store.get("k").then(() => undefined, (e) => e);
  assert.ok(error instanceof ConnectionError, String(error));
  assert.match(
    error.message,
    new RegExp(`Redis CONNECT to redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}`),
  );
  assert.ok(!error.message.includes("pw-not-shown"));
  // The next call tries again (and fails the same way), it is not stuck.
  await assert.rejects(store.set("k", new Uint8Array([1])), ConnectionError);
});

Deno.test("RedisTokenStore: a store that stalls rejects with TimeoutError", async () => {
  await withSilentServer(async (port) => {
    await using store = new RedisTokenStore({ url: `redis://127.0.0.1:${port}`, timeout: 200 });
    const error = await store.get("k").then(() => undefined, (e) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.match(error.message, /timed out after 200 ms/);
  });
});

Deno.test("RedisTokenStore: a closed store rejects, close is idempotent", async () => {
  const store = new RedisTokenStore({ url: `redis://127.0.0.1:${closedPort()}` });
  await store.close();
  await store.close();
  await assert.rejects(
    store.get("k"),
    (e: unknown) => e instanceof ConnectionError && /closed/.test(e.message),
  );
});

for (const kind of ["down", "stalled"] as const) {
  Deno.test(`HTTPClient with a token cache over a ${kind} Redis still logs in and answers`, async () => {
    await using cloud = await FakeCloud.start();
    const run = async (port: number) => {
      await using store = new RedisTokenStore({ url: `redis://127.0.0.1:${port}`, timeout: 200 });
      const tokenCache = new TokenCache({ store, secret: "redis down test secret" });
      const auth = new KeystonePasswordAuth({
        authUrl: cloud.authUrl,
        username: cloud.demo.username,
        password: cloud.demo.password,
        userDomainName: "Default",
        projectName: cloud.demo.projectName,
        projectDomainName: "Default",
      });
      await using http = new HTTPClient(auth, { tokenCache });
      await http.authenticate();
      const logins = cloud.requests.filter((r) =>
        r.method === "POST" && r.path.endsWith("/auth/tokens")
      );
      assert.equal(logins.length, 1);
    };
    if (kind === "down") await run(closedPort());
    else await withSilentServer(run);
  });
}

/**
 * The shared login lifecycle as HTTPClient uses it: tokens refused before
 * caching, poisoned entries replaced, the rejected token never read back,
 * the request timeout bounding the login wait, cache warnings once.
 */
import assert from "node:assert/strict";
import {
  AuthorizationFailure,
  BaseClient,
  FileTokenStore,
  HTTPClient,
  MemoryTokenStore,
  TimeoutError,
  TokenCache,
  ValidationError,
} from "../../mod.ts";
import { CountingAuth, tokenChecker } from "../_fakes/counting_auth.ts";
import { TestServer } from "../_fakes/test_server.ts";

class TestClient extends BaseClient {
  static override serviceType = "test";
}

function memoryCache(): TokenCache {
  return new TokenCache({ store: new MemoryTokenStore(), secret: "lifecycle-test-secret" });
}

Deno.test("lifecycle: after a 401, 80 concurrent requests of two clients sharing a cache all succeed", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  // A file store: its slow delete is where a rejected token used to be read back.
  const dir = await Deno.makeTempDir();
  const cache = new TokenCache({ store: new FileTokenStore(`${dir}/t.json`), secret: "s" });
  const authA = new CountingAuth(server);
  await using a = new HTTPClient(authA, { tokenCache: cache });
  await new TestClient(a).get("/warm");
  const authB = new CountingAuth(server);
  await using b = new HTTPClient(authB, { tokenCache: cache });
  await new TestClient(b).get("/warm");
  assert.equal(server.count("/login"), 1, "b took a's token from the cache");
  const rejected = authA.token!;
  valid.clear();
  const replies = await Promise.all(
    Array.from({ length: 80 }, (_, i) => new TestClient(i % 2 ? a : b).get(`/p${i}`)),
  );
  assert.deepEqual(replies.map((r) => r.status), Array(80).fill(200));
  const sentRejected =
    server.requests.filter((r) =>
      /\/p\d+$/.test(r.path) && r.headers.get("x-auth-token") === rejected
    ).length;
  assert.ok(sentRejected <= 80, "each request sent the rejected token at most once");
  assert.notEqual((await cache.get(authA.cacheScope()))?.token, rejected);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("lifecycle: a token that cannot be sent as a header is refused before it is cached", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const cache = memoryCache();
  const auth = new CountingAuth(server);
  auth.fixedToken = "bad\r\nX-Injected: 1";
  await using http = new HTTPClient(auth, { tokenCache: cache });
  await assert.rejects(new TestClient(http).get("/a"), (e: unknown) => {
    assert.ok(e instanceof AuthorizationFailure, String(e));
    assert.match(e.message, /cannot be sent in an HTTP header/);
    assert.ok(!e.message.includes("X-Injected"));
    return true;
  });
  assert.equal(await cache.get(auth.cacheScope()), undefined, "nothing cached");
  assert.equal(server.count("/endpoint"), 0, "nothing sent with it");
});

Deno.test("lifecycle: a poisoned cache entry is dropped and replaced by the next good login", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const cache = memoryCache();
  const auth = new CountingAuth(server);
  await cache.set(auth.cacheScope(), { token: "poison\ntoken", data: { logins: 1 } });
  await using http = new HTTPClient(auth, { tokenCache: cache });
  const reply = await new TestClient(http).get("/a");
  assert.equal(reply.status, 200);
  assert.equal(auth.restored, 0, "the poisoned entry was never restored");
  assert.equal((await cache.get(auth.cacheScope()))?.token, auth.token);
});

Deno.test("lifecycle: a request's timeout also bounds the login it waits for", async () => {
  const valid = new Set<string>();
  const check = tokenChecker(valid);
  let release = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
    // Bounded even if the client never gives up (as before the fix): the login then succeeds.
    timer = setTimeout(resolve, 3_000);
  });
  await using server = await TestServer.start(async (seen) => {
    if (seen.path === "/login") await held;
    return check(seen);
  });
  const auth = new CountingAuth(server);
  await using http = new HTTPClient(auth);
  const client = new TestClient(http);
  await assert.rejects(client.get("/a", { timeout: 100 }), (e: unknown) => {
    assert.ok(e instanceof TimeoutError, String(e));
    assert.match(e.message, /100 ms.*login/);
    return true;
  });
  release();
  clearTimeout(timer);
  // The login went on for the others: the next request joins it.
  assert.equal((await client.get("/b")).status, 200);
  assert.equal(server.count("/login"), 1);
});

Deno.test("lifecycle: a cache that cannot work is reported once at warn level", async () => {
  const valid = new Set<string>();
  await using server = await TestServer.start(tokenChecker(valid));
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/file`, "");
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (m: string) => warnings.push(m) };
    // The store's directory is a regular file: every read and write fails.
    const broken = new TokenCache({
      store: new FileTokenStore(`${dir}/file/cache.json`),
      secret: "s",
    });
    for (let i = 0; i < 2; i++) {
      await using http = new HTTPClient(new CountingAuth(server), { tokenCache: broken, logger });
      await new TestClient(http).get("/a");
      await new TestClient(http).get("/b");
    }
    assert.equal(warnings.filter((w) => /read/.test(w)).length, 1, warnings.join("\n"));
    assert.equal(warnings.filter((w) => /write/.test(w)).length, 1, warnings.join("\n"));
    const noSecret: string[] = [];
    const unsealed = new TokenCache({ store: new FileTokenStore(`${dir}/cache.json`) });
    for (let i = 0; i < 2; i++) {
      await using http = new HTTPClient(new CountingAuth(server), {
        tokenCache: unsealed,
        logger: { debug() {}, warn: (m: string) => noSecret.push(m) },
      });
      await new TestClient(http).get("/a");
    }
    assert.equal(noSecret.length, 1, noSecret.join("\n"));
    assert.match(noSecret[0]!, /no 'secret'/);
    assert.ok(!noSecret[0]!.includes("hunter2"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("lifecycle: expiryMarginMs must be a finite number ≥ 0", () => {
  for (const bad of [-1, Number.NaN, Infinity]) {
    assert.throws(
      () =>
        new HTTPClient(new CountingAuth({ url: "http://127.0.0.1:1" } as TestServer), {
          expiryMarginMs: bad,
        }),
      ValidationError,
    );
  }
});

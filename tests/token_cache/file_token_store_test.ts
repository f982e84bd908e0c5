import assert from "node:assert/strict";
import { BaseClient, FileTokenStore, HTTPClient, TokenCache } from "../../mod.ts";
import { CountingAuth, tokenChecker } from "../_fakes/counting_auth.ts";
import { TestServer } from "../_fakes/test_server.ts";
import { HOUR, TOKEN } from "./helpers.ts";

const SECRET = "file test secret";
const alice = { authUrl: "http://127.0.0.1:5000/v3", username: "alice" };
const posix = Deno.build.os !== "windows";

async function names(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) out.push(e.name);
  return out.sort();
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("FileTokenStore round trip, delete, and a missing file", async () => {
  await withDir(async (dir) => {
    const store = new FileTokenStore(`${dir}/tokens.json`);
    assert.equal(await store.get("k"), undefined);
    await store.delete("k"); // no file, no error
    await store.set("k", new Uint8Array([0, 1, 254, 255]), Date.now() + HOUR);
    await store.set("j", new Uint8Array([7]));
    assert.deepEqual(await store.get("k"), new Uint8Array([0, 1, 254, 255]));
    await store.delete("k");
    assert.equal(await store.get("k"), undefined);
    assert.deepEqual(await new FileTokenStore(`${dir}/tokens.json`).get("j"), new Uint8Array([7]));
    assert.deepEqual(await names(dir), ["tokens.json"]);
  });
});

Deno.test("FileTokenStore drops expired entries on read and write", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    const store = new FileTokenStore(path);
    await store.set("old", new Uint8Array([1]), Date.now() - 1);
    assert.equal(await store.get("old"), undefined);
    await store.set("new", new Uint8Array([2]));
    assert.ok(!(await Deno.readTextFile(path)).includes('"old"'));
  });
});

Deno.test("FileTokenStore creates the file and its directory, mode 0600", {
  ignore: !posix,
}, async () => {
  await withDir(async (dir) => {
    const path = `${dir}/sub/dir/tokens.json`;
    const store = new FileTokenStore(path);
    await store.set("k", new Uint8Array([1]));
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    assert.equal((await Deno.stat(`${dir}/sub/dir`)).mode! & 0o077, 0);
    // A rewrite restores 0600 even if someone widened it.
    await Deno.chmod(path, 0o644);
    await store.set("j", new Uint8Array([2]));
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
  });
});

Deno.test("FileTokenStore file never holds the token nor its base64", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    const cache = new TokenCache({ store: new FileTokenStore(path), secret: SECRET });
    await cache.set(alice, { token: TOKEN, expiresAt: Date.now() + HOUR, data: { user: "alice" } });
    assert.equal((await cache.get(alice))?.token, TOKEN);
    const text = await Deno.readTextFile(path);
    const bytes = new TextEncoder().encode(TOKEN);
    const forbidden = [
      TOKEN,
      TOKEN.slice(4, 24),
      bytes.toBase64(),
      bytes.toBase64({ alphabet: "base64url", omitPadding: true }),
      bytes.toHex(),
      "alice",
    ];
    for (const f of forbidden) assert.ok(!text.includes(f), `file contains ${f}`);
  });
});

Deno.test("FileTokenStore with TokenCache: tampered file byte is a miss", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    const store = new FileTokenStore(path);
    const cache = new TokenCache({ store, secret: SECRET });
    await cache.set(alice, { token: TOKEN });
    const doc = JSON.parse(await Deno.readTextFile(path));
    const key = Object.keys(doc.entries)[0]!;
    const sealed = Uint8Array.fromBase64(doc.entries[key].v, { alphabet: "base64url" });
    sealed[sealed.length - 5] = sealed[sealed.length - 5]! ^ 0x80;
    doc.entries[key].v = sealed.toBase64({ alphabet: "base64url" });
    await Deno.writeTextFile(path, JSON.stringify(doc));
    assert.equal(await cache.get(alice), undefined);
  });
});

Deno.test("FileTokenStore corrupt or foreign file reads as empty and is replaced", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    const store = new FileTokenStore(path);
    for (const junk of ["{not json", "[]", '{"format":"other","entries":{"k":{"v":"AQ"}}}']) {
      await Deno.writeTextFile(path, junk);
      assert.equal(await store.get("k"), undefined);
    }
    await store.set("k", new Uint8Array([5]));
    assert.deepEqual(await store.get("k"), new Uint8Array([5]));
  });
});

Deno.test("FileTokenStore breaks a stale lock left by a crashed writer", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    await Deno.writeTextFile(`${path}.lock`, "12345 crashed");
    const old = new Date(Date.now() - 60_000);
    await Deno.utime(`${path}.lock`, old, old);
    const store = new FileTokenStore(path);
    await store.set("k", new Uint8Array([1]));
    assert.deepEqual(await store.get("k"), new Uint8Array([1]));
    assert.deepEqual(await names(dir), ["tokens.json"]);
  });
});

Deno.test("FileTokenStore waits for a live lock and writes once it is released", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    await Deno.writeTextFile(`${path}.lock`, "other writer");
    const store = new FileTokenStore(path);
    let done = false;
    const writing = store.set("k", new Uint8Array([1])).then(() => done = true);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(done, false);
    assert.equal(await store.get("k"), undefined);
    await Deno.remove(`${path}.lock`);
    await writing;
    assert.deepEqual(await store.get("k"), new Uint8Array([1]));
  });
});

Deno.test("FileTokenStore inspect shows the path only", () => {
  assert.equal(
    Deno.inspect(new FileTokenStore("/tmp/x.json")),
    'FileTokenStore { path: "/tmp/x.json" }',
  );
});

Deno.test("FileTokenStore: two processes write 100 entries each without losing any", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    const fixture = new URL("./fixtures/file_writer.ts", import.meta.url).pathname;
    const run = (writer: string) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "--allow-read", "--allow-write", fixture, path, writer, "100"],
        stdout: "piped",
        stderr: "piped",
      }).output();
    const both = Promise.all([run("A"), run("B")]);
    // Meanwhile, every read sees a whole file: writes are atomic renames.
    let finished = false;
    both.then(() => finished = true, () => finished = true);
    let reads = 0;
    for (let i = 0; i < 10_000 && !finished; i++) {
      const text = await Deno.readTextFile(path).catch((e) => {
        if (e instanceof Deno.errors.NotFound) return undefined;
        throw e;
      });
      if (text !== undefined) {
        assert.equal(JSON.parse(text).format, "nimbus-token-cache");
        reads++;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const results = await both;
    assert.ok(reads > 0);
    for (const r of results) {
      assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
    }
    const doc = JSON.parse(await Deno.readTextFile(path));
    assert.equal(Object.keys(doc.entries).length, 200);
    const cache = new TokenCache({
      store: new FileTokenStore(path),
      secret: "two-process test secret",
    });
    for (const writer of ["A", "B"]) {
      for (let i = 0; i < 100; i++) {
        const got = await cache.get({ writer, i: String(i) });
        assert.equal(got?.token, `token-${writer}-${i}`);
      }
    }
    assert.deepEqual(await names(dir), ["tokens.json"]);
  });
});

Deno.test("FileTokenStore: 50 concurrent writes in one process are all kept", async () => {
  await withDir(async (dir) => {
    const store = new FileTokenStore(`${dir}/tokens.json`);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.set(`k${i}`, new Uint8Array([i]))),
    );
    for (let i = 0; i < 50; i++) assert.deepEqual(await store.get(`k${i}`), new Uint8Array([i]));
    assert.deepEqual(await names(dir), ["tokens.json"]);
  });
});

Deno.test({
  name: "FileTokenStore breaks a lock that is a dangling symlink",
  ignore: !posix,
  fn: async () => {
    await withDir(async (dir) => {
      const path = `${dir}/tokens.json`;
      await Deno.symlink(`${dir}/gone`, `${path}.lock`);
      const store = new FileTokenStore(path);
      await store.set("k", new Uint8Array([1]));
      assert.deepEqual(await store.get("k"), new Uint8Array([1]));
      assert.deepEqual(await names(dir), ["tokens.json"]);
    });
  },
});

Deno.test("FileTokenStore breaks a lock dated in the future", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    await Deno.writeTextFile(`${path}.lock`, "12345 from the future");
    const future = new Date(Date.now() + 3_600_000);
    await Deno.utime(`${path}.lock`, future, future);
    const store = new FileTokenStore(path);
    await store.set("k", new Uint8Array([2]));
    assert.deepEqual(await store.get("k"), new Uint8Array([2]));
  });
});

Deno.test({
  name: "FileTokenStore breaks a fresh lock that belongs to another user",
  // Giving a file away needs root.
  ignore: !posix || Deno.uid() !== 0,
  fn: async () => {
    await withDir(async (dir) => {
      const path = `${dir}/tokens.json`;
      await Deno.writeTextFile(`${path}.lock`, "someone else");
      await Deno.chown(`${path}.lock`, 65534, 65534);
      const store = new FileTokenStore(path);
      await store.set("k", new Uint8Array([3]));
      assert.deepEqual(await store.get("k"), new Uint8Array([3]));
    });
  },
});

Deno.test("FileTokenStore: a lock it cannot have ends the wait in bounded time; clients go on without the cache", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/tokens.json`;
    await Deno.writeTextFile(`${path}.lock`, "a live writer");
    const store = new FileTokenStore(path, { lockTimeoutMs: 100 });
    await assert.rejects(store.set("k", new Uint8Array([4])), /Timed out after 100 ms/);
    const warnings: string[] = [];
    const cache = new TokenCache({ store, secret: SECRET });
    await using server = await TestServer.start(tokenChecker(new Set()));
    class Api extends BaseClient {
      static override serviceType = "api";
    }
    for (let i = 0; i < 2; i++) {
      await using http = new HTTPClient(new CountingAuth(server), {
        tokenCache: cache,
        logger: { debug() {}, warn: (m: string) => warnings.push(m) },
      });
      assert.equal((await new Api(http).get("/x")).status, 200);
    }
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0]!, /lock/);
    assert.ok(!warnings[0]!.includes("hunter2"));
  });
});

// End to end against the throwaway MIT KDC of scripts/kdc.sh: the default
// `negotiate` (libgssapi_krb5 through FFI) and an independent acceptor.
import assert from "node:assert/strict";
import { AuthError, Connection, TokenCache } from "../../mod.ts";
import { gssapiNegotiate } from "../../src/auth/mod.ts";
import { hasValidTicket, kdcEnv, kinit, withCcache } from "./kdc_env.ts";
import { accept, NegotiateEngine } from "./negotiate_engine.ts";

// 1.3.6.1.5.5.2 as DER: a SPNEGO initial token is [APPLICATION 0] { this OID, ... }.
const SPNEGO_OID = [0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02];

function decode(token: string): Uint8Array {
  return Uint8Array.from(atob(token), (c) => c.charCodeAt(0));
}

function hasSpnegoHeader(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x60) return false;
  // The outer length is 1 byte (< 0x80) or 0x8N then N bytes.
  const first = bytes[1] ?? 0;
  const at = first < 0x80 ? 2 : 2 + (first & 0x7f);
  return SPNEGO_OID.every((b, i) => bytes[at + i] === b);
}

Deno.test("kerberos: true with no negotiate hook logs in as the kinit'ed user", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const logs: string[] = [];
  const connection = new Connection({
    url: engine.url,
    kerberos: true,
    debug: true,
    log: { debug: (msg: string) => logs.push(msg) },
  });
  try {
    const token = await connection.authenticate();
    assert.ok(token.length > 0);
    // The SSO endpoint got exactly one SPNEGO token, and the keytab accepted it.
    assert.equal(engine.tokensSeen.length, 1);
    assert.ok(hasSpnegoHeader(decode(engine.tokensSeen[0] ?? "")), "a SPNEGO initial token");
    assert.deepEqual(engine.acceptances.map((a) => [a.ok, a.principal]), [[true, env.user]]);
    assert.match(engine.acceptances[0]?.target ?? "", new RegExp(`^HTTP/${env.host}@`));
    // The API sees the SSO token as the kinit'ed user.
    const response = await connection.send({ method: "GET", path: "/whoami" });
    assert.equal(response.code, 200);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(response.body)), {
      principal: env.user,
    });
  } finally {
    await connection.close();
  }
  // The login is in the debug log, its SPNEGO token is not.
  const negotiateToken = engine.tokensSeen[0] ?? "";
  assert.ok(negotiateToken.length > 100);
  assert.ok(
    logs.some((line) => /authorization: Negotiate <redacted>/i.test(line)),
    logs.join("\n"),
  );
  assert.ok(logs.every((line) => !line.includes(negotiateToken)));
  assert.ok(logs.every((line) => !line.includes(negotiateToken.slice(-40))));
});

Deno.test("the stand-in's acceptor is real: no token is 401 Negotiate, a replay is refused", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const sso = new URL("/ovirt-engine/sso/oauth/token-http-auth", engine.url);
  const bare = await fetch(sso, { method: "POST", body: "grant_type=x" });
  await bare.body?.cancel();
  assert.equal(bare.status, 401);
  assert.equal(bare.headers.get("www-authenticate"), "Negotiate");

  const token = await gssapiNegotiate(`HTTP@${env.host}`);
  const first = await accept(env, token);
  assert.deepEqual([first.ok, first.principal], [true, env.user]);
  // The same authenticator again: the replay cache refuses it.
  const replay = await accept(env, token);
  assert.equal(replay.ok, false, "a replayed token must be refused");
  // Bytes that are not a Kerberos token are refused too.
  const garbage = await accept(env, btoa("not a kerberos token at all"));
  assert.equal(garbage.ok, false);
});

Deno.test("each login gets a fresh token that the acceptor takes", async () => {
  const env = kdcEnv();
  const tokens = [
    await gssapiNegotiate(`HTTP@${env.host}`),
    await gssapiNegotiate(`HTTP@${env.host}`),
  ];
  assert.notEqual(tokens[0], tokens[1]);
  for (const token of tokens) {
    const result = await accept(env, token);
    assert.deepEqual([result.ok, result.principal], [true, env.user], result.error);
  }
});

Deno.test("an empty credentials cache is a clear AuthError, and nothing is sent", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const missing = `FILE:${await Deno.makeTempDir()}/no-such-ccache`;
  const connection = new Connection({ url: engine.url, kerberos: true });
  try {
    const error = await withCcache(
      missing,
      () => connection.authenticate().then(() => null, (e) => e),
    );
    assert.ok(error instanceof AuthError, String(error));
    assert.match(error.message, new RegExp(`'HTTP@${env.host.replaceAll(".", "\\.")}'`));
    assert.match(error.message, /No Kerberos credentials: run kinit/);
    assert.match(error.message, /GSSAPI gss_init_sec_context: major 0x[0-9a-f]+ "/);
    assert.equal(engine.tokensSeen.length, 0);
  } finally {
    await connection.close();
  }
});

Deno.test("a service the KDC doesn't know is an AuthError naming it", async () => {
  kdcEnv();
  const connection = new Connection({
    url: "http://127.0.0.1:9/ovirt-engine/api",
    // Negotiation fails before any request, so this URL is never contacted.
    ssoUrl: "http://unknown-service.invalid/ovirt-engine/sso/oauth/token-http-auth",
    kerberos: true,
  });
  try {
    await assert.rejects(
      connection.authenticate(),
      (e: unknown) =>
        e instanceof AuthError &&
        e.message.includes("'HTTP@unknown-service.invalid'") &&
        /KDC has no service principal/.test(e.message) &&
        /Server not found in Kerberos database/.test(e.message),
    );
  } finally {
    await connection.close();
  }
});

Deno.test("an expired ticket is an AuthError saying run kinit; after kinit the login works", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const dir = await Deno.makeTempDir();
  const ccache = `FILE:${dir}/ccache`;
  const connection = new Connection({ url: engine.url, kerberos: true });
  try {
    await kinit(env, ccache, "1s");
    // Bounded wait for the 1 s ticket to expire (klist -s fails then).
    for (let i = 0; i < 50 && await hasValidTicket(ccache); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await hasValidTicket(ccache), false, "the short ticket should have expired");
    // Times have 1 s resolution: klist calls a ticket expired at its end second, the KDC after it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await withCcache(ccache, async () => {
      await assert.rejects(
        connection.authenticate(),
        (e: unknown) =>
          e instanceof AuthError && /have expired: run kinit/.test(e.message) &&
          /Ticket expired/.test(e.message),
      );
      assert.equal(engine.tokensSeen.length, 0);
      // KRB5CCNAME is read on each login: a new ticket in the same cache is enough.
      await kinit(env, ccache);
      assert.ok((await connection.authenticate()).length > 0);
    });
    assert.deepEqual(engine.acceptances.map((a) => a.principal), [env.user]);
  } finally {
    await connection.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("two principals never share a cached SSO token: the cache scope names the principal", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const dir = await Deno.makeTempDir();
  const tokenCache = new TokenCache();
  const whoami = async (connection: Connection) =>
    JSON.parse(
      new TextDecoder().decode((await connection.send({ method: "GET", path: "/whoami" })).body),
    ).principal;
  try {
    const ccaches = { alice: `FILE:${dir}/alice`, bob: `FILE:${dir}/bob` };
    await kinit(env, ccaches.alice);
    await kinit(env, ccaches.bob, undefined, env.user2);
    assert.equal(await withCcache(ccaches.alice, () => gssapiNegotiate.principal()), env.user);
    assert.equal(await withCcache(ccaches.bob, () => gssapiNegotiate.principal()), env.user2);
    const open = () => new Connection({ url: engine.url, kerberos: true, tokenCache });
    const alice = open();
    const aliceToken = await withCcache(ccaches.alice, () => alice.authenticate());
    assert.equal(await whoami(alice), env.user);
    const bob = open();
    const bobToken = await withCcache(ccaches.bob, () => bob.authenticate());
    assert.notEqual(bobToken, aliceToken, "bob must not get alice's cached token");
    assert.equal(await whoami(bob), env.user2);
    // Alice again: her own cached token, no new negotiation.
    const again = open();
    assert.equal(await withCcache(ccaches.alice, () => again.authenticate()), aliceToken);
    assert.deepEqual(engine.acceptances.map((a) => a.principal), [env.user, env.user2]);
    for (const c of [alice, bob, again]) await c.close({ logout: false });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a negotiate hook that rejects is an AuthError with its reason, and nothing is sent", async () => {
  const env = kdcEnv();
  await using engine = NegotiateEngine.start(env);
  const connection = new Connection({
    url: engine.url,
    kerberos: true,
    negotiate: () => Promise.reject(new Error("smartcard locked")),
    tokenCache: new TokenCache(),
  });
  try {
    await assert.rejects(
      connection.send({ method: "GET", path: "/whoami" }),
      (e: unknown) => e instanceof AuthError && /smartcard locked/.test(e.message),
    );
    assert.equal(engine.tokensSeen.length, 0);
  } finally {
    await connection.close();
  }
});

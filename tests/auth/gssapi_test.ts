// The default Kerberos negotiate without a KDC: library loading, permissions,
// and the "no credentials" error from the real system library.
import assert from "node:assert/strict";
import { AuthError, Connection } from "../../mod.ts";
import { createGssapiNegotiate, gssapiNegotiate, OvirtSsoAuth } from "../../src/auth/mod.ts";

Deno.test("a missing GSSAPI library is an AuthError naming the path and the package", async () => {
  const negotiate = createGssapiNegotiate({ library: "/nonexistent/libgssapi_krb5.so.2" });
  await assert.rejects(
    negotiate("HTTP@engine.example.com"),
    (e: unknown) =>
      e instanceof AuthError &&
      e.message.includes("'/nonexistent/libgssapi_krb5.so.2'") &&
      e.message.includes("libgssapi-krb5-2") &&
      e.message.includes("'negotiate' option") &&
      e.cause instanceof Error,
  );
});

Deno.test({
  name: "without --allow-ffi the AuthError says which permission is missing",
  permissions: { ffi: false, env: true, read: true },
  async fn() {
    await assert.rejects(
      createGssapiNegotiate({ library: "/nonexistent/no-ffi/libgssapi_krb5.so.2" })(
        "HTTP@h.example",
      ),
      (e: unknown) =>
        e instanceof AuthError && e.message.includes("--allow-ffi") &&
        !e.message.includes("libgssapi-krb5-2 "),
    );
  },
});

Deno.test({
  name: "Connection with kerberos: true and no hook uses the GSSAPI default",
  // No FFI: the default negotiate must be what fails, before any request is sent.
  permissions: { ffi: false, env: true, read: true, net: ["127.0.0.1"] },
  async fn() {
    let requests = 0;
    await using server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () => {
      requests++;
      return new Response("{}", { headers: { "content-type": "application/json" } });
    });
    const connection = new Connection({
      url: `http://127.0.0.1:${server.addr.port}/ovirt-engine/api`,
      kerberos: true,
    });
    try {
      await assert.rejects(
        connection.authenticate(),
        (e: unknown) => e instanceof AuthError && e.message.includes("--allow-ffi"),
      );
      assert.equal(requests, 0);
    } finally {
      await connection.close();
    }
  },
});

Deno.test("a negotiate hook still wins over the default", async () => {
  const services: string[] = [];
  const auth = new OvirtSsoAuth({
    url: "http://[::1]:8443/ovirt-engine/api",
    kerberos: true,
    negotiate: (service) => {
      services.push(service);
      return Promise.resolve("dG9rZW4=");
    },
  });
  let sent: string | null = null;
  await auth.login((_url, _form, headers) => {
    sent = headers.get("authorization");
    return Promise.resolve({
      status: 200,
      contentType: "application/json",
      body: new TextEncoder().encode('{"access_token":"t0k3n-from-sso"}'),
    });
  });
  // The IPv6 host loses its brackets in the service name.
  assert.deepEqual(services, ["HTTP@::1"]);
  assert.equal(sent, "Negotiate dG9rZW4=");
});

Deno.test("a service name without '@' is refused before loading anything", async () => {
  await assert.rejects(
    createGssapiNegotiate({ library: "/nonexistent/libx.so" })("engine.example.com"),
    (e: unknown) => e instanceof AuthError && /HTTP@engine\.example\.com/.test(e.message),
  );
});

Deno.test("no credentials cache: the system library's AuthError says run kinit", async () => {
  // A realm-less config and a cache that doesn't exist: GSSAPI fails before any network use.
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/krb5.conf`, "[libdefaults]\n  default_realm = NONE.TEST\n");
  const saved = { cc: Deno.env.get("KRB5CCNAME"), conf: Deno.env.get("KRB5_CONFIG") };
  Deno.env.set("KRB5CCNAME", `FILE:${dir}/no-such-ccache`);
  Deno.env.set("KRB5_CONFIG", `${dir}/krb5.conf`);
  try {
    const error = await gssapiNegotiate("HTTP@engine.example.com").then(() => null, (e) => e);
    assert.ok(error instanceof AuthError, String(error));
    assert.match(error.message, /^Kerberos login for service 'HTTP@engine\.example\.com' failed: /);
    assert.match(error.message, /No Kerberos credentials: run kinit/);
    assert.match(error.message, /major 0x[0-9a-f]+ "[^"]+"/);
  } finally {
    const restore = (name: string, value: string | undefined) =>
      value === undefined ? Deno.env.delete(name) : Deno.env.set(name, value);
    restore("KRB5CCNAME", saved.cc);
    restore("KRB5_CONFIG", saved.conf);
    await Deno.remove(dir, { recursive: true });
  }
});

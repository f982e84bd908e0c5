/**
 * The public names and signatures of API.md, checked by the compiler
 * (`deno check`) and at run time: a rename or a dropped export fails here.
 */
import assert from "node:assert/strict";
import * as root from "../mod.ts";
import {
  type AuthPlugin,
  BaseClient,
  type CachedToken,
  Connection,
  ConnectionBuilder,
  type ConnectionOptions,
  type Extension,
  FileTokenStore,
  fromResponse,
  HTTPClient,
  type HTTPClientOptions,
  type HttpRequest,
  type HttpResponse,
  KvTokenStore,
  List,
  type Logger,
  MemoryTokenStore,
  type RequestOptions,
  type RetryOptions,
  Struct,
  type Timing,
  type TlsOptions,
  TokenCache,
  type TokenStore,
} from "../mod.ts";
import * as auth from "../src/auth/mod.ts";
import * as openstack from "../src/services/openstack/mod.ts";
import * as ovirt from "../src/services/ovirt/mod.ts";
import * as testing from "../src/testing/mod.ts";

const ERRORS = [
  "ClientException",
  "HttpError",
  "HTTPRedirection",
  "MultipleChoices",
  "HTTPClientError",
  "BadRequest",
  "Unauthorized",
  "PaymentRequired",
  "Forbidden",
  "NotFound",
  "MethodNotAllowed",
  "NotAcceptable",
  "ProxyAuthenticationRequired",
  "RequestTimeout",
  "Conflict",
  "Gone",
  "LengthRequired",
  "PreconditionFailed",
  "RequestEntityTooLarge",
  "RequestUriTooLong",
  "UnsupportedMediaType",
  "RequestedRangeNotSatisfiable",
  "ExpectationFailed",
  "UnprocessableEntity",
  "TooManyRequests",
  "HttpServerError",
  "InternalServerError",
  "HttpNotImplemented",
  "BadGateway",
  "ServiceUnavailable",
  "GatewayTimeout",
  "HttpVersionNotSupported",
  "AuthorizationFailure",
  "AuthPluginOptionsMissing",
  "AuthSystemNotFound",
  "EndpointException",
  "EndpointNotFound",
  "AmbiguousEndpoints",
  "UnsupportedVersion",
  "ValidationError",
  "NoUniqueMatch",
  "SdkError",
  "AuthError",
  "NotFoundError",
  "ConnectionError",
  "ConnectionRefused",
  "TimeoutError",
] as const;

Deno.test("mod.ts exports every error class of API.md, all rooted at ClientException", () => {
  const exports = root as unknown as Record<string, unknown>;
  for (const name of ERRORS) {
    const cls = exports[name];
    assert.equal(typeof cls, "function", name);
    assert.ok((cls as { prototype: unknown }).prototype instanceof Error, name);
    if (name !== "ClientException") {
      assert.ok((cls as { prototype: unknown }).prototype instanceof root.ClientException, name);
    }
  }
  assert.ok(new root.ConnectionRefused("x") instanceof root.ConnectionError);
  assert.ok(new root.AuthPluginOptionsMissing(["a"]) instanceof root.AuthorizationFailure);
  assert.ok(new root.AmbiguousEndpoints([]) instanceof root.EndpointException);
  assert.ok(new root.MultipleChoices() instanceof root.HTTPRedirection);
  assert.deepEqual(new root.AuthPluginOptionsMissing(["a", "b"]).optNames, ["a", "b"]);
  assert.equal(new root.AuthSystemNotFound("x").authSystem, "x");
  const sdk = new root.SdkError("m", { code: 400, fault: new root.Fault({ reason: "r" }) });
  assert.equal(sdk.code, 400);
  assert.equal(sdk.fault?.reason, "r");
});

Deno.test("HTTPClient and BaseClient have API.md's members", async () => {
  const options: HTTPClientOptions = {
    regionName: "RegionOne",
    endpointType: "publicURL",
    originalIp: "10.0.0.1",
    timeout: 1,
    timings: true,
    tokenCache: new TokenCache(),
    keyringSaver: { save: (_: HTTPClient) => {} },
    debug: false,
    logger: console satisfies Logger,
    userAgent: "ua",
    fetch,
    retry: { retries: 1, statusCodes: [503], backoffMs: 1, maxBackoffMs: 2 } satisfies RetryOptions,
    caCerts: [],
    insecure: false,
  };
  const tls: TlsOptions = { caCerts: [], insecure: false };
  void tls;
  const http = new HTTPClient(null, options);
  assert.match(HTTPClient.userAgent, /^nimbus-apiclient\//);
  const request: (m: string, u: string, o?: RequestOptions) => Promise<Response> = http.request
    .bind(http);
  const clientRequest: (
    c: BaseClient,
    m: string,
    u: string,
    o?: RequestOptions,
  ) => Promise<Response> = http.clientRequest.bind(http);
  void request;
  void clientRequest;
  const timings: readonly Timing[] = http.getTimings();
  assert.equal(timings.length, 0);
  http.resetTimings();
  assert.equal(http.lastRequestId, undefined);
  http.cachedToken = "t";
  assert.equal(HTTPClient.concatUrl("http://h/v2.0/", "/tokens"), "http://h/v2.0/tokens");
  const extension: Extension = { name: "x" };
  class C extends BaseClient {
    static override serviceType = "c";
    static override endpointType = "internal";
  }
  const client = new C(http, [extension]);
  assert.equal(http.getClient<C>("c"), client);
  for (const verb of ["get", "head", "delete", "post", "put", "patch", "clientRequest"] as const) {
    assert.equal(typeof client[verb], "function", verb);
  }
  assert.equal(client.cachedEndpoint, undefined);
  assert.equal(BaseClient.getClass("x", 1, { "1": C }), C);
  await http[Symbol.asyncDispose]();
});

Deno.test("Connection, ConnectionBuilder, Struct, List and the token caches have API.md's members", async () => {
  const options: ConnectionOptions = {
    url: "http://127.0.0.1:1/ovirt-engine/api",
    username: "u",
    password: "p",
  };
  const connection = new ConnectionBuilder(options).build();
  assert.ok(connection instanceof Connection);
  assert.equal(connection.url, options.url);
  for (
    const m of [
      "authenticate",
      "checkJsonContentType",
      "checkXmlContentType",
      "close",
      "followLink",
      "isLink",
      "send",
      "service",
      "systemService",
      "test",
    ] as const
  ) {
    assert.equal(typeof connection[m], "function", m);
  }
  const req: HttpRequest = {
    method: "GET",
    path: "/vms",
    query: { a: "1" },
    headers: {},
    body: "",
    timeout: 1,
  };
  void req;
  const res: HttpResponse = {
    code: 200,
    body: new Uint8Array(),
    headers: new Headers(),
    message: "OK",
  };
  void res;
  assert.ok(connection.isLink(new Struct({ href: "/ovirt-engine/api/vms/1" })));
  const list = new List<Struct>();
  list.href = "/x";
  assert.ok(Array.isArray(list));
  await connection.close({ logout: false });

  const file = await Deno.makeTempFile();
  const stores: TokenStore[] = [new MemoryTokenStore(), new FileTokenStore(file)];
  const kv = await Deno.openKv(":memory:");
  stores.push(new KvTokenStore(kv, ["p"]));
  for (const store of stores) {
    const cache = new TokenCache({ store, secret: "s", refreshMarginMs: 0 });
    const entry: CachedToken = { token: "t", expiresAt: Date.now() + 60_000, data: { a: 1 } };
    await cache.set({ user: "u" }, entry);
    assert.equal((await cache.get({ user: "u" }))?.token, "t");
    await cache.delete({ user: "u" });
  }
  kv.close();
  await Deno.remove(file);
  const response = new Response("{}", { status: 404 });
  assert.ok(fromResponse(response, "GET", "http://h/x") instanceof root.NotFound);
});

Deno.test("the subpath exports hold API.md's names", () => {
  for (
    const name of [
      "KeystonePasswordAuth",
      "KeystoneTokenAuth",
      "KeystoneApplicationCredentialAuth",
      "KeystoneV2PasswordAuth",
      "TokenEndpointAuth",
      "OvirtSsoAuth",
      "ServiceCatalog",
      "registerAuthSystem",
      "discoverAuthSystems",
      "loadPlugin",
      "loadPluginFromEnv",
    ]
  ) {
    assert.equal(typeof (auth as Record<string, unknown>)[name], "function", name);
  }
  assert.equal(typeof auth.ServiceCatalog.fromV3, "function");
  assert.equal(typeof auth.ServiceCatalog.fromV2, "function");
  const plugin: AuthPlugin = new auth.TokenEndpointAuth({ token: "t", endpoint: "http://h" });
  assert.equal(plugin.authSystem, "token_endpoint");
  for (
    const name of [
      "IdentityClient",
      "ComputeClient",
      "ImageClient",
      "PlacementClient",
      "DatabaseClient",
      "openCloud",
    ]
  ) {
    assert.equal(typeof (openstack as Record<string, unknown>)[name], "function", name);
  }
  assert.equal(openstack.identityVersions["3"], openstack.IdentityClient);
  assert.equal(openstack.computeVersions["2.1"], openstack.ComputeClient);
  assert.equal(openstack.imageVersions["2"], openstack.ImageClient);
  assert.equal(openstack.placementVersions["1.0"], openstack.PlacementClient);
  assert.equal(openstack.databaseVersions["1.0"], openstack.DatabaseClient);
  for (const name of ["SystemService", "readXml", "writeXml", "readJson", "writeJson"]) {
    assert.equal(typeof (ovirt as Record<string, unknown>)[name], "function", name);
  }
  assert.equal(ovirt.VmStatus.UP, "up");
  assert.equal(typeof testing.FakeEngine.start, "function");
  assert.equal(typeof testing.FakeCloud.start, "function");
});

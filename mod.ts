/**
 * `@nimbus/apiclient`: the OpenStack client core, the oVirt engine client
 * core, their typed errors and the sealed token caches.
 *
 * Main classes:
 * - {@linkcode HTTPClient}: one authenticated session to an OpenStack cloud
 *   (token, service catalog, retries, timings, debug log);
 * - {@linkcode BaseClient}: the base of every OpenStack service client, bound
 *   to a service type in the catalog;
 * - {@linkcode Connection} (and {@linkcode ConnectionBuilder}): a session to
 *   an oVirt engine, the root of its typed services;
 * - {@linkcode TokenCache} with {@linkcode MemoryTokenStore},
 *   {@linkcode FileTokenStore}, {@linkcode KvTokenStore} and
 *   {@linkcode RedisTokenStore}: tokens sealed with AES-GCM, reused across
 *   processes;
 * - {@linkcode ClientException}, the root of every error, with
 *   {@linkcode HttpError} (OpenStack, by status) and {@linkcode SdkError}
 *   (oVirt).
 *
 * The typed OpenStack clients live in `@nimbus/apiclient/services/openstack`,
 * the oVirt model in `@nimbus/apiclient/services/ovirt`, auth plugins in
 * `@nimbus/apiclient/auth` and the fakes in `@nimbus/apiclient/testing`.
 *
 * @example Log in to a cloud and call a service with HTTPClient
 * ```ts
 * import { BaseClient, HTTPClient, NotFound } from "@nimbus/apiclient";
 * import { loadPluginFromEnv } from "@nimbus/apiclient/auth";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 *
 * await using cloud = await FakeCloud.start();
 * await using http = new HTTPClient(loadPluginFromEnv(cloud.env()));
 * class Compute extends BaseClient {
 *   static override serviceType = "compute";
 * }
 * const compute = new Compute(http);
 * const flavors = await (await compute.get("/flavors")).json();
 * console.assert(flavors.flavors.length > 0);
 * try {
 *   await compute.get("/servers/no-such-server");
 * } catch (err) {
 *   console.assert(err instanceof NotFound && err.status === 404);
 * }
 * ```
 *
 * @example Talk to an oVirt engine with Connection
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import "@nimbus/apiclient/services/ovirt";
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 *
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * await using connection = new Connection({
 *   url: engine.url,
 *   username: "admin@internal",
 *   password: "s3cret",
 * });
 * const vms = await connection.systemService().vmsService().list();
 * console.assert(vms.length > 0);
 * ```
 *
 * @module
 */

// Errors: every class of the hierarchy, and the option bags of their constructors.
export {
  AmbiguousEndpoints,
  AuthorizationFailure,
  AuthPluginOptionsMissing,
  AuthSystemNotFound,
  ClientException,
  type ClientExceptionOptions,
  EndpointException,
  EndpointNotFound,
  NoUniqueMatch,
  UnsupportedVersion,
  ValidationError,
} from "./src/errors/client_exception.ts";
export {
  BadGateway,
  BadRequest,
  Conflict,
  ExpectationFailed,
  Forbidden,
  GatewayTimeout,
  Gone,
  HTTPClientError,
  HttpError,
  type HttpErrorOptions,
  HttpNotImplemented,
  HTTPRedirection,
  HttpServerError,
  HttpVersionNotSupported,
  InternalServerError,
  LengthRequired,
  MethodNotAllowed,
  MultipleChoices,
  NotAcceptable,
  NotFound,
  PaymentRequired,
  PreconditionFailed,
  ProxyAuthenticationRequired,
  RequestedRangeNotSatisfiable,
  RequestEntityTooLarge,
  RequestTimeout,
  RequestUriTooLong,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnprocessableEntity,
  UnsupportedMediaType,
} from "./src/errors/http_error.ts";
export { fromResponse } from "./src/errors/from_response.ts";
export {
  AuthError,
  ConnectionError,
  ConnectionRefused,
  type FaultLike,
  NotFoundError,
  SdkError,
  type SdkErrorOptions,
  TimeoutError,
} from "./src/errors/sdk_error.ts";
export { ChecksumMismatch } from "./src/errors/checksum_mismatch.ts";
export { PermissionRequired } from "./src/errors/permission_required.ts";
export { ResourceFailed } from "./src/errors/resource_failed.ts";
export { WaitTimeout } from "./src/errors/wait_timeout.ts";
export {
  BodyTooLarge,
  type BodyTooLargeOptions,
  ClientClosed,
} from "./src/errors/transport_errors.ts";

// Shared option types.
export type { Logger, TlsOptions } from "./src/types.ts";

// OpenStack client core.
export { HTTPClient } from "./src/http/http_client.ts";
export { BaseClient, type Extension } from "./src/http/base_client.ts";
export type {
  HTTPClientOptions,
  KeyringSaver,
  RequestOptions,
  RetryOptions,
  Timing,
} from "./src/http/options.ts";
export { formatTimings } from "./src/http/timings.ts";
export type { AuthPlugin, TokenAndEndpoint } from "./src/auth/auth_plugin.ts";

// Token caches.
export { TokenCache, type TokenCacheOptions } from "./src/token_cache/token_cache.ts";
export type { CachedToken } from "./src/token_cache/cached_token.ts";
export type { TokenStore } from "./src/token_cache/token_store.ts";
export { MemoryTokenStore } from "./src/token_cache/memory_token_store.ts";
export { FileTokenStore } from "./src/token_cache/file_token_store.ts";
export { type KvKeyPart, type KvLike, KvTokenStore } from "./src/token_cache/kv_token_store.ts";
export {
  RedisTokenStore,
  type RedisTokenStoreOptions,
} from "./src/token_cache/redis_token_store.ts";

// oVirt engine client core.
export { Connection } from "./src/connection/connection.ts";
export { ConnectionBuilder } from "./src/connection/connection_builder.ts";
export type { ConnectionOptions } from "./src/connection/options.ts";
export type { HttpRequest, HttpResponse } from "./src/connection/http_request.ts";
export { Fault, List, Struct } from "./src/model_core/struct.ts";

export { VERSION } from "./src/version.ts";

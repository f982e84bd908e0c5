/**
 * Test servers: {@linkcode FakeEngine} imitates an oVirt engine and
 * {@linkcode FakeCloud} an OpenStack cloud. Both are real HTTP servers on
 * loopback that a real client cannot tell from the real service, and both
 * share the same controls for the same jobs: `start({ port, hostname })`,
 * `url`, `env()`, `inject()` (returns an {@linkcode InjectionHandle}),
 * `clearInjections()`, `requests`, `clearRequests()`, `issueToken()`,
 * `expireTokens()`, `revokeAll()`, `authCount` and `close()`.
 *
 * @example An OpenStack cloud and an oVirt engine in one test
 * ```ts
 * import { FakeCloud, FakeEngine } from "@nimbus/apiclient/testing";
 *
 * await using cloud = await FakeCloud.start();
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * const reply = await fetch(`${cloud.url}/identity/v3`);
 * await reply.body?.cancel();
 * console.assert(reply.ok && cloud.requests.length === 1);
 * const api = await fetch(engine.url, { headers: { authorization: `Bearer ${engine.issueToken("admin@internal")}` } });
 * await api.body?.cancel();
 * console.assert(api.status === 200 && engine.requests.length === 1);
 * ```
 *
 * @module
 */
export { FakeCloud, type FakeCloudOptions } from "./fake_cloud/fake_cloud.ts";
export type { FakeCloudInjection } from "./fake_cloud/server.ts";
export type { FakeCloudRequest } from "./fake_cloud/request_log.ts";
export type { SeededUser } from "./fake_cloud/seed.ts";
export { FakeEngine } from "./fake_engine/fake_engine.ts";
export type {
  FakeEngineInjection,
  FakeEngineOptions,
  FakeEngineRequest,
} from "./fake_engine/options.ts";
export { SEED_IDS } from "./fake_engine/seed.ts";
export type { InjectionHandle } from "./injection_handle.ts";

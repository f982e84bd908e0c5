/**
 * `FakeCloud`, an OpenStack cloud imitation for tests: a real HTTP server
 * on loopback with Keystone, Nova, Glance, Placement and Trove in memory,
 * fault injection and a token-safe request log.
 *
 * @example Two regions and a 503 with Retry-After
 * ```ts
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using cloud = await FakeCloud.start({ regions: ["RegionOne", "RegionTwo"] });
 * cloud.inject({ path: "/compute/v2.1/servers/detail", status: 503, headers: { "retry-after": "1" } });
 * console.log(cloud.authUrl);
 * ```
 *
 * @module
 */
export { FakeCloud, type FakeCloudOptions } from "./fake_cloud.ts";
export type { FakeCloudInjection } from "./server.ts";
export type { InjectionHandle } from "../injection_handle.ts";
export type { FakeCloudRequest } from "./request_log.ts";
export type { SeededUser } from "./seed.ts";

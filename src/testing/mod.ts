/**
 * Test servers: `FakeEngine` imitates an oVirt engine and `FakeCloud` an
 * OpenStack cloud. Both are real HTTP servers on loopback.
 *
 * @module
 */
export * from "./fake_engine/mod.ts";
export * from "./fake_cloud/mod.ts";

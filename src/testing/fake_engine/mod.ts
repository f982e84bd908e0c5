/**
 * `FakeEngine`: a real HTTP server that imitates an oVirt engine (SSO, HTTP
 * Basic, PKI, REST API in XML and JSON, VM actions and tickets, faults), for
 * tests and demos.
 *
 * @module
 */
export { FakeEngine } from "./fake_engine.ts";
export type { FakeEngineInjection, FakeEngineOptions, FakeEngineRequest } from "./options.ts";
export { SEED_IDS } from "./seed.ts";

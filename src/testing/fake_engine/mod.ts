/**
 * `FakeEngine`: a real HTTP server that imitates an oVirt engine (SSO, REST
 * API in XML and JSON, VM actions, faults), for tests and demos.
 *
 * @module
 */
export { FakeEngine } from "./fake_engine.ts";
export type { FakeEngineOptions, InjectRule, RecordedRequest } from "./options.ts";
export { SEED_IDS } from "./seed.ts";

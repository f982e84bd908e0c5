/**
 * The handle both fakes return from `inject`: how often the rule has hit
 * and a way to stop it. One interface so that a test helper works with
 * either fake.
 *
 * @module
 */

/**
 * An injection's live state, as returned by `FakeCloud.inject` and
 * `FakeEngine.inject`.
 *
 * @example Count the hits of a rule, then remove it
 * ```ts
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start();
 * const rule = engine.inject({ path: "vms", status: 503 });
 * console.assert(rule.hits === 0);
 * rule.remove();
 * ```
 */
export interface InjectionHandle {
  /** How many requests it has hit. */
  readonly hits: number;
  /** How many more it will hit (without `times`: FakeCloud 1, FakeEngine `Infinity`). */
  readonly remaining: number;
  /** Stops it. */
  remove(): void;
}

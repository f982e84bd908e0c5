/**
 * The one helper the generated classes import; it has no imports itself so
 * the generated types never take part in an import cycle.
 *
 * @module
 */

/**
 * Copies the defined values of `fields` onto a new model object; generated
 * constructors call it so `new Vm({ name: "a" })` works for every type.
 *
 * @example
 * ```ts
 * import { initFields } from "./init_fields.ts";
 * const o = {};
 * initFields(o, { name: "a", skipped: undefined });
 * console.log(o); // { name: "a" }
 * ```
 */
export function initFields(target: object, fields: object | undefined): void {
  if (fields === undefined || fields === null) return;
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
}

/**
 * The shape of the declarative oVirt model that `scripts/gen_ovirt.ts` turns
 * into TypeScript. The model is data only; nothing here runs at request time.
 *
 * Field and parameter lists are compact strings of `name[!][=wire][@]:kind`
 * entries separated by spaces:
 * - `name` is the camelCase property; `wire` defaults to its snake_case;
 * - `!` marks a secret (a password, a console ticket): hidden from
 *   `Deno.inspect` and `JSON.stringify`, still sent by the writers;
 * - `@` marks an XML attribute;
 * - `kind` is `s` string, `b` boolean, `i` 32-bit integer (`number`),
 *   `l` 64-bit integer (`bigint`), `d` decimal (`number`), `t` date (`Date`),
 *   or an enum or type name; `[kind]` is a list and `[kind/tag]` a list
 *   whose items use `tag` (default: the singular of the wire name, or the
 *   type's tag for lists of objects).
 *
 * @module
 */

/** One type of the model. */
export interface ModelType {
  /** The class name (`Vm`). */
  name: string;
  /** The XML tag; default: snake_case of the name. */
  tag?: string;
  /** The collection tag; default: tag + `s`. */
  plural?: string;
  /** Field entries (see the module doc). */
  fields: string;
  /** One line of documentation. */
  doc?: string;
}

/** One enum of the model: its wire values. */
export interface ModelEnum {
  /** The type name (`VmStatus`). */
  name: string;
  /** The wire values separated by spaces. */
  values: string;
  /** One line of documentation. */
  doc?: string;
}

/** One service of the model. */
export interface ModelService {
  /** The class name without `Service` (`Vms`, `Vm`). */
  name: string;
  /** The type the service reads and writes. */
  type: string;
  /** For collections: the entity locator, `"vm:Vm"` → `vmService(id): VmService`. */
  entity?: string;
  /** Parameters of `get` (absent: no `get`). */
  get?: string;
  /** Parameters of `list`. */
  list?: string;
  /** Parameters of `add`; `adds` names more methods with the same request. */
  add?: string;
  /** Extra names of `add` (`addFromScratch`). */
  adds?: string[];
  /** Parameters of `update`. */
  update?: string;
  /** Parameters of `remove`. */
  remove?: string;
  /**
   * Actions: name → the `Action` fields it sends, separated by spaces,
   * optionally `-> member` (the returned `Action` field) and `/segment`
   * (default: the lower-cased name).
   */
  actions?: Record<string, string>;
  /** Sub-services: locator name → service name; the URL segment is the lower-cased name. */
  locators?: Record<string, string>;
  /** One line of documentation. */
  doc?: string;
}

/** The whole model. */
export interface Model {
  /** Types, in any order. */
  types: ModelType[];
  /** Enums, in any order. */
  enums: ModelEnum[];
  /** Services; `System` is the root. */
  services: ModelService[];
}

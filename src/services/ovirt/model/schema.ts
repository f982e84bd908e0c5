/**
 * The shape of the declarative oVirt model that `scripts/gen_ovirt.ts` turns
 * into TypeScript. The model is data only; nothing here runs at request time.
 * Wire names follow the engine's naming rules (`naming.ts`); an entry only
 * spells out a wire name that breaks them.
 *
 * Field and parameter lists are compact strings of entries separated by
 * spaces: `[dir][$]name[!][~][&][@][=wire][#rel][%locator]:kind`
 * - `dir` (parameters only): none = in, `-` = out, `+` = in and out;
 * - `$` (parameters only): the entity a CRUD method sends or returns;
 * - `name` is the camelCase property; `=wire` its XML tag or query name
 *   when the rules give another;
 * - `!` a secret (a password, a console ticket): hidden from `Deno.inspect`
 *   and `JSON.stringify`, still sent by the writers;
 * - `~` deprecated; `&` a link (the engine serves it elsewhere);
 * - `@` an XML attribute; `#rel` the `rel` of a list link and `%locator` the
 *   locator its collection is reached through, when they differ from the name;
 * - `kind` is `s` string, `b` boolean, `i` integer (xs:int), `l` 64-bit
 *   integer (xs:long, a `bigint`), `u` xs:unsignedInt, `d` decimal,
 *   `f` xs:double, `t` date, or an enum or type name; `[kind]` is a list and
 *   `[kind/tag]` a list whose items use `tag`.
 *
 * @module
 */

/** One struct type of the model. */
export interface ModelType {
  /** The class name (`Vm`). */
  name: string;
  /** The type it extends; its fields are inherited. */
  parent?: string;
  /** The XML tag, when the naming rules give another. */
  tag?: string;
  /** The list document tag, when the naming rules give another; `""`: none. */
  plural?: string;
  /** Added by the metamodel (`Action`, `Fault`, `GracePeriod`). */
  builtin?: boolean;
  /** Deprecated in the engine API. */
  deprecated?: boolean;
  /** Own field entries (see the module doc). */
  fields: string;
  /** One line of documentation. */
  doc?: string;
}

/** One enum of the model: its wire values, in declaration order. */
export interface ModelEnum {
  /** The type name (`VmStatus`). */
  name: string;
  /** The wire values separated by spaces; a trailing `~` marks a deprecated value. */
  values: string;
  /** Deprecated in the engine API. */
  deprecated?: boolean;
  /** One line of documentation. */
  doc?: string;
}

/** A named variant of a method (`Add.FromScratch`, `Export.ToPathOnHost`). */
export interface ModelSignature {
  /** The parameters the variant adds (same entries as fields). */
  params?: string;
  /** Required inputs as dotted paths, separated by spaces (`vm.cluster.id|vm.cluster.name`). */
  mandatory?: string;
  /** Deprecated in the engine API. */
  deprecated?: boolean;
}

/** One method of a service: a CRUD method or an action. */
export interface ModelMethod {
  /** The parameters (see the module doc). */
  params?: string;
  /** Required inputs as dotted paths, separated by spaces; `[]` marks a list item. */
  mandatory?: string;
  /** Named variants, keyed by their model name (`FromScratch`). */
  signatures?: Record<string, ModelSignature>;
  /** Deprecated in the engine API. */
  deprecated?: boolean;
  /** The root tag of the request body, when it isn't the derived one. */
  request?: string;
}

/** One service of the model. */
export interface ModelService {
  /** The class name without `Service` (`Vms`, `Vm`). */
  name: string;
  /** The service it extends (without `Service`): its methods and locators are inherited. */
  parent?: string;
  /** The root of the tree (`System`). */
  root?: boolean;
  /** Deprecated in the engine API. */
  deprecated?: boolean;
  /**
   * Methods keyed by model name: `Get`, `List`, `Add`, `Update`, `Remove`,
   * else an action (`CommitSnapshot`, sent to `<path>/commitsnapshot`). A
   * string is the parameter list alone.
   */
  methods?: Record<string, ModelMethod | string>;
  /**
   * Locators: name → target service (without `Service`). `Vm(id)` takes an
   * id; `Target@segment` names a URL segment other than the lower-cased name.
   */
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
  /** Services; the one with `root` is `SystemService`. */
  services: ModelService[];
}

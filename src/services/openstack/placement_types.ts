/**
 * Placement resources, with the API's own field names.
 *
 * @module
 */

/** A resource provider; its `uuid` is its id. */
export interface ResourceProvider {
  /** The id. */
  uuid: string;
  /** The name. */
  name: string;
  /** Bumped on every change; needed to update inventories. */
  generation: number;
  /** The parent provider (1.14). */
  parent_provider_uuid?: string | null;
  /** The root of its tree (1.14). */
  root_provider_uuid?: string;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `resourceProviders.create()`. */
export interface ResourceProviderCreate {
  /** The name. */
  name: string;
  /** A chosen uuid. */
  uuid?: string;
  /** The parent provider (1.14). */
  parent_provider_uuid?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** One resource class's inventory on a provider. */
export interface Inventory {
  /** The amount of the resource. */
  total: number;
  /** Held back from allocation. */
  reserved: number;
  /** Smallest allocation. */
  min_unit: number;
  /** Largest allocation. */
  max_unit: number;
  /** Allocations are multiples of this. */
  step_size: number;
  /** Overcommit ratio. */
  allocation_ratio: number;
  /** Other fields. */
  [key: string]: unknown;
}

/**
 * The fake engine's in-memory collections, keyed by their path under the API
 * root (`vms`, `vms/<id>/nics`).
 *
 * @module
 */
import {
  isObj,
  type KindDef,
  kindOf,
  ListValue,
  type Obj,
  TOP_LEVEL,
  type Value,
} from "./model.ts";
import type { Extras } from "./render.ts";

/** The API path prefix of every href. */
export const API_PREFIX = "/ovirt-engine/api";

/** A scheduled status change (VM transitions are computed when read, no timers). */
export interface Step {
  /** The status from `at` on. */
  status: string;
  /** Epoch ms. */
  at: number;
}

/** One stored object. */
export interface Entity {
  /** Its fields, `id` and `href` included. */
  data: Obj;
  /** Pending status changes, oldest first. */
  steps?: Step[];
}

/** A collection: its kind, its entities by id, and the entity that owns it. */
export interface Collection {
  /** What the collection holds. */
  def: KindDef;
  /** Entities by id, in insertion order (empty for a view). */
  items: Map<string, Entity>;
  /** The id of the entity whose sub-collection this is. */
  ownerId?: string;
}

/** Applies the status steps that are due. */
export function settle(entity: Entity, now: number = Date.now()): void {
  const steps = entity.steps;
  if (!steps) return;
  while (steps.length > 0 && steps[0]!.at <= now) {
    entity.data.status = steps.shift()!.status;
  }
  if (steps.length === 0) delete entity.steps;
}

/** True when `value` is a reference to `id`, or a list holding one. */
function refersTo(value: Value | undefined, id: string): boolean {
  if (value instanceof ListValue) return value.items.some((v) => refersTo(v, id));
  return isObj(value) && value.id === id;
}

/** The in-memory database. */
export class Store {
  #collections = new Map<string, Collection>();

  constructor() {
    for (const segment of TOP_LEVEL) {
      this.#collections.set(segment, { def: kindOf(segment), items: new Map() });
    }
  }

  /** The collection at a path, e.g. "vms" or "vms/1/nics". */
  collection(path: string): Collection | undefined {
    return this.#collections.get(path);
  }

  /** The entities of a collection, in order; a view reads its source collection. */
  list(coll: Collection): Entity[] {
    const view = coll.def.view;
    if (!view || coll.ownerId === undefined) return [...coll.items.values()];
    const source = this.#collections.get(view.from)?.items.values() ?? [];
    return [...source].filter((e) => refersTo(e.data[view.field], coll.ownerId!));
  }

  /** One entity of a collection by id. */
  get(coll: Collection, id: string): Entity | undefined {
    if (!coll.def.view) return coll.items.get(id);
    return this.list(coll).find((e) => e.data.id === id);
  }

  /** Stores an object, giving it an id and href, and creates its sub-collections. */
  insert(path: string, data: Obj, id: string = crypto.randomUUID()): Entity {
    const coll = this.#collections.get(path);
    if (!coll) throw new Error(`no collection ${path}`);
    if (coll.def.view) throw new Error(`${path} is a view`);
    const href = `${API_PREFIX}/${path}/${id}`;
    const entity: Entity = { data: { href, id, ...data } };
    entity.data.href = href;
    entity.data.id = id;
    coll.items.set(id, entity);
    for (const sub of coll.def.subs) {
      this.#collections.set(`${path}/${id}/${sub.segment}`, {
        def: sub,
        items: new Map(),
        ownerId: id,
      });
    }
    return entity;
  }

  /** Removes an object and its sub-collections. */
  remove(path: string, id: string): void {
    this.#collections.get(path)?.items.delete(id);
    const own = `${path}/${id}/`;
    for (const key of [...this.#collections.keys()]) {
      if (key.startsWith(own)) this.#collections.delete(key);
    }
  }

  /** Looks an object up by id or by name in a top-level collection. */
  find(segment: string, key: { id?: unknown; name?: unknown }): Entity | undefined {
    const items = this.#collections.get(segment)?.items;
    if (!items) return undefined;
    if (typeof key.id === "string") return items.get(key.id);
    for (const entity of items.values()) {
      if (key.name !== undefined && entity.data.name === key.name) return entity;
    }
    return undefined;
  }

  /** The `<link>`s and `<actions>` of an entity of a collection. */
  extras(path: string, entity: Entity): Extras {
    const def = this.#collections.get(path)?.def;
    const href = String(entity.data.href);
    return {
      actions: def?.actions.map((rel) => ({ rel, href: `${href}/${rel}` })),
      links: def?.subs.map((sub) => ({ rel: sub.segment, href: `${href}/${sub.segment}` })),
    };
  }
}

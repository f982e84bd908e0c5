/**
 * The declarative oVirt model: types, enums and services. It is the single
 * source `scripts/gen_ovirt.ts` generates `../_generated/*.ts` from.
 *
 * @module
 */
import type { Model } from "./schema.ts";
import { TYPES } from "./types.ts";
import { ENUMS } from "./enums.ts";
import { SERVICES } from "./services.ts";

export type {
  Model,
  ModelEnum,
  ModelMethod,
  ModelService,
  ModelSignature,
  ModelType,
} from "./schema.ts";

/** The whole model. */
export const MODEL: Model = { types: TYPES, enums: ENUMS, services: SERVICES };

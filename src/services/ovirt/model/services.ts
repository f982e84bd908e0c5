/**
 * The services of the oVirt model: the tree under `SystemService`.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";
import { COMPUTE_SERVICES } from "./services_compute.ts";
import { OTHER_SERVICES } from "./services_other.ts";

/** The services, the root (`System`) first. */
export const SERVICES: ModelService[] = [...COMPUTE_SERVICES, ...OTHER_SERVICES];

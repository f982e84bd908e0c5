/**
 * The services of the oVirt model: the tree under `SystemService`.
 *
 * @module
 */
import type { ModelService } from "./schema.ts";
import { SERVICES_A_F } from "./services_a_f.ts";
import { SERVICES_G_H } from "./services_g_h.ts";
import { SERVICES_I_R } from "./services_i_r.ts";
import { SERVICES_S_Z } from "./services_s_z.ts";

/** Every service, in alphabetical order. */
export const SERVICES: ModelService[] = [
  ...SERVICES_A_F,
  ...SERVICES_G_H,
  ...SERVICES_I_R,
  ...SERVICES_S_Z,
];

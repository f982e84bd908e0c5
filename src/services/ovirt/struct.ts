/**
 * `Struct`, `List` and `Fault` for the oVirt model. They live in the neutral
 * `src/model_core/` layer so that `Connection` can use them without loading
 * the model; this module re-exports them for the generated code and codecs.
 *
 * @module
 */
export { Fault, List, Struct } from "../../model_core/struct.ts";

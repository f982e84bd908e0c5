/**
 * The typed oVirt model: types, enums, services and the XML/JSON codecs.
 * Everything under `_generated/` comes from the declarative model in
 * `model/` through `deno task gen`.
 *
 * @example List the running VMs
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import { VmStatus } from "@nimbus/apiclient/services/ovirt";
 * const connection = new Connection({
 *   url: "https://engine.example.com/ovirt-engine/api",
 *   username: "admin@internal",
 *   password: Deno.env.get("OVIRT_PASSWORD"),
 * });
 * const vms = await connection.systemService().vmsService().list({ search: "status=up" });
 * for (const vm of vms) console.log(vm.name, vm.status === VmStatus.UP, vm.memory);
 * await connection.close();
 * ```
 *
 * @module
 */
export * from "./struct.ts";
export type { HttpRequest, HttpResponse } from "../../connection/http_request.ts";
export { ModelStruct } from "./model_struct.ts";
export * from "./_generated/enums.ts";
export * from "./_generated/types.ts";
export * from "./_generated/services.ts";
export {
  checkTypes,
  type RequestOptions,
  Service,
  type ServiceConnection,
  type TypeCheck,
} from "./service.ts";
export { checkFault, errorFor, raiseError, readFault } from "./fault_error.ts";
export { readXml } from "./xml_reader.ts";
export { XmlElement } from "./xml_element.ts";
export { writeXml, type WriteXmlOptions } from "./xml_writer.ts";
export { type ModelType, readJson, type ReadJsonOptions, writeJson } from "./json_codec.ts";
export { waitFor, type WaitForOptions } from "./wait_for.ts";

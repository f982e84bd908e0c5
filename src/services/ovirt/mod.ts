/**
 * The typed oVirt model: types, enums, services and the XML/JSON codecs.
 * Everything under `_generated/` comes from the declarative model in
 * `model/` through `deno task gen`.
 *
 * Main classes and functions:
 * - {@linkcode SystemService}, the root that `connection.systemService()`
 *   returns, with one locator per collection (`vmsService()`,
 *   `hostsService()`...); collection services such as {@linkcode VmsService}
 *   (`list`, `add`, `vmService(id)`) and entity services such as
 *   {@linkcode VmService} (`get`, `update`, `remove`, `start`, `stop`...);
 * - the model types ({@linkcode Vm}, {@linkcode Host}, {@linkcode Disk},
 *   {@linkcode Cluster}...) extending `Struct`, and the enums
 *   ({@linkcode VmStatus}...) as string unions with constant objects;
 * - {@linkcode readXml}, {@linkcode writeXml}, {@linkcode readJson} and
 *   {@linkcode writeJson}: the engine's wire formats;
 * - {@linkcode waitFor}: polls a service until its object is in a state.
 *
 * Importing this module registers the service tree with `Connection`
 * (`connection.systemService()`); a program that only imports the package
 * root never loads the model or the XML parser.
 *
 * @example List the VMs and follow a link
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import { VmStatus } from "@nimbus/apiclient/services/ovirt";
 * import { FakeEngine } from "@nimbus/apiclient/testing";
 * await using engine = await FakeEngine.start({ users: { "admin@internal": "s3cret" } });
 * await using connection = new Connection({
 *   url: engine.url,
 *   username: "admin@internal",
 *   password: "s3cret",
 * });
 * const vms = await connection.systemService().vmsService().list();
 * const up = vms.filter((vm) => vm.status === VmStatus.UP);
 * console.assert(vms.length === 3 && up.length === 2);
 * const cluster = await connection.followLink(vms[0]!.cluster);
 * console.assert(cluster.name === "Default");
 * ```
 *
 * @module
 */
import { registerServiceTree } from "../../connection/service_tree.ts";
import { SystemService } from "./_generated/services.ts";
import { checkFault } from "./fault_error.ts";

// The connection layer doesn't import the model: the model plugs itself in.
registerServiceTree({
  root: (connection) => new SystemService(connection, ""),
  raise: checkFault,
});

export { Fault, List, Struct } from "./struct.ts";
export { ModelStruct } from "./model_struct.ts";
export type { HttpRequest, HttpResponse } from "../../connection/http_request.ts";
// The generated files hold only the engine model's own names (one class per
// type, one string union and constant object per enum, one class per service,
// one options interface per method): every name in them is public model API,
// so they are re-exported wholesale.
export * from "./_generated/enums.ts";
export * from "./_generated/types.ts";
export * from "./_generated/services.ts";
export type * from "./_generated/options.ts";
// `TypeCheck` types the parameter of `Service.checkTypes`, which generated services call.
export {
  Service,
  type ServiceConnection,
  type ServiceRequestOptions,
  type TypeCheck,
} from "./service.ts";
export { readXml } from "./xml_reader.ts";
export { XmlElement } from "./xml_element.ts";
export { writeXml, type WriteXmlOptions } from "./xml_writer.ts";
export { type ModelType, readJson, type ReadJsonOptions, writeJson } from "./json_codec.ts";
export { waitFor, type WaitForOptions } from "./wait_for.ts";

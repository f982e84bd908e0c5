/**
 * The hook through which the oVirt model plugs its service tree into
 * `Connection`. The connection layer never imports the model: importing
 * `@nimbus/apiclient/services/ovirt` registers it, so a program that only
 * needs `HTTPClient` or a token cache never loads the generated model or
 * the XML parser.
 *
 * @module
 */
import { SdkError } from "../errors/sdk_error.ts";
import type { HttpResponse } from "./http_request.ts";
import type { ServiceConnection } from "./service_connection.ts";

/**
 * What the oVirt model registers: how to build the root service for a
 * connection, and how to raise the error of a failed response with the fault
 * its body carries.
 *
 * @example
 * ```ts
 * import type { ServiceTree } from "./service_tree.ts";
 * const tree: ServiceTree = {
 *   root: (connection) => ({ connection }),
 *   raise: (response) => {
 *     throw new Error(`HTTP ${response.code}`);
 *   },
 * };
 * ```
 */
export interface ServiceTree {
  /** The root service (`SystemService`) of a connection. */
  root(connection: ServiceConnection): unknown;
  /** Throws the error of a failed response, with its fault. */
  raise(response: HttpResponse): never;
}

let registered: ServiceTree | undefined;

/**
 * Registers the model's service tree; the oVirt entry module calls it once
 * when it is imported.
 *
 * @example
 * ```ts
 * import { maybeServiceTree, registerServiceTree } from "./service_tree.ts";
 * const current = maybeServiceTree();
 * if (current !== undefined) registerServiceTree(current); // what the oVirt entry does
 * ```
 */
export function registerServiceTree(tree: ServiceTree): void {
  registered = tree;
}

/**
 * The registered service tree.
 *
 * @example
 * ```ts
 * import "@nimbus/apiclient/services/ovirt";
 * import { serviceTree } from "./service_tree.ts";
 * console.assert(String(typeof serviceTree().root) === "function");
 * ```
 *
 * @throws {SdkError} naming the import to add when the model isn't loaded.
 */
export function serviceTree(): ServiceTree {
  if (registered === undefined) {
    throw new SdkError(
      `Connection.systemService() needs the oVirt model: add ` +
        `import "@nimbus/apiclient/services/ovirt"; (or import anything from it) to the program`,
    );
  }
  return registered;
}

/**
 * The registered service tree, or undefined when the model isn't loaded.
 *
 * @example
 * ```ts
 * import { maybeServiceTree } from "./service_tree.ts";
 * console.log(maybeServiceTree() === undefined || typeof maybeServiceTree()!.raise); // true or function
 * ```
 */
export function maybeServiceTree(): ServiceTree | undefined {
  return registered;
}

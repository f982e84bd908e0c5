/**
 * `ResourceFailed`: a waited-for resource reached an error status.
 *
 * @module
 */
import { ClientException, type ClientExceptionOptions } from "./client_exception.ts";

/**
 * A `waitFor` saw the resource reach one of its failure statuses ("ERROR",
 * "error", "killed"…). It carries the resource as last fetched, and the
 * service's own reason when the resource gives one (a server's `fault`).
 *
 * @example
 * ```ts
 * import { ResourceFailed } from "@nimbus/apiclient";
 * const e = new ResourceFailed({ resourceName: "Volume", id: "v1", status: "error", resource: { id: "v1" } });
 * console.assert(e.message === "Volume v1 went to status error");
 * ```
 */
export class ResourceFailed extends ClientException {
  /** The resource kind, e.g. "Volume". */
  readonly resourceName: string;
  /** The resource id. */
  readonly id: string;
  /** The failure status reached. */
  readonly status: string;
  /** The resource as last fetched. */
  readonly resource: unknown;

  /** Creates the error. */
  constructor(
    info: { resourceName: string; id: string; status: string; resource: unknown; reason?: string },
    options?: ClientExceptionOptions,
  ) {
    const reason = info.reason ? `: ${info.reason}` : "";
    super(`${info.resourceName} ${info.id} went to status ${info.status}${reason}`, options);
    this.resourceName = info.resourceName;
    this.id = info.id;
    this.status = info.status;
    this.resource = info.resource;
  }
}

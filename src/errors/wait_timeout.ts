/**
 * `WaitTimeout`: a waiter gave up before the resource reached the wanted status.
 *
 * @module
 */
import { ClientException, type ClientExceptionOptions } from "./client_exception.ts";

/**
 * A `waitFor` ran out of time. It names the resource, the statuses waited
 * for, the last status seen and the time waited.
 *
 * @example
 * ```ts
 * import { WaitTimeout } from "@nimbus/apiclient";
 * const e = new WaitTimeout({ resourceName: "Server", id: "s1", wanted: ["ACTIVE"], lastStatus: "BUILD", elapsedMs: 600000 });
 * console.assert(e.message === "Server s1 did not reach ACTIVE within 600000 ms (last status BUILD)");
 * ```
 */
export class WaitTimeout extends ClientException {
  /** The resource kind, e.g. "Server". */
  readonly resourceName: string;
  /** The resource id. */
  readonly id: string;
  /** The statuses waited for. */
  readonly wanted: string[];
  /** The last status seen, if any poll answered. */
  readonly lastStatus: string | undefined;
  /** How long the waiter waited, ms. */
  readonly elapsedMs: number;

  /** Creates the error. */
  constructor(
    info: {
      resourceName: string;
      id: string;
      wanted: string[];
      lastStatus?: string;
      elapsedMs: number;
    },
    options?: ClientExceptionOptions,
  ) {
    const last = info.lastStatus === undefined ? "" : ` (last status ${info.lastStatus})`;
    super(
      `${info.resourceName} ${info.id} did not reach ${
        info.wanted.join(" or ")
      } within ${info.elapsedMs} ms${last}`,
      options,
    );
    this.resourceName = info.resourceName;
    this.id = info.id;
    this.wanted = [...info.wanted];
    this.lastStatus = info.lastStatus;
    this.elapsedMs = info.elapsedMs;
  }
}

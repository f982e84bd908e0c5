/**
 * The oVirt error of a failed API response: `Fault reason is "R". Fault
 * detail is "D". HTTP response code is N.`, as `ovirtsdk4` builds it.
 * Services use these too.
 *
 * @module
 */
import { XMLParser } from "fast-xml-parser";
import { AuthError, NotFoundError, SdkError } from "../errors/mod.ts";
import { Fault } from "../services/ovirt/struct.ts";
import type { HttpResponse } from "./http_request.ts";

/**
 * The error for a failed response: `AuthError` for 401/403, `NotFoundError`
 * for 404, else `SdkError`, with `code` and `fault` set. `detail` is the
 * fault the body carried, or a text appended to the message.
 *
 * @example Build the error of a 400 fault
 * ```ts
 * import { Fault } from "@nimbus/apiclient";
 * import { errorFor } from "./errors.ts";
 * const fault = new Fault({ reason: "R", detail: "D" });
 * const e = errorFor({ code: 400 }, fault);
 * console.log(e.message); // Fault reason is "R". Fault detail is "D". HTTP response code is 400.
 * ```
 */
export function errorFor(response: { code: number }, detail?: Fault | string): SdkError {
  const fault = detail instanceof Fault ? detail : undefined;
  const parts: string[] = [];
  if (fault?.reason) parts.push(`Fault reason is "${fault.reason}".`);
  if (fault?.detail) parts.push(`Fault detail is "${fault.detail}".`);
  if (response.code) parts.push(`HTTP response code is ${response.code}.`);
  if (typeof detail === "string") parts.push(`${detail}.`);
  const message = parts.join(" ");
  const options = { code: response.code || undefined, fault };
  if (response.code === 401 || response.code === 403) return new AuthError(message, options);
  if (response.code === 404) return new NotFoundError(message, options);
  return new SdkError(message, options);
}

/**
 * Throws {@linkcode errorFor}'s error (`ovirtsdk4`'s `Service._raise_error`).
 *
 * @example Throw the error of an empty 404
 * ```ts
 * import { NotFoundError } from "@nimbus/apiclient";
 * import { raiseError } from "./errors.ts";
 * try {
 *   raiseError({ code: 404 });
 * } catch (e) {
 *   console.log(e instanceof NotFoundError, (e as Error).message); // true HTTP response code is 404.
 * }
 * ```
 */
export function raiseError(response: { code: number }, detail?: Fault | string): never {
  throw errorFor(response, detail);
}

const parser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreAttributes: true });

function asFault(value: unknown): Fault | undefined {
  if (typeof value !== "object" || value === null) return value === "" ? new Fault() : undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === "string" && x !== "" ? x : undefined);
  return new Fault({ reason: str(v.reason), detail: str(v.detail) });
}

/**
 * The fault a response body carries: `<fault>`, `<action><fault>` (XML), or
 * `{reason, detail}` / `{fault: {…}}` (JSON). Undefined when there is none
 * or the body cannot be read.
 *
 * @example Read the fault of an XML body
 * ```ts
 * import { readFault } from "./errors.ts";
 * const body = new TextEncoder().encode("<fault><reason>R</reason></fault>");
 * const fault = readFault({ code: 400, body, headers: new Headers(), message: "" });
 * console.log(fault?.reason); // R
 * ```
 */
export function readFault(response: HttpResponse): Fault | undefined {
  const text = new TextDecoder().decode(response.body).trim();
  if (text === "") return undefined;
  try {
    if (text.startsWith("<")) {
      const doc = parser.parse(text) as Record<string, unknown>;
      if ("fault" in doc) return asFault(doc.fault);
      const action = doc.action;
      if (typeof action === "object" && action !== null && "fault" in action) {
        return asFault((action as Record<string, unknown>).fault);
      }
      return undefined;
    }
    const json = JSON.parse(text) as unknown;
    if (typeof json !== "object" || json === null) return undefined;
    const obj = json as Record<string, unknown>;
    if (typeof obj.fault === "object" && obj.fault !== null) return asFault(obj.fault);
    if ("reason" in obj || "detail" in obj) return asFault(obj);
  } catch {
    // An unreadable body still gives the status error, without a fault.
  }
  return undefined;
}

/**
 * Throws the error of a failed response, with the fault its body carries
 * (`ovirtsdk4`'s `Service._check_fault`).
 *
 * @example Throw the error of a 409 fault
 * ```ts
 * import { checkFault } from "./errors.ts";
 * const body = new TextEncoder().encode("<fault><reason>R</reason><detail>D</detail></fault>");
 * try {
 *   checkFault({ code: 409, body, headers: new Headers(), message: "Conflict" });
 * } catch (e) {
 *   console.log((e as Error).message); // Fault reason is "R". Fault detail is "D". HTTP response code is 409.
 * }
 * ```
 */
export function checkFault(response: HttpResponse): never {
  raiseError(response, readFault(response));
}

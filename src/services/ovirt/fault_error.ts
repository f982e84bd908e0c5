/**
 * The oVirt error of a failed API response, as `ovirtsdk4` builds it:
 * `Fault reason is "R". Fault detail is "D". HTTP response code is N.`
 * Services and tests share this one implementation.
 *
 * @module
 */
import { AuthError, NotFoundError, SdkError } from "../../errors/sdk_error.ts";
import { redactText } from "../../redaction/redact_text.ts";
import type { HttpResponse } from "../../connection/http_request.ts";
import { Fault } from "./struct.ts";
import { Action } from "./_generated/types.ts";
import { readXml } from "./xml_reader.ts";
import { XmlElement } from "./xml_element.ts";
import { readJson } from "./json_codec.ts";
import { typeOf } from "./type_info.ts";

/**
 * The error for a failed response: `AuthError` for 401/403, `NotFoundError`
 * for 404, else `SdkError`, with `code` and `fault` set. `detail` is the
 * fault the body carried, or a text appended to the message.
 *
 * @example Build the error of a 400 fault
 * ```ts
 * import { errorFor } from "./fault_error.ts";
 * import { Fault } from "@nimbus/apiclient/services/ovirt";
 * const e = errorFor({ code: 400 }, new Fault({ reason: "R", detail: "D" }));
 * console.assert(e.message === "Fault reason is \"R\". Fault detail is \"D\". HTTP response code is 400.");
 * ```
 */
export function errorFor(response: { code?: number }, detail?: Fault | string): SdkError {
  const fault = detail instanceof Fault ? detail : undefined;
  const parts: string[] = [];
  if (fault?.reason) parts.push(`Fault reason is "${fault.reason}".`);
  if (fault?.detail) parts.push(`Fault detail is "${fault.detail}".`);
  if (response.code) parts.push(`HTTP response code is ${response.code}.`);
  if (typeof detail === "string") parts.push(`${detail}.`);
  // An engine may echo a submitted secret field (root_password=…) in its fault text.
  const message = redactText(parts.join(" "), "<redacted>");
  const options = { code: response.code || undefined, fault };
  if (response.code === 401 || response.code === 403) return new AuthError(message, options);
  if (response.code === 404) return new NotFoundError(message, options);
  return new SdkError(message, options);
}

/**
 * Throws {@linkcode errorFor}'s error (`ovirtsdk4`'s `Service._raise_error`).
 *
 * @example
 * ```ts
 * import { raiseError } from "./fault_error.ts";
 * import { Fault } from "@nimbus/apiclient/services/ovirt";
 * try {
 *   raiseError({ code: 400 }, new Fault({ reason: "R", detail: "D" }));
 * } catch (e) {
 *   console.log((e as Error).message);
 * }
 * ```
 */
export function raiseError(response: { code?: number }, detail?: Fault | string): never {
  throw errorFor(response, detail);
}

/** The body format by content type: XML, JSON, or neither. */
export function contentType(response: HttpResponse): "xml" | "json" | undefined {
  const ct = response.headers.get("content-type") ?? "";
  if (/^\s*(application|text)\/json\s*(;.*)?$/i.test(ct)) return "json";
  if (/^\s*(application|text)\/xml\s*(;.*)?$/i.test(ct)) return "xml";
  return undefined;
}

/** Whether a body is empty or only white space. */
export function isEmpty(body: Uint8Array): boolean {
  for (const b of body) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

function readJsonFault(body: Uint8Array): Fault | undefined {
  const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown;
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const wrapped = (parsed as { fault?: unknown }).fault;
  const source = typeof wrapped === "object" && wrapped !== null ? JSON.stringify(wrapped) : body;
  const fault = readJson(source, Fault);
  return fault.reason === undefined && fault.detail === undefined ? undefined : fault;
}

/**
 * The fault a response body carries: `<fault>`, `<action><fault>` (XML), or
 * `{reason, detail}` / `{fault: {…}}` (JSON). Undefined when there is none or
 * the body cannot be read: the status error is raised without it. A body
 * holding another object (a `<vm>` in a 500) throws `Expected a fault, but got Vm`.
 *
 * @example Read the fault of an XML body
 * ```ts
 * import { readFault } from "./fault_error.ts";
 * const body = new TextEncoder().encode("<fault><reason>R</reason></fault>");
 * const headers = new Headers({ "content-type": "application/xml" });
 * console.assert(String(readFault({ code: 400, body, headers, message: "" })?.reason) === "R");
 * ```
 */
export function readFault(response: HttpResponse): Fault | undefined {
  const kind = contentType(response);
  if (isEmpty(response.body) || kind === undefined) return undefined;
  let obj: unknown;
  try {
    if (kind === "json") return readJsonFault(response.body);
    obj = readXml(response.body);
  } catch {
    // An unreadable body still gives the status error, without a fault.
    return undefined;
  }
  if (obj instanceof Fault) return obj;
  if (obj instanceof Action) return obj.fault;
  // A root tag the model does not know (an HTML error page sent as XML, a
  // newer engine's type): the status error is raised without a fault.
  if (obj instanceof XmlElement) return undefined;
  const name = typeOf(obj)?.name ?? Object.getPrototypeOf(obj)?.constructor?.name ?? typeof obj;
  throw new SdkError(`Expected a fault, but got ${name}`, { code: response.code });
}

/**
 * Throws the error of a failed response with the fault its body carries
 * (`ovirtsdk4`'s `Service._check_fault`).
 *
 * @example
 * ```ts
 * import { checkFault } from "./fault_error.ts";
 * const body = new TextEncoder().encode("<fault><reason>R</reason><detail>D</detail></fault>");
 * try {
 *   checkFault({ code: 409, body, headers: new Headers({ "content-type": "application/xml" }), message: "" });
 * } catch (e) {
 *   console.assert((e as Error).message === "Fault reason is \"R\". Fault detail is \"D\". HTTP response code is 409.");
 * }
 * ```
 */
export function checkFault(response: HttpResponse): never {
  raiseError(response, readFault(response));
}

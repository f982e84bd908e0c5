/**
 * The base of every oVirt service: request building, status checks, body
 * reading and the SDK's error messages. Generated services only describe
 * their parameters and call the helpers here.
 *
 * @module
 */
import type { HttpRequest, HttpResponse } from "../../connection/http_request.ts";
import type { ServiceConnection } from "../../connection/service_connection.ts";

export type { ServiceConnection };
import { SdkError } from "../../errors/sdk_error.ts";
import { checkContentType } from "../../connection/content_type.ts";
import { contentType, isEmpty, raiseError, readFault } from "./fault_error.ts";
import { Fault, type List, Struct } from "./struct.ts";
import { Action } from "./_generated/types.ts";
import { readXml } from "./xml_reader.ts";
import { writeXml } from "./xml_writer.ts";
import { readJson, writeJson } from "./json_codec.ts";
import { renderScalar } from "./primitives.ts";
import { typeByName, typeOf } from "./type_info.ts";

/**
 * Options every service method accepts.
 *
 * @example
 * ```ts
 * import type { ServiceRequestOptions } from "@nimbus/apiclient/services/ovirt";
 * const o: ServiceRequestOptions = { headers: { "Filter": "true" }, query: { my: "value" }, timeout: 5000 };
 * ```
 */
export interface ServiceRequestOptions {
  /** Extra headers; they win over the connection's. */
  headers?: Record<string, string>;
  /** Extra query parameters, added to the typed ones. */
  query?: Record<string, string>;
  /** Timeout of this request in milliseconds. */
  timeout?: number;
}

/** One parameter check: name, value, expected type name and whether it is required. */
export type TypeCheck = readonly [
  name: string,
  value: unknown,
  expected: string,
  required?: boolean,
];

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  if (Array.isArray(value)) return "Array";
  return Object.getPrototypeOf(value)?.constructor?.name ?? "Object";
}

function matches(value: unknown, expected: string): boolean {
  if (expected.endsWith("[]")) {
    const item = expected.slice(0, -2);
    return Array.isArray(value) && value.every((v) => matches(v, item));
  }
  if (expected === "bigint") return typeof value === "bigint" || Number.isInteger(value);
  if (expected === "string") return typeof value === "string";
  if (expected === "boolean") return typeof value === "boolean";
  if (expected === "number") return typeof value === "number";
  if (expected === "Date") return value instanceof Date;
  const info = typeByName(expected);
  return info !== undefined && value instanceof info.ctor;
}

/**
 * Throws one `TypeError` listing every parameter of the wrong type, with the
 * SDK's message: `The 'vm' parameter should be of type 'Vm', but it is of
 * type 'Disk'.` Unset parameters are not checked.
 *
 * @example
 * ```ts
 * import { checkTypes } from "./service.ts";
 * checkTypes([["max", 10, "number"]]); // passes
 * ```
 */
export function checkTypes(checks: readonly TypeCheck[]): void {
  const problems: string[] = [];
  for (const [name, value, expected, required] of checks) {
    if ((value === undefined && !required) || (value !== undefined && matches(value, expected))) {
      continue;
    }
    problems.push(
      `The '${name}' parameter should be of type '${expected}', but it is of type '${
        typeName(value)
      }'.`,
    );
  }
  if (problems.length > 0) throw new TypeError(problems.join("\n"));
}

/** True when `value` holds something at the dotted `path` (`cluster.id`, `snapshots[].id`). */
function present(value: unknown, path: readonly string[]): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (path.length === 0) return true;
  const [head, ...rest] = path as [string, ...string[]];
  const list = head.endsWith("[]");
  const key = list ? head.slice(0, -2) : head;
  const next = (value as Record<string, unknown>)[key];
  if (!list) return present(next, rest);
  // Every item of the list needs the rest of the path; an empty list has none.
  return Array.isArray(next) && next.length > 0 && next.every((item) => present(item, rest));
}

/**
 * Throws `SdkError` naming every mandatory input that is missing, before any
 * request is sent. Each path starts at a parameter name (`vm.cluster.id`);
 * `a|b` is satisfied by either; `[]` requires the field on every list item.
 *
 * @example
 * ```ts
 * import { checkMandatory } from "./service.ts";
 * checkMandatory("VmsService.addFromScratch", { vm: { name: "a", cluster: { name: "c" } } }, [
 *   "vm.name",
 *   "vm.cluster.id|vm.cluster.name",
 * ]); // passes
 * ```
 *
 * @throws {SdkError} `VmsService.addFromScratch: the 'vm.name' parameter is mandatory.`
 */
export function checkMandatory(
  method: string,
  values: Readonly<Record<string, unknown>>,
  paths: readonly string[],
): void {
  const missing = paths.filter((alternatives) =>
    !alternatives.split("|").some((path) => {
      const [param, ...rest] = path.split(".") as [string, ...string[]];
      return present(values, [param, ...rest]);
    })
  );
  if (missing.length === 0) return;
  const names = missing.map((m) => m.split("|").map((p) => `'${p}'`).join(" or "));
  throw new SdkError(
    `${method}: the ${names.join(", ")} parameter${
      missing.length > 1 ? "s are" : " is"
    } mandatory.`,
  );
}

/**
 * An id as one URL path segment: percent-encoded, and never `.`, `..` or
 * empty, which URL parsing would collapse into another path (even encoded as
 * `%2e%2e`), sending the request to another service.
 *
 * @throws {SdkError} for `.`, `..` and the empty string.
 */
export function encodeSegment(id: string): string {
  const text = String(id);
  if (text === "" || text === "." || text === ".." || /^(%2e|\.){1,2}$/i.test(text)) {
    throw new SdkError(`The id '${text}' can't be used in a URL path`);
  }
  return encodeURIComponent(text);
}

/** A path segment back to an id; a malformed escape is kept as it is. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One parameter of a method plan: property, wire name, type-check name. */
interface PlanParam {
  readonly name: string;
  readonly wire: string;
  readonly check: string;
  /** Sent as an `<action>` child rather than in the query. */
  readonly struct: boolean;
}

/** A generated method, read from its descriptor once (see {@linkcode Service.run}). */
interface MethodPlan {
  readonly kind: "get" | "list" | "add" | "update" | "remove" | "action";
  readonly method: string;
  readonly type: string;
  /** Actions: the URL segment; list-bodied adds: the list tag. */
  readonly extra?: string;
  readonly body?: { readonly name: string; readonly check: string };
  readonly params: readonly PlanParam[];
  readonly out?: string;
  readonly mandatory: readonly string[];
}

const plans = new Map<string, MethodPlan>();

/**
 * Reads a method descriptor the generator writes:
 * `<kind> <method> <Type> <extra|-> [$body:Check] [name=wire:check] [@name:check] [>out] [!path|alt]`.
 * Generated methods stay one line each and the plans are built on first
 * call, so importing the model doesn't pay for 1,500 method bodies.
 */
function planOf(descriptor: string): MethodPlan {
  const known = plans.get(descriptor);
  if (known !== undefined) return known;
  const [kind, method, type, extra, ...rest] = descriptor.split(" ") as [
    MethodPlan["kind"],
    string,
    string,
    string,
    ...string[],
  ];
  const params: PlanParam[] = [];
  const mandatory: string[] = [];
  let body: MethodPlan["body"];
  let out: string | undefined;
  for (const token of rest) {
    const lead = token.charAt(0);
    if (lead === "!") mandatory.push(token.slice(1));
    else if (lead === ">") out = token.slice(1);
    else {
      const struct = lead === "@";
      const text = lead === "$" || struct ? token.slice(1) : token;
      const colon = text.lastIndexOf(":");
      const [name, wire = name] = text.slice(0, colon).split("=") as [string, string?];
      const check = text.slice(colon + 1);
      if (lead === "$") body = { name, check };
      else params.push({ name, wire, check, struct: struct || kind === "action" });
    }
  }
  const plan: MethodPlan = {
    kind,
    method,
    type,
    ...(extra === "-" ? {} : { extra }),
    ...(body ? { body } : {}),
    params,
    ...(out ? { out } : {}),
    mandatory,
  };
  plans.set(descriptor, plan);
  return plan;
}

/**
 * The base class of every service: a connection and a path. Locating a
 * service (`vmService("1")`, `service("vms/1/nics")`) sends nothing.
 *
 * @example Walk the tree by path
 * ```ts
 * import type { ServiceConnection } from "@nimbus/apiclient/services/ovirt";
 * import { SystemService } from "@nimbus/apiclient/services/ovirt";
 * const conn: ServiceConnection = { format: "xml", send: () => Promise.reject(new Error("x")) };
 * console.assert(String(new SystemService(conn, "").service("vms/123/nics")) === "VmNicsService:/vms/123/nics");
 * ```
 */
export class Service {
  /** The connection requests go through. */
  readonly connection: ServiceConnection;
  /** The path after the connection URL (`""` for the root, `/vms/123`). */
  readonly path: string;

  /** Creates the service; nothing is sent. */
  constructor(connection: ServiceConnection, path: string) {
    this.connection = connection;
    this.path = path;
  }

  /**
   * The service at `path` below this one (`"vms/123/diskattachments"`).
   * An empty path is this service.
   */
  service(path: string): Service {
    if (!path) return this;
    const slash = path.indexOf("/");
    const head = slash < 0 ? path : path.slice(0, slash);
    const rest = slash < 0 ? "" : path.slice(slash + 1);
    const child = this.locate(head);
    if (child === undefined) {
      throw new SdkError(`The path "${path}" doesn't correspond to any service`);
    }
    return child.service(rest);
  }

  /** The child service of one path segment; generated services override it. */
  protected locate(_segment: string): Service | undefined {
    return undefined;
  }

  /** `VmsService:/vms`, as the Python SDK prints services. */
  toString(): string {
    return `${this.constructor.name}:${this.path}`;
  }

  /** Checks parameter types before any I/O; see {@linkcode checkTypes}. */
  protected checkTypes(checks: readonly TypeCheck[]): void {
    checkTypes(checks);
  }

  /**
   * Runs a generated method from its descriptor: checks types and mandatory
   * inputs before any I/O, then sends the request the method's kind calls for.
   */
  protected async run(
    descriptor: string,
    options: ServiceRequestOptions,
    body?: Struct | readonly Struct[],
  ): Promise<unknown> {
    const plan = planOf(descriptor);
    const values = options as Record<string, unknown>;
    const checks: TypeCheck[] = plan.params.map((p) => [p.name, values[p.name], p.check]);
    if (plan.body) checks.unshift([plan.body.name, body, plan.body.check, true]);
    this.checkTypes(checks);
    if (plan.mandatory.length > 0) {
      const inputs = plan.body ? { ...values, [plan.body.name]: body } : values;
      this.checkMandatory(`${this.constructor.name}.${plan.method}`, inputs, plan.mandatory);
    }
    const query: Record<string, unknown> = {};
    const fields: Record<string, unknown> = {};
    for (const p of plan.params) {
      if (p.struct) fields[p.name] = values[p.name];
      else query[p.wire] = values[p.name];
    }
    switch (plan.kind) {
      case "get":
        return await this.internalGet(plan.type, query, options);
      case "list":
        return await this.internalList(plan.type, query, options);
      case "add":
        return await this.internalAdd(body!, plan.type, query, options, plan.extra);
      case "update":
        return await this.internalUpdate(body as Struct, plan.type, query, options);
      case "remove": {
        const action = Object.keys(fields).length > 0 ? new Action(fields) : undefined;
        return await this.internalRemove(query, options, action);
      }
      case "action": {
        const result = await this.internalAction(plan.extra!, new Action(fields), options);
        return plan.out === undefined
          ? result
          : (result as unknown as Record<string, unknown>)[plan.out];
      }
    }
  }

  /** Checks mandatory inputs before any I/O; see {@linkcode checkMandatory}. */
  protected checkMandatory(
    method: string,
    values: Readonly<Record<string, unknown>>,
    paths: readonly string[],
  ): void {
    checkMandatory(method, values, paths);
  }

  #request(
    method: string,
    path: string,
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
    body?: Struct | { items: readonly Struct[]; root: string },
  ): Promise<HttpResponse> {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null) query[k] = renderScalar(v);
    }
    Object.assign(query, options.query);
    const sorted: Record<string, string> = {};
    for (const k of Object.keys(query).sort()) sorted[k] = query[k] as string;
    const json = this.connection.format === "json";
    const mime = json ? "application/json" : "application/xml";
    const headers: Record<string, string> = { Accept: mime };
    if (body !== undefined) headers["Content-Type"] = mime;
    // Engines before 4.1 only read the header form of all_content.
    if (sorted.all_content !== undefined) headers["All-Content"] = sorted.all_content;
    Object.assign(headers, options.headers);
    const request: HttpRequest = { method, path, headers };
    if (Object.keys(sorted).length > 0) request.query = sorted;
    if (body !== undefined) {
      request.body = body instanceof Struct
        ? (json ? writeJson(body) : writeXml(body, { indent: true }))
        : (json ? writeJson([...body.items]) : writeXml([...body.items], {
          root: body.root,
          indent: true,
        }));
    }
    if (options.timeout !== undefined) request.timeout = options.timeout;
    return this.connection.send(request);
  }

  #readBody(response: HttpResponse, type: string, list: boolean): unknown {
    if (isEmpty(response.body)) raiseError(response);
    const kind = contentType(response);
    if (kind === "json") return readJson(response.body, type, { list });
    if (kind === "xml") return readXml(response.body);
    const expected = this.connection.format === "json" ? "JSON" : "XML";
    if (this.connection.url) checkContentType(response.headers, expected, this.connection.url);
    throw new SdkError(
      `The response content type '${
        response.headers.get("content-type") ?? ""
      }' isn't the expected ${expected}`,
      { code: response.code },
    );
  }

  #fail(response: HttpResponse): never {
    const fault = readFault(response);
    return raiseError(response, fault);
  }

  /** GET of one object (200 only). */
  protected async internalGet<T>(
    type: string,
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
  ): Promise<T> {
    const response = await this.#request("GET", this.path, params, options);
    if (response.code !== 200) this.#fail(response);
    return this.#readBody(response, type, false) as T;
  }

  /** GET of a collection (200 only). */
  protected async internalList<T>(
    type: string,
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
  ): Promise<List<T>> {
    const response = await this.#request("GET", this.path, params, options);
    if (response.code !== 200) this.#fail(response);
    return this.#readBody(response, type, true) as List<T>;
  }

  /**
   * POST of a new object (200, 201 or 202); with `root`, of a list of them
   * as a `<root>` document (`GlusterBricksService.add`).
   */
  protected async internalAdd<T>(
    obj: Struct | readonly Struct[],
    type: string,
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
    root?: string,
  ): Promise<T> {
    const body = root === undefined ? obj as Struct : { items: obj as readonly Struct[], root };
    const response = await this.#request("POST", this.path, params, options, body);
    if (response.code !== 200 && response.code !== 201 && response.code !== 202) {
      this.#fail(response);
    }
    return this.#readBody(response, type, root !== undefined) as T;
  }

  /** PUT of a changed object (200 only). */
  protected async internalUpdate<T>(
    obj: Struct,
    type: string,
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
  ): Promise<T> {
    const response = await this.#request("PUT", this.path, params, options, obj);
    if (response.code !== 200) this.#fail(response);
    return this.#readBody(response, type, false) as T;
  }

  /**
   * DELETE (200 only); `action` is the `<action>` body of the one remove
   * that takes structured parameters (`GlusterBricksService.remove`).
   */
  protected async internalRemove(
    params: Record<string, unknown>,
    options: ServiceRequestOptions,
    action?: Action,
  ): Promise<void> {
    const response = await this.#request("DELETE", this.path, params, options, action);
    if (response.code !== 200) this.#fail(response);
  }

  /**
   * POST of an `<action>` to `<path>/<segment>` (200, 201 or 202). A reply
   * carrying a fault is an error even with a success status.
   */
  protected async internalAction(
    segment: string,
    action: Action,
    options: ServiceRequestOptions,
  ): Promise<Action> {
    const path = `${this.path}/${segment}`;
    const response = await this.#request("POST", path, {}, options, action);
    if (response.code !== 200 && response.code !== 201 && response.code !== 202) {
      this.#fail(response);
    }
    // ovirtsdk4 fails on an action reply without a body: there is no status to report.
    if (isEmpty(response.body)) raiseError(response);
    const result = this.#readBody(response, "Action", false);
    if (result instanceof Fault) raiseError(response, result);
    if (!(result instanceof Action)) {
      throw new SdkError(
        `Expected a fault or action, but got ${typeOf(result)?.name ?? typeName(result)}`,
        { code: response.code },
      );
    }
    if (result.fault !== undefined) raiseError(response, result.fault);
    return result;
  }
}

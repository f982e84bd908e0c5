/**
 * The oVirt engine client core: `Connection`, `ConnectionBuilder`, the
 * low-level request/response types and the fault helpers services use.
 *
 * @module
 */
export { Connection } from "./connection.ts";
export { ConnectionBuilder } from "./connection_builder.ts";
export type { ConnectionOptions } from "./options.ts";
export type { HttpRequest, HttpResponse } from "./http_request.ts";

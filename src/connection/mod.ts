/**
 * The oVirt engine client core: `Connection`, `ConnectionBuilder` and the
 * low-level request/response types services use.
 *
 * @module
 */
export { Connection } from "./connection.ts";
export { ConnectionBuilder } from "./connection_builder.ts";
export type { ConnectionOptions } from "./options.ts";
export type { HttpRequest, HttpResponse } from "./http_request.ts";

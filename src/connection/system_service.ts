/**
 * TEMPORARY stand-in until the oVirt model's services land; it becomes
 * `export { Service, SystemService } from "../services/ovirt/mod.ts"`.
 *
 * @module
 */
import { SdkError } from "../errors/mod.ts";
import type { HttpRequest, HttpResponse } from "./http_request.ts";

/** What a service needs from its connection. */
export interface ServiceConnection {
  /** Sends one request. */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** The body format. */
  readonly format: "xml" | "json";
}

/** A service (stand-in). */
export class Service {
  /** The connection. */
  readonly connection: ServiceConnection;
  /** The path. */
  readonly path: string;
  /** Creates the service. */
  constructor(connection: ServiceConnection, path: string) {
    this.connection = connection;
    this.path = path;
  }
  /** Walks the tree (stand-in: nothing below). */
  service(path: string): Service {
    if (!path) return this;
    throw new SdkError(`The path "${path}" doesn't correspond to any service`);
  }
}

/** The root service (stand-in). */
export class SystemService extends Service {}

/**
 * The root of every error this package throws, and the small non-HTTP
 * families of the OpenStack client core (auth, endpoints, versions).
 *
 * @module
 */

/** Options every error of this package accepts. */
export interface ClientExceptionOptions {
  /** The error that caused this one: a transport error, a parse error... */
  cause?: unknown;
}

/**
 * Root of every error this package throws.
 *
 * @example Catch anything the client throws
 * ```ts
 * import { ClientException, HTTPClient } from "@nimbus/apiclient";
 * const http = new HTTPClient(null);
 * try {
 *   await http.request("GET", "http://127.0.0.1:9/");
 * } catch (e) {
 *   if (e instanceof ClientException) console.log(e.name, e.message);
 * }
 * ```
 */
export class ClientException extends Error {
  /** Creates the error with a message and an optional cause. */
  constructor(message?: string, options?: ClientExceptionOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }

  /**
   * Puts `detail` on the second line of the stack, so an uncaught error
   * names what failed. Deno prints an uncaught error as its own
   * `name: message` followed by the stack from its second line, but only
   * while the error's frames were never formatted; Node prints the whole
   * stack. So the frames are taken from a probe object and this error's own
   * stack is written, never read.
   *
   * @param detail One line, e.g. `GET http://h/x (HTTP 404)`.
   * @param above The constructor whose frames and callers' frames above it are left out.
   */
  protected setStackDetail(
    detail: string,
    above: abstract new (...args: never[]) => unknown,
  ): void {
    const capture = (Error as { captureStackTrace?: (target: object, above?: unknown) => void })
      .captureStackTrace;
    if (typeof capture !== "function") return;
    const probe: { stack?: string } = {};
    capture(probe, above);
    const frames = typeof probe.stack === "string" && probe.stack.includes("\n")
      ? probe.stack.slice(probe.stack.indexOf("\n"))
      : "";
    Object.defineProperty(this, "stack", {
      value: `${this.name}: ${this.message}\n    ${detail}${frames}`,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/**
 * Authentication could not be done: missing credentials, no token or
 * endpoint after a login, a rejected login.
 *
 * @example
 * ```ts
 * import { AuthorizationFailure } from "@nimbus/apiclient";
 * const e = new AuthorizationFailure("Cannot find endpoint or token for request");
 * console.log(e.message);
 * ```
 */
export class AuthorizationFailure extends ClientException {}

/**
 * An auth plugin was loaded without options it needs.
 *
 * @example
 * ```ts
 * import { AuthPluginOptionsMissing } from "@nimbus/apiclient";
 * const e = new AuthPluginOptionsMissing(["username", "password"]);
 * console.assert(e.message === "Authentication failed. Missing options: username, password");
 * ```
 */
export class AuthPluginOptionsMissing extends AuthorizationFailure {
  /** The names of the missing options. */
  readonly optNames: string[];
  /** Creates the error naming the missing options. */
  constructor(optNames: string[], options?: ClientExceptionOptions) {
    super(`Authentication failed. Missing options: ${optNames.join(", ")}`, options);
    this.optNames = [...optNames];
  }
}

/**
 * No auth plugin is registered under the requested name.
 *
 * @example
 * ```ts
 * import { AuthSystemNotFound } from "@nimbus/apiclient";
 * console.assert(new AuthSystemNotFound("foo").message === "AuthSystemNotFound: 'foo'");
 * ```
 */
export class AuthSystemNotFound extends AuthorizationFailure {
  /** The name that was asked for. */
  readonly authSystem: string;
  /** Creates the error naming the unknown auth system. */
  constructor(authSystem: string, options?: ClientExceptionOptions) {
    super(`AuthSystemNotFound: '${authSystem}'`, options);
    this.authSystem = authSystem;
  }
}

/**
 * Something went wrong while looking up an endpoint in a service catalog.
 *
 * @example
 * ```ts
 * import { EndpointException } from "@nimbus/apiclient";
 * console.log(new EndpointException("catalog is empty").name);
 * ```
 */
export class EndpointException extends ClientException {}

/**
 * No endpoint in the catalog matches the service type, interface and region.
 *
 * @example
 * ```ts
 * import { EndpointNotFound } from "@nimbus/apiclient";
 * console.log(new EndpointNotFound("public endpoint for compute service not found").message);
 * ```
 */
export class EndpointNotFound extends EndpointException {}

/**
 * Several endpoints match and nothing says which one to use.
 *
 * @example
 * ```ts
 * import { AmbiguousEndpoints } from "@nimbus/apiclient";
 * const e = new AmbiguousEndpoints([{ region: "A" }, { region: "B" }]);
 * console.assert(e.endpoints.length === 2);
 * ```
 */
export class AmbiguousEndpoints extends EndpointException {
  /** The endpoints that matched. */
  readonly endpoints: unknown[];
  /** Creates the error; the message lists the endpoints unless one is given. */
  constructor(endpoints: unknown[] = [], message?: string, options?: ClientExceptionOptions) {
    super(message ?? `AmbiguousEndpoints: ${JSON.stringify(endpoints)}`, options);
    this.endpoints = endpoints;
  }
}

/**
 * The requested API version is not one this package knows.
 *
 * @example
 * ```ts
 * import { UnsupportedVersion } from "@nimbus/apiclient";
 * console.log(new UnsupportedVersion("Invalid identity client version '7'.").message);
 * ```
 */
export class UnsupportedVersion extends ClientException {}

/**
 * A value given to the client is invalid: a header with CR/LF, a bad option.
 *
 * @example
 * ```ts
 * import { ValidationError } from "@nimbus/apiclient";
 * console.log(new ValidationError("header 'X' contains CR or LF").name);
 * ```
 */
export class ValidationError extends ClientException {}

/**
 * `Manager.find()` matched more than one resource.
 *
 * @example
 * ```ts
 * import { NoUniqueMatch } from "@nimbus/apiclient";
 * console.log(new NoUniqueMatch("2 Server match {\"name\":\"web\"}").name);
 * ```
 */
export class NoUniqueMatch extends ClientException {}

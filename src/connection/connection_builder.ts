/**
 * `ConnectionBuilder`: keeps options and builds fresh connections.
 *
 * @module
 */
import { displayUrl } from "../redaction/url_credentials.ts";
import { Connection } from "./connection.ts";
import type { ConnectionOptions } from "./options.ts";

/**
 * Holds connection options; each `build()` returns a new {@linkcode Connection}
 * (`ovirtsdk4.ConnectionBuilder`).
 *
 * @example One builder, one connection per task
 * ```ts
 * import { ConnectionBuilder } from "@nimbus/apiclient";
 * const builder = new ConnectionBuilder({
 *   url: "https://engine.example.com/ovirt-engine/api",
 *   username: "admin@internal",
 *   password: "s3cret",
 * });
 * const connection = builder.build();
 * await connection.close(); // nothing was sent: no login, no revoke
 * ```
 */
export class ConnectionBuilder {
  readonly #options: ConnectionOptions;

  /**
   * Keeps a copy of the options.
   *
   * @param options as for {@linkcode Connection}.
   */
  constructor(options: ConnectionOptions) {
    this.#options = { ...options, headers: options.headers && { ...options.headers } };
  }

  /**
   * A new connection with the kept options.
   *
   * @returns a new connection with the builder's options; nothing is sent yet.
   * @throws {SdkError} as the {@linkcode Connection} constructor does, for bad options.
   * @throws {RangeError} as the {@linkcode Connection} constructor does, for bad numbers.
   */
  build(): Connection {
    const options = { ...this.#options };
    if (options.headers) options.headers = { ...options.headers };
    return new Connection(options);
  }

  /**
   * No credentials in `JSON.stringify`.
   *
   * @returns the URL only, credentials removed.
   */
  toJSON(): Record<string, unknown> {
    return { url: displayUrl(this.#options.url) };
  }

  /**
   * No credentials in `Deno.inspect`.
   *
   * @returns `ConnectionBuilder` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `ConnectionBuilder ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `ConnectionBuilder` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ConnectionBuilder ${JSON.stringify(this.toJSON())}`;
  }
}

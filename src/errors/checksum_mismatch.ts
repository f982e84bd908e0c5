/**
 * `ChecksumMismatch`: downloaded data does not match the digest the service published.
 *
 * @module
 */
import { ClientException, type ClientExceptionOptions } from "./client_exception.ts";

/**
 * The digest of the data received differs from the one the service
 * published for it (Glance's `os_hash_value` or `checksum`): the data is
 * damaged or was changed on the way.
 *
 * @example
 * ```ts
 * import { ChecksumMismatch } from "@nimbus/apiclient";
 * const e = new ChecksumMismatch({ what: "Image i1", algorithm: "sha512", expected: "ab", actual: "cd", bytes: 3 });
 * console.assert(e.message === "Image i1: sha512 of the 3 bytes received is cd, the service published ab");
 * ```
 */
export class ChecksumMismatch extends ClientException {
  /** The hash algorithm, e.g. "sha512" or "md5". */
  readonly algorithm: string;
  /** The digest the service published (hex). */
  readonly expected: string;
  /** The digest of the data received (hex). */
  readonly actual: string;
  /** How many bytes were received. */
  readonly bytes: number;

  /** Creates the error. */
  constructor(
    info: { what: string; algorithm: string; expected: string; actual: string; bytes: number },
    options?: ClientExceptionOptions,
  ) {
    super(
      `${info.what}: ${info.algorithm} of the ${info.bytes} bytes received is ${info.actual}, the service published ${info.expected}`,
      options,
    );
    this.algorithm = info.algorithm;
    this.expected = info.expected;
    this.actual = info.actual;
    this.bytes = info.bytes;
  }
}

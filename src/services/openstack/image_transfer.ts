/**
 * Image data in constant memory: the upload body (stream, bytes or file)
 * with progress, and the download stream that counts and hashes as it
 * passes, checking the digest at its end.
 *
 * @module
 */
import type { Hash } from "node:crypto";
import { requireNodeBuiltin } from "../../_runtime/runtime.ts";
import { openFileStream } from "../../_runtime/files.ts";
import { ChecksumMismatch } from "../../errors/checksum_mismatch.ts";
import { ValidationError } from "../../errors/client_exception.ts";
import type { Image } from "./image_types.ts";

/** Hash algorithms Glance publishes (`os_hash_algo`) that node:crypto computes. */
const ALGORITHMS = new Set(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]);

/** The digest to check a download against. */
export interface ExpectedDigest {
  /** The algorithm. */
  algorithm: string;
  /** Hex, lower case. */
  hex: string;
}

/**
 * The digest a download must match: the image's `os_hash_value` (its
 * `os_hash_algo`), else its md5 `checksum`, else the `Content-MD5` header
 * Glance sends with the data; undefined when there is none.
 *
 * @example The digest of an image record
 * ```ts
 * import { expectedDigest } from "./image_transfer.ts";
 * console.log(expectedDigest({ os_hash_algo: "sha512", os_hash_value: "AB" } as never, new Headers()));
 * ```
 */
export function expectedDigest(image: Image, headers: Headers): ExpectedDigest | undefined {
  const algo = typeof image.os_hash_algo === "string" ? image.os_hash_algo.toLowerCase() : "";
  if (ALGORITHMS.has(algo) && typeof image.os_hash_value === "string" && image.os_hash_value) {
    return { algorithm: algo, hex: image.os_hash_value.toLowerCase() };
  }
  if (typeof image.checksum === "string" && image.checksum) {
    return { algorithm: "md5", hex: image.checksum.toLowerCase() };
  }
  const md5 = headers.get("content-md5");
  return md5 ? { algorithm: "md5", hex: md5.toLowerCase() } : undefined;
}

/**
 * A pass-through stream that reports progress, hashes the bytes, and at
 * the end errors with `ChecksumMismatch` when the digest differs.
 *
 * @example Check bytes against their md5
 * ```ts
 * import { verifyingStream } from "./image_transfer.ts";
 * const check = verifyingStream({ id: "i1", expected: { algorithm: "md5", hex: "900150983cd24fb0d6963f7d28e17f72" } });
 * const data = await new Response(new Blob(["abc"]).stream().pipeThrough(check)).text();
 * console.assert(String(data) === "abc");
 * ```
 */
export function verifyingStream(options: {
  id: string;
  expected?: ExpectedDigest;
  total?: number;
  onProgress?: (bytes: number, total: number | undefined) => void;
}): TransformStream<Uint8Array, Uint8Array> {
  // node:crypto is loaded here, on the first checked download, not at start-up.
  const hash: Hash | undefined = options.expected
    ? requireNodeBuiltin<typeof import("node:crypto")>("node:crypto", "checking an image checksum")
      .createHash(options.expected.algorithm)
    : undefined;
  let bytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      hash?.update(chunk);
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
      options.onProgress?.(bytes, options.total);
    },
    flush(controller) {
      if (!hash || !options.expected) return;
      const actual = hash.digest("hex");
      if (actual !== options.expected.hex) {
        controller.error(
          new ChecksumMismatch({
            what: `Image ${options.id}`,
            algorithm: options.expected.algorithm,
            expected: options.expected.hex,
            actual,
            bytes,
          }),
        );
      }
    },
  });
}

/**
 * An empty, closed byte stream.
 *
 * @example
 * ```ts
 * import { emptyStream } from "./image_transfer.ts";
 * console.assert((await new Response(emptyStream()).bytes()).length === 0);
 * ```
 */
export function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.close();
    },
  });
}

/**
 * The body of an upload: bytes as they are; a stream or a file (opened and
 * streamed, never read whole) through a progress counter. `close` releases
 * the file. Bytes are not counted here: the caller reports them once sent.
 *
 * @example Upload body of some bytes
 * ```ts
 * import { uploadBody } from "./image_transfer.ts";
 * const { total, close } = await uploadBody(new Uint8Array(3));
 * console.assert(total === 3);
 * close();
 * ```
 */
export async function uploadBody(
  data: ReadableStream<Uint8Array> | Uint8Array | string,
  onProgress?: (bytes: number, total: number | undefined) => void,
): Promise<{ body: BodyInit; total: number | undefined; close: () => void }> {
  if (data instanceof Uint8Array) {
    // Sent in one piece: progress is reported by the caller once the service took it.
    return { body: data as Uint8Array<ArrayBuffer>, total: data.byteLength, close: () => {} };
  }
  let stream: ReadableStream<Uint8Array>;
  let total: number | undefined;
  let close = () => {};
  if (typeof data === "string") {
    let file: Awaited<ReturnType<typeof openFileStream>>;
    try {
      file = await openFileStream(data);
    } catch (cause) {
      throw new ValidationError(`Cannot read the image file '${data}'`, { cause });
    }
    total = file.size;
    stream = file.stream;
    close = file.close;
  } else if (data instanceof ReadableStream) {
    stream = data;
  } else {
    throw new ValidationError("Image data must be a ReadableStream, a Uint8Array or a file path");
  }
  let sent = 0;
  const counted = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress?.(sent, total);
      },
    }),
  );
  return { body: counted, total, close };
}

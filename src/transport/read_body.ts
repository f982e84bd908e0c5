/**
 * Reading a response body within a byte limit counted on the decoded bytes.
 *
 * @module
 */

/** The default `maxBodyBytes`: far above any normal API reply, far below what hurts a process. */
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;

const EMPTY = new Uint8Array(0);

/** Whether `value` is a valid `maxBodyBytes`: an integer ≥ 0, or `Infinity`. */
export function isByteLimit(value: unknown): value is number {
  return typeof value === "number" && value >= 0 &&
    (Number.isInteger(value) || value === Infinity);
}

/** The limit in effect: `0` and `Infinity` mean none (returned as `Infinity`). */
export function effectiveLimit(value: number | undefined, fallback: number): number {
  const limit = value ?? fallback;
  return limit === 0 ? Infinity : limit;
}

/**
 * Keeps a chunk without keeping more memory than it holds: fetch hands out
 * small views of larger buffers (4 KiB of 64 KiB for gzip), and keeping the
 * view would keep the whole buffer.
 */
export function ownBytes(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength &&
      chunk.buffer instanceof ArrayBuffer
    ? chunk as Uint8Array<ArrayBuffer>
    : chunk.slice() as Uint8Array<ArrayBuffer>;
}

/**
 * Reads the whole body, refusing it once more than `limit` decoded bytes
 * arrived (`tooLarge()` is thrown and the body cancelled).
 */
export async function readBody(
  response: Response,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const body = response.body;
  if (!body) return EMPTY;
  if (limit === Infinity) return await response.bytes();
  // Without a content-encoding the length is the decoded length, and fetch never
  // delivers more than it announced: read natively, which is the fast path.
  if (!response.headers.has("content-encoding")) {
    const announced = contentLength(response.headers);
    if (announced !== undefined) {
      if (announced <= limit) return await response.bytes();
      await body.cancel();
      throw tooLarge();
    }
  }
  const byob = byobReader(body);
  if (byob) return await readInto(byob, limit, tooLarge);
  const reader = body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(ownBytes(value));
  }
  return concat(parts, total);
}

/** The size of a scratch buffer: one read of fetch's body fills at most 64 KiB. */
const SCRATCH_BYTES = 64 * 1024;
/** Scratch buffers kept for the next bodies (one per body read at once, up to this many). */
const MAX_SCRATCH_BUFFERS = 64;
const scratch: ArrayBuffer[] = [];

function byobReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | undefined {
  try {
    return body.getReader({ mode: "byob" });
  } catch {
    // Not a byte stream (a body made in JS, such as the node:https transport's).
    return undefined;
  }
}

/**
 * Reads a byte stream straight into a buffer of ours: no 64 KiB chunk
 * allocated per read and no views of fetch's buffers kept. A body that fits
 * a pooled scratch buffer is copied out at its exact size and the scratch
 * buffer reused (allocating a fresh 64 KiB buffer per request costs more than
 * the rest of the read); a larger one grows its own buffer. At most
 * `limit + 1` bytes of body are ever held.
 */
async function readInto(
  reader: ReadableStreamBYOBReader,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  // One byte past the limit is enough to know the body is too large.
  const cap = limit + 1;
  let buffer = cap >= SCRATCH_BYTES
    ? scratch.pop() ?? new ArrayBuffer(SCRATCH_BYTES)
    : new ArrayBuffer(cap);
  let pooled = buffer.byteLength === SCRATCH_BYTES;
  let used = 0;
  try {
    for (;;) {
      if (used === buffer.byteLength) {
        if (used >= cap) throw tooLarge();
        // transfer() moves the bytes: the scratch buffer leaves the pool with them.
        buffer = buffer.transfer(Math.min(buffer.byteLength * 2, cap));
        pooled = false;
      }
      const { done, value } = await reader.read(new Uint8Array(buffer, used));
      if (!value) throw new TypeError("The body stream was cancelled while it was read");
      buffer = value.buffer as ArrayBuffer;
      used += value.byteLength;
      if (done) break;
    }
    if (used > limit) throw tooLarge();
    if (pooled) return new Uint8Array(buffer, 0, used).slice();
    if (buffer.byteLength - used > MAX_SLACK_BYTES) buffer = buffer.transfer(used);
    pooled = false;
    return new Uint8Array(buffer, 0, used);
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    // Only an intact scratch buffer goes back (a failed read may have left it with the stream).
    if (pooled && !buffer.detached && scratch.length < MAX_SCRATCH_BUFFERS) scratch.push(buffer);
  }
}

/** A final buffer wasting more than this is shrunk to its content. */
const MAX_SLACK_BYTES = 64 * 1024;

function contentLength(headers: Headers): number | undefined {
  const value = headers.get("content-length");
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function concat(parts: Uint8Array<ArrayBuffer>[], total: number): Uint8Array<ArrayBuffer> {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

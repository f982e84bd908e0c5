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

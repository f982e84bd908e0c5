/**
 * The C structs GSSAPI takes, laid out for 64-bit Linux (LP64), in memory we own.
 *
 * @module
 */

/**
 * A `gss_buffer_desc` (`{ size_t length; void *value }`, 16 bytes) or a
 * `gss_OID_desc` (`{ OM_uint32 length; void *elements }`, 16 bytes: 4 bytes of
 * padding before the pointer), plus the bytes it points to, kept referenced so
 * they stay alive as long as the struct.
 */
export interface GssStruct {
  /** The struct itself, to pass as a "buffer" parameter. */
  readonly struct: Uint8Array<ArrayBuffer>;
  /** The bytes `value`/`elements` points to (undefined for an empty buffer). */
  readonly data: Uint8Array<ArrayBuffer> | undefined;
}

// `new ArrayBuffer` memory never moves, unlike small on-heap typed arrays.
function bytes(size: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new ArrayBuffer(size));
}

function pointTo(struct: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): void {
  const address = Deno.UnsafePointer.value(Deno.UnsafePointer.of(data));
  new DataView(struct.buffer).setBigUint64(8, BigInt(address), true);
}

/** A `gss_buffer_desc` holding a copy of `content`. */
export function gssBuffer(content: Uint8Array): GssStruct {
  const struct = bytes(16);
  const data = bytes(Math.max(1, content.length));
  data.set(content);
  new DataView(struct.buffer).setBigUint64(0, BigInt(content.length), true);
  pointTo(struct, data);
  return { struct, data };
}

/** An empty `gss_buffer_desc` for the library to fill (free it with `gss_release_buffer`). */
export function gssOutBuffer(): GssStruct {
  return { struct: bytes(16), data: undefined };
}

/** The bytes a `gss_buffer_desc` filled by the library points to, copied. */
export function readGssBuffer(buffer: GssStruct): Uint8Array {
  const view = new DataView(buffer.struct.buffer);
  const length = Number(view.getBigUint64(0, true));
  const value = Deno.UnsafePointer.create(view.getBigUint64(8, true));
  if (length === 0 || value === null) return new Uint8Array(0);
  const out = new Uint8Array(length);
  new Deno.UnsafePointerView(value).copyInto(out);
  return out;
}

/** A `gss_OID_desc` for a DER-encoded object identifier (the bytes after tag and length). */
export function gssOid(der: readonly number[]): GssStruct {
  const struct = bytes(16);
  const data = bytes(der.length);
  data.set(der);
  new DataView(struct.buffer).setUint32(0, der.length, true);
  pointTo(struct, data);
  return { struct, data };
}

/**
 * `GSS_C_NT_HOSTBASED_SERVICE`, 1.2.840.113554.1.2.1.4: names such as `HTTP@host`.
 * Built by value: MIT compares OIDs by their bytes, not their address.
 */
export const NT_HOSTBASED_SERVICE: readonly number[] = [
  0x2a,
  0x86,
  0x48,
  0x86,
  0xf7,
  0x12,
  0x01,
  0x02,
  0x01,
  0x04,
];

/** The SPNEGO mechanism, 1.3.6.1.5.5.2, which HTTP `Negotiate` uses. */
export const SPNEGO_MECHANISM: readonly number[] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x02];

/** An out-parameter for a handle (`gss_name_t *`, `gss_ctx_id_t *`), initially NULL. */
export function handleSlot(): BigUint64Array<ArrayBuffer> {
  return new BigUint64Array(new ArrayBuffer(8));
}

/** The handle an out-parameter holds, as a pointer (null when NULL). */
export function handleOf(slot: BigUint64Array<ArrayBuffer>): Deno.PointerValue {
  return Deno.UnsafePointer.create(slot[0] ?? 0n);
}

/**
 * The default Kerberos `negotiate`: a SPNEGO token from the system GSSAPI library.
 *
 * @module
 */
import { AuthError } from "../../errors/sdk_error.ts";
import { DEFAULT_GSSAPI_LIBRARY, type GssLibrary, openGssLibrary } from "./gss_library.ts";
import { gssError, isGssError } from "./gss_status.ts";
import {
  gssBuffer,
  gssOid,
  gssOutBuffer,
  handleOf,
  handleSlot,
  NT_HOSTBASED_SERVICE,
  readGssBuffer,
  SPNEGO_MECHANISM,
} from "./gss_structs.ts";

const GSS_C_MUTUAL_FLAG = 2;
const GSS_C_SEQUENCE_FLAG = 8;

/**
 * Options of {@linkcode createGssapiNegotiate}.
 *
 * @example Another library path
 * ```ts
 * import type { GssapiNegotiateOptions } from "@nimbus/apiclient/auth";
 * const options: GssapiNegotiateOptions = { library: "/usr/lib64/libgssapi_krb5.so.2" };
 * ```
 */
export interface GssapiNegotiateOptions {
  /** The GSSAPI library to load; default `libgssapi_krb5.so.2` (MIT Kerberos). */
  library?: string;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The first SPNEGO token for `service`, with the default credentials (KRB5CCNAME). */
async function initialToken(lib: GssLibrary, service: string): Promise<string> {
  const minor = new Uint32Array(new ArrayBuffer(4));
  const nameType = gssOid(NT_HOSTBASED_SERVICE);
  const mech = gssOid(SPNEGO_MECHANISM);
  const nameBuffer = gssBuffer(new TextEncoder().encode(service));
  const name = handleSlot();
  let major = lib.gss_import_name(minor, nameBuffer.struct, nameType.struct, name);
  if (isGssError(major)) throw gssError(lib, service, "gss_import_name", major, minor[0] ?? 0);
  const context = handleSlot();
  const output = gssOutBuffer();
  try {
    major = await lib.gss_init_sec_context(
      minor,
      null, // GSS_C_NO_CREDENTIAL: the default ccache
      context,
      handleOf(name),
      mech.struct,
      GSS_C_MUTUAL_FLAG | GSS_C_SEQUENCE_FLAG,
      0,
      null,
      null,
      null,
      output.struct,
      null,
      null,
    );
    if (isGssError(major)) {
      throw gssError(lib, service, "gss_init_sec_context", major, minor[0] ?? 0);
    }
    const token = readGssBuffer(output);
    if (token.length === 0) {
      throw new AuthError(
        `Kerberos login for service '${service}' failed: GSSAPI gave an empty SPNEGO token`,
      );
    }
    return base64(token);
  } finally {
    const m = new Uint32Array(new ArrayBuffer(4));
    lib.gss_release_buffer(m, output.struct);
    if (context[0] !== 0n) lib.gss_delete_sec_context(m, context, null);
    lib.gss_release_name(m, name);
    // The structs' memory must outlive the calls above; these reads keep it referenced.
    void [nameType.data, mech.data, nameBuffer.data];
  }
}

/**
 * The client principal of the default credentials (`alice@EXAMPLE.COM`), or
 * undefined when there are none: `gss_inquire_cred` and `gss_display_name`,
 * read from the credentials cache without talking to the KDC.
 */
function defaultPrincipal(lib: GssLibrary): string | undefined {
  const minor = new Uint32Array(new ArrayBuffer(4));
  const name = handleSlot();
  const major = lib.gss_inquire_cred(minor, null, name, null, null, null);
  if (isGssError(major) || name[0] === 0n) return undefined;
  const output = gssOutBuffer();
  try {
    const shown = lib.gss_display_name(minor, handleOf(name), output.struct, null);
    if (isGssError(shown)) return undefined;
    const text = new TextDecoder().decode(readGssBuffer(output));
    return text === "" ? undefined : text;
  } finally {
    const m = new Uint32Array(new ArrayBuffer(4));
    lib.gss_release_buffer(m, output.struct);
    lib.gss_release_name(m, name);
  }
}

/**
 * A `negotiate` hook that also names its client principal: calling it gives
 * the SPNEGO token; its `principal()` gives who it logs in as (undefined
 * without credentials), so the SSO token can be cached per principal.
 *
 * @example
 * ```ts ignore
 * import { gssapiNegotiate } from "@nimbus/apiclient/auth";
 * console.log(await gssapiNegotiate.principal()); // e.g. "alice@EXAMPLE.COM"
 * ```
 */
export type GssapiNegotiate = ((service: string) => Promise<string>) & {
  /** The client principal of the default credentials, if any. */
  principal: () => Promise<string | undefined>;
};

/**
 * Makes a `negotiate` function (see `ConnectionOptions.negotiate`) on a given
 * GSSAPI library. The library is loaded on the first call.
 *
 * @example A Connection on a non-default library path
 * ```ts
 * import { Connection } from "@nimbus/apiclient";
 * import { createGssapiNegotiate } from "@nimbus/apiclient/auth";
 * const connection = new Connection({
 *   url: "https://engine.example.com/ovirt-engine/api",
 *   kerberos: true,
 *   negotiate: createGssapiNegotiate({ library: "/usr/lib64/libgssapi_krb5.so.2" }),
 * });
 * await connection.close();
 * ```
 */
export function createGssapiNegotiate(
  options: GssapiNegotiateOptions = {},
): GssapiNegotiate {
  const path = options.library ?? DEFAULT_GSSAPI_LIBRARY;
  const negotiate = async (service: string): Promise<string> => {
    if (!/^[^@\s]+@[^@\s]+$/.test(service)) {
      throw new AuthError(
        `Kerberos login needs a service name such as 'HTTP@engine.example.com', got '${service}'`,
      );
    }
    return await initialToken(openGssLibrary(path), service);
  };
  const principal = (): Promise<string | undefined> =>
    Promise.resolve().then(() => defaultPrincipal(openGssLibrary(path)));
  return Object.assign(negotiate, { principal });
}

/**
 * The base64 SPNEGO token for `service` (e.g. `HTTP@engine.example.com`) from
 * MIT Kerberos' `libgssapi_krb5.so.2` and the user's credentials cache
 * (`KRB5CCNAME`, filled by `kinit`). Needs `--allow-ffi`. The default
 * `negotiate` of a Connection with `kerberos: true`.
 *
 * @throws {AuthError} when there are no credentials, the KDC refuses, FFI is
 * not permitted or the library is missing; the message names the service and
 * the GSSAPI status, never the token.
 *
 * @example A Negotiate header
 * ```ts ignore
 * import { gssapiNegotiate } from "@nimbus/apiclient/auth";
 * const token = await gssapiNegotiate("HTTP@engine.example.com");
 * const headers = { Authorization: `Negotiate ${token}` };
 * ```
 */
export const gssapiNegotiate: GssapiNegotiate = createGssapiNegotiate();

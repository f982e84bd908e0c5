/**
 * Opens MIT's GSSAPI library (`libgssapi_krb5.so.2`) through Deno FFI.
 *
 * @module
 */
import { AuthError } from "../../errors/sdk_error.ts";

/** The library Debian's `libgssapi-krb5-2` installs (also Fedora's `krb5-libs`). */
export const DEFAULT_GSSAPI_LIBRARY = "libgssapi_krb5.so.2";

// Every function returns the major status (OM_uint32) and takes `OM_uint32 *minor` first.
// Structs and out-parameters are passed as "buffer" (pointer to our own memory);
// handles we never look into (names, contexts) are "pointer".
const SYMBOLS = {
  gss_import_name: {
    // (minor, gss_buffer_t name, gss_OID name_type, gss_name_t *out)
    parameters: ["buffer", "buffer", "buffer", "buffer"],
    result: "u32",
  },
  gss_init_sec_context: {
    // (minor, cred, gss_ctx_id_t *ctx, name, gss_OID mech, flags, time_req, chan_bindings,
    //  input_token, gss_OID *actual_mech, gss_buffer_t output_token, *ret_flags, *time_rec)
    parameters: [
      "buffer",
      "pointer",
      "buffer",
      "pointer",
      "buffer",
      "u32",
      "u32",
      "pointer",
      "pointer",
      "pointer",
      "buffer",
      "pointer",
      "pointer",
    ],
    result: "u32",
    // It talks to the KDC: run it off the event loop.
    nonblocking: true,
  },
  gss_inquire_cred: {
    // (minor, cred (GSS_C_NO_CREDENTIAL: the default), gss_name_t *name, *lifetime, *usage, *mechs)
    parameters: ["buffer", "pointer", "buffer", "pointer", "pointer", "pointer"],
    result: "u32",
  },
  gss_display_name: {
    // (minor, gss_name_t name, gss_buffer_t output, gss_OID *output_type)
    parameters: ["buffer", "pointer", "buffer", "pointer"],
    result: "u32",
  },
  gss_release_buffer: { parameters: ["buffer", "buffer"], result: "u32" },
  gss_release_name: { parameters: ["buffer", "buffer"], result: "u32" },
  gss_delete_sec_context: { parameters: ["buffer", "buffer", "pointer"], result: "u32" },
  gss_display_status: {
    // (minor, status, status_type, gss_OID mech, OM_uint32 *message_context, gss_buffer_t out)
    parameters: ["buffer", "u32", "i32", "pointer", "buffer", "buffer"],
    result: "u32",
  },
} as const;

/** The functions of the GSSAPI library this package calls. */
export type GssLibrary = Deno.DynamicLibrary<typeof SYMBOLS>["symbols"];

// One handle per path for the life of the process: unloading krb5 libraries is not worth the risk.
const opened = new Map<string, GssLibrary>();

function noFfi(path: string, cause: unknown): AuthError {
  return new AuthError(
    `Kerberos login needs FFI access to the GSSAPI library '${path}': run Deno with ` +
      `--allow-ffi, or pass the 'negotiate' option`,
    { cause },
  );
}

/**
 * Opens (once) the GSSAPI library at `path`.
 *
 * @throws {AuthError} when FFI is not permitted (`--allow-ffi`) or the library cannot be loaded.
 */
export function openGssLibrary(path: string = DEFAULT_GSSAPI_LIBRARY): GssLibrary {
  const known = opened.get(path);
  // A handle opened earlier must not outlive a narrower permission (e.g. a test's).
  if (known && Deno.permissions.querySync({ name: "ffi", path }).state === "granted") return known;
  let lib: Deno.DynamicLibrary<typeof SYMBOLS>;
  try {
    lib = Deno.dlopen(path, SYMBOLS);
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw noFfi(path, error);
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new AuthError(
      `Kerberos login cannot load the GSSAPI library '${path}' (${why}): install MIT ` +
        `Kerberos' GSSAPI library (Debian/Ubuntu package libgssapi-krb5-2, Fedora krb5-libs), ` +
        `or pass the 'negotiate' option`,
      { cause: error },
    );
  }
  const previous = opened.get(path);
  if (previous) {
    lib.close();
    return previous;
  }
  opened.set(path, lib.symbols);
  return lib.symbols;
}

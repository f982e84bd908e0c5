/**
 * GSSAPI status codes to text, and the AuthError a failed call becomes.
 *
 * @module
 */
import { AuthError } from "../../errors/sdk_error.ts";
import type { GssLibrary } from "./gss_library.ts";
import { gssOutBuffer, readGssBuffer } from "./gss_structs.ts";

const GSS_C_GSS_CODE = 1;
const GSS_C_MECH_CODE = 2;
/** Routine errors (bits 16-23) the hints below look at. */
const NO_CRED = 7;
const CREDENTIALS_EXPIRED = 11;

/** Whether a major status is an error (a calling or routine error; not CONTINUE_NEEDED). */
export function isGssError(major: number): boolean {
  return (major & 0xffff0000) !== 0;
}

/** The text `gss_display_status` gives for one status (every message of it, joined). */
export function displayStatus(lib: GssLibrary, status: number, type: 1 | 2): string {
  const minor = new Uint32Array(new ArrayBuffer(4));
  const context = new Uint32Array(new ArrayBuffer(4));
  const parts: string[] = [];
  // The library says when it has no more messages; 8 is far more than MIT ever gives.
  for (let i = 0; i < 8; i++) {
    const out = gssOutBuffer();
    const major = lib.gss_display_status(minor, status, type, null, context, out.struct);
    if (isGssError(major)) break;
    const text = new TextDecoder().decode(readGssBuffer(out)).trim();
    lib.gss_release_buffer(minor, out.struct);
    if (text !== "") parts.push(text);
    if (context[0] === 0) break;
  }
  return parts.join("; ");
}

/**
 * The error for a failed GSSAPI call: the service, a hint of what to do, and
 * the library's own major and minor status text.
 */
export function gssError(
  lib: GssLibrary,
  service: string,
  call: string,
  major: number,
  minor: number,
): AuthError {
  const majorText = displayStatus(lib, major, GSS_C_GSS_CODE) || "unknown error";
  // MIT's mechglue maps a minor code back to the mechanism that set it.
  const minorText = minor !== 0 ? displayStatus(lib, minor, GSS_C_MECH_CODE) : "";
  const routine = (major >>> 16) & 0xff;
  const both = `${majorText} ${minorText}`;
  let hint = "GSSAPI failed";
  if (
    routine === NO_CRED || /No Kerberos credentials|credentials cache|ccache/i.test(both)
  ) {
    hint = "No Kerberos credentials: run kinit (or point KRB5CCNAME at a credentials cache)";
  } else if (routine === CREDENTIALS_EXPIRED || /expired/i.test(minorText)) {
    hint = "The Kerberos credentials have expired: run kinit";
  } else if (/not found in Kerberos database/i.test(minorText)) {
    hint = `The KDC has no service principal for '${service}'`;
  }
  const detail = `GSSAPI ${call}: major 0x${major.toString(16)} "${majorText}"` +
    (minor !== 0 ? `, minor ${minor} "${minorText}"` : "");
  return new AuthError(`Kerberos login for service '${service}' failed: ${hint} (${detail})`);
}

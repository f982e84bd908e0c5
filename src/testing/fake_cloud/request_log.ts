/**
 * The fake cloud's request log: what each request carried, with tokens
 * hashed and secrets masked, so a test can print it safely.
 *
 * @module
 */
import { isSecretHeader } from "../../redaction/secret_headers.ts";
import { redactJson } from "../../redaction/redact_text.ts";
import { sha256Hex } from "./state.ts";

/** One request the fake cloud received. */
export interface FakeCloudRequest {
  /** The method. */
  method: string;
  /** The full path, e.g. `/compute/v2.1/servers/detail`. */
  path: string;
  /** The query parameters (the last value of a repeated name). */
  query: Record<string, string>;
  /** Request headers, lower-case names; token headers as `{SHA256}<hex>`. */
  headers: Record<string, string>;
  /** The JSON body with passwords, secrets and token ids as `***`. */
  body?: unknown;
  /** The catalog service type, or "" for unknown paths. */
  service: string;
  /** The region the URL addressed. */
  region: string;
  /** "public", "internal" or "admin": which endpoint the URL was. */
  interface: string;
  /** The request id the response carried. */
  requestId: string;
  /** The response status (0 until answered). */
  status: number;
}

/** Headers as a plain object with token values hashed. */
export async function safeHeaders(headers: Headers): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    out[name] = isSecretHeader(name) ? `{SHA256}${await sha256Hex(value)}` : value;
  }
  return out;
}

/**
 * A copy of a JSON value with secret fields (whatever their spelling, at
 * any depth, and `token.id`) replaced by `***`: the redaction module's rules.
 */
export function maskSecrets(value: unknown): unknown {
  return redactJson(value, "***");
}

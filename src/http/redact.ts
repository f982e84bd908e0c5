/**
 * What counts as a secret in headers and bodies, and how it is shown.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** Headers whose values are shown as `{SHA256}<hex>` in logs. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  "x-auth-token",
  "x-subject-token",
  "x-service-token",
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
]);

/** JSON or form keys whose values are secrets. */
const SECRET_KEY = /pass(word)?$|secret|^(access|refresh|id)_token$|^adminPass$|private_key|^key$/i;

/**
 * A stable, irreversible stand-in for a secret: `{SHA256}<hex>`, so two log
 * lines can be compared without showing the value.
 *
 * @example
 * ```ts
 * import { fingerprint } from "./redact.ts";
 * console.log(fingerprint("t0k3n").startsWith("{SHA256}")); // true
 * ```
 */
export function fingerprint(value: string): string {
  return `{SHA256}${createHash("sha256").update(value).digest("hex")}`;
}

/** A header value as it may appear in a log line. */
export function headerForLog(name: string, value: string): string {
  return SENSITIVE_HEADERS.has(name.toLowerCase()) ? fingerprint(value) : value;
}

function redactValue(key: string, value: unknown): unknown {
  if (SECRET_KEY.test(key) && value !== null && typeof value !== "object") return "***";
  if (key.toLowerCase() === "token") {
    if (typeof value === "string") return "***";
    if (value && typeof value === "object" && !Array.isArray(value) && "id" in value) {
      return { ...(value as Record<string, unknown>), id: "***" };
    }
  }
  return value;
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactJson(redactValue(k, v));
    return out;
  }
  return value;
}

/**
 * A request or response body as it may appear in a log line: JSON and form
 * bodies with passwords, secrets and tokens replaced by `***`. Anything it
 * cannot parse is shown only if it has no `password`/`secret`/`token` word.
 */
export function bodyForLog(text: string, contentType = ""): string {
  const type = contentType.toLowerCase();
  if (type.includes("x-www-form-urlencoded")) {
    const form = new URLSearchParams(text);
    for (const key of [...form.keys()]) {
      if (SECRET_KEY.test(key) || key.toLowerCase() === "token") form.set(key, "***");
    }
    return form.toString();
  }
  try {
    return JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    return /pass|secret|token/i.test(text) ? "<omitted: may hold a secret>" : text;
  }
}

/**
 * URLs made safe to show: no user or password, no secret query values.
 *
 * @module
 */
import { redactText } from "./redact_text.ts";

/**
 * A URL for display: any `user:password@` removed and secret query values
 * (`?token=…`, `?password=…`) redacted. It works on text that is not a valid
 * URL too, so a URL-parse error can name what it was given safely.
 *
 * @example
 * ```ts
 * import { displayUrl } from "./url_credentials.ts";
 * console.assert(displayUrl("https://admin:pw@h/api?token=t&a=1") === "https://h/api?token=***&a=1");
 * console.assert(displayUrl("ht!tp://admin:pw@h") === "ht!tp://h");
 * ```
 */
export function displayUrl(url: string, marker = "***"): string {
  let shown = String(url);
  try {
    const parsed = new URL(shown);
    if (parsed.username || parsed.password) {
      parsed.username = "";
      parsed.password = "";
      shown = parsed.href;
    }
  } catch {
    // Not a URL: drop whatever sits between `//` (or the start) and the last `@` of the authority.
    shown = shown.replace(/^([^/?#]*\/\/)?[^/?#]*@/, "$1");
  }
  return redactText(shown, marker);
}

/**
 * The one place that knows what a secret is and how to hide it: secret
 * header names, secret keys in JSON/XML/form/query text, echoed secret
 * values, URL credentials, and both debug-log styles (curl lines for
 * `HTTPClient`, the wire log for `Connection`).
 *
 * @module
 */
export { CREDENTIAL_HEADERS, isSecretHeader, SECRET_HEADERS } from "./secret_headers.ts";
export { HELD_SECRET_KEYS, isSecretHolder, isSecretKey } from "./secret_keys.ts";
export { redactBody, REDACTED, redactJson, redactText } from "./redact_text.ts";
export { echoPattern, MIN_SCRUB_LENGTH, scrubSecrets } from "./scrub_secrets.ts";
export { displayUrl } from "./url_credentials.ts";
export { fingerprint } from "./fingerprint.ts";
export {
  bodyForLog,
  type CurlLogOptions,
  curlRequestLine,
  headerForLog,
  logText,
  requestBodyLine,
  responseBodyLine,
  responseLine,
} from "./curl_log.ts";
export { headerLine, WireLog } from "./wire_log.ts";
export { secretValues } from "./secret_values.ts";

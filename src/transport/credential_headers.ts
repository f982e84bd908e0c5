/**
 * The request headers that carry credentials: they never follow a redirect
 * to another origin. The list itself lives in the redaction module, the one
 * place that knows every secret header.
 *
 * @module
 */
export { CREDENTIAL_HEADERS } from "../redaction/secret_headers.ts";

/**
 * Which JSON, XML, form and query keys hold secrets, whatever their
 * spelling (`adminPass`, `root_password`, `client-secret`, `api_key`…).
 *
 * @module
 */

/**
 * Words that make a key secret once the key is lower-cased and stripped of
 * `_`, `-` and `.`: `new_password`, `adminPass`, `x-api-key`, `auth_token`,
 * `client_secret`, `credential_blob`, `windows_license_key`.
 */
const SECRET_WORD =
  /password|passwd|passphrase|pass$|pwd$|secret|token|apikey|authkey|accesskey|privatekey|licensekey|credential|signature|sessionkey|^blob$|^otp$|^pin$/;

/** Keys that only name or describe a secret: `token_type`, `application_credential_id`. */
const DESCRIBES_WORD =
  /(id|ids|type|types|name|expiry|expires|expiresat|issuedat|url|length|count|format)$/;

/**
 * Keys of objects whose `id`/`value`/`key` is the secret: Keystone's `token`,
 * oVirt's `ticket`, `proxy_ticket` and `openstack_volume_authentication_key`.
 */
const HOLDER_WORD = /^(token|authtoken|accesstoken)$|ticket$|authenticationkey$/;

function normalize(key: string): string {
  return key.replace(/^.*:/, "").toLowerCase().replace(/[-_.\s]/g, "");
}

/**
 * Whether a key names a secret value.
 *
 * @example
 * ```ts
 * import { isSecretKey } from "./secret_keys.ts";
 * console.log(isSecretKey("adminPass"), isSecretKey("root_password"), isSecretKey("name"));
 * // true true false
 * ```
 */
export function isSecretKey(key: string): boolean {
  const word = normalize(key);
  return SECRET_WORD.test(word) && !DESCRIBES_WORD.test(word);
}

/**
 * Whether a key names an object whose `id` or `value` is the secret: Keystone's
 * `{"token": {"id": …}}` and oVirt's `<ticket><value>…</value></ticket>`.
 *
 * @example
 * ```ts
 * import { isSecretHolder } from "./secret_keys.ts";
 * console.assert(isSecretHolder("ticket"));
 * ```
 */
export function isSecretHolder(key: string): boolean {
  return HOLDER_WORD.test(normalize(key));
}

/** The child keys of a secret holder that carry the secret. */
export const HELD_SECRET_KEYS: ReadonlySet<string> = new Set(["id", "value", "key"]);

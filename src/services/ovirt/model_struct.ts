/**
 * The base of the generated types. It adds what plain `Struct` lacks for a
 * typed model: `JSON.stringify` that copes with 64-bit `bigint` fields, and
 * secrets (passwords, console tickets) hidden from `Deno.inspect` and
 * `JSON.stringify`. The codecs (`writeXml`, `writeJson`) still send them.
 *
 * It imports nothing from the generated tables, so the generated classes can
 * extend it without an import cycle.
 *
 * @module
 */
import { Struct } from "./struct.ts";
import { HELD_SECRET_KEYS, isSecretHolder, isSecretKey } from "../../redaction/secret_keys.ts";

const REDACTED = "<redacted>";

function jsonValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonValue);
  return value;
}

/**
 * The base class of every generated oVirt type.
 *
 * @example Secrets stay out of logs, 64-bit values survive JSON
 * ```ts
 * import { Host } from "@nimbus/apiclient/services/ovirt";
 * const host = new Host({ name: "h1", rootPassword: "s3cret", memory: 2n ** 40n });
 * console.log(JSON.stringify(host)); // {"name":"h1","rootPassword":"<redacted>","memory":"1099511627776"}
 * console.assert(!(Deno.inspect(host).includes("s3cret")));
 * ```
 */
export class ModelStruct extends Struct {
  /** Names of the fields that hold secrets; generated classes override it. */
  static readonly secretFields: readonly string[] = [];

  /** A plain copy for `JSON.stringify`: bigints as strings, secrets redacted. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) {
      if (v === undefined) continue;
      out[k] = isSecretField(this, k) ? REDACTED : jsonValue(v);
    }
    return out;
  }

  /** `Deno.inspect` output with the secret fields redacted. */
  [Symbol.for("Deno.customInspect")](
    inspect: (value: unknown, options?: unknown) => string,
    options: unknown,
  ): string {
    return `${this.constructor.name} ${inspect(redactedCopy(this), options)}`;
  }

  /** Node's and Bun's `util.inspect` output, with the secret fields redacted. */
  [Symbol.for("nodejs.util.inspect.custom")](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options?: unknown) => string,
  ): string {
    // Node passes its own inspect since 16.14; without it, the JSON form is
    // redacted as well.
    const body = inspect === undefined
      ? JSON.stringify(this)
      : inspect(redactedCopy(this), options);
    return `${this.constructor.name} ${body}`;
  }
}

// A field is secret when the model says so (`secretFields`), when the shared
// redaction rules call its name secret (`rootPassword`, `windowsLicenseKey`),
// or when it is the `value`/`key` of a secret holder (`Ticket`, `ProxyTicket`).
function isSecretField(obj: ModelStruct, key: string): boolean {
  const type = obj.constructor as typeof ModelStruct;
  return type.secretFields.includes(key) || isSecretKey(key) ||
    (HELD_SECRET_KEYS.has(key) && key !== "id" && isSecretHolder(type.name));
}

// The fields of `obj` with its secrets replaced; nested model objects keep
// their own inspect hooks, so their secrets are redacted too.
function redactedCopy(obj: ModelStruct): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) copy[k] = isSecretField(obj, k) ? REDACTED : v;
  }
  return copy;
}

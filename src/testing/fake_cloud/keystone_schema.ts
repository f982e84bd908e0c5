/**
 * The request-body checks Keystone's JSON schemas make on create and
 * update: a body the real service refuses gets the same 400 here.
 *
 * @module
 */
import type { JsonObject } from "./state.ts";

type Check = (value: unknown) => string | undefined;

const isString = (min = 0, max = 255): Check => (v) =>
  typeof v !== "string"
    ? `${JSON.stringify(v)} is not of type 'string'`
    : v.length < min
    ? `'${v}' is too short`
    : v.length > max
    ? `'${v.slice(0, 20)}…' is too long`
    : undefined;
const nullableString: Check = (v) => v === null ? undefined : isString()(v);
const isBoolean: Check = (v) =>
  typeof v === "boolean" ? undefined : `${JSON.stringify(v)} is not of type 'boolean'`;
const isObject: Check = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? undefined
    : `${JSON.stringify(v)} is not of type 'object'`;
const tags: Check = (v) => {
  if (!Array.isArray(v)) return `${JSON.stringify(v)} is not of type 'array'`;
  if (v.length > 80) return "the list of tags is too long";
  for (const t of v) {
    if (typeof t !== "string" || t.length === 0 || t.length > 255 || /[,/]/.test(t)) {
      return `${JSON.stringify(t)} is not a valid tag`;
    }
  }
  if (new Set(v).size !== v.length) return `${JSON.stringify(v)} has non-unique elements`;
  return undefined;
};
const oneOf = (values: string[]): Check => (v) =>
  typeof v === "string" && values.includes(v)
    ? undefined
    : `${JSON.stringify(v)} is not one of ${JSON.stringify(values)}`;

const SCHEMAS: Record<string, Record<string, Check>> = {
  projects: {
    name: isString(1, 64),
    description: nullableString,
    domain_id: isString(1, 64),
    parent_id: nullableString,
    enabled: isBoolean,
    is_domain: isBoolean,
    tags,
    options: isObject,
  },
  domains: {
    name: isString(1, 64),
    description: nullableString,
    enabled: isBoolean,
    tags,
    options: isObject,
  },
  users: {
    name: isString(1, 255),
    password: nullableString,
    domain_id: isString(1, 64),
    default_project_id: nullableString,
    description: nullableString,
    enabled: isBoolean,
    options: isObject,
  },
  groups: { name: isString(1, 64), description: nullableString, domain_id: isString(1, 64) },
  roles: {
    name: isString(1, 255),
    description: nullableString,
    domain_id: nullableString,
    options: isObject,
  },
  regions: { id: isString(1, 255), description: nullableString, parent_region_id: nullableString },
  services: {
    type: isString(1, 255),
    name: isString(0, 255),
    description: nullableString,
    enabled: isBoolean,
  },
  endpoints: {
    service_id: isString(1, 64),
    interface: oneOf(["public", "internal", "admin"]),
    url: isString(1, 225),
    region_id: nullableString,
    region: nullableString,
    enabled: isBoolean,
  },
};

/**
 * The 400 message Keystone gives for the first invalid field of `input`,
 * else undefined. `required` fields must be present (create).
 */
export function invalidField(
  plural: string,
  input: JsonObject,
  required: string[],
): string | undefined {
  for (const field of required) {
    if (input[field] === undefined) {
      return `Invalid input for field '${field}': '${field}' is a required property.`;
    }
  }
  const schema = SCHEMAS[plural] ?? {};
  for (const [field, check] of Object.entries(schema)) {
    if (!(field in input)) continue;
    const problem = check(input[field]);
    if (problem) return `Invalid input for field '${field}': ${problem}`;
  }
  return undefined;
}

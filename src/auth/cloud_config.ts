/**
 * Cloud configuration the way openstacksdk reads it: `clouds.yaml` merged
 * with `secure.yaml` for `OS_CLOUD`, or the `OS_*` environment variables.
 *
 * @module
 */
import { isSecretKey } from "../redaction/secret_keys.ts";
import { AuthorizationFailure } from "../errors/client_exception.ts";
import { PermissionRequired } from "../errors/permission_required.ts";
import { currentDir } from "../_runtime/cwd.ts";
import { environment } from "../_runtime/env.ts";
import { isADirectory, isNotFound, readTextFileSync } from "../_runtime/files.ts";
import { flagFor, isGranted } from "../_runtime/permissions.ts";
import { noteDeniedEnv } from "./denied_env.ts";
import { parseYaml, YamlError } from "./yaml.ts";

/** Options of {@linkcode loadCloudConfig}. */
export interface LoadCloudConfigOptions {
  /** The cloud in `clouds.yaml`; default `OS_CLOUD`; neither → the `OS_*` variables. */
  cloud?: string;
  /**
   * The environment (default: the process's, each variable read only when
   * looked up, so `--allow-env=OS_CLOUD,OS_AUTH_URL,…` is enough); `HOME` is
   * read from it.
   */
  env?: Record<string, string | undefined>;
  /** The directory searched first (default: the current one). */
  cwd?: string;
}

/** `OS_*` variables (lower-cased, without `OS_`) that are auth options. */
const AUTH_KEYS: readonly string[] = [
  "auth_url",
  "username",
  "user_id",
  "password",
  "user_domain_name",
  "user_domain_id",
  "project_name",
  "project_id",
  "project_domain_name",
  "project_domain_id",
  "domain_name",
  "domain_id",
  "default_domain_id",
  "default_domain_name",
  "system_scope",
  "token",
  "application_credential_id",
  "application_credential_name",
  "application_credential_secret",
  "tenant_name",
  "tenant_id",
  "endpoint",
  "url",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** `b` over `a`, recursing into objects (openstacksdk's secure.yaml merge). */
function deepMerge(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isRecord(prev) && isRecord(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

/** What {@linkcode CloudConfig} is built from. */
export interface CloudConfigInit {
  /** The cloud name; undefined for the environment. */
  name?: string;
  /** Where it came from: file paths, or "environment". */
  source: string;
  /** The auth plugin name (`auth_type`, default "password"). */
  authType: string;
  /** The auth options, snake_case as in clouds.yaml (secrets included). */
  auth: Record<string, string>;
  /** `region_name`. */
  regionName?: string;
  /** `interface`: "public", "internal" or "admin". */
  interface?: string;
  /** `identity_api_version`. */
  identityApiVersion?: string;
  /** Every other key of the cloud entry (no secrets: `auth` is left out). */
  settings?: Record<string, unknown>;
}

/**
 * One cloud's configuration. The auth options (with the password or
 * secret) sit in a private field: `Deno.inspect` and `JSON.stringify` show
 * them redacted; {@linkcode CloudConfig.authOptions} hands them out.
 *
 * @example
 * ```ts
 * import { CloudConfig } from "@nimbus/apiclient/auth";
 * const config = new CloudConfig({
 *   name: "lab",
 *   source: "clouds.yaml",
 *   authType: "password",
 *   auth: { auth_url: "http://127.0.0.1:5000/v3", username: "demo", password: "s3cret" },
 *   regionName: "RegionOne",
 * });
 * console.log(JSON.stringify(config)); // … "password":"***" …
 * ```
 */
export class CloudConfig {
  /** The cloud name; undefined when the config came from the environment. */
  readonly name: string | undefined;
  /** The file(s) it was read from, or "environment". */
  readonly source: string;
  /** The auth plugin name for `loadPlugin`. */
  readonly authType: string;
  /** The region: `OS_REGION_NAME`, else `region_name`, else the first of `regions`. */
  readonly regionName: string | undefined;
  /** The endpoint interface: `OS_INTERFACE`, else `interface` (or `endpoint_type`). */
  readonly interface: string | undefined;
  /** `identity_api_version` / `OS_IDENTITY_API_VERSION`. */
  readonly identityApiVersion: string | undefined;
  /**
   * The other settings of the cloud entry (`verify`, `cacert`, `cert`, `key`…),
   * never `auth`; from the environment: `OS_CACERT`, `OS_CERT`, `OS_KEY`,
   * `OS_INSECURE` (as `verify: false`).
   */
  readonly settings: Readonly<Record<string, unknown>>;
  #auth: Record<string, string>;

  /**
   * Keeps the values.
   *
   * @param init the cloud's name and source, auth type and options, region, interface and settings.
   */
  constructor(init: CloudConfigInit) {
    this.name = init.name;
    this.source = init.source;
    this.authType = init.authType;
    this.regionName = init.regionName;
    this.interface = init.interface;
    this.identityApiVersion = init.identityApiVersion;
    this.settings = { ...init.settings };
    this.#auth = { ...init.auth };
  }

  /**
   * The auth options, snake_case, secrets included: pass them to `loadPlugin`.
   *
   * @returns a copy of the `auth` section, secrets in the clear.
   */
  authOptions(): Record<string, string> {
    return { ...this.#auth };
  }

  /**
   * The config with every secret auth value shown as `***`.
   *
   * @returns every field; in `auth`, values under a secret-looking key or any
   * key containing "key" (but `auth_url`) as `***`.
   */
  toJSON(): Record<string, unknown> {
    const auth: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.#auth)) {
      // Any `*key*` too: clouds.yaml auth sections may carry key material under odd names.
      const secret = isSecretKey(key) || /key/i.test(key);
      auth[key] = secret && key !== "auth_url" ? "***" : value;
    }
    return {
      name: this.name,
      source: this.source,
      authType: this.authType,
      regionName: this.regionName,
      interface: this.interface,
      identityApiVersion: this.identityApiVersion,
      settings: this.settings,
      auth,
    };
  }

  /**
   * Inspect shows the redacted JSON form.
   *
   * @returns `CloudConfig` and the `toJSON()` fields.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return `CloudConfig ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * The same for Node's and Bun's `util.inspect`.
   *
   * @returns `CloudConfig` and the `toJSON()` fields.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `CloudConfig ${JSON.stringify(this.toJSON())}`;
  }
}

/** The search path of one file name, in openstacksdk's order. */
function candidates(
  fileName: "clouds" | "secure",
  env: Record<string, string | undefined>,
  cwd: string,
): string[] {
  const override = fileName === "clouds" ? env.OS_CLIENT_CONFIG_FILE : env.OS_CLIENT_SECURE_FILE;
  const dirs = [cwd];
  const home = env.HOME;
  if (env.XDG_CONFIG_HOME) dirs.push(`${env.XDG_CONFIG_HOME}/openstack`);
  else if (home) dirs.push(`${home}/.config/openstack`);
  dirs.push("/etc/openstack");
  const paths = override ? [override] : [];
  for (const dir of dirs) {
    for (const ext of ["yaml", "yml", "json"]) paths.push(`${dir}/${fileName}.${ext}`);
  }
  return paths;
}

/** The first file of the list that exists, parsed; undefined when none does. */
function readFirst(
  paths: string[],
  deniedPaths: string[],
): { path: string; data: Record<string, unknown> } | undefined {
  for (const path of paths) {
    // A path Deno was not allowed to read is skipped, not prompted for: a
    // script given `--allow-read=./clouds.yaml` reads that file only.
    if (!isGranted({ name: "read", path })) {
      deniedPaths.push(path);
      continue;
    }
    let text: string;
    try {
      text = readTextFileSync(path);
    } catch (e) {
      if (isNotFound(e) || isADirectory(e)) continue;
      if (e instanceof PermissionRequired) throw e;
      throw new AuthorizationFailure(`Cannot read ${path}: ${(e as Error).message}`, { cause: e });
    }
    let data: unknown;
    try {
      data = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      // JSON.parse's message quotes the offending text, and it may hold a
      // password: only the error's name is kept. A YamlError carries no text
      // of the file: its fixed reason and position are kept.
      if (e instanceof YamlError) {
        throw new AuthorizationFailure(
          `${path} is not valid YAML (${e.name} at line ${e.line}, column ${e.column}): ${e.reason}`,
        );
      }
      throw new AuthorizationFailure(
        `${path} is not valid ${path.endsWith(".json") ? "JSON" : "YAML"} (${
          (e as Error).name ?? "parse error"
        })`,
      );
    }
    return { path, data: isRecord(data) ? data : {} };
  }
  return undefined;
}

function regionOf(entry: Record<string, unknown>): string | undefined {
  const own = asString(entry.region_name);
  if (own) return own;
  const regions = entry.regions;
  if (!Array.isArray(regions) || regions.length === 0) return undefined;
  const first = regions[0];
  return asString(first) ?? (isRecord(first) ? asString(first.name) : undefined);
}

/** TLS settings of the environment, named as in clouds.yaml. */
function envSettings(env: Record<string, string | undefined>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (env.OS_CACERT) settings.cacert = env.OS_CACERT;
  if (env.OS_CERT) settings.cert = env.OS_CERT;
  if (env.OS_KEY) settings.key = env.OS_KEY;
  if (env.OS_INSECURE && /^(1|true|yes)$/i.test(env.OS_INSECURE)) settings.verify = false;
  return settings;
}

function fromEnvironment(env: Record<string, string | undefined>): CloudConfig {
  const auth: Record<string, string> = {};
  for (const key of AUTH_KEYS) {
    const value = env[`OS_${key.toUpperCase()}`];
    if (value) auth[key] = value;
  }
  return new CloudConfig({
    source: "environment",
    authType: env.OS_AUTH_TYPE || env.OS_AUTH_SYSTEM || "password",
    auth,
    regionName: env.OS_REGION_NAME || undefined,
    interface: env.OS_INTERFACE || env.OS_ENDPOINT_TYPE || undefined,
    identityApiVersion: env.OS_IDENTITY_API_VERSION || undefined,
    settings: envSettings(env),
  });
}

function fromFiles(
  cloud: string,
  env: Record<string, string | undefined>,
  cwd: string,
  deniedEnv: ReadonlySet<string>,
): CloudConfig {
  const searched = candidates("clouds", env, cwd);
  const deniedPaths: string[] = [];
  const clouds = readFirst(searched, deniedPaths);
  if (!clouds) {
    const flags = [
      ...["OS_CLIENT_CONFIG_FILE", "XDG_CONFIG_HOME", "HOME"].filter((n) => deniedEnv.has(n))
        .map((variable) => flagFor({ name: "env", variable })),
      ...deniedPaths.filter((p) => /\.ya?ml$/.test(p)).map((path) =>
        flagFor({ name: "read", path })
      ),
    ];
    if (flags.length) {
      throw new PermissionRequired(
        `find clouds.yaml for cloud '${cloud}'`,
        flags.join(" "),
      );
    }
    throw new AuthorizationFailure(
      `Cloud '${cloud}' was asked for but no clouds.yaml was found (searched ${
        searched.filter((p) => p.endsWith(".yaml")).join(", ")
      })`,
    );
  }
  const secure = readFirst(candidates("secure", env, cwd), []);
  const all = isRecord(clouds.data.clouds) ? clouds.data.clouds : {};
  const base = all[cloud];
  if (!isRecord(base)) {
    const names = Object.keys(all);
    throw new AuthorizationFailure(
      `Cloud '${cloud}' not found in ${clouds.path} (clouds there: ${
        names.length ? names.join(", ") : "none"
      })`,
    );
  }
  const secureClouds = secure && isRecord(secure.data.clouds) ? secure.data.clouds : {};
  const extra = secureClouds[cloud];
  const entry = isRecord(extra) ? deepMerge(base, extra) : base;
  const auth: Record<string, string> = {};
  if (isRecord(entry.auth)) {
    for (const [key, value] of Object.entries(entry.auth)) {
      const text = asString(value);
      if (text !== undefined) auth[key] = text;
    }
  }
  const settings: Record<string, unknown> = { ...entry };
  delete settings.auth;
  return new CloudConfig({
    name: cloud,
    source: isRecord(extra) ? `${clouds.path} + ${secure?.path}` : clouds.path,
    authType: asString(entry.auth_type) ?? "password",
    auth,
    // As with the openstack CLI, OS_REGION_NAME / OS_INTERFACE win over the file.
    regionName: env.OS_REGION_NAME || regionOf(entry),
    interface: env.OS_INTERFACE || (asString(entry.interface) ?? asString(entry.endpoint_type)),
    identityApiVersion: asString(entry.identity_api_version),
    settings,
  });
}

/**
 * One cloud's configuration: from `clouds.yaml` (merged with `secure.yaml`)
 * when `cloud` or `OS_CLOUD` names one, else from the `OS_*` variables.
 * Files are searched as openstacksdk does: `OS_CLIENT_CONFIG_FILE`, then
 * `./`, `$XDG_CONFIG_HOME/openstack/` (default `~/.config/openstack/`),
 * `/etc/openstack/`; the first `clouds.yaml` (or `.yml`, `.json`) found is
 * used, and the first `secure.yaml` (or `OS_CLIENT_SECURE_FILE`) found is
 * merged over it. `openCloud` uses `regionName` and `interface` from here.
 *
 * @throws {AuthorizationFailure} no clouds.yaml, no such cloud, a file that
 *   cannot be read or is not YAML (the message never quotes the file).
 * @throws {PermissionRequired} on Deno, no clouds.yaml could be looked for
 *   because a variable (`HOME`...) or a path was not allowed: the message
 *   names the `--allow-env` / `--allow-read` flags to add. Variables that
 *   are not allowed read as unset; {@linkcode loadPluginFromCloudConfig}
 *   names them when a needed option is missing.
 *
 * @param options the cloud name (default `OS_CLOUD`), the env to read, the directory searched first.
 * @returns the cloud's configuration, `OS_*` variables applied over it.
 *
 * @example From a clouds.yaml entry
 * ```ts
 * import { loadCloudConfig } from "@nimbus/apiclient/auth";
 * try {
 *   const config = loadCloudConfig({ cloud: "lab" });
 *   console.log(config.regionName, config.interface);
 * } catch (e) {
 *   console.assert(e instanceof Error); // no clouds.yaml here, or no cloud "lab" in it
 * }
 * ```
 */
export function loadCloudConfig(options: LoadCloudConfigOptions = {}): CloudConfig {
  const view = options.env ? { values: options.env, denied: new Set<string>() } : environment();
  const env = view.values;
  const cloud = options.cloud ?? (env.OS_CLOUD || undefined);
  const config = cloud === undefined
    ? fromEnvironment(env)
    : fromFiles(cloud, env, options.cwd ?? currentDir(), view.denied);
  if (view.denied.size) noteDeniedEnv(config, view.denied);
  return config;
}

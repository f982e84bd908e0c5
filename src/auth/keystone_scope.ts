/**
 * Keystone v3 scope options and the `scope` part of the login body.
 *
 * @module
 */
import { AuthorizationFailure } from "../errors/client_exception.ts";
import { requireOptions } from "./require_options.ts";

/**
 * What a v3 token is scoped to: one project, one domain, the system, or
 * nothing (an unscoped token, which has no catalog). Ids win over names.
 */
export interface KeystoneScopeOptions {
  /** The project id. */
  projectId?: string;
  /** The project name; needs `projectDomainName` or `projectDomainId`. */
  projectName?: string;
  /** The domain name of the project named by `projectName`. */
  projectDomainName?: string;
  /** The domain id of the project named by `projectName`. */
  projectDomainId?: string;
  /** Domain scope: the domain id. */
  domainId?: string;
  /** Domain scope: the domain name. */
  domainName?: string;
  /** System scope: only "all" exists. */
  systemScope?: string;
}

/** The scope part of a v3 auth body, as Keystone reads it. */
export type KeystoneScopeBody =
  | { project: { id: string } }
  | { project: { name: string; domain: { id: string } | { name: string } } }
  | { domain: { id: string } | { name: string } }
  | { system: { all: true } };

/** Only the scope fields of some options, so a plugin keeps no extra keys. */
export function pickScope(options: KeystoneScopeOptions): KeystoneScopeOptions {
  const scope: KeystoneScopeOptions = {};
  const keys = [
    "projectId",
    "projectName",
    "projectDomainName",
    "projectDomainId",
    "domainId",
    "domainName",
    "systemScope",
  ] as const;
  for (const key of keys) {
    const value = options[key];
    if (typeof value === "string" && value !== "") scope[key] = value;
  }
  return scope;
}

/**
 * Checks the scope options: at most one target, a project name comes with
 * its domain, the system scope is "all".
 *
 * @throws {AuthorizationFailure} several targets, or an unknown system scope.
 * @throws {AuthPluginOptionsMissing} a project name without its domain.
 */
export function validateScope(scope: KeystoneScopeOptions): void {
  const targets = [
    scope.projectId || scope.projectName ? "project" : "",
    scope.domainId || scope.domainName ? "domain" : "",
    scope.systemScope ? "system" : "",
  ].filter((t) => t !== "");
  if (targets.length > 1) {
    throw new AuthorizationFailure(
      `Authentication cannot be scoped to several targets (${targets.join(", ")}); ` +
        "give only one of project, domain or system",
    );
  }
  if (scope.systemScope && scope.systemScope !== "all") {
    throw new AuthorizationFailure(
      `Unknown system scope '${scope.systemScope}'; only "all" exists`,
    );
  }
  if (!scope.projectId && scope.projectName) {
    requireOptions(scope as Record<string, unknown>, [["projectDomainName", "projectDomainId"]]);
  }
}

/**
 * The `scope` part of the body, or `undefined` for an unscoped token.
 *
 * @example
 * ```ts
 * import { buildScope } from "./keystone_scope.ts";
 * console.log(JSON.stringify(buildScope({ projectName: "demo", projectDomainId: "default" })));
 * // {"project":{"name":"demo","domain":{"id":"default"}}}
 * ```
 */
export function buildScope(scope: KeystoneScopeOptions): KeystoneScopeBody | undefined {
  validateScope(scope);
  if (scope.projectId) return { project: { id: scope.projectId } };
  if (scope.projectName) {
    const domain = scope.projectDomainId
      ? { id: scope.projectDomainId }
      : { name: scope.projectDomainName ?? "" };
    return { project: { name: scope.projectName, domain } };
  }
  if (scope.domainId) return { domain: { id: scope.domainId } };
  if (scope.domainName) return { domain: { name: scope.domainName } };
  if (scope.systemScope) return { system: { all: true } };
  return undefined;
}

/** The scope in words, for error messages: "project 'demo' (domain 'Default')". */
export function describeScope(scope: KeystoneScopeOptions): string {
  if (scope.projectId) return `project id '${scope.projectId}'`;
  if (scope.projectName) {
    const domain = scope.projectDomainId
      ? `domain id '${scope.projectDomainId}'`
      : `domain '${scope.projectDomainName}'`;
    return `project '${scope.projectName}' (${domain})`;
  }
  if (scope.domainId) return `domain id '${scope.domainId}'`;
  if (scope.domainName) return `domain '${scope.domainName}'`;
  if (scope.systemScope) return `system scope '${scope.systemScope}'`;
  return "no scope (unscoped token)";
}

/** The scope as cache-key fields (never a secret). */
export function scopeKey(scope: KeystoneScopeOptions): Record<string, string> {
  const key: Record<string, string> = {};
  for (const [name, value] of Object.entries(pickScope(scope))) {
    if (typeof value === "string") key[name] = value;
  }
  return key;
}

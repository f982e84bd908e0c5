/**
 * The fake cloud's in-memory state: identity records, tokens and the
 * resources of every service.
 *
 * @module
 */

/** A JSON object as the services store and return it. */
export type JsonObject = Record<string, unknown>;

/** A Placement consumer: its owner and what it holds on each provider. */
export interface PlacementConsumer {
  /** The owning project. */
  projectId: string;
  /** The owning user. */
  userId: string;
  /** Bumped on every change of its allocations. */
  generation: number;
  /** Resources by provider uuid, then resource class. */
  resources: Record<string, Record<string, number>>;
}

/** What a token is scoped to. */
export type TokenScope =
  | { kind: "project"; projectId: string }
  | { kind: "domain"; domainId: string }
  | { kind: "system" }
  | { kind: "unscoped" };

/** An issued token. The raw id lives only here, never in the request log. */
export interface TokenRecord {
  /** The raw token. */
  id: string;
  /** The user it was issued to. */
  userId: string;
  /** The auth methods used. */
  methods: string[];
  /** The scope. */
  scope: TokenScope;
  /** Role ids effective on the scope. */
  roleIds: string[];
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms. */
  expiresAt: number;
  /** The audit id keystone would show. */
  auditId: string;
  /** The application credential used, if any. */
  appCredId?: string;
}

/** A role assignment: a user's or a group's role on a project, a domain or the system. */
export interface Assignment {
  /** The role id. */
  roleId: string;
  /** The user id, for user assignments. */
  userId?: string;
  /** The group id, for group assignments. */
  groupId?: string;
  /** The project, for project assignments. */
  projectId?: string;
  /** The domain, for domain assignments. */
  domainId?: string;
  /** Set for system assignments. */
  system?: boolean;
}

/** An application credential with its hashed secret. */
export interface AppCredRecord {
  /** The public fields, as keystone shows them. */
  data: JsonObject;
  /** SHA-256 hex of the secret. */
  secretHash: string;
}

/** Keystone-style ids: 32 hex characters. */
export function hexId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** SHA-256 hex of a text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** ISO time without milliseconds, as most OpenStack services print it. */
export function isoSeconds(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Everything the fake cloud holds. */
export class CloudState {
  /** The server origin, e.g. `http://127.0.0.1:40123`. */
  origin = "";
  /** Regions, the first being the default. */
  regions: string[] = ["RegionOne"];
  /** Token lifetime in ms. */
  tokenTtlMs = 3_600_000;
  /** How long servers, instances and backups stay in BUILD/NEW. */
  buildTimeMs = 0;
  /** Token POSTs answered (v3 and v2.0, successful or not). */
  authCount = 0;

  /** Tokens by raw id. */
  tokens: Map<string, TokenRecord> = new Map();
  /** Identity records by id. */
  domains: Map<string, JsonObject> = new Map();
  /** Projects by id. */
  projects: Map<string, JsonObject> = new Map();
  /** Users by id. */
  users: Map<string, JsonObject> = new Map();
  /** Passwords by user id (kept apart so user records never show them). */
  passwords: Map<string, string> = new Map();
  /** Roles by id. */
  roles: Map<string, JsonObject> = new Map();
  /** Regions by id. */
  regionRecords: Map<string, JsonObject> = new Map();
  /** Catalog services by id. */
  services: Map<string, JsonObject> = new Map();
  /** Endpoints by id; `url` may hold `$(project_id)s`. */
  endpoints: Map<string, JsonObject> = new Map();
  /** Groups by id. */
  groups: Map<string, JsonObject> = new Map();
  /** Group members: group id → user ids. */
  groupMembers: Map<string, Set<string>> = new Map();
  /** Application credentials by id. */
  appCreds: Map<string, AppCredRecord> = new Map();
  /** Role assignments. */
  assignments: Assignment[] = [];

  /** Nova servers by id. */
  servers: Map<string, JsonObject> = new Map();
  /** Nova flavors by id. */
  flavors: Map<string, JsonObject> = new Map();
  /** Nova keypairs by `<user id>/<name>`. */
  keypairs: Map<string, JsonObject> = new Map();
  /** Glance images by id. */
  images: Map<string, JsonObject> = new Map();
  /** Glance image data by id. */
  imageData: Map<string, Uint8Array> = new Map();
  /** Generated image data by id (image_generated.ts): streamed, never stored. */
  imageSources: Map<string, () => ReadableStream<Uint8Array>> = new Map();
  /** Placement providers by uuid. */
  providers: Map<string, JsonObject> = new Map();
  /** Placement inventories by provider uuid, then resource class. */
  inventories: Map<string, Record<string, JsonObject>> = new Map();
  /** Placement allocations by consumer uuid. */
  allocations: Map<string, PlacementConsumer> = new Map();
  /** Placement aggregates by provider uuid. */
  aggregates: Map<string, string[]> = new Map();
  /** Placement traits by provider uuid. */
  providerTraits: Map<string, string[]> = new Map();
  /** Custom traits (`CUSTOM_*`) created through the API. */
  customTraits: Set<string> = new Set();
  /** Custom resource classes (`CUSTOM_*`) created through the API. */
  customResourceClasses: Set<string> = new Set();
  /** Trove instances by id. */
  instances: Map<string, JsonObject> = new Map();
  /** Trove datastores by id. */
  datastores: Map<string, JsonObject> = new Map();
  /** Trove backups by id. */
  backups: Map<string, JsonObject> = new Map();
  /** Trove configurations by id. */
  configurations: Map<string, JsonObject> = new Map();
  /** Trove databases by instance id, then name. */
  databases: Map<string, Map<string, JsonObject>> = new Map();
  /** Trove users by instance id, then name. */
  dbUsers: Map<string, Map<string, JsonObject>> = new Map();

  /** Neutron resources by kind ("network", "port"…), then id (network.ts). */
  neutron: Map<string, Map<string, JsonObject>> = new Map();
  /** Cinder resources by kind ("volume", "snapshot"…), then id (block_storage.ts). */
  cinder: Map<string, Map<string, JsonObject>> = new Map();
  /** Nova resources beyond servers/flavors/keypairs, by kind, then id (compute_actions.ts). */
  novaExtra: Map<string, Map<string, JsonObject>> = new Map();

  /** A valid (known, unexpired) token, else undefined. */
  validToken(raw: string | null): TokenRecord | undefined {
    if (!raw) return undefined;
    const token = this.tokens.get(raw);
    if (!token) return undefined;
    if (token.expiresAt <= Date.now()) return undefined;
    if (!this.users.get(token.userId)?.enabled) return undefined;
    return token;
  }

  /** The role names of a token. */
  roleNames(token: TokenRecord): string[] {
    return token.roleIds.map((id) => String(this.roles.get(id)?.name ?? id));
  }

  /** Whether a token carries the admin role. */
  isAdmin(token: TokenRecord): boolean {
    return this.roleNames(token).includes("admin");
  }

  /** The project id of a token, or undefined when not project-scoped. */
  projectOf(token: TokenRecord): string | undefined {
    return token.scope.kind === "project" ? token.scope.projectId : undefined;
  }

  /** The assignments that apply to a user: its own and its groups'. */
  effectiveAssignments(userId: string): Assignment[] {
    return this.assignments.filter((a) =>
      a.userId === userId ||
      (a.groupId !== undefined && (this.groupMembers.get(a.groupId)?.has(userId) ?? false))
    );
  }

  /** Role ids a user holds on a target, directly or through its groups. */
  rolesOn(
    userId: string,
    target: { projectId?: string; domainId?: string; system?: boolean },
  ): string[] {
    const ids = this.effectiveAssignments(userId).filter((a) =>
      target.projectId !== undefined
        ? a.projectId === target.projectId
        : target.domainId !== undefined
        ? a.domainId === target.domainId && a.projectId === undefined
        : target.system === true && a.system === true
    ).map((a) => a.roleId);
    return [...new Set(ids)];
  }

  /** Whether a BUILD period that started at `createdMs` is over. */
  built(createdMs: number): boolean {
    return Date.now() >= createdMs + this.buildTimeMs;
  }
}

/**
 * `IdentityClient`: Keystone v3 (service type "identity").
 *
 * @module
 */
import type { BaseClient, Extension } from "../../http/base_client.ts";
import { ServiceClient } from "./service_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { ValidationError } from "../../errors/client_exception.ts";
import { type ListQuery, type Manager, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import type {
  ApplicationCredential,
  ApplicationCredentialCreate,
  CatalogService,
  CatalogServiceCreate,
  Domain,
  DomainCreate,
  Endpoint,
  EndpointCreate,
  Group,
  GroupCreate,
  Project,
  ProjectCreate,
  Region,
  RegionCreate,
  Role,
  RoleAssignment,
  RoleCreate,
  RoleGrant,
  User,
  UserCreate,
} from "./identity_types.ts";

/** Role assignments: list them, grant and revoke roles. */
export interface RoleAssignments {
  /** Iterates `GET /role_assignments` (filters such as `user.id`, `scope.project.id`, `include_names`). */
  list(query?: Record<string, string>): AsyncIterableIterator<RoleAssignment>;
  /** Grants a role to a user or group on a project, a domain or the system. */
  grant(assignment: RoleGrant): Promise<void>;
  /** Revokes a role granted with the same arguments. */
  revoke(assignment: RoleGrant): Promise<void>;
}

/**
 * The grant path of an assignment, checking it names one actor and one target.
 *
 * @throws {ValidationError} no role, or not exactly one actor and one target.
 *
 * @example Build a project grant path
 * ```ts
 * import { grantPath } from "./identity_client.ts";
 * console.assert(String(grantPath({ role: "r1", user: "u1", project: "p1" })) === "/projects/p1/users/u1/roles/r1");
 * ```
 */
export function grantPath(a: RoleGrant): string {
  const actors = [a.user !== undefined, a.group !== undefined].filter(Boolean).length;
  const targets = [a.project !== undefined, a.domain !== undefined, a.system !== undefined]
    .filter(Boolean).length;
  if (!a.role) throw new ValidationError("A role assignment needs a role");
  if (actors !== 1) {
    throw new ValidationError("A role assignment needs exactly one of user or group");
  }
  if (targets !== 1) {
    throw new ValidationError("A role assignment needs exactly one of project, domain or system");
  }
  const actor = a.user !== undefined
    ? `users/${pathSegment(a.user)}`
    : `groups/${pathSegment(a.group ?? "")}`;
  const target = a.project !== undefined
    ? `/projects/${pathSegment(a.project)}`
    : a.domain !== undefined
    ? `/domains/${pathSegment(a.domain)}`
    : `/system`;
  return `${target}/${actor}/roles/${pathSegment(a.role)}`;
}

function keystoneManager<T, C>(
  client: BaseClient,
  resourceName: string,
  path: string,
  singular: string,
  plural: string,
): Manager<T, C> {
  return new ResourceManager<T, C>(client, {
    resourceName,
    path,
    singular,
    plural,
    paging: "keystone",
    update: "PATCH",
    // Keystone does not page these lists and ignores `limit`: it is not sent.
    dropQuery: ["limit", "marker"],
  });
}

/**
 * The Keystone v3 API. The catalog's identity endpoint may include the
 * version (`…/v3`, as most clouds publish it) or not (`…/identity`, as
 * devstack does: the version is then found in Keystone's root document).
 * Lists come whole: Keystone ignores `limit`, so it is not sent.
 *
 * @example Find a project and grant a role on it
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const identity = cloud.identity;
 * const demo = await identity.projects.find({ name: "demo" });
 * const member = await identity.roles.find({ name: "member" });
 * const user = await identity.users.create({ name: "alice", password: "correct horse" });
 * await identity.roleAssignments.grant({ role: member.id, user: user.id, project: demo.id });
 * ```
 */
export class IdentityClient extends ServiceClient {
  /** "identity". */
  static override serviceType: string = "identity";
  /** Paths are relative to v3: an unversioned endpoint is resolved through discovery. */
  static override apiVersion: string = "v3";
  /** Projects. */
  readonly projects: Manager<Project, ProjectCreate>;
  /** Users. */
  readonly users: Manager<User, UserCreate>;
  /** Groups; grant roles to a group with `roleAssignments.grant({ group, … })`. */
  readonly groups: Manager<Group, GroupCreate>;
  /** Domains (disable before delete). */
  readonly domains: Manager<Domain, DomainCreate>;
  /** Roles. */
  readonly roles: Manager<Role, RoleCreate>;
  /** Regions. */
  readonly regions: Manager<Region, RegionCreate>;
  /** Catalog services. */
  readonly services: Manager<CatalogService, CatalogServiceCreate>;
  /** Catalog endpoints. */
  readonly endpoints: Manager<Endpoint, EndpointCreate>;
  /** Role assignments, grants and revocations. */
  readonly roleAssignments: RoleAssignments;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(http: HTTPClient, extensions?: Extension[]) {
    super(http, extensions);
    this.projects = keystoneManager(this, "Project", "/projects", "project", "projects");
    this.users = keystoneManager(this, "User", "/users", "user", "users");
    this.groups = keystoneManager(this, "Group", "/groups", "group", "groups");
    this.domains = keystoneManager(this, "Domain", "/domains", "domain", "domains");
    this.roles = keystoneManager(this, "Role", "/roles", "role", "roles");
    this.regions = keystoneManager(this, "Region", "/regions", "region", "regions");
    this.services = keystoneManager(this, "Service", "/services", "service", "services");
    this.endpoints = keystoneManager(this, "Endpoint", "/endpoints", "endpoint", "endpoints");
    const assignments = new ResourceManager<RoleAssignment>(this, {
      resourceName: "RoleAssignment",
      path: "/role_assignments",
      plural: "role_assignments",
      paging: "keystone",
      update: "PATCH",
    });
    this.roleAssignments = {
      list: (query?: Record<string, string>) => assignments.list(query as ListQuery | undefined),
      grant: async (a: RoleGrant) => {
        const response = await this.put(grantPath(a));
        await response.body?.cancel();
      },
      revoke: async (a: RoleGrant) => {
        const response = await this.delete(grantPath(a));
        await response.body?.cancel();
      },
    };
  }

  /**
   * Adds a user to a group (`PUT /groups/{g}/users/{u}`).
   *
   * @param groupId the group.
   * @param userId the user to add.
   * @returns a promise that resolves once Keystone has added the user.
   * @throws {ValidationError} for an id of "", "." or "..".
   * @throws {HttpError} for a status ≥ 400 (`NotFound` for an unknown group or user).
   */
  async addUserToGroup(groupId: string, userId: string): Promise<void> {
    const response = await this.put(`/groups/${pathSegment(groupId)}/users/${pathSegment(userId)}`);
    await response.body?.cancel();
  }

  /**
   * Removes a user from a group; `NotFound` when it was not a member.
   *
   * @param groupId the group.
   * @param userId the user to remove.
   * @returns a promise that resolves once Keystone has removed the user.
   * @throws {ValidationError} for an id of "", "." or "..".
   * @throws {NotFound} when the user was not a member, or the group or user is unknown.
   */
  async removeUserFromGroup(groupId: string, userId: string): Promise<void> {
    const response = await this.delete(
      `/groups/${pathSegment(groupId)}/users/${pathSegment(userId)}`,
    );
    await response.body?.cancel();
  }

  /**
   * A user's application credentials; `create()` returns the secret, once.
   *
   * @param userId the owner of the credentials.
   * @returns the manager of that user's application credentials; `create` returns the secret once.
   */
  applicationCredentials(
    userId: string,
  ): Manager<ApplicationCredential, ApplicationCredentialCreate> {
    return keystoneManager(
      this,
      "ApplicationCredential",
      `/users/${pathSegment(userId)}/application_credentials`,
      "application_credential",
      "application_credentials",
    );
  }
}

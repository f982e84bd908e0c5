/**
 * Keystone v3 resources, with the API's own field names.
 *
 * @module
 */

/** A project. */
export interface Project {
  /** The id. */
  id: string;
  /** The name, unique in its domain. */
  name: string;
  /** The owning domain. */
  domain_id: string;
  /** Free text. */
  description?: string | null;
  /** Whether tokens can be scoped to it. */
  enabled: boolean;
  /** The parent project or domain. */
  parent_id?: string | null;
  /** Whether the project acts as a domain. */
  is_domain?: boolean;
  /** Tags. */
  tags?: string[];
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `projects.create()`. */
export interface ProjectCreate {
  /** The name. */
  name: string;
  /** The domain (default: the token's). */
  domain_id?: string;
  /** Free text. */
  description?: string;
  /** Default true. */
  enabled?: boolean;
  /** The parent project. */
  parent_id?: string;
  /** Tags. */
  tags?: string[];
  /** Other fields. */
  [key: string]: unknown;
}

/** A user (never holds the password). */
export interface User {
  /** The id. */
  id: string;
  /** The name, unique in its domain. */
  name: string;
  /** The owning domain. */
  domain_id: string;
  /** Whether the user can log in. */
  enabled: boolean;
  /** The project used when a login names none. */
  default_project_id?: string | null;
  /** When the password expires, or null. */
  password_expires_at?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `users.create()`. */
export interface UserCreate {
  /** The name. */
  name: string;
  /** The password (sent once, never returned). */
  password?: string;
  /** The domain. */
  domain_id?: string;
  /** Default project. */
  default_project_id?: string;
  /** Default true. */
  enabled?: boolean;
  /** Other fields. */
  [key: string]: unknown;
}

/** A group of users. */
export interface Group {
  /** The id. */
  id: string;
  /** The name, unique in its domain. */
  name: string;
  /** The owning domain. */
  domain_id: string;
  /** Free text. */
  description?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `groups.create()`. */
export interface GroupCreate {
  /** The name. */
  name: string;
  /** The domain. */
  domain_id?: string;
  /** Free text. */
  description?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A domain. */
export interface Domain {
  /** The id ("default" for the Default domain). */
  id: string;
  /** The name. */
  name: string;
  /** Free text. */
  description?: string | null;
  /** A domain must be disabled before it can be deleted. */
  enabled: boolean;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `domains.create()`. */
export interface DomainCreate {
  /** The name. */
  name: string;
  /** Free text. */
  description?: string;
  /** Default true. */
  enabled?: boolean;
  /** Other fields. */
  [key: string]: unknown;
}

/** A role. */
export interface Role {
  /** The id. */
  id: string;
  /** The name. */
  name: string;
  /** The domain of a domain-specific role, else null. */
  domain_id?: string | null;
  /** Free text. */
  description?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `roles.create()`. */
export interface RoleCreate {
  /** The name. */
  name: string;
  /** For a domain-specific role. */
  domain_id?: string;
  /** Free text. */
  description?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A region. */
export interface Region {
  /** The id, which is also its name. */
  id: string;
  /** Free text. */
  description?: string | null;
  /** The parent region. */
  parent_region_id?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `regions.create()`. */
export interface RegionCreate {
  /** The id (generated when absent). */
  id?: string;
  /** Free text. */
  description?: string;
  /** The parent region. */
  parent_region_id?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** A service in the catalog. */
export interface CatalogService {
  /** The id. */
  id: string;
  /** The service type, e.g. "compute". */
  type: string;
  /** The name, e.g. "nova". */
  name?: string;
  /** Whether it is shown in catalogs. */
  enabled: boolean;
  /** Free text. */
  description?: string | null;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `services.create()`. */
export interface CatalogServiceCreate {
  /** The service type. */
  type: string;
  /** The name. */
  name?: string;
  /** Default true. */
  enabled?: boolean;
  /** Free text. */
  description?: string;
  /** Other fields. */
  [key: string]: unknown;
}

/** An endpoint of a catalog service. */
export interface Endpoint {
  /** The id. */
  id: string;
  /** The service it belongs to. */
  service_id: string;
  /** "public", "internal" or "admin". */
  interface: string;
  /** The region. */
  region_id?: string | null;
  /** The URL. */
  url: string;
  /** Whether it is shown in catalogs. */
  enabled: boolean;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `endpoints.create()`. */
export interface EndpointCreate {
  /** The service. */
  service_id: string;
  /** "public", "internal" or "admin". */
  interface: string;
  /** The URL. */
  url: string;
  /** The region. */
  region_id?: string;
  /** Default true. */
  enabled?: boolean;
  /** Other fields. */
  [key: string]: unknown;
}

/** An application credential. `secret` is only present in the reply of `create()`. */
export interface ApplicationCredential {
  /** The id. */
  id: string;
  /** The name, unique for its user. */
  name: string;
  /** The owner. */
  user_id?: string;
  /** The project it is scoped to. */
  project_id: string;
  /** Free text. */
  description?: string | null;
  /** When it stops working, or null. */
  expires_at?: string | null;
  /** Whether it may create other credentials. */
  unrestricted?: boolean;
  /** The roles it carries. */
  roles?: { id: string; name?: string; domain_id?: string | null }[];
  /** The secret, returned once by `create()`. */
  secret?: string;
  /** Other fields. */
  [key: string]: unknown;
}
/** The body of `applicationCredentials(userId).create()`. */
export interface ApplicationCredentialCreate {
  /** The name. */
  name: string;
  /** Free text. */
  description?: string;
  /** A chosen secret (generated when absent). */
  secret?: string;
  /** ISO time when it stops working. */
  expires_at?: string;
  /** A subset of the token's roles (default all). */
  roles?: ({ id: string } | { name: string })[];
  /** Whether it may create other credentials. */
  unrestricted?: boolean;
  /** Other fields. */
  [key: string]: unknown;
}

/** One role assignment. */
export interface RoleAssignment {
  /** The role. */
  role: { id: string; name?: string };
  /** The user, for user assignments. */
  user?: { id: string; name?: string };
  /** The group, for group assignments. */
  group?: { id: string; name?: string };
  /** Where the role applies. */
  scope: {
    project?: { id: string; name?: string };
    domain?: { id: string; name?: string };
    system?: { all: boolean };
  };
  /** Other fields. */
  [key: string]: unknown;
}

/** What `roleAssignments.grant()`/`revoke()` take: a role, one actor and one target. */
export interface RoleGrant {
  /** The role id. */
  role: string;
  /** The user id (or `group`). */
  user?: string;
  /** The group id (or `user`). */
  group?: string;
  /** The project id (or `domain` / `system`). */
  project?: string;
  /** The domain id. */
  domain?: string;
  /** The whole system. */
  system?: "all";
}

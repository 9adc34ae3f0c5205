/**
 * The role vocabulary: the organization and workspace roles, their order, per-device grant
 * levels, and how an org role makes someone an admin of every workspace. What each role may do
 * is the action matrix in the auth floor (`#auth/policy.ts`); this module says only what roles are.
 */
export const ORG_ROLES = ['owner', 'admin', 'editor', 'member'] as const;
export const WORKSPACE_ROLES = ['admin', 'editor', 'viewer'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
/** The org roles a member can be given or changed to: ownership only passes by transfer. */
export const ASSIGNABLE_ORG_ROLES = ['admin', 'editor', 'member'] as const satisfies readonly Exclude<OrgRole, 'owner'>[];
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Per-device grant levels, for users who hold no role in the device's workspace. */
export const GRANT_LEVELS = ['read', 'write'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

/** Org owners and admins act as `admin` in every workspace of their org. */
export const IMPLICIT_WORKSPACE_ADMIN_ROLES: readonly OrgRole[] = ['owner', 'admin'];

/** Rank of roles, highest first, for "grant at most your own role" rules. */
export const orgRoleRank = (role: OrgRole): number => ORG_ROLES.length - ORG_ROLES.indexOf(role);
export const workspaceRoleRank = (role: WorkspaceRole): number => WORKSPACE_ROLES.length - WORKSPACE_ROLES.indexOf(role);

/** Org owners and admins are admins of every workspace of the org without a workspace item. */
export function isImplicitWorkspaceAdmin(orgRole: OrgRole | undefined): boolean {
  return orgRole !== undefined && IMPLICIT_WORKSPACE_ADMIN_ROLES.includes(orgRole);
}

/**
 * The role a user effectively holds in a workspace: `admin` through org owner/admin,
 * else their explicit workspace role, else none.
 */
export function effectiveWorkspaceRole(orgRole: OrgRole | undefined, explicitRole: WorkspaceRole | undefined): WorkspaceRole | undefined {
  return isImplicitWorkspaceAdmin(orgRole) ? 'admin' : explicitRole;
}

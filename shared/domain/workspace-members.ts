/**
 * Rules about who is a member of a workspace and who may grant, change or take away a
 * workspace role. Plain functions, no AWS: the service reads, these decide, the repository writes.
 */
import {
  IMPLICIT_WORKSPACE_ADMIN_ROLES,
  workspaceRoleAllows,
  workspaceRoleRank,
  type OrgRole,
  type WorkspaceRole,
} from '#auth/policy.js';
import { ConflictError, ForbiddenError, NotFoundError } from '#kernel/errors.js';
import type { OrgMembership, WorkspaceMembership } from '#domain/model.js';

/** One line of a workspace's member list. */
export interface WorkspaceMemberEntry {
  /** Who: names, email and organization role (from their org membership or their profile). */
  member: Pick<OrgMembership, 'userId' | 'email' | 'givenName' | 'familyName' | 'role'>;
  workspaceRole: WorkspaceRole;
  /** Admin through org owner/admin, not through a workspace item. */
  implicit: boolean;
}

/** Org owners and admins are admins of every workspace of the org without a workspace item. */
export function isImplicitWorkspaceAdmin(orgRole: OrgRole | undefined): boolean {
  return orgRole !== undefined && IMPLICIT_WORKSPACE_ADMIN_ROLES.includes(orgRole);
}

/**
 * The member list of a workspace from its explicit members and the org memberships of them
 * and of the org's owners/admins. An implicit admin with a leftover explicit item (granted
 * before a promotion) is listed once, as implicit admin, because that is what they act as.
 * An explicit item without an org membership grants nothing (access ignores it too), so it is left out.
 */
export function workspaceMemberEntries(
  explicit: Pick<WorkspaceMembership, 'userId' | 'role'>[],
  memberships: OrgMembership[],
): WorkspaceMemberEntry[] {
  const byUser = new Map(memberships.map((m) => [m.userId, m]));
  const entries = new Map<string, WorkspaceMemberEntry>();
  for (const member of memberships) {
    if (isImplicitWorkspaceAdmin(member.role)) entries.set(member.userId, { member, workspaceRole: 'admin', implicit: true });
  }
  for (const { userId, role } of explicit) {
    const member = byUser.get(userId);
    if (member && !entries.has(userId)) entries.set(userId, { member, workspaceRole: role, implicit: false });
  }
  return [...entries.values()];
}

/**
 * Sort key of the member list: name (given then family, case-insensitive), then user id so
 * that equal names still have one stable order for paging. NUL sorts before any character a
 * name may hold (names refuse control characters), so "Ann" comes before "Anna".
 */
export function workspaceMemberSortKey(entry: WorkspaceMemberEntry): string {
  const name = `${entry.member.givenName} ${entry.member.familyName}`.trim().toLowerCase();
  return `${name}\u0000${entry.member.userId}`;
}

/** What a PUT of a workspace role amounts to, once it is allowed. */
export type WorkspaceRoleChange = 'add' | 'change' | 'unchanged';

/**
 * Decides `PUT /workspaces/{id}/members/{userId}` for an actor whose effective workspace
 * role is `actorRole` (already allowed `workspace.addMembers` by the route).
 * - the target must be an org member (404), and not an org owner/admin, who is admin
 *   through the organization and holds no workspace role (409);
 * - adding someone grants at most the actor's own role;
 * - changing an existing role is member management (workspace admin);
 * - the same role again changes nothing and is allowed to whoever could have granted it,
 *   so a retried PUT answers like the first one.
 */
export function planWorkspaceRole(
  actorRole: WorkspaceRole,
  target: { orgRole: OrgRole | undefined; workspaceRole: WorkspaceRole | undefined },
  role: WorkspaceRole,
): WorkspaceRoleChange {
  if (target.orgRole === undefined) throw new NotFoundError('The user is not a member of the organization.');
  if (isImplicitWorkspaceAdmin(target.orgRole)) {
    throw new ConflictError('The user is an admin of every workspace through the organization; a workspace role does not apply.');
  }
  const change: WorkspaceRoleChange =
    target.workspaceRole === undefined ? 'add' : target.workspaceRole === role ? 'unchanged' : 'change';
  if (!workspaceRoleAllows(actorRole, 'workspace.addMembers')) throw new ForbiddenError(`Your role (${actorRole}) cannot add members.`);
  if (workspaceRoleRank(role) > workspaceRoleRank(actorRole)) throw new ForbiddenError('You cannot grant a role above your own.');
  if (change === 'change' && !workspaceRoleAllows(actorRole, 'workspace.manageMembers')) {
    throw new ForbiddenError("Only a workspace admin can change a member's role.");
  }
  return change;
}

/**
 * May the actor remove `targetUserId` at all? Anyone may leave; removing someone else is
 * member management. Checked before the target is read, so it reveals nothing about them.
 */
export function assertMayRemoveWorkspaceMember(actor: { userId: string; role: WorkspaceRole }, targetUserId: string): void {
  if (actor.userId === targetUserId) return;
  if (!workspaceRoleAllows(actor.role, 'workspace.manageMembers')) {
    throw new ForbiddenError('Only a workspace admin can remove other members.');
  }
}

/**
 * The explicit role to remove from a target: none (404) when they are not an org member or
 * hold no workspace role; implicit admins cannot be removed from a workspace (409).
 */
export function removableWorkspaceRole(target: { orgRole: OrgRole | undefined; workspaceRole: WorkspaceRole | undefined }): WorkspaceRole {
  if (target.orgRole === undefined) throw new NotFoundError('No such member in this workspace.');
  if (isImplicitWorkspaceAdmin(target.orgRole)) {
    throw new ConflictError('The user is an admin of every workspace through the organization and cannot be removed from one.');
  }
  if (target.workspaceRole === undefined) throw new NotFoundError('No such member in this workspace.');
  return target.workspaceRole;
}

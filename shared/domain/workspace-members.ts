/**
 * The workspace membership record (an explicit workspace role; every attribute is given, so it
 * has no defaults) and who is a member of a workspace: the member list, its order, and which
 * explicit role a removal takes away. Plain functions, no AWS. (Who may give, change or remove a
 * workspace role is decided in the auth floor: `planWorkspaceRole`, `workspaceRoleToRemove` in `#auth/decisions.ts`.)
 */
import { isImplicitWorkspaceAdmin, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import type { OrgMembership } from '#domain/members.js';

export interface WorkspaceMembership {
  workspaceId: string;
  orgId: string;
  userId: string;
  role: WorkspaceRole;
  addedBy: string;
  addedAt: string;
}

/** One line of a workspace's member list. */
export interface WorkspaceMemberEntry {
  /** Who: names, email and organization role (from their org membership or their profile). */
  member: Pick<OrgMembership, 'userId' | 'email' | 'givenName' | 'familyName' | 'role'>;
  workspaceRole: WorkspaceRole;
  /** Admin through org owner/admin, not through a workspace item. */
  implicit: boolean;
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

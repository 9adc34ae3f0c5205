/** The members of a workspace: list, grant or change a role, remove (or leave). */
import type { WorkspaceAccess } from '#auth/access.js';
import type { WorkspaceRole } from '#domain/roles.js';
import { getMember } from '#db/repositories/members.js';
import { clearDefaultWorkspace } from '#db/repositories/users.js';
import { deleteWorkspaceMember, getOrgMemberships, listOrgAdmins, listWorkspaceMembers, putWorkspaceMember } from '#db/repositories/workspace-members.js';
import { planWorkspaceRole, workspaceRoleToRemove } from '#auth/decisions.js';
import { workspaceMemberEntries, workspaceMemberSortKey, type WorkspaceMemberEntry } from '#domain/workspace-members.js';
import { pageOf, type Page } from '#db/paging.js';

/**
 * Explicit members and the org's implicit admins, by name. Sorting by name needs the whole
 * list, so every page reads it (two Queries in parallel, then one BatchGet for the names of
 * explicit members who are not admins) and serves its slice behind a signed cursor.
 */
export async function listMembersOfWorkspace(
  access: WorkspaceAccess,
  options: { limit: number; cursor?: string },
): Promise<Page<WorkspaceMemberEntry>> {
  const { workspace } = access;
  const [explicit, admins] = await Promise.all([listWorkspaceMembers(workspace.id), listOrgAdmins(workspace.orgId)]);
  const known = new Set(admins.map((m) => m.userId));
  const others = await getOrgMemberships(
    workspace.orgId,
    explicit.map((m) => m.userId).filter((id) => !known.has(id)),
  );
  const entries = workspaceMemberEntries(explicit, [...admins, ...others]);
  return pageOf(entries, workspaceMemberSortKey, {
    scope: `workspace-members|${access.userId}|${workspace.id}`,
    limit: options.limit,
    cursor: options.cursor,
  });
}

/**
 * The user the path names, as far as this workspace goes: their org role and names (their profile,
 * whose `orgRoles` is what access reads too) and their explicit role here (their workspace
 * membership) — both read in the authorization BatchGet when the route asks (`alsoReads`), else
 * from their org membership.
 */
async function namedUser(
  access: WorkspaceAccess,
  userId: string,
): Promise<{ member: WorkspaceMemberEntry['member'] | undefined; workspaceRole: WorkspaceRole | undefined }> {
  const { workspace, named } = access;
  if (named.memberProfile !== undefined && named.workspaceMember !== undefined) {
    const profile = named.memberProfile;
    const orgRole = profile?.orgRoles[workspace.orgId];
    return {
      member: profile && orgRole ? { userId, email: profile.email, givenName: profile.givenName, familyName: profile.familyName, role: orgRole } : undefined,
      workspaceRole: named.workspaceMember?.role,
    };
  }
  const member = await getMember(workspace.orgId, userId);
  return { member, workspaceRole: member?.workspaces[workspace.id] };
}

/**
 * Gives an org member a workspace role, or changes it; the same role again writes nothing. The
 * write is conditioned on the workspace role read and on the org membership still existing.
 */
export async function setWorkspaceMemberRole(
  access: WorkspaceAccess,
  userId: string,
  role: WorkspaceRole,
  now = new Date(),
): Promise<WorkspaceMemberEntry> {
  const { workspace } = access;
  const { member, workspaceRole: current } = await namedUser(access, userId);
  const change = planWorkspaceRole({ role: access.role, orgRole: access.orgRole }, { orgRole: member?.role, workspaceRole: current }, role);
  // planWorkspaceRole refuses a user who is not an org member, so `member` is there from here on.
  const entry: WorkspaceMemberEntry = { member: member!, workspaceRole: role, implicit: false };
  if (change === 'unchanged') return entry;
  await putWorkspaceMember(
    { workspaceId: workspace.id, orgId: workspace.orgId, userId, role, addedBy: access.userId, addedAt: now.toISOString() },
    current,
  );
  return entry;
}

/**
 * Removes a user's explicit workspace role. The route allowed `workspace.removeMember` (admins, or
 * a member removing themself: leaving) before the target was read. Leaving needs no read: the
 * caller's explicit role came with their access.
 */
export async function removeMemberFromWorkspace(access: WorkspaceAccess, userId: string): Promise<void> {
  const { workspace } = access;
  const target =
    userId === access.userId
      ? { orgRole: access.orgRole, workspaceRole: access.implicit ? undefined : access.role }
      : await namedUser(access, userId).then(({ member, workspaceRole }) => ({ orgRole: member?.role, workspaceRole }));
  const role = workspaceRoleToRemove(target);
  // A workspace one can no longer open is no default, and its SSO binds one to nothing: released
  // first, so a removal that dies halfway leaves at worst a default to choose again, never a user
  // bound by the SSO of a workspace they left (PATCH /me itself needs that SSO).
  const profile = userId === access.userId ? access.profile : access.named.memberProfile;
  if (profile?.defaultWorkspaceId === workspace.id) await clearDefaultWorkspace([userId], workspace.id);
  await deleteWorkspaceMember({ workspaceId: workspace.id, orgId: workspace.orgId, userId, role }, access.userId);
}

/**
 * The decisions that depend on more than the route's action: on the target the path names (the
 * owner, an implicit admin, oneself), on the body (SSO settings, the role given) or on a second
 * resource (the organization a workspace moves into, the workspace a SIM goes to). The route's
 * own action was checked before the operation ran (`authorize`, by the scope registry); services
 * ask these functions and decide nothing about who may themselves.
 * The role invariants they apply where they are plain rules about roles (who may change or remove
 * whose org role, what an inviter may grant, which workspace role a removal takes away) are in the
 * domain floor (`#domain/members.ts`, `#domain/invitations.ts`, `#domain/workspace-members.ts`);
 * these functions are their only callers.
 */
import { allows, authorize, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { orgRoleAllows, workspaceOrgRoleAllows, workspaceRoleAllows } from '#auth/policy.js';
import type { Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import type { WorkspaceSso } from '#domain/workspaces.js';
import { assertCanGrant } from '#domain/invitations.js';
import { assertNoLockOut, isSsoBreakGlass, workspaceSsoSatisfied } from '#domain/sso.js';
import { assertWorkspaceSso } from '#auth/sso-check.js';
import { assertCanChangeRole, assertCanRemove } from '#domain/members.js';
import { isImplicitWorkspaceAdmin, workspaceRoleRank, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { removableWorkspaceRole } from '#domain/workspace-members.js';
import { ConflictError, ForbiddenError, NotFoundError } from '#kernel/errors.js';

// ── Organization members ─────────────────────────────────────────────────────

/** `PATCH /orgs/{o}/members/{u}` (`org.manageMembers` allowed): never the owner, never above one's own role. */
export function assertMayChangeOrgRole(access: OrgAccess, target: OrgMembership, role: OrgRole): void {
  assertCanChangeRole(access.role, target.role, role);
}

/**
 * `DELETE /orgs/{o}/members/{u}`, once `org.removeMember` is allowed (to admins, and to anyone on
 * themselves): the owner can neither leave (409: transfer ownership first) nor be removed (403),
 * and nobody removes a member above their own role.
 */
export function assertMayRemoveOrgMember(access: OrgAccess, target: OrgMembership): void {
  assertCanRemove(
    { userId: access.userId, role: access.role, canManageMembers: allows(access, 'org.removeMember') },
    { userId: target.userId, role: target.role },
  );
}

/**
 * Invitations (`org.invite` allowed): an inviter grants at most their own org role (never owner),
 * and workspace roles only where they hold at least that role themselves.
 */
export function assertMayGrant(access: OrgAccess, role: OrgRole, workspaces: { workspaceId: string; role: WorkspaceRole }[]): void {
  assertCanGrant({ role: access.role, workspaces: access.membership.workspaces }, role, workspaces);
}

/**
 * Changing, resending or withdrawing an invitation (`org.invite` allowed) follows the same "up to
 * your own role" rule as inviting, applied to the invitation as it stands: only someone who could
 * have sent it may touch it (an editor cannot withdraw an admin invitation, nor one granting a
 * workspace role above their own there). A change must also grant no more than that (`assertMayGrant`).
 */
export function assertMayHandleInvitation(access: OrgAccess, invitation: Pick<Invitation, 'role' | 'workspaces'>): void {
  try {
    assertMayGrant(access, invitation.role, invitation.workspaces);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    throw new ForbiddenError('This invitation grants more than your own role allows; you cannot change, resend or withdraw it.');
  }
}

// ── Workspaces ───────────────────────────────────────────────────────────────

/**
 * `PATCH /workspaces/{w}` (`workspace.update` allowed): SSO settings need `workspace.setSso`;
 * requiring a provider needs a token through it (no lock-out). A caller whose token does not meet
 * the workspace's requirement got here only as the org owner on this break-glass route, and may
 * only turn the requirement off.
 */
export function assertMayEditWorkspace(access: WorkspaceAccess, changes: { name?: string; description?: string | null; sso?: WorkspaceSso | null }): void {
  if (changes.sso !== undefined) authorize(access, 'workspace.setSso');
  if (!workspaceSsoSatisfied(access.workspace.sso, access.identityProviders) && !isSsoBreakGlass(changes)) assertWorkspaceSso(access, access.workspace);
  assertNoLockOut(changes.sso, access.identityProviders);
}

/**
 * `POST /workspaces/{w}/move`, once `workspace.move` is allowed in the workspace's organization:
 * the caller must be allowed it in the target organization too.
 */
export function assertMayMoveInto(target: OrgAccess): void {
  if (!workspaceOrgRoleAllows(target.role, 'workspace.move')) {
    throw new ForbiddenError('Only the owner or an admin of the target organization may move a workspace into it.');
  }
}

/** What a PUT of a workspace role amounts to, once it is allowed. */
export type WorkspaceRoleChange = 'add' | 'change' | 'unchanged';

/**
 * Decides `PUT /workspaces/{id}/members/{userId}` for an actor whose effective workspace role is
 * `actor.role` (already allowed `workspace.addMembers` by the route) and whose org role is
 * `actor.orgRole`. What depends only on the caller and the body is decided first, so nothing
 * about the target shows before it:
 * - adding someone grants at most the actor's own role (403, whoever the target);
 * - the target must be an org member (404), and not an org owner/admin, who is admin through the
 *   organization and holds no workspace role (409). A caller who may not read the org's directory
 *   (`org.readMembers`: an org `member` with a workspace role) gets the one 404 for both, and for
 *   an unknown user, so the answer tells them no more than that nobody was added;
 * - changing an existing role is member management (workspace admin);
 * - the same role again changes nothing and is allowed to whoever could have granted it,
 *   so a retried PUT answers like the first one.
 */
export function planWorkspaceRole(
  actor: { role: WorkspaceRole; orgRole: OrgRole | undefined },
  target: { orgRole: OrgRole | undefined; workspaceRole: WorkspaceRole | undefined },
  role: WorkspaceRole,
): WorkspaceRoleChange {
  if (!workspaceRoleAllows(actor.role, 'workspace.addMembers')) throw new ForbiddenError(`Your role (${actor.role}) cannot add members.`);
  if (workspaceRoleRank(role) > workspaceRoleRank(actor.role)) throw new ForbiddenError('You cannot grant a role above your own.');
  const readsDirectory = actor.orgRole !== undefined && orgRoleAllows(actor.orgRole, 'org.readMembers');
  if (target.orgRole === undefined || (!readsDirectory && isImplicitWorkspaceAdmin(target.orgRole))) {
    throw new NotFoundError('The user is not a member of the organization.');
  }
  if (isImplicitWorkspaceAdmin(target.orgRole)) {
    throw new ConflictError('The user is an admin of every workspace through the organization; a workspace role does not apply.');
  }
  const change: WorkspaceRoleChange =
    target.workspaceRole === undefined ? 'add' : target.workspaceRole === role ? 'unchanged' : 'change';
  if (change === 'change' && !workspaceRoleAllows(actor.role, 'workspace.manageMembers')) {
    throw new ForbiddenError("Only a workspace admin can change a member's role.");
  }
  return change;
}

/**
 * `DELETE /workspaces/{w}/members/{u}`, once `workspace.removeMember` is allowed (to admins, and to
 * anyone on themselves): the explicit role it takes away. Implicit admins (org owner/admin) cannot
 * be removed from a workspace (409); a user who is no org member or holds no role here is 404.
 */
export function workspaceRoleToRemove(target: { orgRole: OrgRole | undefined; workspaceRole: WorkspaceRole | undefined }): WorkspaceRole {
  return removableWorkspaceRole(target);
}

/** `POST /sims/{iccid}/transfer`: `workspace.transferSims` in the SIM's workspace and in the target. */
export function assertMayTransferSim(sourceRole: WorkspaceRole, targetRole: WorkspaceRole): void {
  if (!workspaceRoleAllows(sourceRole, 'workspace.transferSims') || !workspaceRoleAllows(targetRole, 'workspace.transferSims')) {
    throw new ForbiddenError('Transferring a SIM needs the admin role in both workspaces.');
  }
}

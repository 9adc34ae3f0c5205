/**
 * Decisions that read the action matrix beyond a route's own action: who may move a workspace
 * between organizations, give or change a workspace role, or remove someone from a workspace.
 * With `allows`/`authorize` (#auth/access.ts) these are the only readers of `#auth/policy.ts`.
 */
import { orgRoleAllows, workspaceRoleAllows } from '#auth/policy.js';
import { isImplicitWorkspaceAdmin, workspaceRoleRank, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { ConflictError, ForbiddenError, NotFoundError } from '#kernel/errors.js';

/** The caller must be owner or admin of the workspace's organization AND of the target. */
export function assertMayMove(sourceRole: OrgRole | undefined, targetRole: OrgRole): void {
  if (!sourceRole || !orgRoleAllows(sourceRole, 'org.moveWorkspace')) {
    throw new ForbiddenError("Only the owner or an admin of the workspace's organization may move it.");
  }
  if (!orgRoleAllows(targetRole, 'org.moveWorkspace')) {
    throw new ForbiddenError('Only the owner or an admin of the target organization may move a workspace into it.');
  }
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

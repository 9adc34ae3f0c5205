/** Rules about who may change whose organization role. Plain functions, no AWS. */
import { orgRoleRank, type OrgRole } from '#domain/roles.js';
import { ConflictError, ForbiddenError } from '#kernel/errors.js';

/**
 * An actor (already allowed to manage members) changes `target`'s role to `newRole`.
 * Nobody changes the owner's role (ownership is transferred instead), and nobody grants
 * a role above their own.
 */
export function assertCanChangeRole(actorRole: OrgRole, targetRole: OrgRole, newRole: OrgRole): void {
  if (targetRole === 'owner') throw new ForbiddenError("The owner's role cannot be changed; transfer ownership instead.");
  if (newRole === 'owner') throw new ForbiddenError('Ownership is given with transfer-ownership, not by a role change.');
  if (orgRoleRank(newRole) > orgRoleRank(actorRole) || orgRoleRank(targetRole) > orgRoleRank(actorRole)) {
    throw new ForbiddenError('You cannot manage a role above your own.');
  }
}

/**
 * May `actor` remove `target` from the organization? Anyone may leave, except the owner;
 * removing someone else needs member management rights and never touches the owner.
 */
export function assertCanRemove(
  actor: { userId: string; role: OrgRole; canManageMembers: boolean },
  target: { userId: string; role: OrgRole },
): void {
  const leaving = actor.userId === target.userId;
  if (target.role === 'owner') {
    if (leaving) throw new ConflictError('The owner cannot leave the organization; transfer ownership first.');
    throw new ForbiddenError('The owner cannot be removed.');
  }
  if (leaving) return;
  if (!actor.canManageMembers) throw new ForbiddenError('You cannot remove members of this organization.');
  if (orgRoleRank(target.role) > orgRoleRank(actor.role)) throw new ForbiddenError('You cannot remove a member above your own role.');
}

/**
 * The org membership record (its type, the defaults it starts from and older items read as, its
 * factory) and the rules about who may change whose organization role. Plain functions, no AWS.
 */
import { orgRoleRank, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { ConflictError, ForbiddenError } from '#kernel/errors.js';
import { definedOnly } from '#kernel/objects.js';

export interface OrgMembership {
  orgId: string;
  userId: string;
  role: OrgRole;
  email: string;
  givenName: string;
  familyName: string;
  invitedBy: string | null;
  invitedAt: string | null;
  memberSince: string;
  /** The member's explicit workspace roles in this org (the directory shows them in one Query). */
  workspaces: Record<string, WorkspaceRole>;
  /**
   * `<workspaceId>/<deviceId>` of every per-device grant the member holds in this org, so that
   * removing the member removes their grants in the same transaction.
   */
  deviceGrants?: string[];
  version: number;
}

/** What a membership holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const membershipDefaults = () =>
  ({
    givenName: '',
    familyName: '',
    invitedBy: null,
    invitedAt: null,
    workspaces: {},
    version: 1,
  }) satisfies Partial<OrgMembership>;

export function newMembership(input: {
  orgId: string;
  user: { id: string; email: string; givenName: string; familyName: string };
  role: OrgRole;
  now: Date;
  invitedBy?: string | null;
  invitedAt?: string | null;
  workspaces?: Record<string, WorkspaceRole>;
}): OrgMembership {
  return {
    ...membershipDefaults(),
    ...definedOnly({ invitedBy: input.invitedBy, invitedAt: input.invitedAt, workspaces: input.workspaces }),
    orgId: input.orgId,
    userId: input.user.id,
    role: input.role,
    email: input.user.email,
    givenName: input.user.givenName,
    familyName: input.user.familyName,
    memberSince: input.now.toISOString(),
  };
}

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

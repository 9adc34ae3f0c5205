/** The member directory and role changes in an organization. */
import { allows, type OrgAccess } from '../auth/access.js';
import type { OrgRole } from '../auth/policy.js';
import { changeRole, getMember, listMembers, removeMember } from '../db/repositories/members.js';
import type { OrgMembership } from '../domain/model.js';
import { assertCanChangeRole, assertCanRemove } from '../domain/members.js';
import { ForbiddenError, NotFoundError } from '../http/errors.js';
import { cursorFrom, startKeyFrom, type Page } from '../http/paging.js';

export async function listOrgMembers(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<OrgMembership>> {
  const scope = `members|${access.membership.userId}|${access.org.id}`;
  const { members, lastKey } = await listMembers(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: members, nextCursor: cursorFrom(scope, lastKey) };
}

/** One member. Those who cannot open the member list can still see themselves. */
export async function showMember(access: OrgAccess, userId: string): Promise<OrgMembership> {
  if (userId !== access.membership.userId && !allows(access, 'org.readMembers')) {
    throw new ForbiddenError('Your role does not allow you to see other members.');
  }
  const member = userId === access.membership.userId ? access.membership : await getMember(access.org.id, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  return member;
}

export async function changeMemberRole(access: OrgAccess, userId: string, role: OrgRole): Promise<OrgMembership> {
  const member = await getMember(access.org.id, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  assertCanChangeRole(access.role, member.role, role);
  if (member.role === role) return member;
  return changeRole(member, role, access.membership.userId);
}

/** Removes a member (or the caller leaves), with their workspace roles in the org. */
export async function removeOrgMember(access: OrgAccess, userId: string): Promise<void> {
  const leaving = userId === access.membership.userId;
  const member = leaving ? access.membership : await getMember(access.org.id, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  assertCanRemove(
    { userId: access.membership.userId, role: access.role, canManageMembers: allows(access, 'org.manageMembers') },
    { userId: member.userId, role: member.role },
  );
  await removeMember(member, access.membership.userId);
}

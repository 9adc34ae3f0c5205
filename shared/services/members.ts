/** The member directory and role changes in an organization. */
import type { OrgAccess } from '#auth/access.js';
import { assertMayChangeOrgRole, assertMayRemoveOrgMember } from '#auth/decisions.js';
import { ORG_ROLES, type OrgRole } from '#domain/roles.js';
import { changeRole, directoryPage, getMember, removeMember, wholeDirectory, type DirectoryEntry } from '#db/repositories/members.js';
import type { OrgMembership } from '#domain/members.js';
import { NotFoundError } from '#kernel/errors.js';
import { getProfile } from '#db/repositories/users.js';
import { deleteWorkspaceMember } from '#db/repositories/workspace-members.js';
import { getWorkspace } from '#db/repositories/workspaces.js';
import { cursorFrom, pageOf, startKeyFrom, type Page } from '#db/paging.js';
import { assertIfMatch } from '#db/versioned.js';

/** Workspace roles removed inside the member's removal transaction (2 items each, with ≤ 25 grants and 7 more). */
const MAX_ROLES_REMOVED_AT_ONCE = 30;

export interface DirectoryQuery {
  role?: OrgRole;
  status?: 'active' | 'pending';
  q?: string;
  sort?: 'name' | 'email' | 'invitedAt' | 'role';
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/** Sort keys of the directory's orders; each ends with the entry's id, so it is unique and stable. */
const SORT_KEYS: Record<NonNullable<DirectoryQuery['sort']>, (entry: DirectoryEntry) => string> = {
  name: (e) => (e.kind === 'member' ? `${e.member.givenName} ${e.member.familyName}`.trim() || e.member.email : e.invitation.email).toLowerCase(),
  email: (e) => (e.kind === 'member' ? e.member.email : e.invitation.email).toLowerCase(),
  invitedAt: (e) => (e.kind === 'member' ? (e.member.invitedAt ?? e.member.memberSince) : e.invitation.createdAt),
  role: (e) => String(ORG_ROLES.indexOf(e.kind === 'member' ? e.member.role : e.invitation.role)),
};
const entryId = (e: DirectoryEntry) => (e.kind === 'member' ? e.member.userId : e.invitation.id);

/**
 * The member directory: active members and pending invitations, filtered by role, status and
 * a search over name and email. The default order is the table's (one Query per page, whatever
 * the org's size); the other orders read the filtered directory and sort it.
 */
export async function listDirectory(access: OrgAccess, query: DirectoryQuery, now = new Date()): Promise<Page<DirectoryEntry>> {
  const filter = { role: query.role, status: query.status, q: query.q, now };
  const scope = ['members', access.userId, access.org.id, query.role, query.status, query.q, query.sort, query.order].join('|');
  if (!query.sort) {
    const { entries, lastKey } = await directoryPage(access.org.id, filter, {
      limit: query.limit,
      startKey: startKeyFrom(scope, query.cursor),
      descending: query.order === 'desc',
    });
    return { items: entries, nextCursor: cursorFrom(scope, lastKey) };
  }
  const sortKey = SORT_KEYS[query.sort];
  return pageOf(await wholeDirectory(access.org.id, filter), (e) => `${sortKey(e)}\u0000${entryId(e)}`, {
    scope,
    limit: query.limit,
    cursor: query.cursor,
    order: query.order,
  });
}

/**
 * The member the path names (`{userId}`): the caller's own membership, or the one read with the
 * caller's access when the route asks for it (`alsoReads`), else read now.
 */
async function namedMember(access: OrgAccess, userId: string): Promise<OrgMembership | undefined> {
  if (userId === access.userId) return access.membership;
  const named = access.named.member;
  return named === undefined ? getMember(access.org.id, userId) : (named ?? undefined);
}

/** One member (the route allowed `org.readMember`: the org area, or oneself). */
export async function showMember(access: OrgAccess, userId: string): Promise<OrgMembership> {
  const member = await namedMember(access, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  return member;
}

export async function changeMemberRole(access: OrgAccess, userId: string, role: OrgRole, ifMatch?: number): Promise<OrgMembership> {
  const member = await namedMember(access, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  assertMayChangeOrgRole(access, member, role);
  // The change is pinned to the version read (changeRole), so comparing with it is the whole If-Match.
  assertIfMatch(ifMatch, member);
  if (member.role === role) return member;
  return changeRole(member, role, access.userId);
}

/**
 * Removes a member (or the caller leaves), with their workspace roles in the org. The route
 * allowed `org.removeMember` before anything about the target was read (admins, or oneself), so a
 * caller who may not remove others learns nothing about who is a member.
 */
export async function removeOrgMember(access: OrgAccess, userId: string): Promise<void> {
  const leaving = userId === access.userId;
  let member = await namedMember(access, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  assertMayRemoveOrgMember(access, member);
  // The removal is one transaction (≤ 100 items): workspace roles beyond what fits are taken off
  // first, one workspace at a time — each step correct on its own, so an interruption loses nothing.
  const excess = Object.entries(member.workspaces).slice(MAX_ROLES_REMOVED_AT_ONCE);
  for (const [workspaceId, role] of excess) {
    await deleteWorkspaceMember({ workspaceId, orgId: access.org.id, userId: member.userId, role }, access.userId);
  }
  if (excess.length) member = await getMember(access.org.id, userId);
  if (!member) throw new NotFoundError('No such member in this organization.');
  // A default workspace in this org (and its SSO obligation) goes with the membership. One the
  // member holds a role in is known to be here; only another one is read to find its org.
  const named = access.named.memberProfile;
  const profile = leaving ? access.profile : named === undefined ? await getProfile(member.userId) : (named ?? undefined);
  const defaultId = profile?.defaultWorkspaceId;
  const defaultHere = !!defaultId && (Object.hasOwn(member.workspaces, defaultId) || (await getWorkspace(defaultId))?.orgId === access.org.id);
  await removeMember(member, access.userId, { clearDefaultWorkspace: defaultHere });
}

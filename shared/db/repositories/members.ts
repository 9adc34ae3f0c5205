/** Organization memberships: the member directory and role changes. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRole } from '#domain/roles.js';
import type { Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys, partitions } from '#db/keys.js';
import { queryAll, queryFilled, tableName, transact, type Item, type TransactItem } from '#db/ops.js';
import { toInvitation } from '#db/records/invitations.js';
import { membershipItem, membershipRecord, searchText, toMembership } from '#db/records/members.js';
import { orgEmailItem } from '#db/records/org-emails.js';
import { auditEvent } from '#db/repositories/audit.js';
import { memberGrantRemovals } from '#db/repositories/device-grants.js';

export async function getMember(orgId: string, userId: string, db: Db = defaultDb): Promise<OrgMembership | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.orgMember(orgId, userId), ConsistentRead: true }));
  return out.Item ? toMembership(out.Item) : undefined;
}

export interface DirectoryFilter {
  role?: OrgRole;
  status?: 'active' | 'pending';
  /** Lower-cased substring of name or email. */
  q?: string;
  now: Date;
}

export type DirectoryEntry = { kind: 'member'; member: OrgMembership } | { kind: 'invitation'; invitation: Invitation };

/**
 * The directory's Query: members and live invitations of an org partition, in key order
 * (pending invitations, then members), filtered on the server by status, role and search text.
 */
function directoryQuery(orgId: string, filter: DirectoryFilter, descending: boolean) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': partitions.org(orgId) };
  const conditions: string[] = [];
  const live = () => {
    names['#status'] = 'status';
    values[':pending'] = 'pending';
    values[':now'] = filter.now.toISOString();
    return '#status = :pending AND expiresAt > :now';
  };
  let keyCondition = 'PK = :pk AND begins_with(SK, :prefix)';
  if (filter.status === 'active') values[':prefix'] = partitions.memberPrefix;
  else if (filter.status === 'pending') {
    values[':prefix'] = partitions.invitationPrefix;
    conditions.push(live());
  } else {
    keyCondition = 'PK = :pk AND SK BETWEEN :from AND :to';
    values[':from'] = partitions.directoryFrom;
    values[':to'] = partitions.directoryTo;
    // A filter may not name the sort key: members are told apart by their item type.
    names['#type'] = 'type';
    values[':membership'] = membershipRecord.type;
    conditions.push(`(#type = :membership OR (${live()}))`);
  }
  if (filter.role) {
    names['#role'] = 'role';
    values[':role'] = filter.role;
    conditions.push('#role = :role');
  }
  if (filter.q) {
    names['#search'] = 'search';
    values[':q'] = filter.q.toLowerCase();
    conditions.push('contains(#search, :q)');
  }
  return {
    KeyConditionExpression: keyCondition,
    ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ScanIndexForward: !descending,
  };
}

const toEntry = (item: Item): DirectoryEntry =>
  String(item.SK).startsWith(partitions.memberPrefix)
    ? { kind: 'member', member: toMembership(item) }
    : { kind: 'invitation', invitation: toInvitation(item) };

/** One page of the directory in key order (the default order): its cost follows the page, not the org. */
export async function directoryPage(
  orgId: string,
  filter: DirectoryFilter,
  page: { limit: number; startKey?: Record<string, unknown>; descending: boolean },
  db: Db = defaultDb,
): Promise<{ entries: DirectoryEntry[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryFilled(directoryQuery(orgId, filter, page.descending), { limit: page.limit, startKey: page.startKey }, db);
  return { entries: items.map(toEntry), lastKey };
}

/** The whole filtered directory, for orders other than key order. */
export async function wholeDirectory(orgId: string, filter: DirectoryFilter, db: Db = defaultDb): Promise<DirectoryEntry[]> {
  return (await queryAll(directoryQuery(orgId, filter, false), db)).map(toEntry);
}

/** Claims `email` in the organization for a member (replacing a pending invitation's claim). */
export function memberEmailGuard(orgId: string, email: string, userId: string): TransactItem {
  return { Put: { TableName: tableName(), Item: orgEmailItem(orgId, email, { kind: 'member', userId }) } };
}

/**
 * Records `role` in `orgId` on the user's profile (the copy that lets a workspace request be
 * authorized in one BatchGet), for the transaction that changes the membership itself.
 */
export function profileRoleItem(userId: string, orgId: string, role: OrgRole, options: { profileMustExist?: boolean } = {}): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET orgRoles.#org = :role',
      ...(options.profileMustExist ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
      ExpressionAttributeNames: { '#org': orgId },
      ExpressionAttributeValues: { ':role': role },
    },
  };
}

/**
 * The writes that make a user a member: the membership (new), the role on their profile, and
 * the organization's member counter — for a transaction of the caller's (sign-up, accept, seed).
 */
export function addMemberItems(
  member: OrgMembership,
  /** Other counters of the organization that change in the same step (one transaction may touch an item once). */
  alsoCount: Record<string, number> = {},
): TransactItem[] {
  const counters = { memberCount: 1, ...alsoCount };
  return [
    { Put: { TableName: tableName(), Item: membershipItem(member), ConditionExpression: 'attribute_not_exists(PK)' } },
    memberEmailGuard(member.orgId, member.email, member.userId),
    profileRoleItem(member.userId, member.orgId, member.role, { profileMustExist: true }),
    {
      Update: {
        TableName: tableName(),
        Key: keys.org(member.orgId),
        UpdateExpression: `ADD ${Object.keys(counters).map((c) => `${c} :${c}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: Object.fromEntries(Object.entries(counters).map(([c, n]) => [`:${c}`, n])),
      },
    },
    auditEvent(member.orgId, {
      actorId: member.invitedBy ?? member.userId,
      action: 'member.joined',
      target: { type: 'member', id: member.userId },
      details: { role: member.role },
    }),
  ];
}

/** Adds a member on their own (used where no invitation is involved). */
export async function addMember(member: OrgMembership, db: Db = defaultDb): Promise<void> {
  await transact(
    addMemberItems(member),
    (failed) =>
      failed.includes(0)
        ? new ConflictError('This user is already a member of the organization.')
        : new NotFoundError(failed.includes(2) ? 'No such user.' : 'No such organization.'),
    db,
  );
}

/**
 * Changes a member's role, on the membership and the profile together, only while the
 * membership is the one that was read (its version) and the member is not the owner.
 */
export async function changeRole(member: OrgMembership, role: OrgRole, actorId: string, db: Db = defaultDb): Promise<OrgMembership> {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.orgMember(member.orgId, member.userId),
          UpdateExpression: 'SET #role = :role, #version = #version + :one',
          ConditionExpression: '#version = :seen AND #role <> :owner',
          ExpressionAttributeNames: { '#role': 'role', '#version': 'version' },
          ExpressionAttributeValues: { ':role': role, ':one': 1, ':seen': member.version, ':owner': 'owner' },
        },
      },
      profileRoleItem(member.userId, member.orgId, role),
      auditEvent(member.orgId, {
        actorId,
        action: 'member.role_changed',
        target: { type: 'member', id: member.userId },
        details: { from: member.role, to: role },
      }),
    ],
    () => new ConflictError('The member changed meanwhile; reload and try again.'),
    db,
  );
  return { ...member, role, version: member.version + 1 };
}

/**
 * Removes a member and, in the same transaction, their workspace roles in this organization
 * and their role entry on their profile. The membership's version guards against a workspace
 * role added between the read and this write (that write bumps the version).
 */
export async function removeMember(
  member: OrgMembership,
  actorId: string,
  options: { clearDefaultWorkspace?: boolean } = {},
  db: Db = defaultDb,
): Promise<void> {
  const table = tableName();
  const workspaceIds = Object.keys(member.workspaces);
  await transact(
    [
      {
        Delete: {
          TableName: table,
          Key: keys.orgMember(member.orgId, member.userId),
          ConditionExpression: '#version = :seen AND #role <> :owner',
          ExpressionAttributeNames: { '#version': 'version', '#role': 'role' },
          ExpressionAttributeValues: { ':seen': member.version, ':owner': 'owner' },
        },
      },
      { Delete: { TableName: table, Key: keys.orgEmail(member.orgId, member.email) } },
      {
        Update: {
          TableName: table,
          Key: keys.user(member.userId),
          // Leaving the org of one's default workspace leaves that default and its SSO obligation.
          UpdateExpression: options.clearDefaultWorkspace
            ? 'SET defaultWorkspaceId = :none, defaultWorkspaceSso = :none REMOVE orgRoles.#org, #gpk, #gsk'
            : 'REMOVE orgRoles.#org',
          ExpressionAttributeNames: {
            '#org': member.orgId,
            ...(options.clearDefaultWorkspace ? { '#gpk': byOwner.pk, '#gsk': byOwner.sk } : {}),
          },
          ...(options.clearDefaultWorkspace ? { ExpressionAttributeValues: { ':none': null } } : {}),
        },
      },
      {
        Update: {
          TableName: table,
          Key: keys.org(member.orgId),
          UpdateExpression: 'ADD memberCount :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        },
      },
      ...workspaceIds.flatMap((workspaceId): TransactItem[] => [
        { Delete: { TableName: table, Key: keys.workspaceMember(workspaceId, member.userId) } },
        {
          Update: {
            TableName: table,
            Key: keys.workspace(workspaceId),
            UpdateExpression: 'ADD memberCount :minus',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':minus': -1 },
          },
        },
      ]),
      auditEvent(member.orgId, {
        actorId,
        action: actorId === member.userId ? 'member.left' : 'member.removed',
        target: { type: 'member', id: member.userId },
        details: { role: member.role, workspaces: workspaceIds },
      }),
      // Their per-device grants in the org go too (the membership's version pins the list).
      ...memberGrantRemovals(member),
    ],
    () => new ConflictError('The member changed meanwhile; reload and try again.'),
    db,
  );
}

/** Mirrors a user's new names onto their membership (the directory shows and sorts by them). */
export async function renameMember(
  orgId: string,
  userId: string,
  names: { givenName: string; familyName: string; email: string },
  db: Db = defaultDb,
): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.orgMember(orgId, userId),
        UpdateExpression: 'SET givenName = :g, familyName = :f, #search = :s',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#search': 'search' },
        ExpressionAttributeValues: { ':g': names.givenName, ':f': names.familyName, ':s': searchText(names.givenName, names.familyName, names.email) },
      }),
    );
  } catch (error) {
    // Removed from the organization meanwhile: nothing to mirror.
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** Organizations: create, read, edit, transfer ownership, delete. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRole } from '#domain/roles.js';
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, trials } from '#db/keys.js';
import { StaleRead, tableName, transact, type TransactItem } from '#db/ops.js';
import { updateVersioned } from '#db/versioned.js';
import { charges } from '#db/rate-limits.js';
import type { RateLimit } from '#domain/limits.js';
import { auditEvent } from '#db/repositories/audit.js';
import { memberEmailGuard, profileRoleItem } from '#db/repositories/members.js';
import { membershipItem } from '#db/records/members.js';
import { orgItem, toOrg } from '#db/records/organizations.js';

export async function getOrganization(orgId: string, db: Db = defaultDb): Promise<Organization | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.org(orgId), ConsistentRead: true }));
  const org = out.Item ? toOrg(out.Item) : undefined;
  return org && !org.deletedAt ? org : undefined;
}

/** A new organization with its owner's membership; the owner's profile learns the role in the same step. */
export async function createOrganization(org: Organization, owner: OrgMembership, counted: RateLimit[], db: Db = defaultDb): Promise<void> {
  const allowance = charges(counted.map((limit) => ({ limit, subject: owner.userId })), new Date(org.createdAt));
  await transact(
    [
      { Put: { TableName: tableName(), Item: orgItem(org), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName(), Item: membershipItem(owner), ConditionExpression: 'attribute_not_exists(PK)' } },
      memberEmailGuard(org.id, owner.email, owner.userId),
      profileRoleItem(owner.userId, org.id, 'owner', { profileMustExist: true }),
      auditEvent(org.id, { actorId: owner.userId, action: 'organization.created', target: { type: 'organization', id: org.id } }),
      ...allowance.items,
    ],
    (failed) =>
      failed.includes(3) ? new NotFoundError('You have not signed up yet.') : (allowance.refusal({ failed }, 5) ?? new ConflictError('Try again.')),
    db,
  );
}

/**
 * Edits details, with its audit event, pinned to the version read (If-Match: 412 when stale).
 */
export function updateOrganization(
  current: Organization,
  changes: Partial<Pick<Organization, 'name' | 'description' | 'logoUrl' | 'branding'>>,
  options: { actorId: string; ifMatch?: number },
  db: Db = defaultDb,
): Promise<Organization> {
  return updateVersioned({
    current,
    key: keys.org(current.id),
    changes,
    ifMatch: options.ifMatch,
    condition: 'attribute_not_exists(deletedAt)',
    reload: () => getOrganization(current.id, db),
    also: () => [
      auditEvent(current.id, {
        actorId: options.actorId,
        action: 'organization.updated',
        target: { type: 'organization', id: current.id },
        details: { fields: Object.keys(changes) },
      }),
    ],
    db,
  });
}

/**
 * Hands ownership to another member in one transaction: the org's owner, both memberships
 * and both profiles change together, and only if `fromUserId` is still the owner — so of
 * two parallel transfers exactly one wins — and the organization is still at the version read,
 * so the answer is `org` with the change (else StaleOrganization). A target who is no member
 * (or no user) fails the conditions on their membership and profile: 404.
 */
export async function transferOwnership(org: Organization, fromUserId: string, toUserId: string, db: Db = defaultDb): Promise<Organization> {
  const orgId = org.id;
  const table = tableName();
  const role = (userId: string, value: OrgRole, condition: string): TransactItem[] => [
    {
      Update: {
        TableName: table,
        Key: keys.orgMember(orgId, userId),
        UpdateExpression: 'SET #role = :role, #version = #version + :one',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#role': 'role', '#version': 'version' },
        ExpressionAttributeValues: { ':role': value, ':one': 1, ...(condition.includes(':owner') ? { ':owner': 'owner' } : {}) },
      },
    },
    profileRoleItem(userId, orgId, value, { profileMustExist: true }),
  ];
  await transact(
    [
      {
        Update: {
          TableName: table,
          Key: keys.org(orgId),
          UpdateExpression: 'SET ownerId = :to, #version = #version + :one',
          ConditionExpression: 'ownerId = :from AND attribute_not_exists(deletedAt) AND #version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':to': toUserId, ':from': fromUserId, ':one': 1, ':read': org.version },
        },
      },
      ...role(fromUserId, 'admin', '#role = :owner'),
      ...role(toUserId, 'owner', 'attribute_exists(PK) AND #role <> :owner'),
      auditEvent(orgId, {
        actorId: fromUserId,
        action: 'organization.ownership_transferred',
        target: { type: 'member', id: toUserId },
        details: { from: fromUserId, to: toUserId },
      }),
    ],
    (failed) =>
      failed.includes(3) || failed.includes(4)
        ? new NotFoundError('No such member in this organization.')
        : failed.includes(0) && failed.length === 1
          ? new StaleRead('organization')
          : new ConflictError('Ownership changed meanwhile; reload and try again.'),
    db,
  );
  return { ...org, ownerId: toUserId, version: org.version + 1 };
}

/**
 * Deletes an organization: marks it deleted, so that from this instant every read answers 404,
 * and moves it from the trial index to the purge queue, in one write. The purge
 * (`#db/repositories/purge.ts`) removes what it held.
 */
export async function deleteOrganization(orgId: string, db: Db = defaultDb): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.org(orgId),
        // Leaves the trial index and joins the purge queue in the same write.
        UpdateExpression: 'SET deletedAt = :now, #gpk = :gpk, #gsk = :gsk',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeNames: { '#gpk': trials.pk, '#gsk': trials.sk },
        ExpressionAttributeValues: {
          ':now': new Date().toISOString(),
          ':gpk': trials.purgeEntry('ORG', orgId)[trials.pk],
          ':gsk': trials.purgeEntry('ORG', orgId)[trials.sk],
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new NotFoundError();
    throw error;
  }
}


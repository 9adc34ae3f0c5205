/**
 * Invitations and their links while pending: read, create, record a send, change roles, renew
 * the link. Every change is one transaction with its audit event; the link (token item), the org
 * email claim and the invitation change together. Ending one (withdraw, decline, accept) is in
 * invitation-endings.ts.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { Invitation } from '#domain/invitations.js';
import { limits, PLATFORM_INVITATIONS_PER_HOUR } from '#domain/limits.js';
import { ConflictError } from '#kernel/errors.js';
import { config } from '#kernel/config.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys } from '#db/keys.js';
import { batchGet, tableName, transact, type Item, type TransactItem } from '#db/ops.js';
import { invitationItem, linkItem, toInvitation, toLink, type InvitationLink } from '#db/records/invitations.js';
import { orgEmailItem } from '#db/records/org-emails.js';
import { auditEvent } from '#db/repositories/audit.js';
import { charges } from '#db/rate-limits.js';

export async function getInvitation(orgId: string, invitationId: string, db: Db = defaultDb): Promise<Invitation | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.invitation(orgId, invitationId), ConsistentRead: true }));
  return out.Item ? toInvitation(out.Item) : undefined;
}

/** The link item of a token's SHA-256 (one strongly consistent read). */
export async function getLink(tokenHash: string, db: Db = defaultDb): Promise<InvitationLink | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.invitationToken(tokenHash), ConsistentRead: true }));
  return out.Item ? toLink(out.Item) : undefined;
}

/** Puts the link of `tokenHash` (see `linkItem`). `replace`: overwrite the invitation's own live link. */
const tokenItem = (invitation: Invitation, tokenHash: string, replace = false): TransactItem => ({
  Put: { TableName: tableName(), Item: linkItem(invitation, tokenHash), ...(replace ? {} : { ConditionExpression: 'attribute_not_exists(PK)' }) },
});

/**
 * What one invitation email counts against: the organization's hourly allowance, the sender's
 * across all their organizations, and the platform's ceiling (spread over 8 counters: every
 * invitation of every tenant charges it).
 */
const emailCharges = (orgId: string, senderId: string, now: Date) =>
  charges(
    [
      { limit: limits.orgInvitations, subject: orgId },
      { limit: limits.userInvitations, subject: senderId },
      { limit: limits.platformInvitations(config().platformInvitationsPerHour ?? PLATFORM_INVITATIONS_PER_HOUR), subject: 'platform', shards: 8 },
    ],
    now,
  );

/**
 * Stores a new invitation with its link, claiming the email in the organization: the claim
 * fails if a member holds the address or a live invitation does (an expired one is replaced).
 */
export async function createInvitation(invitation: Invitation, tokenHash: string, now: Date, db: Db = defaultDb): Promise<void> {
  const counted = emailCharges(invitation.orgId, invitation.invitedBy, now);
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: orgEmailItem(invitation.orgId, invitation.email, { kind: 'invitation', invitationId: invitation.id, expiresAt: invitation.expiresAt }),
          ConditionExpression: 'attribute_not_exists(PK) OR (kind = :invitation AND expiresAt <= :now)',
          ExpressionAttributeValues: { ':invitation': 'invitation', ':now': now.toISOString() },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Put: { TableName: tableName(), Item: invitationItem(invitation), ConditionExpression: 'attribute_not_exists(PK)' } },
      tokenItem(invitation, tokenHash),
      pendingCount(invitation.orgId, 1),
      auditEvent(
        invitation.orgId,
        {
          actorId: invitation.invitedBy,
          action: 'invitation.created',
          target: { type: 'invitation', id: invitation.id },
          details: { email: invitation.email, role: invitation.role, workspaces: invitation.workspaces },
        },
        now,
      ),
      ...counted.items,
    ],
    (failed, cancellation) => {
      const limited = counted.refusal(cancellation, 5);
      if (limited) return limited;
      return new ConflictError(
        cancellation.old[0]?.kind === 'member' ? 'This person is already a member of the organization.' : 'This email address already has a pending invitation.',
      );
    },
    db,
  );
}

/** Records how the send went (after the invitation is safely stored). */
export async function recordSend(invitation: Invitation, outcome: 'sent' | 'failed', now: Date, db: Db = defaultDb): Promise<Invitation> {
  const sentAt = outcome === 'sent' ? now.toISOString() : invitation.lastSentAt;
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.invitation(invitation.orgId, invitation.id),
          UpdateExpression: 'SET emailStatus = :status, lastSentAt = :sentAt',
          ConditionExpression: 'attribute_exists(PK) AND tokenHash = :token',
          ExpressionAttributeValues: { ':status': outcome, ':sentAt': sentAt, ':token': invitation.tokenHash },
        },
      },
    ],
    () => new ConflictError('The invitation changed meanwhile.'),
    db,
  );
  return { ...invitation, emailStatus: outcome, lastSentAt: sentAt };
}

/** Keeps the organization's count of pending invitations (for its overview) in step. */
export function pendingCount(orgId: string, delta: 1 | -1): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.org(orgId),
      UpdateExpression: 'ADD pendingInvitationCount :delta',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** The condition every change of a pending invitation carries: still pending, unexpired, as read. */
export function pendingAsRead(invitation: Invitation, now: Date) {
  return {
    ConditionExpression: '#status = :pending AND expiresAt > :now AND #version = :read',
    names: { '#status': 'status', '#version': 'version' },
    values: { ':pending': 'pending', ':now': now.toISOString(), ':read': invitation.version },
  };
}

export const changedMeanwhile = () => new ConflictError('The invitation changed meanwhile; reload and try again.');

/** Changes the roles of a pending invitation. */
export async function updateInvitationRoles(
  invitation: Invitation,
  changes: { role?: Exclude<OrgRole, 'owner'>; workspaces?: { workspaceId: string; role: WorkspaceRole }[] },
  actorId: string,
  now: Date,
  db: Db = defaultDb,
): Promise<Invitation> {
  const next: Invitation = { ...invitation, ...changes, version: invitation.version + 1 };
  const guard = pendingAsRead(invitation, now);
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.invitation(invitation.orgId, invitation.id),
          UpdateExpression: 'SET #role = :role, workspaces = :workspaces, #version = #version + :one',
          ConditionExpression: guard.ConditionExpression,
          ExpressionAttributeNames: { ...guard.names, '#role': 'role' },
          ExpressionAttributeValues: { ...guard.values, ':role': next.role, ':workspaces': next.workspaces, ':one': 1 },
        },
      },
      // The link carries the invited workspaces: it changes with them. The invitation's own
      // condition (pending, at the version read) makes this link its live one.
      ...(changes.workspaces && invitation.tokenHash ? [tokenItem(next, invitation.tokenHash, true)] : []),
      auditEvent(invitation.orgId, {
        actorId,
        action: 'invitation.updated',
        target: { type: 'invitation', id: invitation.id },
        details: { role: next.role, workspaces: next.workspaces },
      }, now),
    ],
    changedMeanwhile,
    db,
  );
  return next;
}

/** A new link and expiry for a pending invitation; the old link dies in the same step. */
export async function renewLink(
  invitation: Invitation,
  renewal: { tokenHash: string; expiresAt: string },
  actorId: string,
  now: Date,
  db: Db = defaultDb,
): Promise<Invitation> {
  const next: Invitation = { ...invitation, tokenHash: renewal.tokenHash, expiresAt: renewal.expiresAt, version: invitation.version + 1 };
  const guard = pendingAsRead(invitation, now);
  const counted = emailCharges(invitation.orgId, actorId, now);
  const at = invitation.tokenHash ? 5 : 4;
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.invitation(invitation.orgId, invitation.id),
          UpdateExpression: 'SET tokenHash = :hash, expiresAt = :expires, #version = #version + :one',
          ConditionExpression: guard.ConditionExpression,
          ExpressionAttributeNames: guard.names,
          ExpressionAttributeValues: { ...guard.values, ':hash': renewal.tokenHash, ':expires': renewal.expiresAt, ':one': 1 },
        },
      },
      ...(invitation.tokenHash ? [{ Delete: { TableName: tableName(), Key: keys.invitationToken(invitation.tokenHash) } }] : []),
      tokenItem(next, renewal.tokenHash),
      {
        Update: {
          TableName: tableName(),
          Key: keys.orgEmail(invitation.orgId, invitation.email),
          UpdateExpression: 'SET expiresAt = :expires',
          ConditionExpression: 'invitationId = :id',
          ExpressionAttributeValues: { ':expires': renewal.expiresAt, ':id': invitation.id },
        },
      },
      auditEvent(invitation.orgId, { actorId, action: 'invitation.resent', target: { type: 'invitation', id: invitation.id } }, now),
      ...counted.items,
    ],
    // Only a spent allowance is a 429; the invitation changed meanwhile is the answer otherwise.
    (failed) => (failed.every((i) => i >= at) ? counted.refusal({ failed }, at)! : changedMeanwhile()),
    db,
  );
  return next;
}

/** Reads the workspaces an invitation names (one BatchGet). */
export async function workspacesOf(workspaceIds: string[], db: Db = defaultDb): Promise<(Item | undefined)[]> {
  return workspaceIds.length ? batchGet(workspaceIds.map(keys.workspace), {}, db) : [];
}


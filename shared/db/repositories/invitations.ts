/**
 * Invitations and their links. Every state change is one transaction with its audit event;
 * the link (token item), the org email guard and the invitation change together.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { Invitation, OrgMembership, UserProfile, Workspace } from '#domain/model.js';
import { deadLink, INVITATIONS_PER_HOUR, rateWindow } from '#domain/invitations.js';
import { ConflictError, NotFoundError, RateLimitedError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys } from '#db/keys.js';
import { batchGet, tableName, transact, type Item, type TransactItem } from '#db/ops.js';
import { auditEvent } from '#db/repositories/audit.js';
import { addMemberItems } from '#db/repositories/members.js';
import { ENDED_INVITATION_TTL_SECONDS, invitationItem, toInvitation, workspaceMembershipItem } from '#db/repositories/records.js';
import { newProfileItems } from '#db/repositories/users.js';

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function getInvitation(orgId: string, invitationId: string, db: Db = defaultDb): Promise<Invitation | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.invitation(orgId, invitationId), ConsistentRead: true }));
  return out.Item ? toInvitation(out.Item) : undefined;
}

/**
 * What a link item says: the invitation it opens and the workspaces that invitation names, so
 * that every key an operation on the link needs is known after this one read.
 */
export interface InvitationLink {
  orgId: string;
  invitationId: string;
  /** Absent on links written before links carried them: read them from the invitation. */
  workspaceIds: string[] | undefined;
}

/** The link item of a token's SHA-256 (one strongly consistent read). */
export async function getLink(tokenHash: string, db: Db = defaultDb): Promise<InvitationLink | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.invitationToken(tokenHash), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { orgId, invitationId, workspaceIds } = out.Item;
  return { orgId: orgId as string, invitationId: invitationId as string, workspaceIds: workspaceIds as string[] | undefined };
}

/**
 * The link item: which invitation the token opens and the workspaces it invites to (kept in step
 * by every change of them). `replace`: overwrite the invitation's own live link.
 */
const tokenItem = (invitation: Invitation, tokenHash: string, replace = false): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...keys.invitationToken(tokenHash),
      type: 'InvitationToken',
      orgId: invitation.orgId,
      invitationId: invitation.id,
      workspaceIds: invitation.workspaces.map((w) => w.workspaceId),
      // The link item disappears by itself once it could no longer be used.
      ttl: epochSeconds(invitation.expiresAt),
    },
    ...(replace ? {} : { ConditionExpression: 'attribute_not_exists(PK)' }),
  },
});

/** Counts one sent invitation against the organization's hourly limit. */
function rateItem(orgId: string, now: Date): TransactItem {
  const { window } = rateWindow(now);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.inviteRate(orgId, window),
      UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':limit': INVITATIONS_PER_HOUR, ':ttl': Math.floor(now.getTime() / 1000) + 7200 },
    },
  };
}

const rateLimited = (now: Date) =>
  new RateLimitedError(`An organization can send at most ${INVITATIONS_PER_HOUR} invitations an hour.`, rateWindow(now).retryAfter);

/**
 * Stores a new invitation with its link, claiming the email in the organization: the claim
 * fails if a member holds the address or a live invitation does (an expired one is replaced).
 */
export async function createInvitation(invitation: Invitation, tokenHash: string, now: Date, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.orgEmail(invitation.orgId, invitation.email), type: 'OrgEmail', kind: 'invitation', invitationId: invitation.id, expiresAt: invitation.expiresAt },
          ConditionExpression: 'attribute_not_exists(PK) OR (kind = :invitation AND expiresAt <= :now)',
          ExpressionAttributeValues: { ':invitation': 'invitation', ':now': now.toISOString() },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Put: { TableName: tableName(), Item: invitationItem(invitation), ConditionExpression: 'attribute_not_exists(PK)' } },
      tokenItem(invitation, tokenHash),
      rateItem(invitation.orgId, now),
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
    ],
    (failed, cancellation) => {
      if (failed.includes(3)) return rateLimited(now);
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
function pendingCount(orgId: string, delta: 1 | -1): TransactItem {
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
function pendingAsRead(invitation: Invitation, now: Date) {
  return {
    ConditionExpression: '#status = :pending AND expiresAt > :now AND #version = :read',
    names: { '#status': 'status', '#version': 'version' },
    values: { ':pending': 'pending', ':now': now.toISOString(), ':read': invitation.version },
  };
}

const changedMeanwhile = () => new ConflictError('The invitation changed meanwhile; reload and try again.');

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
      rateItem(invitation.orgId, now),
      auditEvent(invitation.orgId, { actorId, action: 'invitation.resent', target: { type: 'invitation', id: invitation.id } }, now),
    ],
    (failed) => (failed.includes(invitation.tokenHash ? 4 : 3) && failed.length === 1 ? rateLimited(now) : changedMeanwhile()),
    db,
  );
  return next;
}

/** The items that end a pending invitation: its status, its link and its claim on the email. */
function endItems(
  invitation: Invitation,
  status: 'withdrawn' | 'declined' | 'accepted',
  now: Date,
  extra: Record<string, string> = {},
  /** Accepting counts the org's members and invitations in one update of its own. */
  countHere = true,
): TransactItem[] {
  const guard = pendingAsRead(invitation, now);
  const sets = Object.keys(extra).map((field) => `${field} = :${field}`);
  return [
    {
      Update: {
        TableName: tableName(),
        Key: keys.invitation(invitation.orgId, invitation.id),
        UpdateExpression: `SET #status = :ended, endedAt = :now, #ttl = :ttl, #version = #version + :one${sets.map((s) => `, ${s}`).join('')} REMOVE tokenHash`,
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeNames: { ...guard.names, '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ...guard.values,
          ':ended': status,
          ':ttl': Math.floor(now.getTime() / 1000) + ENDED_INVITATION_TTL_SECONDS,
          ':one': 1,
          ...Object.fromEntries(Object.entries(extra).map(([field, value]) => [`:${field}`, value])),
        },
      },
    },
    ...(invitation.tokenHash ? [{ Delete: { TableName: tableName(), Key: keys.invitationToken(invitation.tokenHash) } }] : []),
    ...(countHere ? [pendingCount(invitation.orgId, -1)] : []),
  ];
}

/** Withdraws (by the org) or declines (by the invitee) a pending invitation. */
export async function endInvitation(
  invitation: Invitation,
  status: 'withdrawn' | 'declined',
  actorId: string,
  now: Date,
  db: Db = defaultDb,
): Promise<void> {
  await transact(
    [
      ...endItems(invitation, status, now),
      {
        Delete: {
          TableName: tableName(),
          Key: keys.orgEmail(invitation.orgId, invitation.email),
          ConditionExpression: 'attribute_not_exists(PK) OR invitationId = :id',
          ExpressionAttributeValues: { ':id': invitation.id },
        },
      },
      auditEvent(invitation.orgId, { actorId, action: `invitation.${status}`, target: { type: 'invitation', id: invitation.id } }, now),
    ],
    () => (status === 'declined' ? deadLink() : changedMeanwhile()),
    db,
  );
}

/**
 * Accepts an invitation, exactly once: the invitation ends, the link dies, the caller becomes
 * a member (getting a profile first if they have none) with the invited workspace roles in
 * workspaces that still exist in the org, all in one transaction.
 */
export async function acceptInvitation(
  input: {
    invitation: Invitation;
    member: OrgMembership;
    /** Set when the caller has no profile yet. */
    newProfile?: UserProfile;
    workspaces: Workspace[];
  },
  now: Date,
  db: Db = defaultDb,
): Promise<void> {
  const { invitation, member } = input;
  const workspaceItems: TransactItem[] = input.workspaces.flatMap((workspace): TransactItem[] => [
    {
      Put: {
        TableName: tableName(),
        Item: workspaceMembershipItem({
          workspaceId: workspace.id,
          orgId: invitation.orgId,
          userId: member.userId,
          role: member.workspaces[workspace.id]!,
          addedBy: invitation.invitedBy,
          addedAt: now.toISOString(),
        }),
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: keys.workspace(workspace.id),
        UpdateExpression: 'ADD memberCount :one',
        ConditionExpression: 'attribute_exists(PK) AND orgId = :org',
        ExpressionAttributeValues: { ':one': 1, ':org': invitation.orgId },
      },
    },
  ]);
  const ending = endItems(invitation, 'accepted', now, { acceptedBy: member.userId }, false);
  // addMemberItems: [membership, email guard, profile role, org counter, audit]. A new profile
  // is created with its role already in it, so the profile update is left out for it.
  const joining = addMemberItems(member, { pendingInvitationCount: -1 }).filter((_, i) => !(input.newProfile && i === 2));
  await transact(
    [
      ...ending,
      ...(input.newProfile ? newProfileItems(input.newProfile) : []),
      ...joining,
      ...workspaceItems,
      auditEvent(invitation.orgId, { actorId: member.userId, action: 'invitation.accepted', target: { type: 'invitation', id: invitation.id } }, now),
    ],
    (failed) => {
      if (failed.includes(0)) return deadLink();
      const profileAt = ending.length;
      if (input.newProfile && failed.includes(profileAt + 1)) return new ConflictError('Another account already uses this email address.');
      const memberAt = ending.length + (input.newProfile ? 2 : 0);
      if (failed.includes(memberAt)) return new ConflictError('You are already a member of this organization.');
      if (failed.some((i) => i > memberAt + joining.length - 1)) return new ConflictError('A workspace of the invitation changed meanwhile; try again.');
      return new NotFoundError('The organization no longer exists.');
    },
    db,
  );
}

/** Reads the workspaces an invitation names (one BatchGet). */
export async function workspacesOf(workspaceIds: string[], db: Db = defaultDb): Promise<(Item | undefined)[]> {
  return workspaceIds.length ? batchGet(workspaceIds.map(keys.workspace), {}, db) : [];
}


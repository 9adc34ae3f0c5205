/**
 * Ending a pending invitation: withdrawn (by the org), declined or accepted (by the invitee).
 * Each is one transaction: the invitation's status, its link and its claim on the email end
 * together, with the audit event; accepting also makes the invitee a member.
 */
import { deadLink, type Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import type { UserProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys } from '#db/keys.js';
import { StaleRead, tableName, transact, type TransactItem } from '#db/ops.js';
import { ENDED_INVITATION_TTL_SECONDS } from '#db/records/invitations.js';
import { workspaceMembershipItem } from '#db/records/workspace-members.js';
import { auditEvent } from '#db/repositories/audit.js';
import { changedMeanwhile, pendingAsRead, pendingCount } from '#db/repositories/invitations.js';
import { addMemberItems } from '#db/repositories/members.js';
import { newProfileItems } from '#db/repositories/users.js';
import { workspaceGuard } from '#db/workspace-guard.js';

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
    // The workspace still in the invitation's organization (a move racing the accept makes it fail), counted.
    ...workspaceGuard(workspace, { memberCount: 1 }, { enabled: false }).items,
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
      // The same person's profile created meanwhile (their other acceptance won the race): read it and accept again.
      if (input.newProfile && failed.includes(profileAt)) return new StaleRead('profile');
      if (input.newProfile && failed.includes(profileAt + 1)) return new ConflictError('Another account already uses this email address.');
      const memberAt = ending.length + (input.newProfile ? 2 : 0);
      if (failed.includes(memberAt)) return new ConflictError('You are already a member of this organization.');
      if (failed.some((i) => i > memberAt + joining.length - 1)) return new ConflictError('A workspace of the invitation changed meanwhile; try again.');
      return new NotFoundError('The organization no longer exists.');
    },
    db,
  );
}

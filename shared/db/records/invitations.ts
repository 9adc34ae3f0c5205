/** The invitation item (its key, the directory's search text) and its link item. */
import { invitationDefaults, type Invitation } from '#domain/invitations.js';
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';
import { recordKind } from '#db/records/record-kind.js';
import { searchText } from '#db/records/members.js';

/** Ended invitations leave the table 90 days after they end (the audit log keeps their story). */
export const ENDED_INVITATION_TTL_SECONDS = 90 * 86_400;

export const invitationRecord = recordKind<Invitation>()({
  type: 'Invitation',
  key: (i) => keys.invitation(i.orgId, i.id),
  required: ['id', 'orgId', 'email', 'role', 'invitedBy', 'createdAt', 'expiresAt', 'status'],
  defaults: invitationDefaults,
  derived: (i) => ({ search: searchText(i.email) }),
});
export const { item: invitationItem, from: toInvitation } = invitationRecord;

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

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The link item of the token hashed to `tokenHash`: which invitation it opens and the workspaces
 * it invites to (kept in step by every change of them).
 */
export const linkItem = (invitation: Invitation, tokenHash: string): Item => ({
  ...keys.invitationToken(tokenHash),
  type: 'InvitationToken',
  orgId: invitation.orgId,
  invitationId: invitation.id,
  workspaceIds: invitation.workspaces.map((w) => w.workspaceId),
  // The link item disappears by itself once it could no longer be used.
  ttl: epochSeconds(invitation.expiresAt),
});

export const toLink = (item: Item): InvitationLink => ({
  orgId: item.orgId as string,
  invitationId: item.invitationId as string,
  workspaceIds: item.workspaceIds as string[] | undefined,
});

/**
 * The invitation lifecycle without email: list, change, withdraw; preview, accept, decline.
 * Inviting and resending, which email the invitee, are in invitation-emails.ts.
 */
import type { OrgAccess } from '../auth/access.js';
import type { WorkspaceRole } from '../auth/policy.js';
import { keys, partitions } from '../db/keys.js';
import { batchGet, queryFilled } from '../db/ops.js';
import {
  acceptInvitation,
  endInvitation,
  findByTokenHash,
  getInvitation,
  updateInvitationRoles,
  workspacesOf,
} from '../db/repositories/invitations.js';
import { toInvitation, toOrg, toWorkspace } from '../db/repositories/records.js';
import { getProfile } from '../db/repositories/users.js';
import {
  assertCanGrant,
  assertInvitee,
  assertPending,
  deadLink,
  hashToken,
  statusAt,
  type DisplayStatus,
} from '../domain/invitations.js';
import { newMembership } from '../domain/factories.js';
import type { Invitation, OrgMembership, UserProfile, Workspace } from '../domain/model.js';
import { BadRequestError, NotFoundError } from '../http/errors.js';
import { cursorFrom, startKeyFrom, type Page } from '../http/paging.js';
import type { Principal } from '../http/principal.js';
import type { MeView } from '../http/views.js';
import { requirementOf } from '../domain/sso.js';
import { loadMe } from './me.js';

export type Grants = { workspaceId: string; role: WorkspaceRole }[];

export const displayName = (m: Pick<OrgMembership, 'givenName' | 'familyName' | 'email'>) =>
  `${m.givenName} ${m.familyName}`.trim() || m.email;

/** The invited workspaces must be workspaces of this organization (400 naming the field otherwise). */
export async function assertWorkspacesOfOrg(orgId: string, grants: Grants): Promise<void> {
  const found = await workspacesOf(grants.map((g) => g.workspaceId));
  const errors = grants.flatMap((grant, i) =>
    found[i]?.orgId === orgId ? [] : [{ path: `body.workspaces.${i}.workspaceId`, message: 'is not a workspace of this organization' }],
  );
  if (errors.length) throw new BadRequestError('The invitation names workspaces outside this organization.', errors);
}

export function inviterOf(access: OrgAccess) {
  return { role: access.role, workspaces: access.membership.workspaces };
}

export async function findInvitation(access: OrgAccess, invitationId: string): Promise<Invitation> {
  const invitation = await getInvitation(access.org.id, invitationId);
  if (!invitation) throw new NotFoundError('No such invitation.');
  return invitation;
}

/** An org's invitations, optionally of one status, paged. */
export async function listOrgInvitations(
  access: OrgAccess,
  options: { status?: DisplayStatus; limit: number; cursor?: string },
  now = new Date(),
): Promise<Page<{ invitation: Invitation; status: DisplayStatus }>> {
  const scope = `invitations|${access.membership.userId}|${access.org.id}|${options.status ?? ''}`;
  const { items, lastKey } = await queryFilled(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invite)',
      ExpressionAttributeValues: { ':pk': partitions.org(access.org.id), ':invite': partitions.invitationPrefix },
    },
    {
      limit: options.limit,
      startKey: startKeyFrom(scope, options.cursor),
      keep: (item) => !options.status || statusAt(toInvitation(item), now) === options.status,
    },
  );
  return {
    items: items.map(toInvitation).map((invitation) => ({ invitation, status: statusAt(invitation, now) })),
    nextCursor: cursorFrom(scope, lastKey),
  };
}

/** Changes the roles of a pending invitation, within the actor's own limits. */
export async function changeInvitation(
  access: OrgAccess,
  invitationId: string,
  changes: { role?: Invitation['role']; workspaces?: Grants },
  now = new Date(),
): Promise<Invitation> {
  const invitation = await findInvitation(access, invitationId);
  assertPending(invitation, now);
  assertCanGrant(inviterOf(access), invitation.role, []);
  assertCanGrant(inviterOf(access), changes.role ?? invitation.role, changes.workspaces ?? invitation.workspaces);
  if (changes.workspaces) await assertWorkspacesOfOrg(access.org.id, changes.workspaces);
  return updateInvitationRoles(invitation, changes, access.membership.userId, now);
}

export async function withdraw(access: OrgAccess, invitationId: string, now = new Date()): Promise<void> {
  const invitation = await findInvitation(access, invitationId);
  assertPending(invitation, now);
  await endInvitation(invitation, 'withdrawn', access.membership.userId, now);
}

/** The live invitation behind a link, or the one 404 for every dead or unknown link. */
async function liveInvitation(token: string, now: Date): Promise<Invitation> {
  const invitation = await findByTokenHash(hashToken(token));
  if (!invitation || statusAt(invitation, now) !== 'pending') throw deadLink();
  return invitation;
}

/** What the invitee sees before signing in: nothing beyond their own invitation. */
export async function preview(token: string, now = new Date()) {
  const invitation = await liveInvitation(token, now);
  const [orgItem] = await batchGet([keys.org(invitation.orgId)]);
  if (!orgItem || orgItem.deletedAt) throw deadLink();
  return {
    organizationName: toOrg(orgItem).name,
    invitedByName: invitation.invitedByName,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}

/** Joins the caller to the organization with the invited roles; works once. */
export async function accept(principal: Principal, token: string, now = new Date()): Promise<MeView> {
  const invitation = await liveInvitation(token, now);
  assertInvitee(invitation, principal);
  const [profile, workspaceItems] = await Promise.all([
    getProfile(principal.userId),
    workspacesOf(invitation.workspaces.map((w) => w.workspaceId)),
  ]);
  // Workspaces deleted or moved away since the invitation are skipped, not an error.
  const workspaces: Workspace[] = workspaceItems
    .filter((item) => item?.orgId === invitation.orgId)
    .map((item) => toWorkspace(item!));
  const roles = new Map(invitation.workspaces.map((w) => [w.workspaceId, w.role]));
  const givenName = profile?.givenName ?? principal.givenName ?? principal.email.split('@')[0]!;
  const familyName = profile?.familyName ?? principal.familyName ?? '';
  const member = newMembership({
    orgId: invitation.orgId,
    user: { id: principal.userId, email: profile?.email ?? principal.email, givenName, familyName },
    role: invitation.role,
    now,
    invitedBy: invitation.invitedBy,
    invitedAt: invitation.createdAt,
    workspaces: Object.fromEntries(workspaces.map((w) => [w.id, roles.get(w.id)!])),
  });
  const newProfile: UserProfile | undefined = profile
    ? undefined
    : {
        id: principal.userId,
        email: principal.email,
        givenName,
        familyName,
        defaultWorkspaceId: workspaces[0]?.id ?? null,
        // The SSO rule reads this copy of the default workspace's setting (shared/domain/sso.ts).
        defaultWorkspaceSso: requirementOf(workspaces[0]?.sso),
        createdAt: now.toISOString(),
        orgRoles: { [invitation.orgId]: invitation.role },
        version: 1,
      };
  await acceptInvitation({ invitation, member, newProfile, workspaces }, now);
  return loadMe(principal.userId);
}

export async function decline(principal: Principal, token: string, now = new Date()): Promise<void> {
  const invitation = await liveInvitation(token, now);
  assertInvitee(invitation, principal);
  await endInvitation(invitation, 'declined', principal.userId, now);
}

/**
 * The invitation lifecycle without email: list, change, withdraw; preview, accept, decline.
 * Inviting and resending, which email the invitee, are in invitation-emails.ts.
 */
import type { OrgAccess } from '#auth/access.js';
import { assertMayGrant, assertMayHandleInvitation } from '#auth/decisions.js';
import { effectiveWorkspaceRole, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { assertSso, assertSsoReading, assertWorkspaceSso } from '#auth/sso-check.js';
import { keys, partitions, type Key } from '#db/keys.js';
import { batchGet, queryFilled, StaleRead, type Item } from '#db/ops.js';
import { assertIfMatch } from '#db/versioned.js';
import { getInvitation, getLink, updateInvitationRoles, workspacesOf } from '#db/repositories/invitations.js';
import { acceptInvitation, endInvitation } from '#db/repositories/invitation-endings.js';
import { toInvitation, type InvitationLink } from '#db/records/invitations.js';
import { toOrg } from '#db/records/organizations.js';
import { toProfile } from '#db/records/users.js';
import { toWorkspace } from '#db/records/workspaces.js';
import {
  assertInvitee,
  assertPending,
  deadLink,
  hashToken,
  statusAt,
  type DisplayStatus,
  type Invitation,
} from '#domain/invitations.js';
import { newMembership, type OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import { newProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import { BadRequestError, NotFoundError } from '#kernel/errors.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';
import type { Principal } from '#auth/principal.js';
import { requirementOf } from '#domain/sso.js';

export type Grants = { workspaceId: string; role: WorkspaceRole }[];

export const displayName = (m: Pick<OrgMembership, 'givenName' | 'familyName' | 'email'>) =>
  `${m.givenName} ${m.familyName}`.trim() || m.email;

/**
 * The invited workspaces must be workspaces of this organization (400 naming the field otherwise),
 * and inviting into one that requires SSO needs a token through its provider, as any other change
 * of that workspace does (403 `sso_required`).
 */
export async function assertWorkspacesOfOrg(access: OrgAccess, grants: Grants): Promise<void> {
  const found = (await workspacesOf(grants.map((g) => g.workspaceId))).map((item) => (item ? toWorkspace(item) : undefined));
  const errors = grants.flatMap((grant, i) =>
    found[i]?.orgId === access.org.id ? [] : [{ path: `body.workspaces.${i}.workspaceId`, message: 'is not a workspace of this organization' }],
  );
  if (errors.length) throw new BadRequestError('The invitation names workspaces outside this organization.', errors);
  for (const workspace of found) if (workspace) assertWorkspaceSso(access, workspace);
}

/** The invitation the path names: read with the caller's access when the route asks for it (`alsoReads`), else now. */
export async function findInvitation(access: OrgAccess, invitationId: string): Promise<Invitation> {
  const named = access.named.invitation;
  const invitation = named === undefined ? await getInvitation(access.org.id, invitationId) : (named ?? undefined);
  if (!invitation) throw new NotFoundError('No such invitation.');
  return invitation;
}

/** An org's invitations, optionally of one status, paged. */
export async function listOrgInvitations(
  access: OrgAccess,
  options: { status?: DisplayStatus; limit: number; cursor?: string },
  now = new Date(),
): Promise<Page<{ invitation: Invitation; status: DisplayStatus }>> {
  const scope = `invitations|${access.userId}|${access.org.id}|${options.status ?? ''}`;
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

/** Changes the roles of a pending invitation the actor could have sent, to roles they may grant. */
export async function changeInvitation(
  access: OrgAccess,
  invitationId: string,
  changes: { role?: Invitation['role']; workspaces?: Grants },
  ifMatch?: number,
  now = new Date(),
): Promise<Invitation> {
  const invitation = await findInvitation(access, invitationId);
  assertMayHandleInvitation(access, invitation);
  assertPending(invitation, now);
  // The change is pinned to the version read (updateInvitationRoles), so comparing with it is the whole If-Match.
  assertIfMatch(ifMatch, invitation);
  assertMayGrant(access, changes.role ?? invitation.role, changes.workspaces ?? invitation.workspaces);
  if (changes.workspaces) await assertWorkspacesOfOrg(access, changes.workspaces);
  return updateInvitationRoles(invitation, changes, access.userId, now);
}

/** Withdraws a pending invitation; the link stops working. Only up to one's own role, as inviting. */
export async function withdraw(access: OrgAccess, invitationId: string, now = new Date()): Promise<void> {
  const invitation = await findInvitation(access, invitationId);
  assertMayHandleInvitation(access, invitation);
  assertPending(invitation, now);
  await endInvitation(invitation, 'withdrawn', access.userId, now);
}

/**
 * What an operation on a link reads, in two round trips: the link item, which names the
 * invitation, its organization and the workspaces it invites to, then ONE strongly consistent
 * BatchGet of the invitation and the `extra` keys those make known. Every link that does not lead
 * to a live invitation is the one 404; `before` runs on what was read before that is decided
 * (the SSO check of the caller, which must answer first), and also when there is no link at all.
 */
async function openLink(
  token: string,
  now: Date,
  extra: (link: InvitationLink) => Key[],
  before: (items: (Item | undefined)[] | undefined) => void | Promise<void> = () => {},
): Promise<{ invitation: Invitation; link: InvitationLink; items: (Item | undefined)[] }> {
  const tokenHash = hashToken(token);
  const link = await getLink(tokenHash);
  if (!link) {
    await before(undefined);
    throw deadLink();
  }
  const [invitationItem, ...items] = await batchGet([keys.invitation(link.orgId, link.invitationId), ...extra(link)], { consistent: true });
  await before(items);
  const invitation = invitationItem ? toInvitation(invitationItem) : undefined;
  if (!invitation || invitation.tokenHash !== tokenHash || statusAt(invitation, now) !== 'pending') throw deadLink();
  return { invitation, link, items };
}

/** The caller's SSO obligation, on the profile read with the link's items (or read now, without a link). */
const ssoOn = (principal: Principal, at: number) => async (items: (Item | undefined)[] | undefined) => {
  if (items === undefined) await assertSsoReading(principal);
  else assertSso(principal, items[at] ? toProfile(items[at]) : undefined);
};

/** What the invitee sees before signing in: nothing beyond their own invitation (two reads). */
export async function preview(token: string, now = new Date()) {
  const { invitation, items } = await openLink(token, now, (link) => [keys.org(link.orgId)]);
  const [orgItem] = items;
  if (!orgItem || orgItem.deletedAt) throw deadLink();
  return {
    organizationName: toOrg(orgItem).name,
    invitedByName: invitation.invitedByName,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}

/** What accepting gave the caller: the membership just created, as GET /me would now list it. */
export interface Joined {
  org: Organization;
  role: OrgRole;
  /** The invited workspaces that still exist in the organization, with the caller's role in each. */
  workspaces: { workspace: Workspace; role: WorkspaceRole }[];
}

/**
 * Joins the caller to the organization with the invited roles; works once. Three round trips:
 * the link; one BatchGet of the invitation, the organization, the caller's profile and the
 * invited workspaces; one transaction, conditioned on the invitation still pending at the
 * version read (so with the workspaces read), each workspace still in the organization, the
 * organization not deleted, and the profile as read (absent, or there).
 */
export async function accept(principal: Principal, token: string, now = new Date()): Promise<Joined> {
  try {
    return await acceptAsRead(principal, token, now);
  } catch (error) {
    // A person without a profile accepting two invitations at once: the one that lost the race to
    // create the profile accepts again, now with the profile the other created.
    if (!(error instanceof StaleRead)) throw error;
    return acceptAsRead(principal, token, now);
  }
}

async function acceptAsRead(principal: Principal, token: string, now: Date): Promise<Joined> {
  const { invitation, link, items } = await openLink(
    token,
    now,
    (l) => [keys.org(l.orgId), keys.user(principal.userId), ...(l.workspaceIds ?? []).map(keys.workspace)],
    ssoOn(principal, 1),
  );
  assertInvitee(invitation, principal);
  const [orgItem, profileItem, ...linked] = items;
  if (!orgItem || orgItem.deletedAt) throw new NotFoundError('The organization no longer exists.');
  const org = toOrg(orgItem);
  const profile = profileItem ? toProfile(profileItem) : undefined;
  const read = new Map((link.workspaceIds ?? []).map((id, i) => [id, linked[i]]));
  // A link written before links carried the workspaces: read them now (one more round trip).
  const unread = invitation.workspaces.map((w) => w.workspaceId).filter((id) => !read.has(id));
  (await workspacesOf(unread)).forEach((item, i) => read.set(unread[i]!, item));
  // Workspaces deleted or moved away since the invitation are skipped, not an error.
  const workspaces: Workspace[] = invitation.workspaces
    .map((w) => read.get(w.workspaceId))
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
  const created = profile
    ? undefined
    : newProfile({
        id: principal.userId,
        email: principal.email,
        givenName,
        familyName,
        defaultWorkspaceId: workspaces[0]?.id,
        // The SSO rule reads this copy of the default workspace's setting (shared/domain/sso.ts).
        defaultWorkspaceSso: requirementOf(workspaces[0]?.sso),
        orgRoles: { [invitation.orgId]: invitation.role },
        now,
      });
  await acceptInvitation({ invitation, member, newProfile: created, workspaces }, now);
  return {
    org,
    role: invitation.role,
    workspaces: workspaces.map((workspace) => ({ workspace, role: effectiveWorkspaceRole(invitation.role, roles.get(workspace.id))! })),
  };
}

/** Ends the invitation as declined: the link, one BatchGet (invitation, the caller's profile), one transaction. */
export async function decline(principal: Principal, token: string, now = new Date()): Promise<void> {
  const { invitation } = await openLink(token, now, () => [keys.user(principal.userId)], ssoOn(principal, 0));
  assertInvitee(invitation, principal);
  await endInvitation(invitation, 'declined', principal.userId, now);
}

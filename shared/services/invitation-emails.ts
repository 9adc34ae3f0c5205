/**
 * The two invitation operations that email the invitee: inviting and resending. Kept apart
 * from the rest of the lifecycle so only their functions bundle the SES client.
 */
import type { OrgAccess } from '#auth/access.js';
import { assertMayGrant, assertMayHandleInvitation } from '#auth/decisions.js';
import { config } from '#kernel/config.js';
import { createInvitation, recordSend, renewLink } from '#db/repositories/invitations.js';
import { normalizeEmail } from '#domain/email.js';
import { assertCanResend, assertPending, expiryFrom, newInvitation, newToken, type Invitation } from '#domain/invitations.js';
import type { Organization } from '#domain/organizations.js';
import { sendEmail } from '#email/ses.js';
import { invitationEmail } from '#email/templates.js';
import { assertWorkspacesOfOrg, displayName, findInvitation, type Grants } from '#services/invitations.js';

/** Sends (or re-sends) the invitation email for `token` and records how it went. */
async function deliver(invitation: Invitation, token: string, org: Organization, now: Date): Promise<Invitation> {
  const outcome = await sendEmail(
    invitationEmail({
      to: invitation.email,
      organizationName: org.name,
      inviterName: invitation.invitedByName,
      role: invitation.role,
      message: invitation.message,
      link: `${config().portalUrl}/invitations/${token}`,
      expiresAt: invitation.expiresAt,
      logoUrl: org.logoUrl,
      branding: org.branding,
    }),
  );
  return recordSend(invitation, outcome, now);
}

/**
 * Invites `email` with an org role and optional workspace roles. The invitation is stored
 * first; a failed send is recorded (`emailStatus: "failed"`) and can be resent.
 */
export async function invite(
  access: OrgAccess,
  input: { email: string; role: Invitation['role']; workspaces?: Grants; message?: string; expiresInDays?: number },
  now = new Date(),
): Promise<Invitation> {
  const grants = input.workspaces ?? [];
  assertMayGrant(access, input.role, grants);
  await assertWorkspacesOfOrg(access, grants);
  const { token, hash } = newToken();
  const invitation = newInvitation({
    orgId: access.org.id,
    email: normalizeEmail(input.email),
    role: input.role,
    workspaces: grants,
    message: input.message || null,
    invitedBy: access.userId,
    invitedByName: displayName(access.membership),
    tokenHash: hash,
    now,
    expiresInDays: input.expiresInDays,
  });
  await createInvitation(invitation, hash, now);
  return deliver(invitation, token, access.org, now);
}

/** A new link and expiry, emailed again; the old link dies. At most once a minute; only up to one's own role, as inviting. */
export async function resend(access: OrgAccess, invitationId: string, now = new Date()): Promise<Invitation> {
  const invitation = await findInvitation(access, invitationId);
  assertMayHandleInvitation(access, invitation);
  assertPending(invitation, now);
  assertCanResend(invitation, now);
  const lifetimeDays = Math.max(1, Math.round((Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000));
  const { token, hash } = newToken();
  const renewed = await renewLink(invitation, { tokenHash: hash, expiresAt: expiryFrom(now, lifetimeDays) }, access.userId, now);
  return deliver(renewed, token, access.org, now);
}

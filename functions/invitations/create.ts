import { api } from '#http/api.js';
import { invitationView } from '#http/resources/invitations.js';
import { invite } from '#services/invitation-emails.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';
import { pathTo } from '#functions/route-paths.js';

/** 201 even when the email could not be sent: the invitation is stored and `emailStatus` says so. */
export const handler = api(routes['POST /orgs/{orgId}/invitations'], async ({ access, body }) => {
  const invitation = await invite(access, body);
  return {
    body: invitationView(invitation, 'pending'),
    version: invitation.version,
    location: pathTo('PATCH /orgs/{orgId}/invitations/{invitationId}', { orgId: invitation.orgId, invitationId: invitation.id }),
  };
});

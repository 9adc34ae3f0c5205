import { api } from '#http/api.js';
import { invitationView } from '#http/resources/invitations.js';
import { resend } from '#services/invitation-emails.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['POST /orgs/{orgId}/invitations/{invitationId}/resend'], async ({ access, params }) => {
  const invitation = await resend(access, params.invitationId);
  return { body: invitationView(invitation, 'pending'), version: invitation.version };
});

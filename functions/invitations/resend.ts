import { api } from '../../shared/http/api.js';
import { invitationView } from '../../shared/http/views.js';
import { resend } from '../../shared/services/invitation-emails.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /orgs/{orgId}/invitations/{invitationId}/resend'], async ({ access, params }) => {
  const invitation = await resend(access, params.invitationId);
  return { body: invitationView(invitation, 'pending'), version: invitation.version };
});

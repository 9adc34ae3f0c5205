import { api } from '#http/api.js';
import { invitationView } from '#http/resources/invitations.js';
import { changeInvitation } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['PATCH /orgs/{orgId}/invitations/{invitationId}'], async ({ access, params, body, ifMatch }) => {
  const invitation = await changeInvitation(access, params.invitationId, body, ifMatch);
  return { body: invitationView(invitation, 'pending'), version: invitation.version };
});

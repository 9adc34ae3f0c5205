import { api } from '../../shared/http/api.js';
import { invitationView } from '../../shared/http/views.js';
import { changeInvitation } from '../../shared/services/invitations.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /orgs/{orgId}/invitations/{invitationId}'], async ({ access, params, body }) => {
  const invitation = await changeInvitation(access, params.invitationId, body);
  return { body: invitationView(invitation, 'pending'), version: invitation.version };
});

import { api } from '#http/api.js';
import { withdraw } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['DELETE /orgs/{orgId}/invitations/{invitationId}'], async ({ access, params }) => {
  await withdraw(access, params.invitationId);
  return {};
});

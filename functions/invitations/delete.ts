import { api } from '../../shared/http/api.js';
import { withdraw } from '../../shared/services/invitations.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /orgs/{orgId}/invitations/{invitationId}'], async ({ access, params }) => {
  await withdraw(access, params.invitationId);
  return {};
});

import { api } from '#http/api.js';
import { decline } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['POST /invitations/{token}/decline'], async ({ principal, params }) => {
  await decline(principal, params.token);
  return {};
});

import { api } from '#http/api.js';
import { decline } from '#services/invitations.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['POST /invitations/{token}/decline'], async ({ principal, params }) => {
  await decline(principal, params.token);
  return {};
});

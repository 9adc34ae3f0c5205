import { api } from '../../shared/http/api.js';
import { decline } from '../../shared/services/invitations.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /invitations/{token}/decline'], async ({ principal, params }) => {
  await decline(principal, params.token);
  return {};
});

import { api } from '../../shared/http/api.js';
import { joinedView } from '../../shared/http/views.js';
import { accept } from '../../shared/services/invitations.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /invitations/{token}/accept'], async ({ principal, params }) => ({
  body: joinedView(await accept(principal, params.token)),
}));

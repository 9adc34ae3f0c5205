import { api } from '#http/api.js';
import { joinedView } from '#http/resources/invitations.js';
import { accept } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['POST /invitations/{token}/accept'], async ({ principal, params }) => ({
  body: joinedView(await accept(principal, params.token)),
}));

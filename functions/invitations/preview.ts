import { api } from '#http/api.js';
import { preview } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

/** Public: the link itself is the credential; every dead link answers the same 404. */
export const handler = api(routes['GET /invitations/{token}'], async ({ params }) => ({ body: await preview(params.token) }));

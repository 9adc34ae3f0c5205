import { api } from '../../shared/http/api.js';
import { invitationView } from '../../shared/http/views.js';
import { listOrgInvitations } from '../../shared/services/invitations.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /orgs/{orgId}/invitations'], async ({ access, query }) => {
  const page = await listOrgInvitations(access, query);
  return { body: { items: page.items.map(({ invitation, status }) => invitationView(invitation, status)), nextCursor: page.nextCursor } };
});

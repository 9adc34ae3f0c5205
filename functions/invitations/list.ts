import { api } from '#http/api.js';
import { invitationView } from '#http/resources/invitations.js';
import { listOrgInvitations } from '#services/invitations.js';
import { invitationsRoutes as routes } from '#functions/routes/invitations.js';

export const handler = api(routes['GET /orgs/{orgId}/invitations'], async ({ access, query }) => {
  const page = await listOrgInvitations(access, query);
  return { body: { items: page.items.map(({ invitation, status }) => invitationView(invitation, status)), nextCursor: page.nextCursor } };
});

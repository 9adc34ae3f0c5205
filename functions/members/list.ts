import { api } from '../../shared/http/api.js';
import { memberView } from '../../shared/http/views.js';
import { listOrgMembers } from '../../shared/services/members.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /orgs/{orgId}/members'], async ({ access, query }) => {
  const page = await listOrgMembers(access, query);
  return { body: { items: page.items.map(memberView), nextCursor: page.nextCursor } };
});

import { api } from '../../shared/http/api.js';
import { memberView } from '../../shared/http/views.js';
import { showMember } from '../../shared/services/members.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /orgs/{orgId}/members/{userId}'], async ({ access, params }) => {
  const member = await showMember(access, params.userId);
  return { body: memberView(member), version: member.version };
});

import { api } from '../../shared/http/api.js';
import { memberView } from '../../shared/http/views.js';
import { changeMemberRole } from '../../shared/services/members.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /orgs/{orgId}/members/{userId}'], async ({ access, params, body }) => {
  const member = await changeMemberRole(access, params.userId, body.role);
  return { body: memberView(member), version: member.version };
});

import { api } from '#http/api.js';
import { memberView } from '#http/resources/members.js';
import { showMember } from '#services/members.js';
import { membersRoutes as routes } from '#functions/routes/members.js';

export const handler = api(routes['GET /orgs/{orgId}/members/{userId}'], async ({ access, params }) => {
  const member = await showMember(access, params.userId);
  return { body: memberView(member), version: member.version };
});

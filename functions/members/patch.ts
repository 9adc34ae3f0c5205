import { api } from '#http/api.js';
import { memberView } from '#http/resources/members.js';
import { changeMemberRole } from '#services/members.js';
import { membersRoutes as routes } from '#functions/routes/members.js';

export const handler = api(routes['PATCH /orgs/{orgId}/members/{userId}'], async ({ access, params, body, ifMatch }) => {
  const member = await changeMemberRole(access, params.userId, body.role, ifMatch);
  return { body: memberView(member), version: member.version };
});

import { api } from '#http/api.js';
import { removeOrgMember } from '#services/members.js';
import { membersRoutes as routes } from '#functions/routes/members.js';

/** The row asks for `org.removeMember`: admins remove others, anyone may leave; never the owner (#auth/decisions.ts). */
export const handler = api(routes['DELETE /orgs/{orgId}/members/{userId}'], async ({ access, params }) => {
  await removeOrgMember(access, params.userId);
  return {};
});

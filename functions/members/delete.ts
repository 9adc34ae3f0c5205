import { api } from '#http/api.js';
import { removeOrgMember } from '#services/members.js';
import { routes } from '#functions/routes.js';

/** The row asks for `org.removeMember`: admins remove others, anyone may leave; never the owner (#auth/decisions.ts). */
export const handler = api(routes['DELETE /orgs/{orgId}/members/{userId}'], async ({ access, params }) => {
  await removeOrgMember(access, params.userId);
  return {};
});

import { api } from '#http/api.js';
import { removeOrgMember } from '#services/members.js';
import { routes } from '#functions/routes.js';

/** Removing someone needs member management; anyone but the owner may remove themself (leave). */
export const handler = api(routes['DELETE /orgs/{orgId}/members/{userId}'], async ({ access, params }) => {
  await removeOrgMember(access, params.userId);
  return {};
});

import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { extendTrial } from '#services/trials.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['POST /admin/orgs/{orgId}/trial'], async ({ principal, params, body }) => {
  const org = await extendTrial(principal, params.orgId, body.extendDays);
  return { body: orgView(org), version: org.version };
});

import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { handOverOwnership } from '#services/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['POST /orgs/{orgId}/transfer-ownership'], async ({ access, body }) => {
  const org = await handOverOwnership(access, body.userId);
  return { body: orgView(org), version: org.version };
});

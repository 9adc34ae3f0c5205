import { api } from '#http/api.js';
import { removeOrganization } from '#services/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['DELETE /orgs/{orgId}'], async ({ access }) => {
  await removeOrganization(access);
  return {};
});

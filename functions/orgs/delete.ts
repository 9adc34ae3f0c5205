import { api } from '#http/api.js';
import { removeOrganization } from '#services/organizations.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['DELETE /orgs/{orgId}'], async ({ access }) => {
  await removeOrganization(access);
  return {};
});

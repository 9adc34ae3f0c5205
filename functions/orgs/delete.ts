import { api } from '../../shared/http/api.js';
import { removeOrganization } from '../../shared/services/organizations.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /orgs/{orgId}'], async ({ access }) => {
  await removeOrganization(access);
  return {};
});

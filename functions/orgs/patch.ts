import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { editOrganization } from '#services/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['PATCH /orgs/{orgId}'], async ({ access, body, ifMatch }) => {
  const org = await editOrganization(access, body, ifMatch);
  return { body: orgView(org), version: org.version };
});

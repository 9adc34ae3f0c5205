import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { editOrganization } from '#services/organizations.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['PATCH /orgs/{orgId}'], async ({ access, body, ifMatch }) => {
  const org = await editOrganization(access, body, ifMatch);
  return { body: orgView(org), version: org.version };
});

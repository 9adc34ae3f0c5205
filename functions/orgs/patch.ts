import { api } from '#http/api.js';
import { requiredVersion } from '#http/etag.js';
import { orgView } from '#http/resources/organizations.js';
import { editOrganization } from '#services/organizations.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['PATCH /orgs/{orgId}'], async ({ access, body, headers }) => {
  const org = await editOrganization(access, body, requiredVersion(headers['if-match']));
  return { body: orgView(org), version: org.version };
});

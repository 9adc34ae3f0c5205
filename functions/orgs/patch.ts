import { api } from '../../shared/http/api.js';
import { requiredVersion } from '../../shared/http/etag.js';
import { orgView } from '../../shared/http/views.js';
import { editOrganization } from '../../shared/services/organizations.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /orgs/{orgId}'], async ({ access, body, headers }) => {
  const org = await editOrganization(access, body, requiredVersion(headers['if-match']));
  return { body: orgView(org), version: org.version };
});

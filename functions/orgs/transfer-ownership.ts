import { api } from '../../shared/http/api.js';
import { orgView } from '../../shared/http/views.js';
import { handOverOwnership } from '../../shared/services/organizations.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /orgs/{orgId}/transfer-ownership'], async ({ access, body }) => {
  const org = await handOverOwnership(access, body.userId);
  return { body: orgView(org), version: org.version };
});

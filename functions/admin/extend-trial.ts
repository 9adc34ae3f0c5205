import { api } from '../../shared/http/api.js';
import { orgView } from '../../shared/http/views.js';
import { extendTrial } from '../../shared/services/trials.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /admin/orgs/{orgId}/trial'], async ({ principal, params, body }) => {
  const org = await extendTrial(principal, params.orgId, body.extendDays);
  return { body: orgView(org), version: org.version };
});

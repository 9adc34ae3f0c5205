import { api } from '../../shared/http/api.js';
import { orgView } from '../../shared/http/views.js';
import { changePlan } from '../../shared/services/trials.js';
import { routes } from '../routes.js';

export const handler = api(routes['PUT /orgs/{orgId}/plan'], async ({ access, body }) => {
  const org = await changePlan(access, body.plan);
  return { body: orgView(org), version: org.version };
});

import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { changePlan } from '#services/trials.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['PUT /orgs/{orgId}/plan'], async ({ access, body }) => {
  const org = await changePlan(access, body.plan);
  return { body: orgView(org), version: org.version };
});

import { api } from '#http/api.js';
import { provisionSimsTo } from '#services/sim-provisioning.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

export const handler = api(routes['POST /admin/orgs/{orgId}/sims'], async ({ principal, params, body }) => ({
  body: await provisionSimsTo(principal, params.orgId, body.sims),
}));

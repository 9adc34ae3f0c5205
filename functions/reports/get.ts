import { api } from '#http/api.js';
import { report } from '#services/reports.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

export const handler = api(routes['GET /reports'], async ({ principal, query }) => ({
  body: await report(principal, query.workspaceIds),
}));

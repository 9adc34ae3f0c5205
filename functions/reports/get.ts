import { api } from '#http/api.js';
import { report } from '#services/reports.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /reports'], async ({ principal, query }) => ({
  body: await report(principal, query.workspaceIds),
}));

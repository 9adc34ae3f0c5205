import { api } from '../../shared/http/api.js';
import { report } from '../../shared/services/reports.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /reports'], async ({ principal, query }) => ({
  body: await report(principal, query.workspaceIds),
}));

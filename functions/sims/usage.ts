import { api } from '#http/api.js';
import { usageOf } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/usage'], async ({ access, query }) => ({
  body: await usageOf(access, query),
}));

import { api } from '#http/api.js';
import { usageOf } from '#services/sims.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/usage'], async ({ access, query }) => ({
  body: await usageOf(access, query),
}));

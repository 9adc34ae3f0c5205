import { api } from '../../shared/http/api.js';
import { usageOf } from '../../shared/services/sims.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/usage'], async ({ access, query }) => ({
  body: await usageOf(access, query),
}));

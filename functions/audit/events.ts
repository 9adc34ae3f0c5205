import { api } from '#http/api.js';
import { listOrgEvents } from '#services/audit.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['GET /orgs/{orgId}/events'], async ({ access, query }) => ({ body: await listOrgEvents(access, query) }));

import { api } from '#http/api.js';
import { listAuditEvents } from '#services/audit.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['GET /orgs/{orgId}/audit'], async ({ access, query }) => ({ body: await listAuditEvents(access, query) }));

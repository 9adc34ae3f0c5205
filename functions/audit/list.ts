import { api } from '../../shared/http/api.js';
import { listAuditEvents } from '../../shared/services/audit.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /orgs/{orgId}/audit'], async ({ access, query }) => ({ body: await listAuditEvents(access, query) }));

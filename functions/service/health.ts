import { api } from '#http/api.js';
import { serviceRoutes as routes } from '#functions/routes/service.js';

export const handler = api(routes['GET /health'], async () => ({ body: { status: 'ok' as const } }));

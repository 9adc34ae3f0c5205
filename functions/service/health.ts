import { api } from '#http/api.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /health'], async () => ({ body: { status: 'ok' as const } }));

import { api } from '../../shared/http/api.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /health'], async () => ({ body: { status: 'ok' } }));

import { api } from '#http/api.js';
import { openApiDocument } from '#functions/openapi.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /openapi.json'], async () => ({ body: { ...openApiDocument() } }));

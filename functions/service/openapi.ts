import { api } from '../../shared/http/api.js';
import { openApiDocument } from '../../shared/http/openapi.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /openapi.json'], async () => ({ body: openApiDocument() }));

import { api } from '#http/api.js';
import { problemTypePage } from '#http/resources/problems.js';
import { serviceRoutes as routes } from '#functions/routes/service.js';

export const handler = api(routes['GET /problems/{code}'], async ({ params }) => ({ body: problemTypePage(params.code) }));

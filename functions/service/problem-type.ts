import { api } from '#http/api.js';
import { problemTypePage } from '#http/resources/problems.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /problems/{code}'], async ({ params }) => ({ body: problemTypePage(params.code) }));

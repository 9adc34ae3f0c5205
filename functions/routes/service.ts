/**
 * The route table's service rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { ProblemTypePage, ProblemTypeParams } from '#http/resources/problems.js';
import { Health, OpenApiDocument } from '#http/resources/service.js';

export const serviceRoutes = {
  'GET /health': {
    handler: 'service/health', auth: 'none', scope: 'public', tag: 'Service',
    summary: 'Liveness', status: 200, response: Health, answers: {}, permissions: {},
  },
  'GET /openapi.json': {
    handler: 'service/openapi', auth: 'none', scope: 'public', tag: 'Service',
    summary: 'This OpenAPI document', status: 200, response: OpenApiDocument, answers: {}, permissions: {},
  },
  'GET /problems/{code}': {
    handler: 'service/problem-type', auth: 'none', scope: 'public', tag: 'Service',
    summary: 'What a problem code means: the page a problem document\'s `type` leads to',
    params: ProblemTypeParams, status: 200, response: ProblemTypePage, media: 'text/html', answers: {}, permissions: {},
  },
} satisfies Record<string, RouteSpec>;

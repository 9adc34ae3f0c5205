/**
 * The OpenAPI 3.1 document, generated from the route table and the very zod schemas that
 * validate requests — the document cannot drift from what the handlers accept.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import * as z from 'zod';
import { routeList } from '#functions/routes.js';
import { Problem } from '#http/resources/common.js';
import type { Route } from '#http/route.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const IdempotencyKey = z.string().min(1).max(255).meta({ description: 'Repeat with the same key and body to get the first answer back.' });
const IfMatch = z.string().meta({ description: 'An ETag from this API; a stale one answers 412.' });

function operation(route: Route): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodType> = {};
  if (route.idempotent) headers['idempotency-key'] = IdempotencyKey.optional();
  if (route.method === 'PATCH') headers['if-match'] = IfMatch.optional();
  return {
    operationId: route.handler.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    tags: [route.tag],
    security: route.auth === 'none' ? [] : [{ [SECURITY_SCHEME[route.auth]]: [] }],
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(Object.keys(headers).length ? { header: z.object(headers) } : {}),
    },
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    responses: {
      [String(route.status)]: route.response
        ? { description: 'Success', content: { 'application/json': { schema: route.response } } }
        : { description: 'Success, no content' },
      '400': problem('Invalid input (`errors` lists each field)'),
      ...(route.auth === 'user' ? { '401': problem('Missing or invalid token'), '403': problem('Not allowed') } : {}),
      ...(route.auth === 'device' ? { '401': problem('Missing or wrong device key'), '423': problem('The workspace is disabled') } : {}),
      ...(route.auth === 'billing'
        ? { '401': problem('Missing, malformed or wrong Billing-Signature, or its timestamp more than 5 minutes from now'), '503': problem('The signing secret could not be read; retry') }
        : {}),
      ...Object.fromEntries(Object.entries(route.problems ?? {}).map(([status, when]) => [status, problem(when)])),
      ...(route.params ? { '404': problem('Unknown, or outside your tenants') } : {}),
      ...(route.body ? { '413': problem('Body over 64 KB') } : {}),
      ...(route.method === 'PATCH' ? { '412': problem('If-Match does not match') } : {}),
      '429': problem('Too many requests'),
      '500': problem('Unexpected error; the answer reveals nothing'),
    },
  };
}

/** The security scheme of each kind of route that needs a credential. */
const SECURITY_SCHEME = { user: 'cognito', device: 'deviceKey', billing: 'billingSignature' } as const;

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routeList) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tenancy API',
      version: '1.0.0',
      description: 'Organizations, workspaces, members, invitations and trials for an IoT platform.',
    },
    servers: [{ url: '/', description: 'This deployment (production, or the local stack)', 'x-internal': false }],
    security: [{ cognito: [] }],
    tags: [...new Set(routeList.map((route) => route.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token of the portal client, verified as RFC8725 advises: RS256 by the pool\'s published key only, issuer, audience, expiry and token_use = id' },
        deviceKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Device <deviceKey>`: the key shown once when the device was created' },
        billingSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'Billing-Signature',
          description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the billing secret (Secrets Manager); several `v1=` while a secret is rotated; `t` within 5 minutes of now',
        },
      },
    },
    paths,
  });
  return cached;
}

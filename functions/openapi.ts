/**
 * The OpenAPI 3.1 document, generated from the route table and the very zod schemas that
 * validate requests — the document cannot drift from what the handlers accept. Every answer of
 * every operation (status, problem codes, API Gateway's own `{ message }` answers in AWS, headers)
 * comes from `answersOf` (shared/http/answers.ts); request and response examples from the schemas'
 * `examples` metadata.
 */
import {
  createDocument,
  type ZodOpenApiContentObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import * as z from 'zod';
import { routeList } from '#functions/routes.js';
import { GatewayMessage, Problem } from '#http/resources/common.js';
import { answersOf, type Answer, type AnswerHeader } from '#http/answers.js';
import type { Route } from '#http/route.js';

const IdempotencyKey = z.string().min(1).max(255).meta({ description: 'Repeat with the same key and body to get the first answer back.' });
const IfMatch = z.string().meta({ description: 'An ETag from this API; a stale one answers 412.' });

/** The vendor extension naming the content type a header comes with (the function's problem documents, not API Gateway's answers). */
export const WITH_CONTENT_TYPE = 'x-with-content-type';

const HEADER_SCHEMAS: Record<AnswerHeader['name'], Record<string, unknown>> = {
  ETag: { type: 'string', pattern: '^"[0-9]+"$', examples: ['"3"'] },
  Location: { type: 'string', format: 'uri-reference', examples: ['/orgs/5f0c1a2e-0000-4000-8000-000000000001'] },
  'Retry-After': { type: 'string', pattern: '^[0-9]+$', description: 'seconds', examples: ['5'] },
  'WWW-Authenticate': { type: 'string', examples: ['Bearer', 'Device'] },
};

/** The first example the schema's metadata gives (`.meta({ examples })`). */
export function exampleOf(schema: z.ZodType): unknown {
  const examples = z.globalRegistry.get(schema)?.examples as unknown[] | undefined;
  return examples?.[0];
}

/** The problem document of one status, its `code` one of the codes the operation gives it. */
const problemOf = (status: number, codes: string[]) => ({
  allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object' as const, properties: { status: { const: status }, code: { enum: codes } } }],
});

function response(route: Route, answer: Answer): ZodOpenApiResponseObject {
  const content: ZodOpenApiContentObject = {};
  if (answer.success) {
    if (route.response && answer.status !== 204) {
      const example = exampleOf(route.response);
      content['application/json'] = { schema: route.response, ...(example === undefined ? {} : { example }) };
    }
  } else {
    if (answer.codes.length) content['application/problem+json'] = { schema: problemOf(answer.status, answer.codes) };
    if (answer.gateway) content['application/json'] = { schema: { $ref: '#/components/schemas/GatewayMessage' } };
  }
  const headers = Object.fromEntries(
    answer.headers.map((h) => [
      h.name,
      { description: h.description, required: h.required, schema: HEADER_SCHEMAS[h.name], ...(h.withContentType ? { [WITH_CONTENT_TYPE]: h.withContentType } : {}) },
    ]),
  );
  return {
    description: answer.description,
    headers: { 'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' }, ...headers },
    ...(Object.keys(content).length ? { content } : {}),
  };
}

/**
 * Error answers are the same on many operations: each distinct one is a component (`components.responses`),
 * named by its status and codes (`409-conflict-quota_exceeded`), with a number when two differ otherwise.
 */
function shared(answer: Answer, object: ZodOpenApiResponseObject, known: Map<string, ZodOpenApiResponseObject>): ZodOpenApiResponseObject {
  if (answer.success) return object;
  const key = JSON.stringify(object);
  const found = known.get(key);
  if (found) return found;
  const base = [String(answer.status), ...answer.codes, ...(answer.gateway ? ['gateway'] : [])].join('-');
  const taken = new Set([...known.values()].map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const registered = { ...object, id };
  known.set(key, registered);
  return registered;
}

function operation(route: Route, known: Map<string, ZodOpenApiResponseObject>): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodType> = {};
  if (route.idempotent) headers['idempotency-key'] = IdempotencyKey.optional();
  if (route.method === 'PATCH') headers['if-match'] = IfMatch.optional();
  const bodyExample = route.body ? exampleOf(route.body) : undefined;
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
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body, ...(bodyExample === undefined ? {} : { example: bodyExample }) } } } }
      : {}),
    responses: Object.fromEntries(answersOf(route).map((answer) => [String(answer.status), shared(answer, response(route, answer), known)])),
  };
}

/** The security scheme of each kind of route that needs a credential. */
const SECURITY_SCHEME = { user: 'cognito', device: 'deviceKey', billing: 'billingSignature' } as const;

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  const known = new Map<string, ZodOpenApiResponseObject>();
  for (const route of routeList) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, known) };
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tenancy API',
      version: '1.0.0',
      description: [
        'Organizations, workspaces, members, invitations and trials for an IoT platform.',
        'Every status an operation can answer is declared on it, with the problem `code`s it carries. Errors are RFC 9457 problem documents (`application/problem+json`). In AWS, API Gateway answers some requests itself before any function runs, with `{ "message": "..." }` as `application/json`: those answers are declared beside the problem documents on the statuses where they occur (401, 413, 429, 500), and a method and path no operation has answers `components.responses.UnknownRoute`.',
      ].join('\n\n'),
    },
    servers: [{ url: '/', description: 'This deployment (production, or the local stack)', 'x-internal': false }],
    security: [{ cognito: [] }],
    tags: [...new Set(routeList.map((route) => route.tag))].map((name) => ({ name })),
    components: {
      schemas: { Problem, GatewayMessage },
      headers: {
        'Access-Control-Allow-Origin': {
          description: "CORS: the portal's origin, on answers to requests from it (no other origin is allowed)",
          required: false,
          schema: { type: 'string', format: 'uri', examples: ['https://portal.example.com'] },
        },
      },
      responses: {
        UnknownRoute: {
          description: "API Gateway's answer to a method and path that no operation has (in AWS): 404, before any function runs",
          content: { 'application/json': { schema: GatewayMessage, example: { message: 'Not Found' } } },
        },
      },
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

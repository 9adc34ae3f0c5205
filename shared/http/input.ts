/**
 * The request's input as the route's row describes it: body size, path parameters, query string
 * and JSON body, each validated against the row's zod schema (400 with the fields at fault, 413,
 * 415). Used by the request wrapper (`#http/api.ts`).
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, type FieldError } from '#kernel/errors.js';
import type { RouteSpec } from '#http/route.js';

/** Larger request bodies answer 413 before anything is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

function fieldErrors(location: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${base}.${key}`, message: 'is not a known field' }));
    return [{ path: base, message: issue.message }];
  });
}

export function parse<T extends z.ZodType>(schema: T, value: unknown, location: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadRequestError(`The request ${location} is invalid.`, fieldErrors(location, result.error));
  return result.data;
}

/**
 * The body's bytes exactly as the client sent them: API Gateway passes a text body as it is (UTF-8)
 * and base64-encodes any other. A signature is checked over these, before any parsing.
 */
export function bodyBytes(event: Pick<Event, 'body' | 'isBase64Encoded'>): Buffer {
  if (event.body === undefined || event.body === null || event.body === '') return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

function rawBody(event: Event): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** 413 for oversized bodies, before any other work. */
export const bodyLimit = (): MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> => ({
  before: ({ event }) => {
    if (event.body && Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') > MAX_BODY_BYTES) {
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    }
  },
});

/**
 * Query string and JSON body, validated against the route's schemas (undefined where it has none);
 * `json` is the body as parsed, before validation: the same JSON whether API Gateway passed it as
 * text or base64-encoded (it encodes any body whose content type it does not take for text).
 */
export function parseInput(spec: RouteSpec, event: Event): { query: unknown; body: unknown; json: unknown } {
  const query = spec.query ? parse(spec.query, event.queryStringParameters ?? {}, 'query') : undefined;
  if (!spec.body) return { query, body: undefined, json: undefined };
  const text = rawBody(event);
  const contentType = event.headers?.['content-type'];
  if (text !== undefined && contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError();
  }
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', [{ path: 'body', message: 'is not valid JSON' }]);
  }
  return { query, body: parse(spec.body, json, 'body'), json };
}

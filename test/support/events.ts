/** Builders of API Gateway HTTP API (v2) events and Lambda contexts for handler unit tests. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export function event(
  init: {
    method?: string;
    path?: string;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    claims?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return {
    version: '2.0',
    routeKey: `${init.method ?? 'GET'} ${init.path ?? '/'}`,
    rawPath: init.path ?? '/',
    rawQueryString: new URLSearchParams(init.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...init.headers },
    queryStringParameters: init.query,
    pathParameters: init.pathParameters,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'unit',
      apiId: 'unit',
      domainName: 'api.test',
      domainPrefix: 'api',
      http: { method: init.method ?? 'GET', path: init.path ?? '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'unit' },
      requestId: 'req-unit',
      routeKey: `${init.method ?? 'GET'} ${init.path ?? '/'}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: init.claims ?? {}, scopes: [] } },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** Claims as the HTTP API JWT authorizer hands them over: every value a string. */
export const idClaims = (sub: string, email = `${sub}@example.com`, extra: Record<string, string> = {}) => ({
  sub,
  email,
  email_verified: 'true',
  token_use: 'id',
  ...extra,
});

export const context = (): Context =>
  ({
    functionName: 'tenancy-unit',
    awsRequestId: 'aws-req-unit',
    getRemainingTimeInMillis: () => 10_000,
    callbackWaitsForEmptyEventLoop: false,
  }) as unknown as Context;

export function json(result: APIGatewayProxyStructuredResultV2): any {
  return result.body ? JSON.parse(result.body) : undefined;
}

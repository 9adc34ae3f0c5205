/**
 * The local gateway's translation between HTTP and Lambda: a Node request becomes the HTTP
 * API payload v2.0 event API Gateway would send (claims included, the way its JWT
 * authorizer hands them over), and a function's return value becomes the HTTP response
 * API Gateway would make of it.
 */
import { randomBytes } from 'node:crypto';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { RouteMatch } from './gateway-router.js';
import type { GatewayResponse } from './gateway-responses.js';

/** The AWS account the local stack stands in for, in events and function ARNs. */
export const ACCOUNT_ID = '000000000000';
const API_ID = 'local';

// ── Claims ───────────────────────────────────────────────────────────────────

function claimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimValue).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Claims as API Gateway's JWT authorizer passes them to the function: every value a string
 * (`true` → "true", `1700000000` → "1700000000", `["a","b"]` → "[a b]", objects as JSON), and a
 * claim whose value is null left out. Handlers written against AWS must cope with exactly this,
 * so the local stack does the same (real events: test/fixtures/api-gateway).
 */
export function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [name, claimValue(value)]),
  );
}

// ── Events ───────────────────────────────────────────────────────────────────

/** The parts of an HTTP request that an API Gateway event is built from. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/orgs/a%20b?limit=5`. */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value... with repeats kept. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  /** e.g. `HTTP/1.1`. */
  protocol: string;
  /** The port the request came in on (`x-forwarded-port`). */
  port: number;
}

const TEXT_TYPES = /^(text\/[^;\s]+|application\/(json|xml|javascript))\s*(;|$)/i;

/**
 * API Gateway passes a body as text only for `text/*`, `application/json`, `application/xml`
 * and `application/javascript`, and base64-encodes every other one — a body without
 * `Content-Type` too, and `+json` types (measured against AWS: ministackorg/ministack#766).
 */
export function isTextBody(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXT_TYPES.test(contentType.trim());
}

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
export function requestTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

export interface EventOptions {
  /** Verified token claims, for routes behind the authorizer. */
  claims?: Record<string, unknown>;
  requestId?: string;
  now?: Date;
}

/** An id in the format of API Gateway's `requestContext.requestId` (and `apigw-requestid`), e.g. `ZhMpgigvDoEEPlg=`. */
export function newRequestId(): string {
  return randomBytes(11).toString('base64');
}

/** `Root=1-<epoch seconds, hex>-<96 random bits, hex>`, the `x-amzn-trace-id` API Gateway adds. */
function traceId(now: Date): string {
  return `Root=1-${Math.floor(now.getTime() / 1000).toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
}

/**
 * Builds the HTTP API payload v2.0 event that API Gateway would send for this request: the
 * client's headers lower-cased (repeats joined with commas, cookies in their own field) plus
 * the `x-amzn-trace-id` and `x-forwarded-*` API Gateway adds; the verified claims under
 * `requestContext.authorizer.jwt`, with `scopes` null (no route has authorization scopes).
 */
export function buildEvent(
  request: RawRequest,
  match: RouteMatch,
  opts: EventOptions = {},
): APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer {
  const now = opts.now ?? new Date();
  const requestId = opts.requestId ?? newRequestId();
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : request.url.slice(queryAt + 1);

  // Repeated headers are joined with commas; cookies leave the headers for their own field.
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }

  const forwardedFor = headers['x-forwarded-for'];
  headers['x-amzn-trace-id'] = traceId(now);
  headers['x-forwarded-for'] = forwardedFor === undefined ? request.sourceIp : `${forwardedFor}, ${request.sourceIp}`;
  headers['x-forwarded-port'] = String(request.port);
  headers['x-forwarded-proto'] = 'http';

  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }

  const text = isTextBody(headers['content-type']);
  const hasBody = request.body.length > 0;
  const host = headers.host ?? 'localhost';

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.key,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method,
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.route.key,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(hasBody ? { body: request.body.toString(text ? 'utf8' : 'base64') } : {}),
    ...(Object.keys(match.params).length > 0 ? { pathParameters: match.params } : {}),
    isBase64Encoded: hasBody && !text,
  };
  if (opts.claims === undefined) return event;
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      // Exactly `{ jwt: { claims, scopes } }`: @types/aws-lambda also declares principalId and
      // integrationLatency, which an HTTP API event does not have.
      authorizer: { jwt: { claims: stringifyClaims(opts.claims), scopes: null } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

// ── Results ──────────────────────────────────────────────────────────────────

/**
 * What API Gateway makes of a function's return value (payload v2.0): a result with a
 * `statusCode` is taken as written (a statusCode that is no HTTP status throws: API Gateway's
 * 500); anything else is a 200 JSON body.
 */
export function toResponse(returned: unknown): GatewayResponse {
  // Lambda hands API Gateway the result as JSON: undefined values (e.g. a header that a
  // middleware removed by setting it to undefined) vanish, dates become strings.
  const json = JSON.stringify(returned);
  const result: unknown = json === undefined ? null : JSON.parse(json);
  if (result === null || typeof result !== 'object' || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const r = result as APIGatewayProxyStructuredResultV2 & { multiValueHeaders?: Record<string, unknown[]> };
  // API Gateway answers its own 500 to a response it cannot use.
  if (!Number.isInteger(r.statusCode) || r.statusCode! < 100 || r.statusCode! > 599) throw new Error(`Malformed Lambda response: statusCode ${String(r.statusCode)}`);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    if (value !== null) headers[name.toLowerCase()] = String(value);
  }
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    headers[name.toLowerCase()] = values.filter((v) => v !== null).map(String);
  }
  if (r.cookies !== undefined && r.cookies.length > 0) headers['set-cookie'] = r.cookies;
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8');
  return { statusCode: r.statusCode!, headers, body };
}

/**
 * The local API Gateway: the same route table and the same handlers as AWS, with requests
 * turned into HTTP API payload v2.0 events the way API Gateway builds them, including how
 * its JWT authorizer hands claims over (every claim a string). The handlers cannot tell
 * the difference; only endpoints in their environment do.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { JwtVerifier } from 'aws-jwt-verify';
import type { Route } from '#http/route.js';

/** API Gateway's own payload limit; the handlers enforce their (much smaller) one. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const CORS_ALLOW_HEADERS = 'authorization, content-type, if-match, idempotency-key';
const ACCOUNT_ID = '000000000000';
const API_ID = 'local';
/** What the function's context reports as its deadline (API Gateway gives up after 30 s). */
const FUNCTION_TIMEOUT_MS = 29_000;

// ── Routing ──────────────────────────────────────────────────────────────────

export interface RouteMatch {
  route: Route;
  /** URL-decoded values of the template's `{name}` segments. */
  params: Record<string, string>;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
}

function compile(route: Route): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(\w+)\+\}$/.exec(part);
      if (greedy?.[1] !== undefined) return { kind: 'greedy', name: greedy[1] };
      const param = /^\{(\w+)\}$/.exec(part);
      if (param?.[1] !== undefined) return { kind: 'param', name: param[1] };
      return { kind: 'literal', value: part };
    });
  return { route, segments };
}

const RANK = { literal: 0, param: 1, greedy: 2 } as const;

/** API Gateway prefers the most specific route: literal segments beat `{param}`, which beats `{proxy+}`. */
function specificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i += 1) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    if (sa === undefined || sb === undefined) return sa === undefined ? 1 : -1;
    if (RANK[sa.kind] !== RANK[sb.kind]) return RANK[sa.kind] - RANK[sb.kind];
  }
  return 0;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (segment.kind === 'greedy') {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      params[segment.name] = decode(rest.join('/'));
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (part !== segment.value) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

/** A matcher over the route table. Unknown paths and unknown methods both find nothing. */
export function createRouter(routes: Route[]): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map(compile).sort(specificity);
  return (method, path) => {
    const parts = path.split('/').slice(1);
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const params = matchSegments(candidate.segments, parts);
      if (params !== undefined) return { route: candidate.route, params };
    }
    return undefined;
  };
}

// ── Claims ───────────────────────────────────────────────────────────────────

function claimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimValue).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Claims as API Gateway's JWT authorizer passes them to the function: every value a string
 * (`true` → "true", `1700000000` → "1700000000", `["a","b"]` → "[a b]", objects as JSON).
 * Handlers written against AWS must cope with exactly this, so the local stack does the same.
 */
export function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, claimValue(value)]));
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
}

const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|problem\+json)\b)/i;

/** API Gateway passes text bodies as they are and base64-encodes everything else. */
export function isTextBody(contentType: string | undefined): boolean {
  return contentType === undefined || contentType === '' || TEXT_TYPES.test(contentType.trim());
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

/** Builds the HTTP API payload v2.0 event that API Gateway would send for this request. */
export function buildEvent(
  request: RawRequest,
  match: RouteMatch,
  opts: EventOptions = {},
): APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer {
  const now = opts.now ?? new Date();
  const requestId = opts.requestId ?? randomUUID();
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
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: stringifyClaims(opts.claims), scopes: null } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A Lambda-like context for one invocation of `functionName`. */
export function lambdaContext(functionName: string, region: string, requestId: string = randomUUID()): Context {
  const deadline = Date.now() + FUNCTION_TIMEOUT_MS;
  const unsupported = (): never => {
    throw new Error('The callback-style context methods are not supported; return a result instead');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** `me/get` → `tenancy-me-get`, the function's name in AWS. */
export function functionNameOf(handler: string): string {
  return `tenancy-${handler.replaceAll('/', '-')}`;
}

// ── Responses ────────────────────────────────────────────────────────────────

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const STATUS_TITLES: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

/**
 * An RFC 9457 problem document shaped like the handlers' own (shared/http/problem.ts), so a
 * client cannot tell the gateway's errors from theirs. That module is not imported here:
 * it loads the handlers' logger, which must not initialise before their environment is set.
 */
export function problem(status: number, code: string, detail: string): GatewayResponse {
  const title = STATUS_TITLES[status] ?? 'Error';
  const type = `https://tenancy.dev/problems/${code}`;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json' },
    body: Buffer.from(JSON.stringify({ type, title, status, detail, code })),
  };
}

/**
 * What API Gateway makes of a function's return value (payload v2.0): a result with a
 * `statusCode` is taken as written; anything else is a 200 JSON body.
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
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    if (value !== null) headers[name.toLowerCase()] = String(value);
  }
  for (const [name, values] of Object.entries(r.multiValueHeaders ?? {})) {
    headers[name.toLowerCase()] = values.filter((v) => v !== null).map(String);
  }
  if (r.cookies !== undefined && r.cookies.length > 0) headers['set-cookie'] = r.cookies;
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8');
  return { statusCode: r.statusCode ?? 200, headers, body };
}

// ── Authorizer ───────────────────────────────────────────────────────────────

export interface AuthConfig {
  /** `<cognito endpoint>/<user pool id>`. */
  issuer: string;
  /** The portal's app client id: the ID token's audience. */
  clientId: string;
  /** The pool's JWKS, fetched beforehand (aws-jwt-verify only fetches over https). */
  jwks: unknown;
}

/**
 * Verifies `Authorization` as API Gateway's Cognito JWT authorizer does: signature, issuer,
 * audience, expiry, and an ID token (not an access token). Returns the claims, or
 * undefined for anything else — never throws.
 */
export function createAuthorizer(auth: AuthConfig): (authorization: string | undefined) => Record<string, unknown> | undefined {
  const verifier = JwtVerifier.create({
    issuer: auth.issuer,
    audience: auth.clientId,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'id') throw new Error('Not an ID token');
      // aws-jwt-verify checks exp only when present; a token without one would never expire.
      if (typeof payload.exp !== 'number') throw new Error('No expiry');
    },
  });
  verifier.cacheJwks(auth.jwks as Parameters<typeof verifier.cacheJwks>[0]);
  return (authorization) => {
    if (authorization === undefined) return undefined;
    // API Gateway takes the token with or without the Bearer prefix.
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (token === '') return undefined;
    try {
      // Synchronous on purpose: the keys are cached, and a token with an unknown key must
      // fail here rather than send the verifier off to fetch keys over https.
      return verifier.verifySync(token) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
}

// ── Handlers ─────────────────────────────────────────────────────────────────

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type HandlerLoader = (handler: string) => Promise<LambdaHandler>;

/**
 * Imports `functions/<handler>.ts` on first use and keeps it, like a warm container.
 * A failed import is not kept, so a handler written while the stack runs is picked up.
 */
export function moduleLoader(functionsDir = new URL('../../functions/', import.meta.url)): HandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  return (handler) => {
    let loading = cache.get(handler);
    if (loading === undefined) {
      loading = import(new URL(`${handler}.ts`, functionsDir).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`functions/${handler}.ts exports no handler`);
        return module.handler as LambdaHandler;
      });
      cache.set(handler, loading);
      loading.catch(() => cache.delete(handler));
    }
    return loading;
  };
}

/** Sets the configuration the handlers read (shared/config.ts); must run before any handler loads. */
export function applyHandlerEnvironment(env: Record<string, string>): void {
  Object.assign(process.env, env);
}

// ── Server ───────────────────────────────────────────────────────────────────

export interface GatewayOptions {
  port: number;
  routes: Route[];
  auth: AuthConfig;
  /** The portal's origin, the only one CORS allows. */
  portalUrl: string;
  region: string;
  quiet?: boolean;
  loadHandler?: HandlerLoader;
}

export interface Gateway {
  url: string;
  server: Server;
  close(): Promise<void>;
}

class PayloadTooLarge extends Error {}

/** Past this, an oversized upload is cut off instead of drained. */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Reads the body. An oversized one is drained (not kept) before the 413, as API Gateway does:
 * answering mid-upload and closing would reset the client's connection before it reads the answer.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => (tooLarge ? reject(new PayloadTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', () => reject(tooLarge ? new PayloadTooLarge() : new Error('request aborted')));
  });
}

function corsHeaders(origin: string | undefined, portalOrigin: string): Record<string, string> {
  if (origin !== portalOrigin) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'etag', vary: 'origin' };
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const route = createRouter(opts.routes);
  const authorize = createAuthorizer(opts.auth);
  const loadHandler = opts.loadHandler ?? moduleLoader();
  const portalOrigin = new URL(opts.portalUrl).origin;
  const allowMethods = [...new Set(opts.routes.map((r) => r.method)), 'OPTIONS'].join(', ');

  async function respond(req: IncomingMessage, requestId: string): Promise<GatewayResponse> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';

    if (method === 'OPTIONS') {
      req.resume();
      return {
        statusCode: 204,
        headers: {
          'access-control-allow-origin': portalOrigin,
          'access-control-allow-methods': allowMethods,
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': '600',
          vary: 'origin',
        },
        body: Buffer.alloc(0),
      };
    }

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        return problem(413, 'payload_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes`);
      }
      throw error;
    }

    const match = route(method, path);
    if (match === undefined) return problem(404, 'not_found', `No route for ${method} ${path}`);

    let claims: Record<string, unknown> | undefined;
    if (match.route.auth === 'user') {
      claims = authorize(req.headers.authorization);
      if (claims === undefined) {
        const response = problem(401, 'unauthorized', 'A valid Cognito ID token is required (Authorization: Bearer <token>)');
        response.headers['www-authenticate'] = 'Bearer';
        return response;
      }
    }

    const event = buildEvent(
      {
        method,
        url,
        rawHeaders: req.rawHeaders,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        protocol: `HTTP/${req.httpVersion}`,
      },
      match,
      { claims, requestId },
    );
    try {
      const handler = await loadHandler(match.route.handler);
      const result = await handler(event, lambdaContext(functionNameOf(match.route.handler), opts.region));
      return toResponse(result);
    } catch (error) {
      console.error(`[gateway] ${match.route.key} (functions/${match.route.handler}.ts) failed:`, error);
      return problem(500, 'internal_error', 'Something went wrong on our side.');
    }
  }

  const server = createServer((req, res: ServerResponse) => {
    const started = performance.now();
    const requestId = randomUUID();
    respond(req, requestId)
      .catch((error: unknown) => {
        console.error('[gateway] request failed:', error);
        return problem(500, 'internal_error', 'Something went wrong on our side.');
      })
      .then((response) => {
        const headers: Record<string, string | string[]> = {
          ...corsHeaders(req.headers.origin, portalOrigin),
          ...response.headers,
          'apigw-requestid': requestId,
        };
        if (response.statusCode === 413) headers.connection = 'close';
        res.writeHead(response.statusCode, { ...headers, 'content-length': String(response.body.length) });
        res.end(response.body);
        if (!opts.quiet) {
          const ms = Math.round(performance.now() - started);
          console.log(`${req.method} ${(req.url ?? '/').split('?')[0]} ${response.statusCode} ${ms}ms`);
        }
      });
  });
  // Handlers may take a while (cold imports); Node's defaults would cut long requests short.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The local gateway's pure parts (routing, events as API Gateway builds them, responses,
 * the authorizer) and the gateway server itself with stand-in handlers on loopback.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Agent as HttpAgent, get as httpGet } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeList } from '#functions/routes.js';
import type { Route } from '#http/route.js';
import { KEY_ATTRIBUTES, TABLE } from '#db/table.js';
import { API_FUNCTION, AWS_LIMITS } from '../../infra/api-settings.js';
import { corsPolicy } from '../../infra/cors.js';
import { createTableInput, tableShape } from '../../infra/local/dynamodb.js';
import { MAX_BODY_BYTES, startGateway, type Gateway } from '../../infra/local/gateway.js';
import { createAuthorizer } from '../../infra/local/gateway-authorizer.js';
import { buildEvent, isTextBody, requestTime, stringifyClaims, toResponse, type RawRequest } from '../../infra/local/gateway-event.js';
import { functionNameOf, lambdaContext, type LambdaHandler } from '../../infra/local/gateway-handlers.js';
import { createRouter } from '../../infra/local/gateway-router.js';
import { createThrottle } from '../../infra/local/gateway-throttle.js';
import { Periodic } from '../../infra/local/periodic.js';

function route(key: string, handler = 'test/handler', auth: Route['auth'] = 'none'): Route {
  const [method, path] = key.split(' ') as [Route['method'], string];
  return { key, method, path, handler, auth, scope: 'public', summary: key, tag: 'Test', status: 200, response: null, answers: {}, permissions: {} };
}

function request(overrides: Partial<RawRequest> = {}): RawRequest {
  return {
    method: 'GET',
    url: '/orgs/o1',
    rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'curl/8'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    port: 3000,
    ...overrides,
  };
}

describe('createRouter', () => {
  const router = createRouter([
    route('GET /orgs'),
    route('GET /orgs/{orgId}'),
    route('GET /orgs/mine'),
    route('PATCH /orgs/{orgId}/members/{userId}'),
    route('GET /files/{path+}'),
  ]);

  it('matches templates and URL-decodes path parameters', () => {
    expect(router('PATCH', '/orgs/o%201/members/u%2F2')).toMatchObject({
      route: { key: 'PATCH /orgs/{orgId}/members/{userId}' },
      params: { orgId: 'o 1', userId: 'u/2' },
    });
  });

  it('prefers a literal segment to a parameter, as API Gateway does', () => {
    expect(router('GET', '/orgs/mine')?.route.key).toBe('GET /orgs/mine');
    expect(router('GET', '/orgs/other')?.route.key).toBe('GET /orgs/{orgId}');
  });

  it('takes the rest of the path into a greedy parameter', () => {
    expect(router('GET', '/files/a/b%20c')?.params).toEqual({ path: 'a/b c' });
  });

  it.each([
    ['DELETE', '/orgs/o1'],
    ['GET', '/orgs/o1/unknown'],
    ['GET', '/orgs/'],
    ['GET', '/nothing'],
    ['GET', '/files/'],
  ])('finds nothing for %s %s', (method, path) => {
    expect(router(method, path)).toBeUndefined();
  });

  it('routes every row of the real route table to itself', () => {
    const real = createRouter(routeList);
    for (const row of routeList) {
      const path = row.path.replace(/\{(\w+)\}/g, (_, name: string) => `sample-${name}`);
      expect(real(row.method, path)?.route.key).toBe(row.key);
    }
  });
});

describe('stringifyClaims', () => {
  it('turns every claim into a string the way the HTTP API JWT authorizer does, and leaves null claims out', () => {
    expect(
      stringifyClaims({
        sub: 'u1',
        email_verified: true,
        exp: 1_700_000_000,
        'cognito:groups': ['platform-operators', 'beta'],
        identities: [{ providerName: 'Google', userId: '1' }],
        address: { country: 'FR' },
        nothing: null,
      }),
    ).toEqual({
      sub: 'u1',
      email_verified: 'true',
      exp: '1700000000',
      'cognito:groups': '[platform-operators beta]',
      identities: '[{"providerName":"Google","userId":"1"}]',
      address: '{"country":"FR"}',
    });
  });
});

describe('buildEvent', () => {
  const match = { route: route('PATCH /orgs/{orgId}', 'orgs/patch', 'user'), params: { orgId: 'o 1' } };
  const now = new Date('2026-03-12T19:03:58.123Z');

  it('builds the payload v2.0 event of an authorized JSON request', () => {
    const event = buildEvent(
      request({
        method: 'PATCH',
        url: '/orgs/o%201?tag=a&tag=b&q=x%20y',
        rawHeaders: [
          'Host', 'api.example.com', 'User-Agent', 'curl/8', 'Content-Type', 'application/json',
          'X-Multi', '1', 'x-multi', '2', 'Cookie', 'a=1; b=2', 'Cookie', 'c=3',
        ],
        body: Buffer.from('{"name":"Acmé"}'),
      }),
      match,
      { claims: { sub: 'u1', email_verified: true, 'cognito:groups': ['g1'] }, requestId: 'req-1', now },
    );

    expect(event).toEqual({
      version: '2.0',
      routeKey: 'PATCH /orgs/{orgId}',
      rawPath: '/orgs/o%201',
      rawQueryString: 'tag=a&tag=b&q=x%20y',
      cookies: ['a=1', 'b=2', 'c=3'],
      headers: {
        host: 'api.example.com', 'user-agent': 'curl/8', 'content-type': 'application/json', 'x-multi': '1,2',
        'x-amzn-trace-id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
        'x-forwarded-for': '127.0.0.1', 'x-forwarded-port': '3000', 'x-forwarded-proto': 'http',
      },
      queryStringParameters: { tag: 'a,b', q: 'x y' },
      pathParameters: { orgId: 'o 1' },
      body: '{"name":"Acmé"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'api.example.com',
        domainPrefix: 'api',
        http: { method: 'PATCH', path: '/orgs/o%201', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8' },
        requestId: 'req-1',
        routeKey: 'PATCH /orgs/{orgId}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: now.getTime(),
        authorizer: {
          jwt: { claims: { sub: 'u1', email_verified: 'true', 'cognito:groups': '[g1]' }, scopes: null },
        },
      },
    });
  });

  it('leaves out what a bare GET does not have, and the authorizer of a public route', () => {
    const event = buildEvent(request({ url: '/health' }), { route: route('GET /health'), params: {} }, { now });

    expect(event.rawQueryString).toBe('');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a binary body', () => {
    const bytes = Buffer.from([0, 255, 1, 254]);
    const event = buildEvent(
      request({ method: 'PATCH', rawHeaders: ['Content-Type', 'application/octet-stream'], body: bytes }),
      match,
    );

    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('base64-encodes a body sent without Content-Type, as API Gateway does', () => {
    const event = buildEvent(request({ method: 'PATCH', body: Buffer.from('{"a":1}') }), match);

    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').toString('utf8')).toBe('{"a":1}');
  });

  it('appends the client to an X-Forwarded-For the request already had', () => {
    const event = buildEvent(request({ rawHeaders: ['X-Forwarded-For', '198.51.100.7'] }), match);

    expect(event.headers['x-forwarded-for']).toBe('198.51.100.7, 127.0.0.1');
  });

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['text/plain', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/merge-patch+json', false],
    ['application/problem+json', false],
    ['application/x-www-form-urlencoded', false],
    ['image/png', false],
    ['application/octet-stream', false],
    [undefined, false],
    ['', false],
  ])('treats %s as text: %s', (contentType, text) => {
    expect(isTextBody(contentType)).toBe(text);
  });

  it('formats requestContext.time like API Gateway', () => {
    expect(requestTime(new Date('2026-01-05T03:04:05Z'))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});

describe('lambdaContext', () => {
  it("names the function as AWS does, with the deployed memory, and counts down the deployed timeout", () => {
    const context = lambdaContext(functionNameOf('orgs/transfer-ownership'), 'eu-west-1', 'id-1');

    expect(context.functionName).toBe('tenancy-orgs-transfer-ownership');
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-1:000000000000:function:tenancy-orgs-transfer-ownership');
    expect(context.awsRequestId).toBe('id-1');
    expect(context.memoryLimitInMB).toBe(String(API_FUNCTION.memoryMb));
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(API_FUNCTION.timeoutSeconds * 1000);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });
});

describe('toResponse', () => {
  it('writes a structured result as given, minus undefined headers, with cookies as set-cookie', () => {
    const response = toResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', ETag: '"v2"', Server: undefined },
      cookies: ['a=1; HttpOnly'],
      body: '{"id":"o1"}',
    });

    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', etag: '"v2"', 'set-cookie': ['a=1; HttpOnly'] },
      body: Buffer.from('{"id":"o1"}'),
    });
  });

  it('decodes a base64 body', () => {
    expect(toResponse({ statusCode: 200, body: Buffer.from([1, 2]).toString('base64'), isBase64Encoded: true }).body).toEqual(
      Buffer.from([1, 2]),
    );
  });

  it('throws on a statusCode that is no HTTP status (the gateway answers 500)', () => {
    expect(() => toResponse({ statusCode: 'ok' })).toThrow(/Malformed/);
    expect(() => toResponse({ statusCode: 99 })).toThrow(/Malformed/);
  });

  it('turns a result without statusCode into a 200 JSON body, as API Gateway does', () => {
    expect(toResponse({ status: 'ok' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"status":"ok"}'),
    });
  });
});

describe('createTableInput', () => {
  it('is derived from TABLE: every key attribute a string, both indexes projecting ALL', () => {
    const input = createTableInput('t');

    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.AttributeDefinitions?.map((a) => a.AttributeName).sort()).toEqual([...KEY_ATTRIBUTES].sort());
    expect(input.AttributeDefinitions?.every((a) => a.AttributeType === 'S')).toBe(true);
    expect(input.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(Object.values(TABLE.indexes).map((i) => i.name));
    expect(input.GlobalSecondaryIndexes?.every((i) => i.Projection?.ProjectionType === 'ALL')).toBe(true);
    expect(tableShape(input)).toBe('HASH:PK,RANGE:SK GSI1(HASH:GSI1PK,RANGE:GSI1SK;ALL) GSI2(HASH:GSI2PK,RANGE:GSI2SK;ALL)');
  });
});

// ── Tokens signed with a key made for the test ──────────────────────────────

const ISSUER = 'http://127.0.0.1:9/local_pool';
const CLIENT_ID = 'portal-client';
let privateKey: KeyObject;
let jwks: unknown;

beforeAll(() => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] };
});

function sign(claims: Record<string, unknown>, kid = 'test'): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

function idToken(overrides: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return sign({ sub: 'u1', email: 'a@b.test', token_use: 'id', iss: ISSUER, aud: CLIENT_ID, iat: now, exp: now + 600, ...overrides });
}

describe('createAuthorizer', () => {
  const authorize = () => createAuthorizer({ issuer: ISSUER, clientId: CLIENT_ID, jwks });

  it('returns the claims of a valid ID token, with or without the Bearer prefix', () => {
    const jwt = idToken();

    expect(authorize()(`Bearer ${jwt}`)).toMatchObject({ claims: { sub: 'u1', token_use: 'id' } });
    expect(authorize()(jwt)).toMatchObject({ claims: { sub: 'u1' } });
  });

  it("takes an access token of the portal client (client_id, no aud), as API Gateway's authorizer does: token_use is the handlers' to check", () => {
    const now = Math.floor(Date.now() / 1000);
    const access = sign({ sub: 'u1', token_use: 'access', client_id: CLIENT_ID, iss: ISSUER, iat: now, exp: now + 600 });

    expect(authorize()(`Bearer ${access}`)).toMatchObject({ claims: { token_use: 'access', client_id: CLIENT_ID } });
  });

  it.each([
    ['no header', () => undefined, 'no Authorization header'],
    ['an empty bearer', () => 'Bearer ', 'empty token'],
    ['garbage', () => 'Bearer not.a.jwt', 'not a JWT'],
    ['an expired token', () => `Bearer ${idToken({ iat: 1_600_000_000, exp: 1_600_000_600 })}`, 'expired'],
    ['a token not valid yet', () => `Bearer ${idToken({ nbf: Math.floor(Date.now() / 1000) + 600 })}`, 'not valid yet (nbf)'],
    ['a token issued in the future', () => `Bearer ${idToken({ iat: Math.floor(Date.now() / 1000) + 600 })}`, 'issued in the future (iat)'],
    ['a token without exp', () => `Bearer ${idToken({ exp: undefined })}`, 'no expiry (exp)'],
    ['another audience', () => `Bearer ${idToken({ aud: 'other' })}`, 'wrong audience'],
    ['an access token of another client', () => `Bearer ${idToken({ aud: undefined, client_id: 'other', token_use: 'access' })}`, 'wrong audience (no aud, and client_id is not the portal client)'],
    ['another issuer', () => `Bearer ${idToken({ iss: 'http://127.0.0.1:9/other' })}`, 'wrong issuer'],
    ['an unknown key', () => `Bearer ${sign({ token_use: 'id', iss: ISSUER, aud: CLIENT_ID, exp: 9_999_999_999 }, 'unknown')}`, 'unknown key (kid not in the JWKS)'],
    ['a forged signature', () => `Bearer ${idToken().slice(0, -4)}AAAA`, 'bad signature'],
  ])('refuses %s, saying why', (_, header, reason) => {
    expect(authorize()(header())).toEqual({ refused: reason });
  });
});

describe('createThrottle', () => {
  it("refuses a route's request once its bucket is empty, refills at the rate, and keeps routes apart", () => {
    let now = 0;
    const take = createThrottle({ default: { rateLimit: 2, burstLimit: 3 }, routes: { 'POST /ingest': { rateLimit: 1, burstLimit: 1 } } }, () => now);
    const a = route('GET /a');
    const ingest = route('POST /ingest');

    expect([take(a), take(a), take(a), take(a)]).toEqual([true, true, true, false]);
    expect([take(ingest), take(ingest)]).toEqual([true, false]);
    now += 500; // half a second: one more request at 2 a second
    expect([take(a), take(a)]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect([take(a), take(a), take(a), take(a)]).toEqual([true, true, true, false]);
  });
});

describe('the gateway server', () => {
  const PORTAL = 'http://localhost:5173';
  const cors = corsPolicy(PORTAL);
  const never = new Promise<never>(() => undefined);
  const handlers: Record<string, LambdaHandler> = {
    'echo/event': async (event) => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }),
    'fail/throw': async () => {
      throw new Error('boom');
    },
    'slow/never': () => never,
    'huge/result': async () => ({ statusCode: 200, body: 'x'.repeat(AWS_LIMITS.lambdaResponseBytes) }),
    'bad/status': async () => ({ statusCode: 'fine' }),
    // A function that sets CORS headers of its own, which API Gateway ignores.
    'cors/own': async () => ({
      statusCode: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '7', 'access-control-allow-origin': '*', 'Access-Control-Expose-Headers': 'x-secret' },
      body: '{}',
    }),
  };
  const lines: string[] = [];
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      routes: [
        route('POST /echo/{id}', 'echo/event', 'user'), route('GET /public', 'echo/event'), route('POST /public', 'echo/event'),
        route('GET /fail', 'fail/throw'), route('GET /slow', 'slow/never'), route('GET /huge', 'huge/result'),
        route('GET /bad', 'bad/status'), route('GET /cors', 'cors/own'),
      ],
      auth: { issuer: ISSUER, clientId: CLIENT_ID, jwks },
      portalUrl: PORTAL,
      region: 'us-east-1',
      log: (line) => lines.push(line),
      functionTimeoutMs: 100,
      loadHandler: async (name) => {
        const handler = handlers[name];
        if (handler === undefined) throw new Error(`no handler ${name}`);
        return handler;
      },
    });
  });
  afterAll(() => gateway.close());
  afterEach(() => vi.restoreAllMocks());

  /** API Gateway's own answer: exactly `{"message": ...}` as application/json. */
  async function expectGateway(response: Response, status: number, message: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message });
  }

  const corsHeaderNames = (response: Response): string[] => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('hands the handler the event with stringified claims and writes its result back', async () => {
    const response = await fetch(`${gateway.url}/echo/a%20b?x=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken({ email_verified: true })}`, 'content-type': 'application/json' },
      body: '{"hello":"world"}',
    });
    const event = (await response.json()) as Record<string, any>;

    expect(response.status).toBe(200);
    expect(event.routeKey).toBe('POST /echo/{id}');
    expect(event.pathParameters).toEqual({ id: 'a b' });
    expect(event.queryStringParameters).toEqual({ x: '1' });
    expect(event.body).toBe('{"hello":"world"}');
    expect(event.requestContext.authorizer).toEqual({ jwt: { claims: expect.objectContaining({ sub: 'u1', email_verified: 'true' }), scopes: null } });
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('answers 401 {"message":"Unauthorized"} without calling the handler, and logs why', async () => {
    const spy = vi.spyOn(handlers, 'echo/event');
    lines.length = 0;

    const missing = await fetch(`${gateway.url}/echo/1`, { method: 'POST' });
    const expired = await fetch(`${gateway.url}/echo/1`, { method: 'POST', headers: { authorization: `Bearer ${idToken({ iat: 1, exp: 2 })}` } });

    await expectGateway(missing, 401, 'Unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    await expectGateway(expired, 401, 'Unauthorized');
    expect(spy).not.toHaveBeenCalled();
    expect(lines).toEqual(expect.arrayContaining([
      '[gateway] 401 POST /echo/1: token refused: no Authorization header',
      '[gateway] 401 POST /echo/1: token refused: expired',
    ]));
  });

  it('answers 500 {"message":"Internal Server Error"}, revealing nothing, when a handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await fetch(`${gateway.url}/fail`);

    await expectGateway(response, 500, 'Internal Server Error');
  });

  it("cuts a handler at the function's timeout with API Gateway's 500, as Lambda's timeout does", async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await fetch(`${gateway.url}/slow`);

    await expectGateway(response, 500, 'Internal Server Error');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('timed out after 100 ms'));
  });

  it("answers 500 to a result over Lambda's 6 MB response limit, and to a malformed one", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expectGateway(await fetch(`${gateway.url}/huge`), 500, 'Internal Server Error');
    await expectGateway(await fetch(`${gateway.url}/bad`), 500, 'Internal Server Error');
  });

  it('answers 413 {"message":"Request Entity Too Large"} to a body over 10 MB', async () => {
    const response = await fetch(`${gateway.url}/public`, { method: 'POST', body: Buffer.alloc(MAX_BODY_BYTES + 1) });

    await expectGateway(response, 413, 'Request Entity Too Large');
  });

  it("answers the same 413, without calling the handler, when the event would be over Lambda's 6 MB: a 5 MB binary body is 6.7 MB in base64", async () => {
    const spy = vi.spyOn(handlers, 'echo/event');

    const binary = await fetch(`${gateway.url}/public`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(5 * 1024 * 1024) });
    const text = await fetch(`${gateway.url}/public`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(AWS_LIMITS.lambdaRequestBytes)}"` });

    await expectGateway(binary, 413, 'Request Entity Too Large');
    await expectGateway(text, 413, 'Request Entity Too Large');
    expect(spy).not.toHaveBeenCalled();
  });

  it('answers 404 {"message":"Not Found"} to a method the path does not have, and to an unknown path', async () => {
    await expectGateway(await fetch(`${gateway.url}/public`, { method: 'DELETE' }), 404, 'Not Found');
    await expectGateway(await fetch(`${gateway.url}/nowhere`), 404, 'Not Found');
  });

  describe('CORS (infra/cors.ts, applied as API Gateway applies it)', () => {
    const preflightFrom = (origin: string, path: string) =>
      fetch(`${gateway.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

    it.each(['/public', '/echo/1', '/nowhere/at/all'])('answers a preflight from the portal for any path (%s), before routing and the authorizer', async (path) => {
      const spy = vi.spyOn(handlers, 'echo/event');

      const response = await preflightFrom(PORTAL, path);

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(response.headers.get('access-control-allow-methods')).toBe(cors.allowMethods.join(','));
      expect(response.headers.get('access-control-allow-headers')).toBe(cors.allowHeaders.join(','));
      expect(response.headers.get('access-control-max-age')).toBe(String(cors.maxAgeSeconds));
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(spy).not.toHaveBeenCalled();
    });

    it('answers a preflight from another origin with no CORS header at all', async () => {
      const response = await preflightFrom('https://evil.example', '/public');

      expect(response.status).toBe(204);
      expect(corsHeaderNames(response)).toEqual([]);
    });

    it('routes an OPTIONS that is no preflight (no Access-Control-Request-Method): no such route, 404', async () => {
      await expectGateway(await fetch(`${gateway.url}/public`, { method: 'OPTIONS', headers: { origin: PORTAL } }), 404, 'Not Found');
    });

    it("lets the portal read a response, its Retry-After and ETag among the exposed headers; the function's own CORS headers are dropped", async () => {
      const response = await fetch(`${gateway.url}/cors`, { headers: { origin: PORTAL } });

      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(response.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['etag', 'retry-after']));
      expect(response.headers.get('access-control-expose-headers')).not.toContain('x-secret');
      expect(response.headers.get('retry-after')).toBe('7');
    });

    it("gives another origin, and a request without Origin, no CORS header, whatever the function set", async () => {
      const foreign = await fetch(`${gateway.url}/cors`, { headers: { origin: 'https://evil.example' } });
      const none = await fetch(`${gateway.url}/cors`);

      expect(corsHeaderNames(foreign)).toEqual([]);
      expect(corsHeaderNames(none)).toEqual([]);
    });

    it("puts the CORS headers on the gateway's own answers too", async () => {
      const response = await fetch(`${gateway.url}/echo/1`, { method: 'POST', headers: { origin: PORTAL } });

      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    });
  });

  it('keeps an idle connection open past a 6 s pause, so a client reusing it is answered', async () => {
    let connections = 0;
    const count = (): void => void (connections += 1);
    gateway.server.on('connection', count);
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        httpGet(`${gateway.url}/public`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    try {
      expect(await get()).toBe(200);
      await sleep(6_000);
      expect(await get()).toBe(200);
      expect(connections).toBe(1);
    } finally {
      agent.destroy();
      gateway.server.off('connection', count);
    }
  }, 20_000);
});

describe('the gateway server with stage throttling', () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      routes: [route('GET /a'), route('GET /b')],
      auth: { issuer: ISSUER, clientId: CLIENT_ID, jwks },
      portalUrl: 'http://localhost:5173',
      region: 'us-east-1',
      quiet: true,
      // A bucket of two that refills too slowly to matter during the test.
      throttle: { default: { rateLimit: 0.001, burstLimit: 2 } },
      loadHandler: async () => async () => ({ statusCode: 200, body: 'ok' }),
    });
  });
  afterAll(() => gateway.close());

  it('answers 429 {"message":"Too Many Requests"} once a route has used its burst, per route', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${gateway.url}/a`)).status);
    const throttled = await fetch(`${gateway.url}/a`);
    const other = await fetch(`${gateway.url}/b`);

    expect(statuses).toEqual([200, 200, 429]);
    expect(throttled.headers.get('content-type')).toBe('application/json');
    expect(await throttled.json()).toEqual({ message: 'Too Many Requests' });
    expect(other.status).toBe(200);
  });
});

describe('Periodic', () => {
  afterEach(() => vi.useRealTimers());

  it('runs a task every period, never two runs at once, and waits for the last one at stop', async () => {
    vi.useFakeTimers();
    const periodic = new Periodic(() => undefined);
    let release: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    periodic.every({ name: 'task', everyMs: 1000, run });

    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(1);

    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);

    const stopped = periodic.stop();
    release();
    await stopped;
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed run, and reports it', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const periodic = new Periodic((line) => lines.push(line));
    const run = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined);
    periodic.every({ name: 'sweep', everyMs: 100, run });

    await vi.advanceTimersByTimeAsync(250);
    await periodic.stop();

    expect(run).toHaveBeenCalledTimes(2);
    expect(lines).toEqual(['[sweep] failed: db down']);
  });
});

/**
 * The local gateway's pure parts (routing, events as API Gateway builds them, responses,
 * the authorizer) and the gateway server itself with stand-in handlers on loopback.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeList } from '#functions/routes.js';
import type { Route } from '#http/route.js';
import { KEY_ATTRIBUTES, TABLE } from '#db/table.js';
import { createTableInput, tableShape } from '../../infra/local/dynamodb.js';
import { MAX_BODY_BYTES, startGateway, type Gateway } from '../../infra/local/gateway.js';
import { createAuthorizer } from '../../infra/local/gateway-authorizer.js';
import { buildEvent, isTextBody, requestTime, stringifyClaims, toResponse, type RawRequest } from '../../infra/local/gateway-event.js';
import { functionNameOf, lambdaContext, type LambdaHandler } from '../../infra/local/gateway-handlers.js';
import { createRouter } from '../../infra/local/gateway-router.js';
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
  it('turns every claim into a string the way the HTTP API JWT authorizer does', () => {
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
      nothing: 'null',
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
      headers: { host: 'api.example.com', 'user-agent': 'curl/8', 'content-type': 'application/json', 'x-multi': '1,2' },
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
          principalId: '',
          integrationLatency: 0,
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

  it.each([
    ['application/json; charset=utf-8', true],
    ['application/merge-patch+json', true],
    ['application/problem+json', true],
    ['text/plain', true],
    ['application/x-www-form-urlencoded', true],
    ['image/png', false],
    ['application/octet-stream', false],
  ])('treats %s as text: %s', (contentType, text) => {
    expect(isTextBody(contentType)).toBe(text);
  });

  it('formats requestContext.time like API Gateway', () => {
    expect(requestTime(new Date('2026-01-05T03:04:05Z'))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});

describe('lambdaContext', () => {
  it("names the function as AWS does and counts down the invocation's time", () => {
    const context = lambdaContext(functionNameOf('orgs/transfer-ownership'), 'eu-west-1', 'id-1');

    expect(context.functionName).toBe('tenancy-orgs-transfer-ownership');
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-1:000000000000:function:tenancy-orgs-transfer-ownership');
    expect(context.awsRequestId).toBe('id-1');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(20_000);
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
  it('returns the claims of a valid ID token, with or without the Bearer prefix', () => {
    const authorize = createAuthorizer({ issuer: ISSUER, clientId: CLIENT_ID, jwks });
    const jwt = idToken();

    expect(authorize(`Bearer ${jwt}`)).toMatchObject({ sub: 'u1', token_use: 'id' });
    expect(authorize(jwt)).toMatchObject({ sub: 'u1' });
  });

  it.each([
    ['no header', () => undefined],
    ['an empty bearer', () => 'Bearer '],
    ['garbage', () => 'Bearer not.a.jwt'],
    ['an expired token', () => `Bearer ${idToken({ iat: 1_600_000_000, exp: 1_600_000_600 })}`],
    ['another audience', () => `Bearer ${idToken({ aud: 'other' })}`],
    ['another issuer', () => `Bearer ${idToken({ iss: 'http://127.0.0.1:9/other' })}`],
    ['an access token', () => `Bearer ${idToken({ token_use: 'access' })}`],
    ['an unknown key', () => `Bearer ${sign({ token_use: 'id', iss: ISSUER, aud: CLIENT_ID, exp: 9_999_999_999 }, 'unknown')}`],
    ['a forged signature', () => `Bearer ${idToken().slice(0, -4)}AAAA`],
  ])('refuses %s', (_, header) => {
    const authorize = createAuthorizer({ issuer: ISSUER, clientId: CLIENT_ID, jwks });

    expect(authorize(header())).toBeUndefined();
  });
});

describe('the gateway server', () => {
  const handlers: Record<string, LambdaHandler> = {
    'echo/event': async (event) => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }),
    'fail/throw': async () => {
      throw new Error('boom');
    },
  };
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      routes: [route('POST /echo/{id}', 'echo/event', 'user'), route('GET /public', 'echo/event'), route('GET /fail', 'fail/throw')],
      auth: { issuer: ISSUER, clientId: CLIENT_ID, jwks },
      portalUrl: 'http://localhost:5173',
      region: 'us-east-1',
      quiet: true,
      loadHandler: async (name) => {
        const handler = handlers[name];
        if (handler === undefined) throw new Error(`no handler ${name}`);
        return handler;
      },
    });
  });
  afterAll(() => gateway.close());
  afterEach(() => vi.restoreAllMocks());

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
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: 'u1', email_verified: 'true' });
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
  });

  it('answers 401 problem+json without calling the handler when the token is missing', async () => {
    const spy = vi.spyOn(handlers, 'echo/event');

    const response = await fetch(`${gateway.url}/echo/1`, { method: 'POST' });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(spy).not.toHaveBeenCalled();
  });

  it('answers 500 problem+json, revealing nothing, when a handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await fetch(`${gateway.url}/fail`);
    const body = await response.text();

    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toMatchObject({ code: 'internal_error', status: 500 });
    expect(body).not.toContain('boom');
  });

  it('answers 413 problem+json to a body over 10 MB', async () => {
    const response = await fetch(`${gateway.url}/public`, { method: 'POST', body: Buffer.alloc(MAX_BODY_BYTES + 1) });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 404 problem+json to a method the path does not have', async () => {
    const response = await fetch(`${gateway.url}/public`, { method: 'DELETE' });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('allows the portal origin on ordinary responses too', async () => {
    const response = await fetch(`${gateway.url}/public`, { headers: { origin: 'http://localhost:5173' } });

    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
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

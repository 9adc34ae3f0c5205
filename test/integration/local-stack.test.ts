/**
 * The local stack itself: the table has the shape of shared/db/table.ts, cognito-local's
 * tokens verify, and the gateway answers as API Gateway does: its own `{"message": ...}` for
 * what its JWT authorizer refuses, unknown routes and bodies too large for it or for Lambda,
 * and CORS from the one definition.
 */
import { createSign } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { JwtVerifier } from 'aws-jwt-verify';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE } from '#db/table.js';
import { fetchJwks, issuerOf, OPERATORS_GROUP } from '../../infra/local/cognito.js';
import { createTableInput, dynamoClient, tableShape } from '../../infra/local/dynamodb.js';
import { AWS_LIMITS } from '../../infra/api-settings.js';
import { corsPolicy } from '../../infra/cors.js';
import { MAX_BODY_BYTES } from '../../infra/local/gateway.js';
import { DEFAULT_PORTAL_URL } from '../../infra/local/stack.js';
import { conform } from './support/conformance.js';
import { stack, token } from './support/stack.js';

const PROBLEM = 'application/problem+json';
const GATEWAY_TYPE = 'application/json';
/** The portal the local stack allows (PORTAL_URL is not set in the tests). */
const PORTAL = DEFAULT_PORTAL_URL;

/** A token signed with cognito-local's own key, so that only the claims decide its fate. */
function signWithLocalKey(claims: Record<string, unknown>): string {
  const key = createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.pem).toString('base64url');
  return `${unsigned}.${signature}`;
}

function idClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: '5f0c1a2e-0000-4000-8000-000000000001',
    email: 'forged@example.test',
    email_verified: true,
    token_use: 'id',
    iss: issuerOf(stack()),
    aud: stack().clientId,
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await fetch(`${stack().apiUrl}${path}`, init);
  const text = await response.text();
  await conform(init.method ?? 'GET', path, { status: response.status, headers: response.headers, text });
  return { status: response.status, type: response.headers.get('content-type'), body: text === '' ? undefined : JSON.parse(text) };
}

const bearer = (jwt: string): RequestInit => ({ headers: { authorization: `Bearer ${jwt}` } });

describe('the table', () => {
  const client = dynamoClient(stack().dynamodbEndpoint);
  afterAll(() => client.destroy());

  it('is created from shared/db/table.ts: keys, both GSIs, ALL projections', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: stack().tableName }));

    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
    expect(Object.keys(indexes).sort()).toEqual(Object.values(TABLE.indexes).map((i) => i.name).sort());
    for (const index of Object.values(TABLE.indexes)) {
      expect(indexes[index.name]?.KeySchema).toEqual([
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ]);
      expect(indexes[index.name]?.Projection?.ProjectionType).toBe('ALL');
    }
    expect(tableShape(Table ?? {})).toBe(tableShape(createTableInput(stack().tableName)));
  });

  it('expires items by the TTL attribute of the definition', async () => {
    const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: stack().tableName }));

    expect(TimeToLiveDescription?.AttributeName).toBe(TABLE.ttlAttribute);
    expect(TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });
});

describe('cognito-local tokens', () => {
  it('verify against the pool: issuer, audience, ID token, email verified', async () => {
    const verifier = JwtVerifier.create({ issuer: issuerOf(stack()), audience: stack().clientId });
    verifier.cacheJwks((await fetchJwks(stack())) as Parameters<typeof verifier.cacheJwks>[0]);

    const issued = await token('verify@example.test');
    const claims = verifier.verifySync(issued.idToken);

    expect(claims).toMatchObject({ token_use: 'id', email: 'verify@example.test', email_verified: true, sub: issued.sub });
    expect(claims['cognito:groups']).toBeUndefined();
  });

  it('carry the groups asked for, and lose them when asked again without', async () => {
    const email = 'operator@example.test';
    const decode = (jwt: string): Record<string, unknown> =>
      JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

    const asOperator = await token(email, { groups: [OPERATORS_GROUP] });
    const asUser = await token(email, { groups: [] });

    expect(decode(asOperator.idToken)['cognito:groups']).toEqual([OPERATORS_GROUP]);
    expect(decode(asUser.idToken)['cognito:groups']).toBeUndefined();
    expect(asUser.sub).toBe(asOperator.sub);
  });

  it('can be asked for the same new user by parallel tests', async () => {
    const issued = await Promise.all([1, 2, 3].map(() => token('parallel@example.test')));

    expect(new Set(issued.map((t) => t.sub)).size).toBe(1);
  });

  it('say so when the email is not verified', async () => {
    const issued = await token('unverified@example.test', { emailVerified: false });
    const claims = JSON.parse(Buffer.from(issued.idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));

    expect(claims.email_verified).toBe(false);
  });
});

describe('the gateway', () => {
  /** API Gateway's own answer: `{"message": ...}` as application/json, never problem+json. */
  const expectGateway = (response: { status: number; type: string | null; body: unknown }, status: number, message: string): void => {
    expect(response.status).toBe(status);
    expect(response.type).toBe(GATEWAY_TYPE);
    expect(response.body).toEqual({ message });
  };

  it.each([
    ['no Authorization header', (): RequestInit => ({})],
    ['a garbage token', (): RequestInit => bearer('garbage')],
    ['an empty bearer', (): RequestInit => ({ headers: { authorization: 'Bearer ' } })],
    ['an expired token', (): RequestInit => bearer(signWithLocalKey(idClaims({ iat: 1_600_000_000, exp: 1_600_003_600 })))],
    ['a token for another audience', (): RequestInit => bearer(signWithLocalKey(idClaims({ aud: 'another-client' })))],
    ['a token of another issuer', (): RequestInit => bearer(signWithLocalKey(idClaims({ iss: 'http://127.0.0.1:1/local_other' })))],
  ])('answers API Gateway\'s 401 {"message":"Unauthorized"} to %s', async (_, init) => {
    expectGateway(await call('/me', init()), 401, 'Unauthorized');
  });

  it('lets an access token of the portal client through, as API Gateway does, and the handler answers 401 problem+json', async () => {
    const issued = await token('tokens@example.test');
    const forged = signWithLocalKey(idClaims({ token_use: 'access' }));

    for (const jwt of [issued.accessToken, forged]) {
      const response = await call('/me', bearer(jwt));
      expect(response.status).toBe(401);
      expect(response.type).toBe(PROBLEM);
      expect(response.body).toMatchObject({ status: 401, code: 'unauthorized' });
    }
  });

  it('answers 401 to a tampered ID token', async () => {
    const issued = await token('tokens@example.test');
    const [header, , signature] = issued.idToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify(idClaims())).toString('base64url')}.${signature}`;

    expectGateway(await call('/me', bearer(tampered)), 401, 'Unauthorized');
  });

  it('lets a valid ID token through to the handler', async () => {
    const issued = await token('through@example.test');

    const response = await call('/me', bearer(issued.idToken));

    expect(response.status).not.toBe(401);
    expect(response.status).toBeLessThan(500);
  });

  it('answers {"message":"Not Found"} to an unknown path, an unknown method, and an OPTIONS that is no preflight', async () => {
    for (const [path, method] of [['/no/such/route', 'GET'], ['/me', 'PUT'], ['/me', 'OPTIONS']] as const) {
      expectGateway(await call(path, { method }), 404, 'Not Found');
    }
  });

  it("answers {\"message\":\"Request Entity Too Large\"} past API Gateway's 10 MB, without reaching a handler", async () => {
    const response = await call('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });

    expectGateway(response, 413, 'Request Entity Too Large');
  });

  it("answers the same 413 to a body under 10 MB that makes the event larger than Lambda's 6 MB", async () => {
    const issued = await token('six-megabytes@example.test');
    const response = await call('/signup', {
      method: 'POST',
      headers: { authorization: `Bearer ${issued.idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ givenName: 'x'.repeat(AWS_LIMITS.lambdaRequestBytes), familyName: 'y', organizationName: 'z' }),
    });

    expectGateway(response, 413, 'Request Entity Too Large');
    // Nothing reached the handler: the user has no profile.
    expect((await call('/me', bearer(issued.idToken))).status).toBe(404);
  });

  it('answers a CORS preflight itself for the portal, from the one CORS definition', async () => {
    const cors = corsPolicy(PORTAL);
    for (const path of ['/orgs/o1', '/no/such/route']) {
      const response = await fetch(`${stack().apiUrl}${path}`, {
        method: 'OPTIONS',
        headers: { origin: PORTAL, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match' },
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(response.headers.get('access-control-allow-methods')).toBe(cors.allowMethods.join(','));
      expect(response.headers.get('access-control-allow-headers')).toBe(cors.allowHeaders.join(','));
      expect(response.headers.get('access-control-max-age')).toBe(String(cors.maxAgeSeconds));
    }
  });

  it("lets the portal read a function's Retry-After and ETag, and gives another origin no CORS header", async () => {
    const fromPortal = await fetch(`${stack().apiUrl}/health`, { headers: { origin: PORTAL } });
    const fromElsewhere = await fetch(`${stack().apiUrl}/health`, { headers: { origin: 'https://evil.example' } });

    expect(fromPortal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(fromPortal.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['etag', 'retry-after']));
    expect([...fromElsewhere.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('serves GET /health from functions/service/health.ts', async () => {
    // The handler is written alongside this stack; wait for it rather than fail on the race.
    const handler = new URL('../../functions/service/health.ts', import.meta.url);
    for (let i = 0; i < 100 && !existsSync(handler); i += 1) await sleep(200);

    const response = await call('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

/** A request with a Host header of our choosing (fetch sets Host from the URL). */
function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the table browser (dynamodb-admin)', () => {
  it('lists the table, on loopback', async () => {
    expect(new URL(stack().adminUrl).hostname).toBe('127.0.0.1');

    const page = await rawRequest(`${stack().adminUrl}/`);

    expect(page.status).toBe(200);
    expect(page.body).toContain(stack().tableName);
  });

  it('answers 403 to a request addressed to another name (DNS rebinding) and to a change sent by another site', async () => {
    const { port } = new URL(stack().adminUrl);

    expect((await rawRequest(`${stack().adminUrl}/`, { headers: { host: `rebound.example:${port}` } })).status).toBe(403);
    const deletion = await rawRequest(`${stack().adminUrl}/tables/${stack().tableName}/delete`, { method: 'POST', headers: { origin: 'http://evil.example' } });
    expect(deletion.status).toBe(403);
    expect((await rawRequest(`${stack().adminUrl}/`)).body).toContain(stack().tableName);
  });
});

describe('DynamoDB Local', () => {
  // A guard rather than a fix: run without -cors, the jar grants CORS to no origin; -cors '*' would undo that.
  it('grants CORS to no page: a preflight from another origin gets no Access-Control-Allow-Origin', async () => {
    const response = await fetch(stack().dynamodbEndpoint, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-target,content-type' },
    });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

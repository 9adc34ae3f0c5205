/**
 * The handlers on events in the exact format API Gateway's HTTP API sends (test/fixtures/api-gateway,
 * with its sources): claims all strings, groups as "[a b]", identities as JSON text, a body
 * base64-encoded; and the local gateway's own events held to the same layout.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { principalFrom } from '#auth/principal.js';
import { routes } from '#functions/routes.js';
import { handler as health } from '#functions/service/health.js';
import { handler as signup } from '#functions/me/signup.js';
import { buildEvent, stringifyClaims } from '../../infra/local/gateway-event.js';
import { context, json } from '../support/events.js';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

const fixture = (name: string): Event =>
  JSON.parse(readFileSync(new URL(`../fixtures/api-gateway/${name}`, import.meta.url), 'utf8')) as Event;

const withClaims = (event: Event, claims: Record<string, string>): Event => ({
  ...event,
  requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: null } } } as Event['requestContext'],
});

/** Every path to a leaf of `value`, e.g. `requestContext.http.method`, in order. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => paths(child, prefix === '' ? key : `${prefix}.${key}`)).sort();
}

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());

describe("the principal, from an ID token's claims as API Gateway passes them", () => {
  const real = fixture('http-api-jwt-id-token-get.json');

  it('reads user, email, verified flag, groups "[a b]", identities as JSON text and the name claims', () => {
    expect(principalFrom(real)).toEqual({
      userId: '9a4c2e1f-5b3d-4a7e-8c6f-2d1e0b9a8c7d',
      email: 'ada@example.com',
      emailVerified: true,
      groups: ['platform-operators', 'beta-testers'],
      identityProviders: ['Google'],
      givenName: 'Ada',
      familyName: 'Lovelace',
    });
  });

  it.each([
    ['JSON text of the array', '[{"providerName":"Google","userId":"1"},{"providerName":"CorpSAML","userId":"2"}]'],
    ["API Gateway's rendering of an array claim, elements joined with a space", '[{"providerName":"Google","userId":"1"} {"providerName":"CorpSAML","userId":"2"}]'],
    ["Go's formatting of a list of maps", '[map[dateCreated:1767000000000 providerName:Google userId:1] map[providerName:CorpSAML userId:2]]'],
  ])('reads identities in each form they may arrive in: %s', (_, identities) => {
    const claims = { ...(real.requestContext.authorizer.jwt.claims as Record<string, string>), identities };

    expect(principalFrom(withClaims(real, claims)).identityProviders).toEqual(['Google', 'CorpSAML']);
  });

  it('reads a single group and no groups', () => {
    const claims = real.requestContext.authorizer.jwt.claims as Record<string, string>;
    const { 'cognito:groups': _groups, ...without } = claims;

    expect(principalFrom(withClaims(real, { ...claims, 'cognito:groups': '[platform-operators]' })).groups).toEqual(['platform-operators']);
    expect(principalFrom(withClaims(real, without)).groups).toEqual([]);
  });

  it('takes email_verified "false" for false', () => {
    const claims = { ...(real.requestContext.authorizer.jwt.claims as Record<string, string>), email_verified: 'false' };

    expect(principalFrom(withClaims(real, claims)).emailVerified).toBe(false);
  });
});

describe('handlers on the recorded-format events', () => {
  it('GET /health answers the event of a route without an authorizer', async () => {
    const res = await health(fixture('http-api-no-authorizer-get.json'), context());

    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok' });
  });

  it('POST /signup decodes a base64-encoded body and takes the user from the string claims', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});

    const res = await signup(fixture('http-api-jwt-base64-post.json'), context());

    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({
      user: { id: '9a4c2e1f-5b3d-4a7e-8c6f-2d1e0b9a8c7d', email: 'ada@example.com', givenName: 'Ada', familyName: 'Lovelace' },
      organizations: [{ name: 'Analytical Engines', role: 'owner' }],
    });
  });
});

describe("the local gateway's event, against the recorded layout", () => {
  const real = fixture('http-api-jwt-id-token-get.json');
  const local = buildEvent(
    {
      method: 'GET',
      url: '/me',
      rawHeaders: Object.entries(real.headers).flatMap(([name, value]) => (name.startsWith('x-') ? [] : [name, value!])),
      body: Buffer.alloc(0),
      sourceIp: '203.0.113.24',
      protocol: 'HTTP/1.1',
      port: 3000,
    },
    { route: { ...routes['GET /me'], key: 'GET /me', method: 'GET', path: '/me' } as never, params: {} },
    { claims: { sub: 'x', token_use: 'id' } },
  ) as Event;

  it('has exactly the fields of the real one, requestContext.authorizer included (no principalId, no integrationLatency)', () => {
    const skeleton = (event: unknown) => paths(event).filter((p) => !p.startsWith('headers.') && !p.startsWith('requestContext.authorizer.jwt.claims.'));

    expect(skeleton(local)).toEqual(skeleton(real));
    expect(Object.keys(local.requestContext.authorizer)).toEqual(['jwt']);
    expect(local.requestContext.authorizer.jwt.scopes).toBeNull();
  });

  it("adds the headers API Gateway adds, and the client's own", () => {
    expect(Object.keys(local.headers).sort()).toEqual(Object.keys(real.headers).sort());
  });

  it("renders claims as the real event has them: numbers, booleans and lists as strings, nulls left out", () => {
    const rendered = stringifyClaims({
      auth_time: 1_767_258_000,
      email_verified: true,
      'cognito:groups': ['platform-operators', 'beta-testers'],
      identities: [{ providerName: 'Google', userId: '108234567890123456789' }],
      nickname: null,
    });

    expect(rendered).toEqual({
      auth_time: '1767258000',
      email_verified: 'true',
      'cognito:groups': '[platform-operators beta-testers]',
      identities: '[{"providerName":"Google","userId":"108234567890123456789"}]',
    });
    const realClaims = real.requestContext.authorizer.jwt.claims;
    for (const name of ['auth_time', 'email_verified', 'cognito:groups'] as const) expect(typeof realClaims[name]).toBe(typeof rendered[name]);
  });
});

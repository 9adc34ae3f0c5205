/**
 * The database unreachable or slow (issue 13): with aws-sdk-client-mock above the SDK's retry
 * layer, the errors the SDK gives up with — a connection refused or reset, a connection or request
 * timeout, the service unavailable, throttling, also when Powertools' idempotency layer wraps them —
 * answer 503 problem+json `unavailable` with `Retry-After`, never a generic 500. And the client
 * itself is bounded below the function timeout. A real socket that refuses or never answers is the
 * integration test `storage-unavailable.test.ts`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient, ThrottlingException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handler as getOrg } from '#functions/orgs/get.js';
import { handler as createOrg } from '#functions/orgs/create.js';
import { context, event, idClaims, json } from '../support/events.js';

const ddb = mockClient(DynamoDBDocumentClient);
const raw = mockClient(DynamoDBClient);
const ORG = '11111111-1111-4111-8111-111111111111';
const USER = 'user-1';
const profileItem = { PK: `USER#${USER}`, SK: 'PROFILE', type: 'User', id: USER, email: 'u@x.io', givenName: 'Ursula', familyName: 'K', orgRoles: {}, createdAt: '2026-01-01T00:00:00.000Z', version: 1 };

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** The errors the SDK rethrows once its tries are spent, each a fresh one per call. */
const FAULTS: Record<string, () => Error> = {
  'connection refused': () => withCode('connect ECONNREFUSED 127.0.0.1:8000', 'ECONNREFUSED'),
  'connection reset': () => Object.assign(withCode('socket hang up', 'ECONNRESET'), { name: 'TimeoutError' }),
  'connection timeout': () =>
    Object.assign(new Error('the request socket did not establish a connection with the server within the configured timeout of 1000 ms.'), { name: 'TimeoutError' }),
  'request timeout': () =>
    Object.assign(new Error('a request has exceeded the configured 1500 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' }),
  'unknown host': () => withCode('getaddrinfo ENOTFOUND dynamodb.invalid', 'ENOTFOUND'),
  'service unavailable': () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable' }),
  throttled: () => new ThrottlingException({ message: 'rate exceeded', $metadata: {} }),
};

function expect503(res: APIGatewayProxyStructuredResultV2, label: string): void {
  expect(res.statusCode, label).toBe(503);
  expect(res.headers?.['Content-Type'], label).toBe('application/problem+json');
  expect(Number(res.headers?.['Retry-After']), label).toBeGreaterThanOrEqual(1);
  expect(json(res), label).toMatchObject({ status: 503, code: 'unavailable' });
}

beforeEach(() => {
  ddb.reset();
  raw.reset();
});

describe('storage that is down, slow or throttling answers 503 + Retry-After', () => {
  it.each(Object.entries(FAULTS))('%s on the authorization read', async (label, fault) => {
    ddb.on(BatchGetCommand).callsFake(() => Promise.reject(fault()));
    expect503(await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context()), label);
  });

  it.each(Object.entries(FAULTS))('%s on a create transaction, after the reads went through', async (label, fault) => {
    ddb.on(GetCommand).resolves({ Item: profileItem });
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).callsFake(() => Promise.reject(fault()));
    const res = await createOrg(event({ method: 'POST', claims: idClaims(USER), body: { name: 'Acme' } }), context());
    expect503(res, label);
    expect(ddb.commandCalls(TransactWriteCommand), label).toHaveLength(1);
  });

  it.each(Object.entries(FAULTS))('%s under the idempotency layer (wrapped by Powertools)', async (label, fault) => {
    ddb.on(GetCommand).resolves({ Item: profileItem });
    raw.callsFake(() => Promise.reject(fault())); // the in-progress record's save and its release both fail
    const res = await createOrg(
      event({ method: 'POST', claims: idClaims(USER), body: { name: 'Acme' }, headers: { 'idempotency-key': 'k-1' } }),
      context(),
    );
    expect503(res, label);
  });

  it('a down or stalled database waits longer than a throttle before the retry', async () => {
    ddb.on(BatchGetCommand).callsFake(() => Promise.reject(FAULTS['request timeout']!()));
    const slow = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    ddb.reset();
    ddb.on(BatchGetCommand).callsFake(() => Promise.reject(FAULTS.throttled!()));
    const busy = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(Number(slow.headers?.['Retry-After'])).toBeGreaterThan(Number(busy.headers?.['Retry-After']));
  });

  it('anything else is still the generic 500 that reveals nothing', async () => {
    ddb.on(BatchGetCommand).callsFake(() => Promise.reject(new Error('boom')));
    const res = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(500);
    expect(json(res)).toMatchObject({ code: 'internal_error' });
  });
});

describe('the DynamoDB client is bounded below the 10 s function timeout', () => {
  it('connection and request timeouts (which throw, not only warn), and a few tries', async () => {
    // The defaults, whatever the environment of this run says (the local stack's is more generous).
    const saved = { ...process.env };
    for (const name of ['DYNAMODB_CONNECTION_TIMEOUT_MS', 'DYNAMODB_REQUEST_TIMEOUT_MS', 'DYNAMODB_MAX_ATTEMPTS']) delete process.env[name];
    vi.resetModules();
    try {
      const { dynamodb } = await import('#db/client.js');
      const handler = dynamodb.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
      expect(await handler.configProvider).toMatchObject({ connectionTimeout: 1_000, requestTimeout: 1_500, throwOnRequestTimeout: true });
      const attempts = await dynamodb.config.maxAttempts();
      expect(attempts).toBe(3);
      // Worst case of one call: every try times out, plus the standard strategy's backoff (≤ 0.5 s, ≤ 1 s).
      expect(attempts * Math.max(1_000, 1_500) + 1_500).toBeLessThan(10_000);
    } finally {
      process.env = saved;
      vi.resetModules();
    }
  });
});

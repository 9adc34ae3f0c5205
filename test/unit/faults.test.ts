/**
 * Fault injection with aws-sdk-client-mock: what DynamoDB Local never does. Throttling, request
 * limits, transaction conflicts and internal errors on a create with a transaction, an update, the
 * authorization BatchGet and a list Query; an SES outage on invite.
 *
 * The mock replaces the document client's `send`, i.e. it sits ABOVE the SDK's own retry layer:
 * a throttling error here is one the SDK already retried (maxAttempts 3, `config().dynamodbTimeouts`), so the handlers answer
 * 503 at once and do not retry again (no amplification). A `TransactionConflict` cancellation is
 * not retried by the SDK; `transact` retries it itself (4 attempts in all). Storage that is down or
 * stalled (timeouts, refused connections) is `storage-faults.test.ts` and the integration test
 * `storage-unavailable.test.ts`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handler as getOrg } from '#functions/orgs/get.js';
import { handler as patchOrg } from '#functions/orgs/patch.js';
import { handler as createWorkspace } from '#functions/workspaces/create.js';
import { handler as listMembers } from '#functions/members/list.js';
import { handler as createInvitation } from '#functions/invitations/create.js';
import { context, event, idClaims, json } from '../support/events.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const TABLE = 'tenancy-unit';
const ORG = '11111111-1111-4111-8111-111111111111';
const USER = 'user-1';

const orgItem = { PK: `ORG#${ORG}`, SK: 'META', type: 'Organization', id: ORG, name: 'Acme', plan: 'pro', ownerId: USER, createdAt: '2026-01-01T00:00:00.000Z', workspaceCount: 1, memberCount: 1, version: 3 };
const memberItem = { PK: `ORG#${ORG}`, SK: `MEMBER#${USER}`, type: 'OrgMembership', orgId: ORG, userId: USER, role: 'owner', email: 'u@x.io', givenName: 'Ursula', familyName: 'K', memberSince: '2026-01-01T00:00:00.000Z', workspaces: {}, version: 1 };
const profileItem = { PK: `USER#${USER}`, SK: 'PROFILE', type: 'User', id: USER, email: 'u@x.io', givenName: 'Ursula', familyName: 'K', orgRoles: { [ORG]: 'owner' }, createdAt: '2026-01-01T00:00:00.000Z' };
const authorized = { Responses: { [TABLE]: [orgItem, memberItem, profileItem] } };

const conflict = () =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }] });

/** The faults under test, each a fresh error per call (as the SDK throws them). */
const THROTTLES: Record<string, () => Error> = {
  ProvisionedThroughputExceededException: () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }),
  ThrottlingException: () => new ThrottlingException({ message: 'rate exceeded', $metadata: {} }),
  RequestLimitExceeded: () => new RequestLimitExceeded({ message: 'account limit', $metadata: {} }),
};

/** The handlers under test, each with its request and the command that carries its write or read. */
const calls = {
  'POST /orgs/{orgId}/workspaces': () =>
    createWorkspace(event({ method: 'POST', pathParameters: { orgId: ORG }, claims: idClaims(USER), body: { name: 'Lab' } }), context()),
  'PATCH /orgs/{orgId}': () =>
    patchOrg(event({ method: 'PATCH', pathParameters: { orgId: ORG }, claims: idClaims(USER), body: { description: 'x' } }), context()),
  'GET /orgs/{orgId}': () => getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context()),
  'GET /orgs/{orgId}/members': () => listMembers(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context()),
};

function expect503(res: APIGatewayProxyStructuredResultV2): void {
  expect(res.statusCode).toBe(503);
  expect(res.headers?.['Content-Type']).toBe('application/problem+json');
  expect(res.headers?.['Retry-After']).toMatch(/^\d+$/);
  expect(json(res)).toMatchObject({ status: 503, code: 'unavailable', type: expect.any(String), title: expect.any(String) });
}

/** Nothing but the failed transaction(s): no Put/Update/Delete/BatchWrite on the side. */
function expectNoStrayWrites(): void {
  expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);
  expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
}

beforeEach(() => {
  ddb.reset();
  ses.reset();
  ddb.on(BatchGetCommand).resolves(authorized);
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(GetCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
});

describe('DynamoDB throttling and request limits answer 503 + Retry-After, without a second write', () => {
  for (const [name, fault] of Object.entries(THROTTLES)) {
    it(`${name} on the authorization BatchGet of each handler: 503, one read, no write`, async () => {
      for (const [route, call] of Object.entries(calls)) {
        ddb.reset();
        ddb.on(BatchGetCommand).callsFake(() => Promise.reject(fault()));
        const res = await call();
        expect503(res);
        expect(ddb.calls(), route).toHaveLength(1);
      }
    });

    it(`${name} on the transaction of a create and of an update: 503 after exactly one TransactWrite (the SDK already retried)`, async () => {
      for (const route of ['POST /orgs/{orgId}/workspaces', 'PATCH /orgs/{orgId}'] as const) {
        ddb.reset();
        ddb.on(BatchGetCommand).resolves(authorized);
        ddb.on(TransactWriteCommand).callsFake(() => Promise.reject(fault()));
        const res = await calls[route]();
        expect503(res);
        expect(ddb.commandCalls(TransactWriteCommand), route).toHaveLength(1);
        expectNoStrayWrites();
      }
    });

    it(`${name} on the list Query: 503 after one Query`, async () => {
      ddb.on(QueryCommand).callsFake(() => Promise.reject(fault()));
      const res = await calls['GET /orgs/{orgId}/members']();
      expect503(res);
      expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    });
  }
});

describe('transaction conflicts are retried by transact, then 503', () => {
  for (const route of ['POST /orgs/{orgId}/workspaces', 'PATCH /orgs/{orgId}'] as const) {
    for (const n of [1, 2, 3]) {
      it(`${route}: ${n} conflict(s) then success → 2xx with exactly ${n + 1} TransactWrites`, async () => {
        let sent = 0;
        ddb.on(TransactWriteCommand).callsFake(() => (++sent <= n ? Promise.reject(conflict()) : Promise.resolve({})));
        const res = await calls[route]();
        expect(res.statusCode, res.body).toBe(route.startsWith('POST') ? 201 : 200);
        expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(n + 1);
        expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(1);
        // Every attempt sends the same items: a retry never rebuilds a different transaction.
        const attempts = ddb.commandCalls(TransactWriteCommand).map((c) => JSON.stringify(c.args[0].input.TransactItems));
        expect(new Set(attempts).size).toBe(1);
        expectNoStrayWrites();
      });
    }

    it(`${route}: conflicts every time → 503 + Retry-After after 4 TransactWrites, nothing else written`, async () => {
      ddb.on(TransactWriteCommand).callsFake(() => Promise.reject(conflict()));
      const res = await calls[route]();
      expect503(res);
      expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(4);
      expectNoStrayWrites();
    });
  }

  it('a cancellation for a reason other than a conflict (e.g. ThrottlingError) is not retried: 503 after one send', async () => {
    ddb.on(TransactWriteCommand).callsFake(() =>
      Promise.reject(new TransactionCanceledException({ message: 'x', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }, { Code: 'None' }] })),
    );
    const res = await calls['POST /orgs/{orgId}/workspaces']();
    expect503(res);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expectNoStrayWrites();
  });
});

describe('the authorization BatchGet retries keys the service left unprocessed', () => {
  it('unprocessed twice, then answered: 200 after three BatchGets, asking only for the missing keys again', async () => {
    const unprocessed = (keys: object[]) => ({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: keys, ConsistentRead: true } } });
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE]: [orgItem] }, UnprocessedKeys: { [TABLE]: { Keys: [{ PK: memberItem.PK, SK: memberItem.SK }, { PK: profileItem.PK, SK: profileItem.SK }] } } })
      .resolvesOnce(unprocessed([{ PK: memberItem.PK, SK: memberItem.SK }, { PK: profileItem.PK, SK: profileItem.SK }]))
      .resolves({ Responses: { [TABLE]: [memberItem, profileItem] } });
    const res = await calls['GET /orgs/{orgId}']();
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ id: ORG, name: 'Acme' });
    const batches = ddb.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems![TABLE]!);
    expect(batches.map((b) => b.Keys!.length)).toEqual([3, 2, 2]);
    expect(batches.every((b) => b.ConsistentRead === true)).toBe(true);
  });

  it('unprocessed every time: 503 + Retry-After after 6 BatchGets', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [{ PK: orgItem.PK, SK: orgItem.SK }] } } });
    const res = await calls['GET /orgs/{orgId}']();
    expect503(res);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(6);
  }, 10_000);
});

describe('InternalServerError answers a 500 that reveals nothing', () => {
  const secret = 'Internal failure at partition 7f3a on host ddb-internal-10.0.3.7';
  for (const [route, call] of Object.entries(calls)) {
    it(route, async () => {
      const fault = () => Promise.reject(new InternalServerError({ message: secret, $metadata: {} }));
      ddb.on(TransactWriteCommand).callsFake(fault);
      ddb.on(QueryCommand).callsFake(fault);
      if (route === 'GET /orgs/{orgId}') ddb.on(BatchGetCommand).callsFake(fault);
      const res = await call();
      expect(res.statusCode).toBe(500);
      expect(res.headers?.['Content-Type']).toBe('application/problem+json');
      expect(json(res)).toEqual({
        type: expect.any(String),
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side.',
        code: 'internal_error',
      });
      for (const leak of ['partition', '10.0.3.7', 'InternalServerError', 'ddb', 'stack', 'at ']) expect(res.body).not.toContain(leak);
      expect(res.headers?.['Retry-After']).toBeUndefined();
      expectNoStrayWrites();
    });
  }
});

describe('POST /orgs/{orgId}/invitations', () => {
  const invite = () =>
    createInvitation(
      event({ method: 'POST', pathParameters: { orgId: ORG }, claims: idClaims(USER), body: { email: 'New.Person@Example.com', role: 'editor' } }),
      context(),
    );

  it('SES down: 201 with emailStatus "failed", the invitation stored by its transaction, the failure recorded', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:443'), { name: 'TimeoutError' }));
    const res = await invite();
    expect(res.statusCode, res.body).toBe(201);
    const body = json(res);
    expect(body).toMatchObject({ email: 'new.person@example.com', role: 'editor', status: 'pending', emailStatus: 'failed' });
    expect(res.body).not.toContain('ECONNREFUSED');
    expect(ses.commandCalls(SendEmailCommand).length).toBeGreaterThanOrEqual(1);
    const [create, record] = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    // The create: the org's email claim, the invitation, its link, the hourly counter, … and an audit event.
    expect(create!.map((i) => i.Put?.Item?.type ?? i.Update?.Key?.SK)).toEqual(
      expect.arrayContaining(['OrgEmail', 'Invitation']),
    );
    const stored = create!.find((i) => i.Put?.Item?.type === 'Invitation')!.Put!.Item!;
    expect(stored).toMatchObject({ id: body.id, email: 'new.person@example.com', status: 'pending' });
    expect(create!.some((i) => String(i.Put?.Item?.PK ?? '').startsWith('INVTOKEN#'))).toBe(true);
    // Then the outcome, pinned to the same link.
    expect(record).toHaveLength(1);
    expect(record![0]!.Update!.ExpressionAttributeValues).toMatchObject({ ':status': 'failed', ':token': stored.tokenHash });
    expectNoStrayWrites();
  });

  it('SES up: 201 with emailStatus "sent" after the same two transactions', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await invite();
    expect(res.statusCode).toBe(201);
    expect(json(res).emailStatus).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('the create transaction throttled: 503, no email sent and nothing else written', async () => {
    ddb.on(TransactWriteCommand).callsFake(() => Promise.reject(THROTTLES.ProvisionedThroughputExceededException!()));
    const res = await invite();
    expect503(res);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expectNoStrayWrites();
  });

  it('the create transaction conflicting every time: 503 after 4 tries, no email, nothing else written', async () => {
    ddb.on(TransactWriteCommand).callsFake(() =>
      Promise.reject(
        new TransactionCanceledException({
          message: 'x',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
        }),
      ),
    );
    const res = await invite();
    expect503(res);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(4);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expectNoStrayWrites();
  });

  it('a conflict once, then through: 201, one email, three transactions (two creates, one record)', async () => {
    let n = 0;
    ddb.on(TransactWriteCommand).callsFake(() => (++n === 1 ? Promise.reject(conflict()) : Promise.resolve({})));
    const res = await invite();
    expect(res.statusCode).toBe(201);
    expect(json(res).emailStatus).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });
});

/**
 * The billing webhook's handler and the owner's plan change with DynamoDB mocked
 * (aws-sdk-client-mock): the signature is checked over the body's exact bytes (a base64 body
 * too) before anything is parsed or read; the event's receipt rides in the plan change's
 * transaction; and with self-serve plans off (as in the unit environment, like the CDK default)
 * the owner's paid plan answers 402 with nothing written. The integration suite
 * (test/integration/billing.test.ts) proves the same against the local stack.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { handler as billingEvents } from '#functions/billing/events.js';
import { handler as putPlan } from '#functions/orgs/plan.js';
import { billingSignatureHeader } from '#domain/billing.js';
import { context, event, idClaims, json } from '../support/events.js';

const SECRET = 'unit-billing-secret';
// Read at first use (shared/kernel/config.ts): the secret as the local stack hands it over, and
// self-serve plans off as in a CDK deployment. Set here, not inherited: in a full run the
// integration suite's global setup puts the local stack's settings (self-serve on) into the
// environment the unit workers start with.
// (Hoisted: the handlers read the configuration as they are built, at import.)
vi.hoisted(() => {
  process.env.BILLING_SECRET = 'unit-billing-secret';
  process.env.SELF_SERVE_PLANS = 'false';
});

const ddb = mockClient(DynamoDBDocumentClient);
const ORG = '11111111-1111-4111-8111-111111111111';
const OWNER = 'owner-1';
const orgItem = (plan: string) => ({ PK: `ORG#${ORG}`, SK: 'META', id: ORG, name: 'Acme', plan, ownerId: OWNER, createdAt: '2026-01-01T00:00:00.000Z', version: 3 });
const ownerItem = { PK: `ORG#${ORG}`, SK: `MEMBER#${OWNER}`, orgId: ORG, userId: OWNER, role: 'owner', email: 'o@x.io', memberSince: '2026-01-01T00:00:00.000Z', version: 1 };

const BODY = JSON.stringify({ id: 'evt_unit_1', type: 'plan.changed', organizationId: ORG, plan: 'free' });

function webhook(body: string, signature: string | undefined, opts: { base64?: boolean; contentType?: string } = {}) {
  const e = event({
    method: 'POST',
    path: '/billing/events',
    rawBody: opts.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    headers: { 'content-type': opts.contentType ?? 'application/json', ...(signature === undefined ? {} : { 'billing-signature': signature }) },
  });
  return billingEvents({ ...e, isBase64Encoded: opts.base64 ?? false }, context());
}

beforeEach(() => ddb.reset());

describe('POST /billing/events (handler)', () => {
  it('verifies over the raw bytes of a base64-encoded body and applies the event, its receipt in the plan change\'s transaction', async () => {
    ddb.on(GetCommand).resolves({ Item: orgItem('trial') });
    ddb.on(TransactWriteCommand).resolves({});
    const res = await webhook(BODY, billingSignatureHeader(SECRET, BODY), { base64: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ id: 'evt_unit_1', outcome: 'applied', organizationId: ORG, plan: 'free' });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Update).toMatchObject({ Key: { PK: `ORG#${ORG}`, SK: 'META' }, ExpressionAttributeValues: expect.objectContaining({ ':plan': 'free', ':read': 3 }) });
    expect(items[1]!.Put!.Item).toMatchObject({ actorId: 'billing', action: 'organization.plan_changed', details: { from: 'trial', to: 'free', billingEventId: 'evt_unit_1' } });
    expect(items[2]!.Put).toMatchObject({
      Item: { PK: 'BILLINGEVENT#evt_unit_1', SK: 'BILLINGEVENT', type: 'BillingEvent', id: 'evt_unit_1', orgId: ORG, plan: 'free', ttl: expect.any(Number) },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    // Remembered 30 days from now.
    const ttl = items[2]!.Put!.Item!.ttl as number;
    expect(ttl - Date.now() / 1000).toBeGreaterThan(30 * 86_400 - 60);
    expect(ttl - Date.now() / 1000).toBeLessThanOrEqual(30 * 86_400);
  });

  it('refuses the same JSON re-serialized (other bytes) with 401, before reading anything', async () => {
    const signature = billingSignatureHeader(SECRET, BODY);
    const res = await webhook(JSON.stringify(JSON.parse(BODY), null, 1), signature);
    expect(res.statusCode).toBe(401);
    expect(json(res)).toMatchObject({ code: 'unauthorized', detail: expect.stringContaining('matches') });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 401 to a missing header, a wrong secret and a stale timestamp; the signature is checked before the body (junk with a bad signature: 401)', async () => {
    const stale = new Date(Date.now() - 301_000);
    for (const [signature, body] of [
      [undefined, BODY],
      [billingSignatureHeader('another-secret', BODY), BODY],
      [billingSignatureHeader(SECRET, BODY, stale), BODY],
      ['t=1,v1=00', '{not json'],
    ] as const) {
      const res = await webhook(body, signature);
      expect(res.statusCode, String(signature)).toBe(401);
      expect(res.headers?.['Content-Type']).toBe('application/problem+json');
    }
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 400 to a signed body that is not a plan.changed event, before reading anything', async () => {
    for (const body of ['{not json', JSON.stringify({ id: 'evt_x', type: 'invoice.paid', organizationId: ORG, plan: 'pro' }), JSON.stringify({ id: 'evt_x', type: 'plan.changed', organizationId: 'nope', plan: 'pro' })]) {
      const res = await webhook(body, billingSignatureHeader(SECRET, body));
      expect(res.statusCode, body).toBe(400);
      expect(json(res).code).toBe('bad_request');
    }
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers a repeated event id 200 `duplicate`: the transaction cancelled by the receipt\'s condition writes nothing', async () => {
    ddb.on(GetCommand).resolves({ Item: orgItem('pro') });
    // On a paid plan, the repeat finishes any re-enabling the first delivery left: none here.
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }] }),
    );
    const body = JSON.stringify({ id: 'evt_unit_2', type: 'plan.changed', organizationId: ORG, plan: 'free' });
    const res = await webhook(body, billingSignatureHeader(SECRET, body));
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ id: 'evt_unit_2', outcome: 'duplicate', plan: 'pro' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('PUT /orgs/{orgId}/plan with self-serve plans off (the CDK default)', () => {
  const put = (current: string, plan: string) => {
    ddb.on(BatchGetCommand).resolves({ Responses: { 'tenancy-unit': [orgItem(current), ownerItem] } });
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).resolves({});
    return putPlan(event({ method: 'PUT', pathParameters: { orgId: ORG }, claims: idClaims(OWNER), body: { plan } }), context());
  };

  it.each([
    ['trial', 'pro'],
    ['trial', 'enterprise'],
    ['free', 'pro'],
    ['pro', 'enterprise'],
    ['enterprise', 'pro'],
  ])('%s → %s: 402 payment_required saying how to pay, nothing written', async (current, plan) => {
    const res = await put(current, plan);
    expect(res.statusCode, res.body).toBe(402);
    expect(res.headers?.['Content-Type']).toBe('application/problem+json');
    expect(json(res)).toMatchObject({ status: 402, code: 'payment_required', detail: expect.stringContaining('billing') });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it.each([
    ['trial', 'free'],
    ['pro', 'free'],
    ['enterprise', 'free'],
  ])('%s → %s: the owner\'s own (200, written)', async (current, plan) => {
    const res = await put(current, plan);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).plan).toBe('free');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('the paid plan the org is already on: 200, nothing to pay and nothing written', async () => {
    const res = await put('pro', 'pro');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).plan).toBe('pro');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

/** Handlers with the DynamoDB client mocked (aws-sdk-client-mock): plumbing, policy, error mapping. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { handler as getOrg } from '#functions/orgs/get.js';
import { handler as patchOrg } from '#functions/orgs/patch.js';
import { handler as signup } from '#functions/me/signup.js';
import { handler as getWorkspace } from '#functions/workspaces/get.js';
import { context, event, idClaims, json } from '../support/events.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ORG = '11111111-1111-4111-8111-111111111111';
const WS = '22222222-2222-4222-8222-222222222222';
const USER = 'user-1';

const orgItem = { PK: `ORG#${ORG}`, SK: 'META', id: ORG, name: 'Acme', plan: 'trial', ownerId: 'owner', createdAt: '2026-01-01T00:00:00.000Z', version: 3 };
const memberItem = (role: string) => ({ PK: `ORG#${ORG}`, SK: `MEMBER#${USER}`, orgId: ORG, userId: USER, role, email: 'u@x.io', memberSince: '2026-01-01T00:00:00.000Z', version: 1 });
const batch = (...items: object[]) => ({ Responses: { 'tenancy-unit': items } });

beforeEach(() => ddb.reset());

describe('GET /orgs/{orgId}', () => {
  it('answers the organization read while authorizing, with its ETag, in one round trip', async () => {
    ddb.on(BatchGetCommand).resolves(batch(orgItem, memberItem('member')));
    const res = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(200);
    expect(res.headers?.ETag).toBe('"3"');
    expect(json(res)).toMatchObject({ id: ORG, name: 'Acme', plan: 'trial', ownerId: 'owner' });
    expect(ddb.calls()).toHaveLength(1);
    expect(ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!['tenancy-unit']!.ConsistentRead).toBe(true);
  });

  it('answers 404 (not 403) to a non-member, exactly as for an unknown org', async () => {
    ddb.on(BatchGetCommand).resolves(batch(orgItem));
    const foreign = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    ddb.on(BatchGetCommand).resolves(batch());
    const unknown = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers?.['Content-Type']).toBe('application/problem+json');
    expect(json(foreign)).toEqual(json(unknown));
  });

  it('refuses a malformed id with 400 before touching the table', async () => {
    const res = await getOrg(event({ pathParameters: { orgId: 'not-a-uuid' }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(400);
    expect(json(res).errors).toEqual([{ path: 'path.orgId', message: 'must be a UUID' }]);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 401 without an ID token', async () => {
    const res = await getOrg(event({ pathParameters: { orgId: ORG }, claims: { ...idClaims(USER), token_use: 'access' } }), context());
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('unauthorized');
  });

  it('turns an unexpected failure into a 500 that reveals nothing', async () => {
    ddb.on(BatchGetCommand).rejects(new Error('secret internals at 10.0.0.1'));
    const res = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
  });

  it('answers 503 with Retry-After when DynamoDB throttles', async () => {
    ddb.on(BatchGetCommand).rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    const res = await getOrg(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBe('1');
  });
});

describe('PATCH /orgs/{orgId}', () => {
  const patch = (body: unknown, role = 'admin', headers: Record<string, string> = {}) => {
    ddb.on(BatchGetCommand).resolves(batch(orgItem, memberItem(role)));
    return patchOrg(
      event({ method: 'PATCH', pathParameters: { orgId: ORG }, claims: idClaims(USER), rawBody: typeof body === 'string' ? body : JSON.stringify(body), headers }),
      context(),
    );
  };

  it('a member gets 403 and nothing is written', async () => {
    const res = await patch({ name: 'New' }, 'member');
    expect(res.statusCode).toBe(403);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('rejects malformed JSON, unknown fields, wrong types and empty patches with field paths', async () => {
    expect((await patch('{"name":')).statusCode).toBe(400);
    const unknown = await patch({ name: 'x', owner: 'me' });
    expect(json(unknown).errors).toContainEqual({ path: 'body.owner', message: 'is not a known field' });
    const wrong = await patch({ name: 42 });
    expect(json(wrong).errors[0].path).toBe('body.name');
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ logoUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 413 for bodies over 64 KB and 415 for non-JSON bodies', async () => {
    expect((await patch({ name: 'x'.repeat(70_000) })).statusCode).toBe(413);
    expect((await patch({ name: 'x' }, 'admin', { 'content-type': 'text/plain' })).statusCode).toBe(415);
  });

  it('pins the update to the version read, writes its audit event in the same transaction, and honours If-Match', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await patch({ name: 'New' }, 'editor', { 'if-match': '"3"' });
    expect(res.statusCode).toBe(200);
    expect(res.headers?.ETag).toBe('"4"');
    expect(json(res).name).toBe('New');
    const [update, audit] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(update!.Update!.ConditionExpression).toContain('#version = :read');
    expect(update!.Update!.ExpressionAttributeValues![':read']).toBe(3);
    expect(audit!.Put!.Item).toMatchObject({ action: 'organization.updated', actorId: USER, target: { type: 'organization', id: ORG } });
  });

  it('answers 412 for a stale If-Match without writing', async () => {
    const res = await patch({ name: 'New' }, 'editor', { 'if-match': '"2"' });
    expect(res.statusCode).toBe(412);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('POST /signup', () => {
  const call = (claims = idClaims(USER)) =>
    signup(event({ method: 'POST', claims, body: { givenName: 'Ada', familyName: 'Lovelace', organizationName: 'Engines' } }), context());

  it('writes profile, email guard, organization, membership and workspace in one transaction', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    const res = await call();
    expect(res.statusCode).toBe(201);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const puts = items.filter((i) => i.Put);
    expect(puts.map((i) => i.Put?.Item?.type)).toEqual(['User', 'EmailGuard', 'Organization', 'OrgMembership', 'OrgEmail', 'Workspace', 'AuditEvent']);
    // The first organization counts against its creator's daily and trial allowances.
    expect(items.filter((i) => i.Update).map((i) => String(i.Update!.Key!.PK))).toEqual([expect.stringMatching(/^RATE#USER-ORGS-DAY#/), expect.stringMatching(/^RATE#USER-ORGS-TRIAL#/)]);
    const guarded = puts.filter((i) => i.Put?.Item?.type !== 'OrgEmail');
    expect(guarded.every((i) => i.Put?.ConditionExpression === 'attribute_not_exists(PK)')).toBe(true);
    const body = json(res);
    expect(body.organizations).toEqual([{ id: expect.any(String), name: 'Engines', role: 'owner' }]);
    expect(body.workspaces).toEqual([expect.objectContaining({ name: 'Default', role: 'admin', state: 'enabled' })]);
    expect(body.user.defaultWorkspaceId).toBe(body.workspaces[0].id);
  });

  it('answers 409 when another account holds the email', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const res = await call();
    expect(res.statusCode).toBe(409);
    expect(json(res).code).toBe('conflict');
  });

  it('refuses an unverified email address', async () => {
    ddb.on(GetCommand).resolves({});
    const res = await call({ ...idClaims(USER), email_verified: 'false' });
    expect(res.statusCode).toBe(403);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('GET /workspaces/{workspaceId}', () => {
  const wsItem = { PK: `WS#${WS}`, SK: 'META', id: WS, orgId: ORG, name: 'Lab', state: 'enabled', createdBy: 'x', createdAt: '2026-01-01T00:00:00.000Z', version: 1 };
  const profile = (orgRoles: Record<string, string>) => ({ PK: `USER#${USER}`, SK: 'PROFILE', id: USER, orgRoles });

  it('an org admin is an implicit workspace admin, found in one BatchGet', async () => {
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({ [ORG]: 'admin' })));
    const res = await getWorkspace(event({ pathParameters: { workspaceId: WS }, claims: idClaims(USER) }), context());
    expect(res.statusCode).toBe(200);
    expect(json(res).role).toBe('admin');
    expect(ddb.calls()).toHaveLength(1);
  });

  it('an org member without a workspace role, or a stranger, gets 404', async () => {
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({ [ORG]: 'member' })));
    expect((await getWorkspace(event({ pathParameters: { workspaceId: WS }, claims: idClaims(USER) }), context())).statusCode).toBe(404);
    ddb.on(BatchGetCommand).resolves(batch(wsItem, profile({})));
    expect((await getWorkspace(event({ pathParameters: { workspaceId: WS }, claims: idClaims(USER) }), context())).statusCode).toBe(404);
  });

  it('a workspace role left over without org membership grants nothing', async () => {
    const wsMember = { PK: `WS#${WS}`, SK: `MEMBER#${USER}`, workspaceId: WS, orgId: ORG, userId: USER, role: 'viewer' };
    ddb.on(BatchGetCommand).resolves(batch(wsItem, wsMember, profile({})));
    expect((await getWorkspace(event({ pathParameters: { workspaceId: WS }, claims: idClaims(USER) }), context())).statusCode).toBe(404);
  });
});

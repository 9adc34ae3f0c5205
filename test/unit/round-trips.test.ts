/**
 * The DynamoDB round trips of the routes that read more than their authorization: which requests,
 * in which order (issue 7's "no route above its minimum"). The mocked client answers from a small
 * in-memory table; the integration suites prove the behaviour, these pin the cost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as accept } from '#functions/invitations/accept.js';
import { handler as decline } from '#functions/invitations/decline.js';
import { handler as preview } from '#functions/invitations/preview.js';
import { handler as getMe } from '#functions/me/get.js';
import { handler as getMember } from '#functions/members/get.js';
import { handler as patchMember } from '#functions/members/patch.js';
import { handler as transfer } from '#functions/sims/transfer.js';
import { handler as patchSim } from '#functions/sims/patch.js';
import { handler as recordUsage } from '#functions/sims/record-usage.js';
import { handler as signup } from '#functions/me/signup.js';
import { handler as transferOwnership } from '#functions/orgs/transfer-ownership.js';
import { handler as putWorkspaceMember } from '#functions/workspaces/members-put.js';
import { handler as deleteDevice } from '#functions/devices/delete.js';
import { hashToken } from '#domain/invitations.js';
import { context, event, idClaims, json } from '../support/events.js';

const TABLE = 'tenancy-unit';
const ddb = mockClient(DynamoDBDocumentClient);
const ORG = '11111111-1111-4111-8111-111111111111';
const WS = '22222222-2222-4222-8222-222222222222';
const WS2 = '33333333-3333-4333-8333-333333333333';
const INV = '44444444-4444-4444-8444-444444444444';
const OTHER_ORG = '55555555-5555-4555-8555-555555555555';
const ME = 'me-1';
const THEM = '66666666-6666-4666-8666-666666666666';
const TOKEN = 'A'.repeat(43);
const ICCID = '8949020000123456788';
const AT = '2026-01-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

type Item = Record<string, unknown>;
let table: Map<string, Item>;
const id = (k: { PK?: unknown; SK?: unknown }) => `${String(k.PK)}\u0000${String(k.SK)}`;
const put = (...items: Item[]) => items.forEach((item) => table.set(id(item), item));

const profile = (userId: string, orgRoles: Record<string, string>) => ({
  PK: `USER#${userId}`, SK: 'PROFILE', id: userId, email: `${userId}@example.com`, givenName: 'G', familyName: 'F',
  defaultWorkspaceId: null, createdAt: AT, orgRoles, version: 1,
});
const org = (orgId: string, name = 'Acme') => ({ PK: `ORG#${orgId}`, SK: 'META', id: orgId, name, plan: 'pro', ownerId: 'owner', createdAt: AT, version: 1 });
const workspace = (wsId: string, orgId = ORG, name = 'Default') => ({
  PK: `WS#${wsId}`, SK: 'META', GSI1PK: `ORG#${orgId}`, GSI1SK: `WS#${wsId}`, id: wsId, orgId, name, state: 'enabled', createdBy: 'owner', createdAt: AT, version: 1,
});
const membership = (orgId: string, userId: string, role: string) => ({
  PK: `ORG#${orgId}`, SK: `MEMBER#${userId}`, GSI1PK: `USER#${userId}`, GSI1SK: `ORG#${orgId}`, type: 'OrgMembership',
  orgId, userId, role, email: `${userId}@example.com`, memberSince: AT, workspaces: {}, version: 1,
});

/** Which requests, in order, and the keys of each BatchGet. */
const sent = () => ddb.calls().map((c) => (c.args[0] as object).constructor.name.replace('Command', ''));
const batchKeys = (n = 0) =>
  (ddb.commandCalls(BatchGetCommand)[n]!.args[0].input.RequestItems![TABLE]!.Keys as Item[]).map((k) => `${String(k.PK)}/${String(k.SK)}`);

beforeEach(() => {
  table = new Map();
  ddb.reset();
  ddb.on(GetCommand).callsFake((input) => ({ Item: table.get(id(input.Key)) }));
  ddb.on(BatchGetCommand).callsFake((input) => {
    const keys = input.RequestItems[TABLE].Keys as Item[];
    return { Responses: { [TABLE]: keys.map((k) => table.get(id(k))).filter(Boolean) } };
  });
  ddb.on(QueryCommand).callsFake((input) => {
    const values = input.ExpressionAttributeValues as Record<string, string>;
    const onIndex = input.IndexName !== undefined;
    const items = [...table.values()].filter((item) =>
      onIndex
        ? item.GSI1PK === values[':pk'] && String(item.GSI1SK).startsWith(values[':prefix'] ?? '')
        : item.PK === values[':pk'] && String(item.SK).startsWith(values[':prefix'] ?? ''),
    );
    return { Items: items };
  });
  ddb.on(TransactWriteCommand).resolves({});
});

describe('invitation links', () => {
  const invitation = (workspaces: { workspaceId: string; role: string }[]) => ({
    PK: `ORG#${ORG}`, SK: `INVITE#${INV}`, id: INV, orgId: ORG, email: `${ME}@example.com`, role: 'editor', workspaces,
    invitedBy: 'owner', invitedByName: 'Olga', createdAt: AT, expiresAt: FAR, status: 'pending', tokenHash: hashToken(TOKEN), version: 2,
  });
  const link = (workspaceIds?: string[]) => ({
    PK: `INVTOKEN#${hashToken(TOKEN)}`, SK: 'INVTOKEN', orgId: ORG, invitationId: INV, ...(workspaceIds ? { workspaceIds } : {}),
  });
  const call = (handler: typeof accept, path: string, method = 'POST') =>
    handler(event({ method, path, pathParameters: { token: TOKEN }, claims: idClaims(ME) }), context());

  it('accept: GetItem link → ONE BatchGet (invitation, org, profile, invited workspaces) → ONE TransactWrite; the answer is built from them', async () => {
    const grants = [{ workspaceId: WS, role: 'viewer' }, { workspaceId: WS2, role: 'editor' }];
    put(link([WS, WS2]), invitation(grants), org(ORG), workspace(WS), workspace(WS2, ORG, 'Field'));
    const res = await call(accept, `/invitations/${TOKEN}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['Get', 'BatchGet', 'TransactWrite']);
    expect(batchKeys()).toEqual([`ORG#${ORG}/INVITE#${INV}`, `ORG#${ORG}/META`, `USER#${ME}/PROFILE`, `WS#${WS}/META`, `WS#${WS2}/META`]);
    expect(ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems![TABLE]!.ConsistentRead).toBe(true);
    // The transaction re-checks what was read: the invitation still pending at the version read.
    const [ending] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(ending!.Update!.ConditionExpression).toContain('#version = :read');
    expect(ending!.Update!.ExpressionAttributeValues![':read']).toBe(2);
    expect(json(res)).toEqual({
      organization: { id: ORG, name: 'Acme', role: 'editor' },
      workspaces: [
        { id: WS, name: 'Default', organizationId: ORG, role: 'viewer', state: 'enabled', disabledReason: null },
        { id: WS2, name: 'Field', organizationId: ORG, role: 'editor', state: 'enabled', disabledReason: null },
      ],
    });
  });

  it('accept through a link written before links carried the workspaces: one more BatchGet, same answer', async () => {
    put(link(), invitation([{ workspaceId: WS, role: 'viewer' }]), org(ORG), workspace(WS));
    const res = await call(accept, `/invitations/${TOKEN}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['Get', 'BatchGet', 'BatchGet', 'TransactWrite']);
    expect(json(res).workspaces).toEqual([expect.objectContaining({ id: WS, role: 'viewer' })]);
  });

  it('decline: GetItem link → ONE BatchGet (invitation, profile) → ONE TransactWrite; preview: GetItem link → ONE BatchGet (invitation, org)', async () => {
    put(link([]), invitation([]), org(ORG));
    expect((await call(decline, `/invitations/${TOKEN}/decline`)).statusCode).toBe(204);
    expect(sent()).toEqual(['Get', 'BatchGet', 'TransactWrite']);
    expect(batchKeys()).toEqual([`ORG#${ORG}/INVITE#${INV}`, `USER#${ME}/PROFILE`]);

    ddb.resetHistory();
    const seen = await preview(event({ path: `/invitations/${TOKEN}`, pathParameters: { token: TOKEN } }), context());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(sent()).toEqual(['Get', 'BatchGet']);
    expect(batchKeys()).toEqual([`ORG#${ORG}/INVITE#${INV}`, `ORG#${ORG}/META`]);
  });

  it('a dead link still answers sso_required first when the caller is bound (their profile read for it), else 404', async () => {
    put({ ...profile(ME, {}), defaultWorkspaceSso: { providerName: 'AcmeSAML' } });
    const bound = await call(accept, `/invitations/${TOKEN}/accept`);
    expect(bound.statusCode).toBe(403);
    expect(json(bound).code).toBe('sso_required');
    expect(sent()).toEqual(['Get', 'Get']);
    table.clear();
    const dead = await call(accept, `/invitations/${TOKEN}/accept`);
    expect(dead.statusCode).toBe(404);
  });
});

describe('SIM transfer', () => {
  it('GetItem locator → ONE BatchGet (profile, SIM, both workspaces, my roles) → ONE TransactWrite', async () => {
    put(
      profile(ME, { [ORG]: 'admin' }),
      workspace(WS),
      workspace(WS2, ORG, 'Field'),
      { PK: `SIM#${ICCID}`, SK: 'LOCATION', iccid: ICCID, workspaceId: WS, since: AT, history: [], version: 1 },
      { PK: `WS#${WS}`, SK: `SIM#${ICCID}`, iccid: ICCID, workspaceId: WS, status: 'active', createdAt: AT, updatedAt: AT, version: 1 },
    );
    const res = await transfer(
      event({ method: 'POST', path: `/sims/${ICCID}/transfer`, pathParameters: { iccid: ICCID }, body: { targetWorkspaceId: WS2 }, claims: idClaims(ME) }),
      context(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['Get', 'BatchGet', 'TransactWrite']);
    expect(batchKeys()).toEqual([
      `USER#${ME}/PROFILE`, `WS#${WS}/SIM#${ICCID}`, `WS#${WS}/META`, `WS#${WS}/MEMBER#${ME}`, `WS#${WS2}/META`, `WS#${WS2}/MEMBER#${ME}`,
    ]);
  });
});

describe('GET /me', () => {
  const me = () => getMe(event({ path: '/me', claims: idClaims(ME) }), context());

  it('an owner: Query GSI1 USER#me → ONE BatchGet (profile, orgs, explicit workspaces) ‖ Query GSI1 ORG#o', async () => {
    put(profile(ME, { [ORG]: 'owner', [OTHER_ORG]: 'member' }), org(ORG), org(OTHER_ORG, 'Other'), membership(ORG, ME, 'owner'), membership(OTHER_ORG, ME, 'member'));
    put(workspace(WS), workspace(WS2, OTHER_ORG, 'Theirs'), {
      PK: `WS#${WS2}`, SK: `MEMBER#${ME}`, GSI1PK: `USER#${ME}`, GSI1SK: `WS#${WS2}`, workspaceId: WS2, orgId: OTHER_ORG, userId: ME, role: 'viewer', addedBy: 'x', addedAt: AT,
    });
    const res = await me();
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['Query', 'BatchGet', 'Query']);
    expect(batchKeys()).toEqual([`USER#${ME}/PROFILE`, `ORG#${ORG}/META`, `ORG#${OTHER_ORG}/META`, `WS#${WS2}/META`]);
    expect(json(res).organizations.map((o: { id: string }) => o.id)).toEqual([ORG, OTHER_ORG]);
    expect(json(res).workspaces).toEqual([
      expect.objectContaining({ id: WS, role: 'admin' }),
      expect.objectContaining({ id: WS2, role: 'viewer' }),
    ]);
  });

  it('the profile decides: an org the index has not listed yet costs one more wave; one it no longer names is dropped', async () => {
    put(profile(ME, { [ORG]: 'admin' }), org(ORG), org(OTHER_ORG, 'Left'), workspace(WS), membership(OTHER_ORG, ME, 'member'));
    const res = await me();
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['Query', 'BatchGet', 'BatchGet', 'Query']);
    expect(json(res).organizations).toEqual([{ id: ORG, name: 'Acme', role: 'admin' }]);
    expect(json(res).workspaces).toEqual([expect.objectContaining({ id: WS, role: 'admin' })]);
  });

  it('without a profile: 404 after the Query and the BatchGet', async () => {
    const res = await me();
    expect(res.statusCode).toBe(404);
    expect(sent()).toEqual(['Query', 'BatchGet']);
  });
});

describe('routes whose path names a member', () => {
  it('GET and PATCH /orgs/{orgId}/members/{userId}: the member rides in the authorization BatchGet', async () => {
    put(org(ORG), membership(ORG, ME, 'owner'), profile(ME, { [ORG]: 'owner' }), membership(ORG, THEM, 'member'));
    const params = { orgId: ORG, userId: THEM };
    const got = await getMember(event({ path: `/orgs/${ORG}/members/${THEM}`, pathParameters: params, claims: idClaims(ME) }), context());
    expect(got.statusCode, got.body).toBe(200);
    expect(sent()).toEqual(['BatchGet']);
    expect(batchKeys()).toContain(`ORG#${ORG}/MEMBER#${THEM}`);

    ddb.resetHistory();
    const patched = await patchMember(
      event({ method: 'PATCH', path: `/orgs/${ORG}/members/${THEM}`, pathParameters: params, body: { role: 'editor' }, claims: idClaims(ME) }),
      context(),
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(sent()).toEqual(['BatchGet', 'TransactWrite']);
  });
});

describe('routes whose path names what they change', () => {
  const sim = { PK: `WS#${WS}`, SK: `SIM#${ICCID}`, iccid: ICCID, workspaceId: WS, status: 'active', createdAt: AT, updatedAt: AT, version: 1 };

  it('PUT /workspaces/{w}/members/{userId}: their profile and workspace role ride in the authorization BatchGet → ONE TransactWrite', async () => {
    put(workspace(WS), profile(ME, { [ORG]: 'owner' }), profile(THEM, { [ORG]: 'member' }));
    const res = await putWorkspaceMember(
      event({ method: 'PUT', path: `/workspaces/${WS}/members/${THEM}`, pathParameters: { workspaceId: WS, userId: THEM }, body: { role: 'editor' }, claims: idClaims(ME) }),
      context(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['BatchGet', 'TransactWrite']);
    expect(batchKeys()).toEqual([`WS#${WS}/META`, `WS#${WS}/MEMBER#${ME}`, `USER#${ME}/PROFILE`, `USER#${THEM}/PROFILE`, `WS#${WS}/MEMBER#${THEM}`]);
    expect(json(res)).toMatchObject({ userId: THEM, organizationRole: 'member', workspaceRole: 'editor', implicit: false });
  });

  it('DELETE /workspaces/{w}/devices/{d}: a device never granted (grantVersion 0) needs no grants Query; one granted since does', async () => {
    const DEV = '77777777-7777-4777-8777-777777777777';
    const device = (grantVersion: number) => ({
      PK: `WS#${WS}`, SK: `DEVICE#${DEV}`, id: DEV, workspaceId: WS, name: 'thermo-1', description: null, simIccid: null,
      createdAt: AT, lastSeenAt: null, version: 1, grantVersion,
    });
    const remove = () =>
      deleteDevice(
        event({ method: 'DELETE', path: `/workspaces/${WS}/devices/${DEV}`, pathParameters: { workspaceId: WS, deviceId: DEV }, claims: idClaims(ME) }),
        context(),
      );
    put(workspace(WS), profile(ME, { [ORG]: 'owner' }), device(0));
    expect((await remove()).statusCode).toBe(204);
    expect(sent()).toEqual(['BatchGet', 'TransactWrite']);
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Delete!.ExpressionAttributeValues![':seen']).toBe(0);

    ddb.resetHistory();
    put(device(2));
    expect((await remove()).statusCode).toBe(204);
    expect(sent()).toEqual(['BatchGet', 'Query', 'TransactWrite']);
  });

  it('PATCH /workspaces/{w}/sims/{iccid}: the SIM rides in the authorization BatchGet → ONE TransactWrite pinned to its version', async () => {
    put(workspace(WS), profile(ME, { [ORG]: 'owner' }), sim);
    const res = await patchSim(
      event({ method: 'PATCH', path: `/workspaces/${WS}/sims/${ICCID}`, pathParameters: { workspaceId: WS, iccid: ICCID }, body: { status: 'suspended' }, claims: idClaims(ME) }),
      context(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['BatchGet', 'TransactWrite']);
    expect(batchKeys()).toContain(`WS#${WS}/SIM#${ICCID}`);
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Update!.ExpressionAttributeValues![':read']).toBe(1);
  });

  it('POST /sims/{iccid}/usage: BatchGet profile + locator (the wrapper, for SSO) → GetItem workspace → ONE TransactWrite', async () => {
    put(profile(ME, {}), workspace(WS), { PK: `SIM#${ICCID}`, SK: 'LOCATION', iccid: ICCID, workspaceId: WS, since: AT, history: [], version: 1 });
    const res = await recordUsage(
      event({
        method: 'POST', path: `/sims/${ICCID}/usage`, pathParameters: { iccid: ICCID }, body: { at: '2026-02-01T00:00:00.000Z', bytes: 10 },
        claims: idClaims(ME, `${ME}@example.com`, { 'cognito:groups': '[platform-operators]' }),
      }),
      context(),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(sent()).toEqual(['BatchGet', 'Get', 'TransactWrite']);
    expect(batchKeys()).toEqual([`USER#${ME}/PROFILE`, `SIM#${ICCID}/LOCATION`]);
  });

  it('POST /orgs/{o}/transfer-ownership: the authorization BatchGet → ONE TransactWrite pinned to the org read; the answer is that read with the change', async () => {
    put({ ...org(ORG), ownerId: ME, version: 4 }, membership(ORG, ME, 'owner'), profile(ME, { [ORG]: 'owner' }));
    const res = await transferOwnership(
      event({ method: 'POST', path: `/orgs/${ORG}/transfer-ownership`, pathParameters: { orgId: ORG }, body: { userId: THEM }, claims: idClaims(ME) }),
      context(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(sent()).toEqual(['BatchGet', 'TransactWrite']);
    expect(json(res)).toMatchObject({ id: ORG, ownerId: THEM });
    expect(res.headers?.ETag).toBe('"5"');
    const [orgUpdate, , , , targetProfile] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(orgUpdate!.Update!.ExpressionAttributeValues![':read']).toBe(4);
    // A target who is no user fails this condition (404) instead of making the transaction invalid.
    expect(targetProfile!.Update!.ConditionExpression).toBe('attribute_exists(PK)');
  });

  it('POST /signup: a first sign-up is ONE TransactWrite (no profile to read: a new user has no SSO obligation)', async () => {
    const res = await signup(event({ method: 'POST', path: '/signup', body: { givenName: 'Ann', familyName: 'Lee' }, claims: idClaims(ME) }), context());
    expect(res.statusCode, res.body).toBe(201);
    expect(sent()).toEqual(['TransactWrite']);
  });
});

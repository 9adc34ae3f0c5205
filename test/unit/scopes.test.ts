/**
 * The scope registry (#auth/scopes.ts): which path parameters each scope reads, how `alsoReads` map
 * onto the one authorization BatchGet, the caller's `userId` on the access, and the route's action
 * authorized with the path's `{userId}` as the subject of "oneself" rules.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { assertAccessSpec, authorizeRoute, type AccessSpec } from '#auth/scopes.js';
import type { Principal } from '#auth/principal.js';
import { routeList } from '#functions/routes.js';
import { ForbiddenError, NotFoundError } from '#kernel/errors.js';

const TABLE = 'tenancy-unit';
const ddb = mockClient(DynamoDBDocumentClient);
const ORG = '11111111-1111-4111-8111-111111111111';
const ME = 'me-1';
const THEM = '66666666-6666-4666-8666-666666666666';
const AT = '2026-01-01T00:00:00.000Z';

type Item = Record<string, unknown>;
let table: Map<string, Item>;
const id = (k: { PK?: unknown; SK?: unknown }) => `${String(k.PK)}\u0000${String(k.SK)}`;
const put = (...items: Item[]) => items.forEach((item) => table.set(id(item), item));
const membership = (userId: string, role: string) => ({
  PK: `ORG#${ORG}`, SK: `MEMBER#${userId}`, type: 'OrgMembership', orgId: ORG, userId, role, email: `${userId}@example.com`,
  memberSince: AT, workspaces: {}, version: 1,
});
const principal = (userId = ME, groups: string[] = []): Principal => ({ userId, email: `${userId}@example.com`, emailVerified: true, groups, identityProviders: [] });
const batchKeys = () =>
  ddb.commandCalls(BatchGetCommand).map((c) => (c.args[0].input.RequestItems![TABLE]!.Keys as Item[]).map((k) => `${String(k.PK)}/${String(k.SK)}`));

beforeEach(() => {
  table = new Map();
  ddb.reset();
  ddb.on(GetCommand).callsFake((input) => ({ Item: table.get(id(input.Key)) }));
  ddb.on(BatchGetCommand).callsFake((input) => ({ Responses: { [TABLE]: (input.RequestItems[TABLE].Keys as Item[]).map((k) => table.get(id(k))).filter(Boolean) } }));
  ddb.on(QueryCommand).resolves({ Items: [] });
  put({ PK: `ORG#${ORG}`, SK: 'META', id: ORG, name: 'Acme', plan: 'pro', ownerId: 'owner', createdAt: AT, version: 1 });
  put({ PK: `USER#${ME}`, SK: 'PROFILE', id: ME, email: 'me@example.com', givenName: 'G', familyName: 'F', defaultWorkspaceId: null, createdAt: AT, orgRoles: { [ORG]: 'member' }, version: 1 });
});

describe('the scope registry', () => {
  it('knows every route row of the table, and refuses a read its scope does not know', () => {
    for (const route of routeList) expect(() => assertAccessSpec(route, route.key)).not.toThrow();
    expect(() => assertAccessSpec({ auth: 'user', scope: 'workspace', alsoReads: ['invitation'] }, 'x')).toThrow(/cannot read invitation/);
    expect(() => assertAccessSpec({ auth: 'user', scope: 'device', alsoReads: ['sim'] }, 'x')).toThrow(/cannot read sim/);
  });

  it('org scope: the named reads ride in the one BatchGet, from the path parameters the registry names', async () => {
    put(membership(ME, 'admin'), membership(THEM, 'member'));
    const spec: AccessSpec = { auth: 'user', scope: 'org', action: 'org.removeMember', alsoReads: ['member', 'memberProfile'] };
    const access = await authorizeRoute(spec, principal(), { orgId: ORG, userId: THEM });
    expect(access).toMatchObject({ kind: 'org', userId: ME, role: 'admin', named: { member: { userId: THEM }, memberProfile: null } });
    expect(batchKeys()).toEqual([[`ORG#${ORG}/META`, `ORG#${ORG}/MEMBER#${ME}`, `USER#${ME}/PROFILE`, `ORG#${ORG}/MEMBER#${THEM}`, `USER#${THEM}/PROFILE`]]);
  });

  it("the path's {userId} is the subject of the self rule: a member may leave, not remove another", async () => {
    put(membership(ME, 'member'), membership(THEM, 'member'));
    const spec: AccessSpec = { auth: 'user', scope: 'org', action: 'org.removeMember' };
    await expect(authorizeRoute(spec, principal(), { orgId: ORG, userId: THEM })).rejects.toThrow(ForbiddenError);
    await expect(authorizeRoute(spec, principal(), { orgId: ORG, userId: ME })).resolves.toMatchObject({ kind: 'org', userId: ME });
  });

  it('invisible is 404 before any action; operator scope is 403 for others, before anything is read', async () => {
    await expect(authorizeRoute({ auth: 'user', scope: 'org', action: 'org.read' }, principal(THEM), { orgId: ORG })).rejects.toThrow(NotFoundError);
    ddb.resetHistory();
    await expect(authorizeRoute({ auth: 'user', scope: 'operator' }, principal(), {})).rejects.toThrow(ForbiddenError);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('self and operator scopes: the profile (with the SIM locator when asked) is read only when the wrapper checks SSO', async () => {
    const operator = principal(ME, ['platform-operators']);
    const usage: AccessSpec = { auth: 'user', scope: 'operator', alsoReads: ['simLocator'] };
    const access = await authorizeRoute(usage, operator, { iccid: '8949020000123456788' });
    expect(access).toMatchObject({ kind: 'self', userId: ME, profile: { id: ME }, named: { simLocator: null } });
    expect(batchKeys()).toEqual([[`USER#${ME}/PROFILE`, 'SIM#8949020000123456788/LOCATION']]);

    ddb.resetHistory();
    expect(await authorizeRoute({ auth: 'user', scope: 'self', ssoByOperation: true }, principal(), {})).toMatchObject({ profile: undefined });
    expect(await authorizeRoute({ auth: 'user', scope: 'self', ssoExempt: true }, principal(), {})).toMatchObject({ profile: undefined });
    expect(ddb.calls()).toHaveLength(0);
    expect(await authorizeRoute({ auth: 'user', scope: 'self' }, principal(), {})).toMatchObject({ profile: { id: ME } });
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetCommand']);
  });

  it('no principal (public and device-key routes): nothing is loaded', async () => {
    expect(await authorizeRoute({ auth: 'none', scope: 'public' }, undefined, {})).toBeUndefined();
    expect(ddb.calls()).toHaveLength(0);
  });
});

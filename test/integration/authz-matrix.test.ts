/**
 * The authorization matrix (issue 6): every route of `routeList` × every kind of caller, each
 * with the status its expectations (functions/routes.expectations.ts, beside the route table)
 * say the contract implies. One world is built once;
 * routes that destroy or transfer something run on resources made for that one case.
 * A 4xx must be problem+json with the contract's code — but for a request without a token on a
 * route behind the authorizer, which gets API Gateway's own `{"message": "Unauthorized"}` — and a
 * 404 for something that exists but is hidden must be byte-for-byte the 404 the same caller gets
 * for a random unknown id.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { CALLER_KINDS, type AuthzRow, type CallerKind } from '#functions/routes.expectations.js';
import { authzMatrix, expectedCaseCount, matrixGaps } from './support/authz-matrix.js';
import { call, signedUp, type Res, type Tenant, type User } from './support/api.js';
import { backdateLastSend, freshAddress, inviteAndGetToken } from './support/invitations.js';
import { addMember, addOrganization, addWorkspaceMember } from './support/seed.js';
import { newActivationCode, newIccid, provisionSim } from './support/sims.js';
import { token } from './support/stack.js';

const OPERATORS = 'platform-operators';
const CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };

type SignedUpKind = Exclude<CallerKind, 'anonymous' | 'operator'>;

/** Where the matrix's endpoints point: loopback (allowed in the local stack only), a port nothing listens on. */
const MATRIX_HOOK = 'http://127.0.0.1:9/matrix';

interface World {
  users: Record<SignedUpKind, Tenant>;
  /** Platform operator who never signed up. */
  operator: { email: string; userId: string; token: string };
  orgId: string;
  ws: string;
  ws2: string;
  /** Org owned by `owner` in which every other A member is admin: the move target. */
  targetOrgId: string;
  device: { id: string; name: string };
  stream: string;
  iccid: string;
  invitation: { id: string; token: string };
  /** A webhook endpoint of A (on a loopback port nothing listens on: its deliveries fail at once). */
  webhookId: string;
  /** Plain members of A who are never callers: targets of role changes, grants, removals. */
  target: Tenant;
  wsTarget: Tenant;
  removable: Tenant;
}

/** One request of a case. `hidden` is the id in the path that a random unknown one replaces for the 404 comparison. */
interface Req {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Calls with this token instead of the caller's (`null`: none). */
  token?: string | null;
  hidden?: string;
  unknown?: () => string;
}

type Driver = (w: World, kind: CallerKind) => Req | Promise<Req>;

let seq = 0;
const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

function tokenOf(w: World, kind: CallerKind): string | undefined {
  if (kind === 'anonymous') return undefined;
  if (kind === 'operator') return w.operator.token;
  return w.users[kind].token;
}

const ownerApi = (w: World) => w.users.owner.api;

async function ok(res: Res | Promise<Res>, status: number): Promise<any> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** Org A members' roles (other than the owner), for fresh orgs that must look like A. */
const ORG_ROLES: [SignedUpKind, 'admin' | 'editor' | 'member'][] = [
  ['orgAdmin', 'admin'],
  ['orgEditor', 'editor'],
  ['orgMember', 'member'],
  ['wsAdmin', 'member'],
  ['wsEditor', 'member'],
  ['wsViewer', 'member'],
  ['grantRead', 'member'],
  ['grantWrite', 'member'],
];
const WS_ROLES: [SignedUpKind, 'admin' | 'editor' | 'viewer'][] = [
  ['wsAdmin', 'admin'],
  ['wsEditor', 'editor'],
  ['wsViewer', 'viewer'],
];

/** A new org of `owner` with the org roles of A (and `target` as a plain member): for the destructive org routes. */
async function freshOrg(w: World): Promise<string> {
  const o = { orgId: await addOrganization(w.users.owner, unique('Fresh Org')), userId: w.users.owner.userId };
  await Promise.all([...ORG_ROLES.map(([kind, role]) => addMember(o, w.users[kind], role)), addMember(o, w.target, 'member')]);
  return o.orgId;
}

/** A new workspace of A with the workspace roles of W. */
async function freshWorkspace(w: World): Promise<string> {
  const ws = await ok(ownerApi(w).post(`/orgs/${w.orgId}/workspaces`, { name: unique('Fresh') }), 201);
  await Promise.all(WS_ROLES.map(([kind, role]) => addWorkspaceMember(w.orgId, ws.id, w.users[kind], role, w.users.owner.userId)));
  return ws.id;
}

/** A new device of W, granted to grantRead (read) and grantWrite (write). */
async function freshDevice(w: World): Promise<string> {
  const device = await ok(ownerApi(w).post(`/workspaces/${w.ws}/devices`, { name: unique('dev') }), 201);
  await grant(w, device.id, w.users.grantRead, 'read');
  await grant(w, device.id, w.users.grantWrite, 'write');
  return device.id;
}

async function grant(w: World, deviceId: string, user: User, access: 'read' | 'write'): Promise<void> {
  await ok(ownerApi(w).put(`/workspaces/${w.ws}/devices/${deviceId}/grants/${user.userId}`, { access }), 200);
}

async function freshSim(w: World): Promise<string> {
  const card = await provisionSim(w.orgId);
  await ok(ownerApi(w).post(`/workspaces/${w.ws}/sims`, card), 201);
  return card.iccid;
}

async function freshInvitation(w: World): Promise<string> {
  const res = await ownerApi(w).post(`/orgs/${w.orgId}/invitations`, { email: freshAddress(), role: 'member' });
  return (await ok(res, 201)).id;
}

/** Makes `user` a plain member of A again if a previous case removed them. */
async function ensureMember(w: World, user: User): Promise<void> {
  try {
    await addMember({ orgId: w.orgId, userId: w.users.owner.userId }, user, 'member');
  } catch (error) {
    if ((error as Error).name !== 'ConflictError' && !/already a member/.test((error as Error).message)) throw error;
  }
}

/** A SAML provider body (provider names are global to the pool: `unique` ones). */
const samlProvider = (name: string) => ({ name, type: 'SAML', metadataUrl: 'https://idp.example.com/saml/metadata' });

const orgPath = (w: World, suffix = ''): Req => ({ path: `/orgs/${w.orgId}${suffix}`, hidden: w.orgId });
const wsPath = (w: World, suffix = '', ws = w.ws): Req => ({ path: `/workspaces/${ws}${suffix}`, hidden: ws });

/** How each route is called: a minimal valid request, on fresh resources where the route destroys or moves something. */
const drivers: Record<string, Driver> = {
  'GET /health': () => ({ path: '/health' }),
  'GET /openapi.json': () => ({ path: '/openapi.json' }),
  'GET /problems/{code}': () => ({ path: '/problems/not_found' }),

  'POST /signup': async (_w, kind) => {
    const body = { givenName: 'Matrix', familyName: 'Caller' };
    if (kind !== 'operator') return { path: '/signup', body };
    // Signing up changes who the operator is: each case gets an operator of its own.
    const issued = await token(`${unique('operator')}@example.com`, { groups: [OPERATORS] });
    return { path: '/signup', body, token: issued.idToken };
  },
  'GET /me': () => ({ path: '/me' }),
  'PATCH /me': () => ({ path: '/me', body: { familyName: 'Patched' } }),
  'GET /orgs': () => ({ path: '/orgs' }),
  'POST /orgs': () => ({ path: '/orgs', body: { name: unique('Own Org') } }),

  'GET /orgs/{orgId}': (w) => orgPath(w),
  'PATCH /orgs/{orgId}': (w) => ({ ...orgPath(w), body: { description: unique('desc') } }),
  'DELETE /orgs/{orgId}': async (w) => {
    const orgId = await freshOrg(w);
    return { path: `/orgs/${orgId}`, hidden: orgId };
  },
  'POST /orgs/{orgId}/transfer-ownership': async (w) => {
    const orgId = await freshOrg(w);
    return { path: `/orgs/${orgId}/transfer-ownership`, body: { userId: w.target.userId }, hidden: orgId };
  },
  'PUT /orgs/{orgId}/plan': async (w) => {
    const orgId = await freshOrg(w);
    return { path: `/orgs/${orgId}/plan`, body: { plan: 'pro' }, hidden: orgId };
  },
  // A well-formed event for A, unsigned: no caller kind holds the billing secret.
  'POST /billing/events': (w) => ({ path: '/billing/events', body: { id: unique('evt_matrix'), type: 'plan.changed', organizationId: w.orgId, plan: 'enterprise' } }),
  'GET /orgs/{orgId}/overview': (w) => orgPath(w, '/overview'),
  'POST /admin/orgs/{orgId}/sims': (w) => ({ path: `/admin/orgs/${w.orgId}/sims`, body: { sims: [{ iccid: newIccid(), activationCode: newActivationCode() }] } }),
  'POST /admin/orgs/{orgId}/trial': async (w) => {
    const orgId = await freshOrg(w);
    return { path: `/admin/orgs/${orgId}/trial`, body: { extendDays: 7 } };
  },
  'GET /orgs/{orgId}/audit': (w) => orgPath(w, '/audit'),
  'GET /orgs/{orgId}/events': (w) => orgPath(w, '/events'),

  'GET /orgs/{orgId}/identity-providers': (w) => orgPath(w, '/identity-providers'),
  'POST /orgs/{orgId}/identity-providers': (w) => ({ ...orgPath(w, '/identity-providers'), body: samlProvider(unique('mx-idp')) }),
  'DELETE /orgs/{orgId}/identity-providers/{name}': async (w) => {
    const name = unique('mx-gone');
    await ok(ownerApi(w).post(`/orgs/${w.orgId}/identity-providers`, samlProvider(name)), 201);
    return orgPath(w, `/identity-providers/${name}`);
  },

  'POST /orgs/{orgId}/invitations': (w) => ({ ...orgPath(w, '/invitations'), body: { email: freshAddress(), role: 'member' } }),
  'GET /orgs/{orgId}/invitations': (w) => orgPath(w, '/invitations'),
  'PATCH /orgs/{orgId}/invitations/{invitationId}': (w) => ({ ...orgPath(w, `/invitations/${w.invitation.id}`), body: { role: 'member' } }),
  'POST /orgs/{orgId}/invitations/{invitationId}/resend': async (w) => {
    const id = await freshInvitation(w);
    await backdateLastSend(w.orgId, id);
    return orgPath(w, `/invitations/${id}/resend`);
  },
  'DELETE /orgs/{orgId}/invitations/{invitationId}': async (w) => orgPath(w, `/invitations/${await freshInvitation(w)}`),
  'GET /invitations/{token}': (w) => ({ path: `/invitations/${w.invitation.token}` }),
  'POST /invitations/{token}/accept': async (w) => {
    const { token: t } = await inviteAndGetToken(ownerApi(w), w.orgId, { email: freshAddress(), role: 'member' });
    return { path: `/invitations/${t}/accept` };
  },
  'POST /invitations/{token}/decline': async (w) => {
    const { token: t } = await inviteAndGetToken(ownerApi(w), w.orgId, { email: freshAddress(), role: 'member' });
    return { path: `/invitations/${t}/decline` };
  },

  'GET /orgs/{orgId}/members': (w) => orgPath(w, '/members'),
  'GET /orgs/{orgId}/members/{userId}': (w) => orgPath(w, `/members/${w.target.userId}`),
  'PATCH /orgs/{orgId}/members/{userId}': (w) => ({ ...orgPath(w, `/members/${w.target.userId}`), body: { role: 'editor' } }),
  'DELETE /orgs/{orgId}/members/{userId}': async (w) => {
    await ensureMember(w, w.removable);
    return orgPath(w, `/members/${w.removable.userId}`);
  },

  'GET /orgs/{orgId}/workspaces': (w) => orgPath(w, '/workspaces'),
  'POST /orgs/{orgId}/workspaces': (w) => ({ ...orgPath(w, '/workspaces'), body: { name: unique('Created') } }),
  'GET /workspaces/{workspaceId}': (w) => wsPath(w),
  'GET /workspaces/{workspaceId}/overview': (w) => wsPath(w, '/overview'),
  'PATCH /workspaces/{workspaceId}': (w) => ({ ...wsPath(w), body: { description: unique('desc') } }),
  'DELETE /workspaces/{workspaceId}': async (w) => wsPath(w, '', await freshWorkspace(w)),
  'POST /workspaces/{workspaceId}/move': async (w) => ({ ...wsPath(w, '/move', await freshWorkspace(w)), body: { targetOrganizationId: w.targetOrgId } }),
  'GET /workspaces/{workspaceId}/members': (w) => wsPath(w, '/members'),
  'PUT /workspaces/{workspaceId}/members/{userId}': async (w) => {
    // An org member without a role in W: every allowed case is an "add".
    const gone = await ownerApi(w).delete(`/workspaces/${w.ws}/members/${w.wsTarget.userId}`);
    expect([204, 404]).toContain(gone.status);
    return { ...wsPath(w, `/members/${w.wsTarget.userId}`), body: { role: 'viewer' } };
  },
  'DELETE /workspaces/{workspaceId}/members/{userId}': async (w) => {
    await ok(ownerApi(w).put(`/workspaces/${w.ws}/members/${w.wsTarget.userId}`, { role: 'viewer' }), 200);
    return wsPath(w, `/members/${w.wsTarget.userId}`);
  },

  'GET /workspaces/{workspaceId}/devices': (w) => wsPath(w, '/devices'),
  'POST /workspaces/{workspaceId}/devices': (w) => ({ ...wsPath(w, '/devices'), body: { name: unique('dev') } }),
  'GET /workspaces/{workspaceId}/devices/{deviceId}': (w) => wsPath(w, `/devices/${w.device.id}`),
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': (w) => ({ ...wsPath(w, `/devices/${w.device.id}`), body: { description: unique('desc') } }),
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}': async (w) => wsPath(w, `/devices/${await freshDevice(w)}`),
  'GET /workspaces/{workspaceId}/devices/{deviceId}/grants': (w) => wsPath(w, `/devices/${w.device.id}/grants`),
  'PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': (w) => ({
    ...wsPath(w, `/devices/${w.device.id}/grants/${w.target.userId}`),
    body: { access: 'read' },
  }),
  'DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}': async (w) => {
    await grant(w, w.device.id, w.target, 'read');
    return wsPath(w, `/devices/${w.device.id}/grants/${w.target.userId}`);
  },
  'GET /workspaces/{workspaceId}/streams': (w) => wsPath(w, '/streams'),
  'POST /workspaces/{workspaceId}/streams': (w) => ({ ...wsPath(w, '/streams'), body: { name: unique('stream') } }),
  'DELETE /workspaces/{workspaceId}/streams/{streamName}': async (w) => {
    const name = unique('gone');
    await ok(ownerApi(w).post(`/workspaces/${w.ws}/streams`, { name }), 201);
    return wsPath(w, `/streams/${name}`);
  },
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': (w) => ({
    path: `/ingest/${w.ws}/devices/${w.device.name}/streams/${w.stream}`,
    body: { t: 21.5 },
  }),

  'GET /workspaces/{workspaceId}/sims': (w) => wsPath(w, '/sims'),
  // A card provisioned to A for every case: who may claim it is the question, not whether it is there.
  'POST /workspaces/{workspaceId}/sims': async (w) => ({ ...wsPath(w, '/sims'), body: await provisionSim(w.orgId) }),
  'PATCH /workspaces/{workspaceId}/sims/{iccid}': (w) => ({ ...wsPath(w, `/sims/${w.iccid}`), body: { status: 'suspended' } }),
  'POST /sims/{iccid}/transfer': async (w) => {
    const iccid = await freshSim(w);
    return { path: `/sims/${iccid}/transfer`, body: { targetWorkspaceId: w.ws2 }, hidden: iccid, unknown: () => newIccid() };
  },
  'POST /sims/{iccid}/usage': (w) => ({
    path: `/sims/${w.iccid}/usage`,
    body: { at: new Date().toISOString(), bytes: 1024 },
    hidden: w.iccid,
    unknown: () => newIccid(),
  }),
  'GET /workspaces/{workspaceId}/usage': (w) => wsPath(w, '/usage'),
  'GET /reports': (w) => ({ path: `/reports?workspaceIds=${w.ws}`, hidden: w.ws }),

  'GET /orgs/{orgId}/webhooks': (w) => orgPath(w, '/webhooks'),
  'POST /orgs/{orgId}/webhooks': (w) => ({ ...orgPath(w, '/webhooks'), body: { url: MATRIX_HOOK, eventTypes: ['tenancy.stream.created'] } }),
  'GET /orgs/{orgId}/webhooks/{webhookId}': (w) => orgPath(w, `/webhooks/${w.webhookId}`),
  'PATCH /orgs/{orgId}/webhooks/{webhookId}': (w) => ({ ...orgPath(w, `/webhooks/${w.webhookId}`), body: { description: unique('matrix') } }),
  // Those who may delete get an endpoint of their own (the organization holds 10); the rest try the world's.
  'DELETE /orgs/{orgId}/webhooks/{webhookId}': async (w, kind) => {
    if (kind !== 'owner' && kind !== 'orgAdmin') return orgPath(w, `/webhooks/${w.webhookId}`);
    const fresh = await ok(ownerApi(w).post(`/orgs/${w.orgId}/webhooks`, { url: MATRIX_HOOK, eventTypes: ['*'] }), 201);
    return orgPath(w, `/webhooks/${fresh.id as string}`);
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret': (w) => ({ ...orgPath(w, `/webhooks/${w.webhookId}/rotate-secret`), body: { overlapSeconds: 60 } }),
  'GET /orgs/{orgId}/webhooks/{webhookId}/deliveries': (w) => orgPath(w, `/webhooks/${w.webhookId}/deliveries`),
  // No delivery of that id: those allowed learn only that, as they would of any unknown one.
  'POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': (w) => {
    const deliveryId = randomUUID();
    return { path: `/orgs/${w.orgId}/webhooks/${w.webhookId}/deliveries/${deliveryId}/replay`, hidden: deliveryId };
  },
};

/** The token a case is sent with, if any. */
function bearerOf(w: World, kind: CallerKind, req: Req): string | undefined {
  return req.token === null ? undefined : (req.token ?? tokenOf(w, kind));
}

async function send(method: string, w: World, kind: CallerKind, req: Req): Promise<Res> {
  return call(method, req.path, { token: bearerOf(w, kind, req), body: req.body, headers: req.headers });
}

async function buildWorld(): Promise<World> {
  const kinds: SignedUpKind[] = ['owner', 'orgAdmin', 'orgEditor', 'orgMember', 'wsAdmin', 'wsEditor', 'wsViewer', 'grantRead', 'grantWrite', 'stranger'];
  const [people, target, wsTarget, removable, operatorToken] = await Promise.all([
    Promise.all(kinds.map((kind) => signedUp(`mx-${kind.toLowerCase()}`))),
    signedUp('mx-target'),
    signedUp('mx-wstarget'),
    signedUp('mx-removable'),
    (async () => {
      const email = `${unique('mx-operator')}@example.com`;
      const issued = await token(email, { groups: [OPERATORS] });
      return { email, userId: issued.sub, token: issued.idToken };
    })(),
  ]);
  const users = Object.fromEntries(kinds.map((kind, i) => [kind, people[i]!])) as Record<SignedUpKind, Tenant>;
  const owner = users.owner;
  const api = owner.api;
  const orgId = owner.orgId;
  const ws = owner.workspaceId;

  // Enterprise: the fresh workspaces of the destructive cases fit the quota.
  await ok(api.put(`/orgs/${orgId}/plan`, { plan: 'enterprise' }), 200);
  await Promise.all([
    ...ORG_ROLES.map(([kind, role]) => addMember(owner, users[kind], role)),
    ...[target, wsTarget, removable].map((u) => addMember(owner, u, 'member')),
  ]);
  const ws2 = (await ok(api.post(`/orgs/${orgId}/workspaces`, { name: 'Second' }), 201)).id as string;
  await Promise.all(
    WS_ROLES.flatMap(([kind, role]) => [ws, ws2].map((id) => addWorkspaceMember(orgId, id, users[kind], role, owner.userId))),
  );

  const targetOrgId = (await ok(api.post('/orgs', { name: 'Move Target' }), 201)).id as string;
  await Promise.all(ORG_ROLES.map(([kind]) => addMember({ orgId: targetOrgId, userId: owner.userId }, users[kind], 'admin')));

  const device = await ok(api.post(`/workspaces/${ws}/devices`, { name: 'matrix-device' }), 201);
  const stream = 'matrix-stream';
  await ok(api.post(`/workspaces/${ws}/streams`, { name: stream }), 201);
  const card = await provisionSim(orgId);
  const iccid = card.iccid;
  await ok(api.post(`/workspaces/${ws}/sims`, card), 201);
  const { invitation, token: inviteToken } = await inviteAndGetToken(api, orgId, { email: freshAddress(), role: 'member' });
  const webhook = await ok(api.post(`/orgs/${orgId}/webhooks`, { url: MATRIX_HOOK, eventTypes: ['tenancy.device.created'] }), 201);

  const world: World = {
    users,
    operator: operatorToken,
    orgId,
    ws,
    ws2,
    targetOrgId,
    device: { id: device.id, name: device.name },
    stream,
    iccid,
    invitation: { id: invitation.id, token: inviteToken },
    webhookId: webhook.id as string,
    target,
    wsTarget,
    removable,
  };
  await grant(world, device.id, users.grantRead, 'read');
  await grant(world, device.id, users.grantWrite, 'write');
  return world;
}

let casesRun = 0;

describe('authorization matrix: the data covers the route table', () => {
  const routeKeys = routeList.map((r) => r.key);

  it('has a row for every route and no row for a route that does not exist', () => {
    expect(matrixGaps(routeKeys, authzMatrix)).toEqual({ missing: [], extra: [] });
  });

  it('would notice a route without a row, and a row without a route', () => {
    const { ['GET /health']: _dropped, ...withoutHealth } = authzMatrix;
    const withStale = { ...authzMatrix, 'GET /gone': authzMatrix['GET /health']! };
    expect(matrixGaps(routeKeys, withoutHealth)).toEqual({ missing: ['GET /health'], extra: [] });
    expect(matrixGaps(routeKeys, withStale)).toEqual({ missing: [], extra: ['GET /gone'] });
  });

  it('names every caller kind in every row (a status, or a skip with its reason), and knows how to call every route', () => {
    for (const [key, row] of Object.entries(authzMatrix)) {
      expect(Object.keys(row).sort(), key).toEqual([...CALLER_KINDS].sort());
      for (const kind of CALLER_KINDS) {
        const expected = row[kind];
        if (typeof expected === 'number') expect([200, 201, 202, 204, 401, 403, 404], `${key} ${kind}`).toContain(expected);
        else expect(expected.skip.trim().length, `${key} ${kind}: a skip needs a reason`).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(drivers).sort()).toEqual([...routeKeys].sort());
  });
});

describe('authorization matrix: every route × every caller', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  for (const route of routeList) {
    const row: AuthzRow | undefined = authzMatrix[route.key];
    it(`${route.key}`, async () => {
      expect(row, `no row for ${route.key}`).toBeDefined();
      const drive = drivers[route.key]!;
      for (const kind of CALLER_KINDS) {
        const expected = row![kind];
        if (typeof expected !== 'number') continue;
        const req = await drive(world, kind);
        const res = await send(route.method, world, kind, req);
        const where = `${route.key} as ${kind}`;
        casesRun++;
        expect.soft(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(expected);
        if (res.status !== expected || expected < 400) continue;
        if (expected === 401 && route.auth === 'user' && bearerOf(world, kind, req) === undefined) {
          // No token on a route behind the authorizer: API Gateway's own 401, before any function runs.
          expect.soft(res.headers.get('content-type'), where).toBe('application/json');
          expect.soft(res.body, where).toEqual({ message: 'Unauthorized' });
          continue;
        }
        expect.soft(res.headers.get('content-type'), where).toContain('application/problem+json');
        expect.soft(res.body, where).toMatchObject({ status: expected, code: CODES[expected], type: expect.any(String), title: expect.any(String) });
        if (expected === 404 && req.hidden) {
          const unknownId = req.unknown ? req.unknown() : randomUUID();
          const unknown = await send(route.method, world, kind, { ...req, path: req.path.split(req.hidden).join(unknownId) });
          expect.soft(unknown.status, `${where}, unknown id`).toBe(404);
          expect.soft(res.body, `${where}: the hidden 404 differs from the unknown-id 404`).toEqual(unknown.body);
        }
      }
    });
  }

  it('ran every (route, caller) case the matrix asks for', () => {
    const expected = expectedCaseCount(authzMatrix);
    expect(expected).toBe(routeList.length * CALLER_KINDS.length - skips());
    expect(casesRun).toBeGreaterThanOrEqual(expected);
  });
});

function skips(): number {
  return Object.values(authzMatrix).reduce((n, row) => n + CALLER_KINDS.filter((k) => typeof row[k] !== 'number').length, 0);
}

/**
 * A workspace that requires SSO protects itself: every request that reads or changes it or
 * anything in it needs a token through its provider, whatever the caller's role or default
 * workspace. Here the SSO workspace is nobody's default, so only the workspace rule applies.
 */
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Client, type Res, type Tenant, type User } from './support/api.js';
import { createDevice } from './support/devices.js';
import { newActivationCode, newIccid, provisionSim } from './support/sims.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { viaSso } from './support/sso-token.js';

const PROVIDER = 'CorpSAML';

interface World {
  owner: Tenant;
  orgAdmin: Tenant;
  editor: Tenant;
  viewer: Tenant;
  grantee: Tenant;
  stranger: Tenant;
  /** The SSO workspace (nobody's default). */
  ws: string;
  deviceId: string;
  iccid: string;
}

async function world(label: string): Promise<World> {
  const [owner, orgAdmin, editor, viewer, grantee, stranger] = await Promise.all(
    ['owner', 'admin', 'editor', 'viewer', 'grantee', 'stranger'].map((role) => signedUp(`${label}-${role}`)),
  );
  const sso = viaSso(owner!, PROVIDER);
  const created = await sso.post(`/orgs/${owner!.orgId}/workspaces`, { name: 'Secure' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ws = created.body.id as string;
  await addMember(owner!, orgAdmin!, 'admin');
  for (const user of [editor!, viewer!, grantee!]) await addMember(owner!, user, 'member');
  await addWorkspaceMember(owner!.orgId, ws, editor!, 'editor', owner!.userId);
  await addWorkspaceMember(owner!.orgId, ws, viewer!, 'viewer', owner!.userId);
  const device = await createDevice(sso, ws, 'meter');
  expect((await sso.put(`/workspaces/${ws}/devices/${device.id}/grants/${grantee!.userId}`, { access: 'write' })).status).toBe(200);
  const card = await provisionSim(owner!.orgId);
  const iccid = card.iccid;
  expect((await sso.post(`/workspaces/${ws}/sims`, card)).status).toBe(201);
  const on = await sso.patch(`/workspaces/${ws}`, { sso: { required: true, providerName: PROVIDER } });
  expect(on.status, JSON.stringify(on.body)).toBe(200);
  return { owner: owner!, orgAdmin: orgAdmin!, editor: editor!, viewer: viewer!, grantee: grantee!, stranger: stranger!, ws, deviceId: device.id, iccid };
}

/** Requests every workspace role may make on the workspace and what is in it. */
function reads(w: World): ((c: Client) => Promise<Res>)[] {
  return [
    (c) => c.get(`/workspaces/${w.ws}`),
    (c) => c.get(`/workspaces/${w.ws}/overview`),
    (c) => c.get(`/workspaces/${w.ws}/members`),
    (c) => c.get(`/workspaces/${w.ws}/devices`),
    (c) => c.get(`/workspaces/${w.ws}/devices/${w.deviceId}`),
    (c) => c.get(`/workspaces/${w.ws}/streams`),
    (c) => c.get(`/workspaces/${w.ws}/sims`),
    (c) => c.get(`/workspaces/${w.ws}/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`),
    (c) => c.get(`/reports?workspaceIds=${w.ws}`),
  ];
}

/** Changes an editor may make. */
function edits(w: World): ((c: Client) => Promise<Res>)[] {
  return [
    (c) => c.patch(`/workspaces/${w.ws}`, { description: 'changed' }),
    (c) => c.post(`/workspaces/${w.ws}/devices`, { name: `d-${Math.random().toString(36).slice(2, 8)}` }),
    (c) => c.patch(`/workspaces/${w.ws}/devices/${w.deviceId}`, { description: 'changed' }),
    (c) => c.post(`/workspaces/${w.ws}/streams`, { name: 'temperature' }),
    (c) => c.post(`/workspaces/${w.ws}/sims`, { iccid: newIccid(), activationCode: newActivationCode() }),
  ];
}

/** Changes only an admin may make. */
function adminChanges(w: World, target: User): ((c: Client) => Promise<Res>)[] {
  return [
    (c) => c.put(`/workspaces/${w.ws}/members/${target.userId}`, { role: 'viewer' }),
    (c) => c.delete(`/workspaces/${w.ws}/members/${target.userId}`),
    (c) => c.put(`/workspaces/${w.ws}/devices/${w.deviceId}/grants/${target.userId}`, { access: 'read' }),
    (c) => c.delete(`/workspaces/${w.ws}/devices/${w.deviceId}`),
    (c) => c.post(`/workspaces/${w.ws}/move`, { targetOrganizationId: w.owner.orgId }),
    (c) => c.delete(`/workspaces/${w.ws}`),
  ];
}

describe('SSO of a workspace protects the workspace', () => {
  it('password tokens are refused for every role on every route touching it; tokens through the provider pass; outsiders still see 404', async () => {
    const w = await world('ssows-roles');
    for (const user of [w.owner, w.orgAdmin, w.editor, w.viewer]) {
      for (const request of reads(w)) expectProblem(await request(user.api), 403, 'sso_required');
      for (const request of reads(w)) expect((await request(viaSso(user, PROVIDER))).status).toBe(200);
      // A token through another provider is no better than a password.
      expectProblem(await viaSso(user, 'OtherIdP').get(`/workspaces/${w.ws}`), 403, 'sso_required');
    }
    for (const user of [w.owner, w.orgAdmin, w.editor]) for (const request of edits(w)) expectProblem(await request(user.api), 403, 'sso_required');
    for (const user of [w.owner, w.orgAdmin]) for (const request of adminChanges(w, w.viewer)) expectProblem(await request(user.api), 403, 'sso_required');
    // Nothing above changed anything: the viewer is still there, the device too.
    const sso = viaSso(w.owner, PROVIDER);
    expect((await sso.get(`/workspaces/${w.ws}/members`)).body.items.map((m: { userId: string }) => m.userId)).toContain(w.viewer.userId);
    expect((await sso.get(`/workspaces/${w.ws}/devices/${w.deviceId}`)).status).toBe(200);
    expect((await sso.get(`/workspaces/${w.ws}`)).body.description ?? null).toBeNull();

    // Per-device grants are no way around it.
    expectProblem(await w.grantee.api.get(`/workspaces/${w.ws}/devices/${w.deviceId}`), 403, 'sso_required');
    expectProblem(await w.grantee.api.patch(`/workspaces/${w.ws}/devices/${w.deviceId}`, { description: 'x' }), 403, 'sso_required');
    expect((await viaSso(w.grantee, PROVIDER).get(`/workspaces/${w.ws}/devices/${w.deviceId}`)).status).toBe(200);

    // Outsiders learn nothing: 404 with or without the provider.
    for (const client of [w.stranger.api, viaSso(w.stranger, PROVIDER)]) expectProblem(await client.get(`/workspaces/${w.ws}`), 404, 'not_found');
  });

  it('moving one\'s default elsewhere does not open it (the PATCH /me bypass)', async () => {
    const w = await world('ssows-default');
    // The editor makes the SSO workspace their default (through the provider), then moves it away again.
    expect((await viaSso(w.editor, PROVIDER).patch('/me', { defaultWorkspaceId: w.ws })).status).toBe(200);
    expectProblem(await w.editor.api.patch('/me', { defaultWorkspaceId: w.editor.workspaceId }), 403, 'sso_required');
    expect((await viaSso(w.editor, PROVIDER).patch('/me', { defaultWorkspaceId: w.editor.workspaceId })).status).toBe(200);
    // Free of the default rule, still bound by the workspace's own.
    expect((await w.editor.api.get('/orgs')).status).toBe(200);
    expectProblem(await w.editor.api.get(`/workspaces/${w.ws}`), 403, 'sso_required');
    expectProblem(await w.editor.api.post(`/workspaces/${w.ws}/devices`, { name: 'sneaky' }), 403, 'sso_required');
    expect((await viaSso(w.editor, PROVIDER).get(`/workspaces/${w.ws}/devices`)).body.items.map((d: { name: string }) => d.name)).not.toContain('sneaky');
  });

  it('losing one\'s role in the SSO default workspace releases the default and its obligation', async () => {
    const w = await world('ssows-removed');
    expect((await viaSso(w.viewer, PROVIDER).patch('/me', { defaultWorkspaceId: w.ws })).status).toBe(200);
    expectProblem(await w.viewer.api.get('/orgs'), 403, 'sso_required');
    expect((await viaSso(w.owner, PROVIDER).delete(`/workspaces/${w.ws}/members/${w.viewer.userId}`)).status).toBe(204);
    expect((await w.viewer.api.get('/orgs')).status).toBe(200);
    const me = await w.viewer.api.get('/me');
    expect(me.body.user.defaultWorkspaceId).toBeNull();
    expect(me.body.sso).toEqual({ required: false, providerName: null, satisfied: true });
    // Leaving by oneself does the same.
    expect((await viaSso(w.editor, PROVIDER).patch('/me', { defaultWorkspaceId: w.ws })).status).toBe(200);
    expect((await viaSso(w.editor, PROVIDER).delete(`/workspaces/${w.ws}/members/${w.editor.userId}`)).status).toBe(204);
    expect((await w.editor.api.get('/me')).body.user.defaultWorkspaceId).toBeNull();
    expect((await w.editor.api.get('/orgs')).status).toBe(200);
  });

  it('reports, SIM transfers and invitations that touch it need the provider; "all I can access" leaves it out', async () => {
    const w = await world('ssows-cross');
    const plain = w.owner.api;
    const sso = viaSso(w.owner, PROVIDER);
    const all = await plain.get('/reports');
    expect(all.status).toBe(200);
    expect(all.body.workspaces.map((l: { workspaceId: string }) => l.workspaceId)).not.toContain(w.ws);
    expect((await sso.get('/reports')).body.workspaces.map((l: { workspaceId: string }) => l.workspaceId)).toContain(w.ws);
    expectProblem(await plain.get(`/reports?workspaceIds=${w.owner.workspaceId},${w.ws}`), 403, 'sso_required');

    // A SIM out of it, and a SIM into it.
    expectProblem(await plain.post(`/sims/${w.iccid}/transfer`, { targetWorkspaceId: w.owner.workspaceId }), 403, 'sso_required');
    const outsideCard = await provisionSim(w.owner.orgId);
    const outside = outsideCard.iccid;
    expect((await plain.post(`/workspaces/${w.owner.workspaceId}/sims`, outsideCard)).status).toBe(201);
    expectProblem(await plain.post(`/sims/${outside}/transfer`, { targetWorkspaceId: w.ws }), 403, 'sso_required');
    const moved = await sso.post(`/sims/${outside}/transfer`, { targetWorkspaceId: w.ws });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    // Inviting someone into it.
    const body = { email: `invitee-${Date.now()}@example.com`, role: 'member', workspaces: [{ workspaceId: w.ws, role: 'viewer' }] };
    expectProblem(await plain.post(`/orgs/${w.owner.orgId}/invitations`, body), 403, 'sso_required');
    expect((await plain.get(`/orgs/${w.owner.orgId}/invitations`)).body.items).toEqual([]);
    expect((await sso.post(`/orgs/${w.owner.orgId}/invitations`, body)).status).toBe(201);
  });

  it('turning it on is refused to a token that would lock its admin out; the owner has a break-glass way to turn it off', async () => {
    const owner = await signedUp('ssows-lockout');
    const admin = await signedUp('ssows-lockout-admin');
    await addMember(owner, admin, 'admin');
    const ws = owner.workspaceId;
    const setting = { sso: { required: true, providerName: PROVIDER } };
    expectProblem(await owner.api.patch(`/workspaces/${ws}`, setting), 403, 'sso_required');
    expectProblem(await viaSso(owner, 'OtherIdP').patch(`/workspaces/${ws}`, setting), 403, 'sso_required');
    expect((await owner.api.get(`/workspaces/${ws}`)).body.sso).toBeNull();
    expect((await viaSso(admin, PROVIDER).patch(`/workspaces/${ws}`, setting)).status).toBe(200);

    // The provider is down: an admin cannot get past it, and neither can the owner for anything but turning it off.
    expectProblem(await admin.api.patch(`/workspaces/${ws}`, { sso: null }), 403, 'sso_required');
    expectProblem(await owner.api.patch(`/workspaces/${ws}`, { name: 'Renamed', sso: null }), 403, 'sso_required');
    expectProblem(await owner.api.patch(`/workspaces/${ws}`, { name: 'Renamed' }), 403, 'sso_required');
    const off = await owner.api.patch(`/workspaces/${ws}`, { sso: null });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.sso).toBeNull();
    expect((await admin.api.get(`/workspaces/${ws}`)).status).toBe(200);
    expect((await owner.api.get('/me')).body.sso).toEqual({ required: false, providerName: null, satisfied: true });
  });
});

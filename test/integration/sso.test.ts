import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Res, type Tenant } from './support/api.js';
import { inviteAndGetToken } from './support/invitations.js';
import { newIccid } from './support/sims.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { viaSso } from './support/sso-token.js';

const PROVIDER = 'AcmeSAML';

/** An owner whose Default workspace requires SSO through AcmeSAML (set with a token that shows it). */
async function ssoOrg(label: string): Promise<Tenant> {
  const owner = await signedUp(label);
  const set = await viaSso(owner, PROVIDER).patch(`/workspaces/${owner.workspaceId}`, { sso: { required: true, providerName: PROVIDER } });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  return owner;
}

describe('SSO of the default workspace', () => {
  it('a plain token answers 403 sso_required everywhere but GET /me; a token through the provider passes', async () => {
    const owner = await ssoOrg('sso-owner');
    const stranger = await signedUp('sso-stranger');
    const plain = owner.api;
    for (const path of ['/orgs', `/orgs/${owner.orgId}`, `/workspaces/${owner.workspaceId}`, `/orgs/${owner.orgId}/members`]) {
      expectProblem(await plain.get(path), 403, 'sso_required');
    }
    expectProblem(await plain.post('/orgs', { name: 'Escape' }), 403, 'sso_required');
    // Not even to choose another default: that too needs the provider.
    expectProblem(await plain.patch('/me', { defaultWorkspaceId: owner.workspaceId }), 403, 'sso_required');
    // What the caller cannot see still answers 404: the rule reveals nothing about others' tenants.
    expectProblem(await plain.get(`/workspaces/${stranger.workspaceId}`), 404, 'not_found');

    const me = await plain.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.sso).toEqual({ required: true, providerName: PROVIDER, satisfied: false });
    expect(me.body.user.defaultWorkspaceId).toBe(owner.workspaceId);

    const sso = viaSso(owner, PROVIDER);
    expect((await sso.get('/orgs')).status).toBe(200);
    expect((await sso.get(`/orgs/${owner.orgId}`)).status).toBe(200);
    expect((await sso.get(`/workspaces/${owner.workspaceId}`)).body.sso).toEqual({ required: true, providerName: PROVIDER });
    expect((await sso.get('/me')).body.sso).toEqual({ required: true, providerName: PROVIDER, satisfied: true });
    expectProblem(await viaSso(owner, 'OtherIdP').get('/orgs'), 403, 'sso_required');
  });

  it('routes that check it on their own reads (accept, decline, SIM transfer, reports) answer as the wrapper would: 403 before any 404 or 400', async () => {
    const owner = await ssoOrg('sso-own-reads');
    const host = await signedUp('sso-host');
    const { token: live } = await inviteAndGetToken(host.api, host.orgId, { email: owner.email, role: 'member' });
    const dead = 'x'.repeat(43);
    const plain = owner.api;
    const sso = viaSso(owner, PROVIDER);
    for (const client of [plain, sso]) {
      const bound = client === plain;
      const expectBound = (res: Res, otherwise: number) =>
        bound ? expectProblem(res, 403, 'sso_required') : expect(res.status, JSON.stringify(res.body)).toBe(otherwise);
      expectBound(await client.post(`/invitations/${dead}/accept`), 404);
      expectBound(await client.post(`/invitations/${dead}/decline`), 404);
      expectBound(await client.post(`/sims/${newIccid()}/transfer`, { targetWorkspaceId: owner.workspaceId }), 404);
      expectBound(await client.post(`/sims/${newIccid()}/transfer`, { target: 'nowhere' }), 400);
      expectBound(await client.get(`/reports?workspaceIds=${owner.workspaceId}`), 200);
      expectBound(await client.get('/reports'), 200);
      expectBound(await client.get(`/reports?workspaceIds=${host.workspaceId}`), 404);
    }
    // The live invitation was left alone by the refused attempts: it still works once.
    expectProblem(await plain.post(`/invitations/${live}/accept`), 403, 'sso_required');
    const joined = await sso.post(`/invitations/${live}/accept`);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.organization).toMatchObject({ id: host.orgId, role: 'member' });
  });

  it('choosing another default workspace (PATCH /me, through the provider) lifts the default rule, not the workspace rule; choosing the SSO one again binds again', async () => {
    const owner = await ssoOrg('sso-switch');
    const other = await viaSso(owner, PROVIDER).post(`/orgs/${owner.orgId}/workspaces`, { name: 'Plain' });
    expect(other.status).toBe(201);

    const switched = await viaSso(owner, PROVIDER).patch('/me', { defaultWorkspaceId: other.body.id });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body.sso).toEqual({ required: false, providerName: null, satisfied: true });
    expect((await owner.api.get('/orgs')).status).toBe(200);
    expect((await owner.api.get(`/workspaces/${other.body.id}`)).status).toBe(200);
    // The SSO workspace itself still needs the provider, whoever's default it is.
    expectProblem(await owner.api.get(`/workspaces/${owner.workspaceId}`), 403, 'sso_required');

    expect((await owner.api.patch('/me', { defaultWorkspaceId: owner.workspaceId })).body.sso).toMatchObject({ required: true, satisfied: false });
    expectProblem(await owner.api.get('/orgs'), 403, 'sso_required');
  });

  it("an admin's change reaches everyone whose default it is, and no one else", async () => {
    const owner = await signedUp('sso-admin');
    const [colleague, bystander] = await Promise.all([signedUp('sso-colleague'), signedUp('sso-bystander')]);
    for (const user of [colleague, bystander]) {
      await addMember(owner, user, 'member');
      await addWorkspaceMember(owner.orgId, owner.workspaceId, user, 'viewer', owner.userId);
    }
    expect((await colleague.api.patch('/me', { defaultWorkspaceId: owner.workspaceId })).status).toBe(200);

    const on = await viaSso(owner, PROVIDER).patch(`/workspaces/${owner.workspaceId}`, { sso: { required: true, providerName: PROVIDER } });
    expect(on.status).toBe(200);
    for (const user of [owner, colleague]) expectProblem(await user.api.get('/orgs'), 403, 'sso_required');
    // The bystander works in the same workspace, but their default is their own: bound in the
    // SSO workspace only.
    expectProblem(await bystander.api.get(`/workspaces/${owner.workspaceId}`), 403, 'sso_required');
    expect((await viaSso(bystander, PROVIDER).get(`/workspaces/${owner.workspaceId}`)).status).toBe(200);
    expect((await bystander.api.get('/orgs')).status).toBe(200);

    // Turned off (through SSO: the admin is bound too), it is lifted for everyone.
    const off = await viaSso(owner, PROVIDER).patch(`/workspaces/${owner.workspaceId}`, { sso: null });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    for (const user of [owner, colleague]) {
      expect((await user.api.get('/orgs')).status).toBe(200);
      expect((await user.api.get('/me')).body.sso).toEqual({ required: false, providerName: null, satisfied: true });
    }

    // `required: false` keeps the provider on record and requires nothing.
    await owner.api.patch(`/workspaces/${owner.workspaceId}`, { sso: { required: false, providerName: PROVIDER } });
    expect((await colleague.api.get('/orgs')).status).toBe(200);
  });

  it('deleting the SSO workspace frees those whose default it was', async () => {
    const owner = await ssoOrg('sso-delete');
    const sso = viaSso(owner, PROVIDER);
    const spare = await sso.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Spare' });
    expect(spare.status).toBe(201);
    expect((await sso.delete(`/workspaces/${owner.workspaceId}`)).status).toBe(204);
    expect((await owner.api.get('/orgs')).status).toBe(200);
    expect((await owner.api.get('/me')).body.user.defaultWorkspaceId).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Tenant } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { addCounters, disableWorkspace } from './support/workspace-state.js';

/** An owner with a second workspace to move, and another owner whose organization it can go to. */
async function twoOrgs(label: string): Promise<{ source: Tenant; target: Tenant; workspaceId: string }> {
  const [source, target] = await Promise.all([signedUp(`${label}-src`), signedUp(`${label}-dst`)]);
  const created = await source.api.post(`/orgs/${source.orgId}/workspaces`, { name: `${label} field` });
  expect(created.status).toBe(201);
  return { source, target, workspaceId: created.body.id };
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((w) => w.id);

describe('POST /workspaces/{workspaceId}/move', () => {
  it('owner/admin of both organizations may move; admin of one only, editors and strangers may not', async () => {
    const { source, target, workspaceId } = await twoOrgs('roles');
    const [adminBoth, adminSourceOnly, adminSourceMemberTarget, editorSource, stranger] = await Promise.all(
      ['both', 'srconly', 'srcadmin-dstmember', 'editor', 'stranger'].map((l) => signedUp(l)),
    );
    await addMember(source, adminBoth!, 'admin');
    await addMember(target, adminBoth!, 'admin');
    await addMember(source, adminSourceOnly!, 'admin');
    await addMember(source, adminSourceMemberTarget!, 'admin');
    await addMember(target, adminSourceMemberTarget!, 'member');
    await addMember(source, editorSource!, 'editor');
    await addMember(target, editorSource!, 'admin');
    await addWorkspaceMember(source.orgId, workspaceId, editorSource!, 'admin', source.userId);
    const move = (who: Tenant, to = target.orgId) => who.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: to });

    // The target is an organization they cannot see: 404, as for any stranger's resource.
    expectProblem(await move(adminSourceOnly!), 404, 'not_found');
    expectProblem(await move(adminSourceMemberTarget!), 403, 'forbidden');
    // Workspace admin through an explicit role, but only editor of its organization.
    expectProblem(await move(editorSource!), 403, 'forbidden');
    expectProblem(await move(stranger!), 404, 'not_found');
    expectProblem(await move(target), 404, 'not_found');
    expectProblem(await move(adminBoth!, source.orgId), 400, 'bad_request');
    expect((await source.api.get(`/workspaces/${workspaceId}`)).body.organizationId).toBe(source.orgId);

    const moved = await move(adminBoth!);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.workspace).toMatchObject({ id: workspaceId, organizationId: target.orgId, role: 'admin' });
    expect(moved.headers.get('etag')).toBeTruthy();
    // And back again, by the source's owner once they are admin of the organization that holds it now.
    await addMember(target, source, 'admin');
    const back = await source.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: source.orgId });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.workspace.organizationId).toBe(source.orgId);
  });

  it("the target's quota applies: 409 quota_exceeded and nothing changes", async () => {
    const { source, target, workspaceId } = await twoOrgs('quota');
    await addMember(target, source, 'admin');
    for (const name of ['Two', 'Three']) expect((await target.api.post(`/orgs/${target.orgId}/workspaces`, { name })).status).toBe(201);
    const before = await Promise.all([source.api.get(`/orgs/${source.orgId}/overview`), target.api.get(`/orgs/${target.orgId}/overview`)]);

    expectProblem(await source.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: target.orgId }), 409, 'quota_exceeded');

    const after = await Promise.all([source.api.get(`/orgs/${source.orgId}/overview`), target.api.get(`/orgs/${target.orgId}/overview`)]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
    expect(ids(await source.api.get(`/orgs/${source.orgId}/workspaces`))).toContain(workspaceId);
    expect(ids(await target.api.get(`/orgs/${target.orgId}/workspaces`))).not.toContain(workspaceId);
    expect((await source.api.get(`/workspaces/${workspaceId}`)).body.organizationId).toBe(source.orgId);
  });

  it('explicit members outside the target lose their role, members of both keep it; implicit admins follow the orgs', async () => {
    const { source, target, workspaceId } = await twoOrgs('members');
    const [both, sourceOnly, sourceAdmin, targetAdmin] = await Promise.all(['both', 'srconly', 'srcadmin', 'dstadmin'].map((l) => signedUp(l)));
    await addMember(target, source, 'admin');
    await addMember(source, both!, 'member');
    await addMember(target, both!, 'member');
    await addMember(source, sourceOnly!, 'editor');
    await addMember(source, sourceAdmin!, 'admin');
    await addMember(target, targetAdmin!, 'admin');
    await addWorkspaceMember(source.orgId, workspaceId, both!, 'editor', source.userId);
    await addWorkspaceMember(source.orgId, workspaceId, sourceOnly!, 'viewer', source.userId);
    expect((await sourceAdmin!.api.get(`/workspaces/${workspaceId}`)).body.role).toBe('admin');
    expectProblem(await targetAdmin!.api.get(`/workspaces/${workspaceId}`), 404, 'not_found');

    const moved = await source.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: target.orgId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.removedMembers).toEqual([sourceOnly!.userId]);

    expectProblem(await sourceOnly!.api.get(`/workspaces/${workspaceId}`), 404, 'not_found');
    expect((await both!.api.get(`/workspaces/${workspaceId}`)).body).toMatchObject({ role: 'editor', organizationId: target.orgId });
    expectProblem(await sourceAdmin!.api.get(`/workspaces/${workspaceId}`), 404, 'not_found');
    expect((await targetAdmin!.api.get(`/workspaces/${workspaceId}`)).body.role).toBe('admin');

    // The role moved from one membership to the other; the removed member's entry is gone.
    expect((await target.api.get(`/orgs/${target.orgId}/members/${both!.userId}`)).body.workspaces).toEqual([{ workspaceId, role: 'editor' }]);
    expect((await source.api.get(`/orgs/${source.orgId}/members/${both!.userId}`)).body.workspaces).toEqual([]);
    expect((await source.api.get(`/orgs/${source.orgId}/members/${sourceOnly!.userId}`)).body.workspaces).toEqual([]);
    const members = await targetAdmin!.api.get(`/workspaces/${workspaceId}/members`);
    const explicit = members.body.items.filter((m: { implicit: boolean }) => !m.implicit).map((m: { userId: string }) => m.userId);
    expect(explicit).toEqual([both!.userId]);
    expect((await targetAdmin!.api.get(`/workspaces/${workspaceId}/overview`)).body.members).toBe(1);

    expect(ids(await source.api.get(`/orgs/${source.orgId}/workspaces`))).not.toContain(workspaceId);
    expect(ids(await target.api.get(`/orgs/${target.orgId}/workspaces`))).toContain(workspaceId);
    expect((await both!.api.get(`/orgs/${target.orgId}/workspaces`)).body.items).toEqual([expect.objectContaining({ id: workspaceId, role: 'editor' })]);
    expect((await sourceOnly!.api.get('/me')).body.workspaces.map((w: { id: string }) => w.id)).not.toContain(workspaceId);
  });

  it("counters follow the workspace to the target's overview; audit events in both; a disabled workspace stays disabled", async () => {
    const { source, target, workspaceId } = await twoOrgs('counters');
    await addMember(target, source, 'admin');
    await addCounters(source.orgId, workspaceId, { deviceCount: 4, simCount: 2, trafficBytes: 5_000 });
    await addCounters(source.orgId, source.workspaceId, { deviceCount: 1, simCount: 1, trafficBytes: 7 });
    await disableWorkspace(workspaceId);
    const overview = async (t: Tenant) => (await t.api.get(`/orgs/${t.orgId}/overview`)).body;
    expect(await overview(source)).toMatchObject({ workspaces: 2, devices: 5, sims: 3, trafficBytes: 5_007 });
    expect(await overview(target)).toMatchObject({ workspaces: 1, devices: 0, sims: 0, trafficBytes: 0 });

    const moved = await source.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: target.orgId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.workspace).toMatchObject({ state: 'disabled', disabledReason: 'trial_expired' });

    expect(await overview(source)).toMatchObject({ workspaces: 1, devices: 1, sims: 1, trafficBytes: 7 });
    expect(await overview(target)).toMatchObject({ workspaces: 2, devices: 4, sims: 2, trafficBytes: 5_000 });
    for (const t of [source, target]) {
      const audit = await t.api.get(`/orgs/${t.orgId}/audit`);
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          action: 'workspace.moved',
          actorId: source.userId,
          target: { type: 'workspace', id: workspaceId },
          details: expect.objectContaining({ from: source.orgId, to: target.orgId }),
        }),
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { viaSso } from './support/sso-token.js';

describe('workspaces', () => {
  it('create: owner and admin create within the trial quota of 3; editors and members cannot', async () => {
    const owner = await signedUp('ws-owner');
    const admin = await signedUp('admin');
    const editor = await signedUp('editor');
    await addMember(owner, admin, 'admin');
    await addMember(owner, editor, 'editor');
    const created = await admin.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Field', description: 'sensors' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organizationId: owner.orgId, name: 'Field', description: 'sensors', state: 'enabled', createdBy: admin.userId });
    expectProblem(await editor.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'No' }), 403, 'forbidden');
    expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Third' })).status).toBe(201);
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Fourth' }), 409, 'quota_exceeded');
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: '   ' }), 400, 'bad_request');
  });

  it('parallel creates can never pass the quota', async () => {
    const owner = await signedUp('quota');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: `P${i}` })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.every((a) => [201, 409, 503].includes(a.status))).toBe(true);
    expect((await owner.api.get(`/orgs/${owner.orgId}/workspaces`)).body.items).toHaveLength(3);
  });

  it('list: owners see all; other members only the workspaces they hold a role in', async () => {
    const owner = await signedUp('list-owner');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, member, 'member');
    const second = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' });
    await addWorkspaceMember(owner.orgId, second.body.id, member, 'viewer', owner.userId);
    const all = await owner.api.get(`/orgs/${owner.orgId}/workspaces?limit=1`);
    expect(all.body.items).toHaveLength(1);
    const rest = await owner.api.get(`/orgs/${owner.orgId}/workspaces?limit=1&cursor=${all.body.nextCursor}`);
    expect([...all.body.items, ...rest.body.items].map((w: { id: string }) => w.id).sort()).toEqual([owner.workspaceId, second.body.id].sort());
    const mine = await member.api.get(`/orgs/${owner.orgId}/workspaces`);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: second.body.id, role: 'viewer' })]);
    expectProblem(await stranger.api.get(`/orgs/${owner.orgId}/workspaces`), 404, 'not_found');
  });

  it('get/patch/delete follow the workspace roles; SSO needs admin; If-Match guards edits', async () => {
    const owner = await signedUp('edit-owner');
    const [viewer, editor, wsAdmin, orgMember, stranger] = await Promise.all(['viewer', 'editor', 'wsadmin', 'plain', 'stranger'].map((l) => signedUp(l)));
    for (const u of [viewer!, editor!, wsAdmin!, orgMember!]) await addMember(owner, u, 'member');
    const ws = owner.workspaceId;
    await addWorkspaceMember(owner.orgId, ws, viewer!, 'viewer', owner.userId);
    await addWorkspaceMember(owner.orgId, ws, editor!, 'editor', owner.userId);
    await addWorkspaceMember(owner.orgId, ws, wsAdmin!, 'admin', owner.userId);

    expect((await viewer!.api.get(`/workspaces/${ws}`)).body).toMatchObject({ id: ws, role: 'viewer', sso: null });
    expectProblem(await orgMember!.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expectProblem(await stranger!.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expectProblem(await stranger!.api.patch(`/workspaces/${ws}`, { name: 'x' }), 404, 'not_found');

    expectProblem(await viewer!.api.patch(`/workspaces/${ws}`, { name: 'x' }), 403, 'forbidden');
    const etag = (await editor!.api.get(`/workspaces/${ws}`)).headers.get('etag')!;
    const renamed = await editor!.api.patch(`/workspaces/${ws}`, { name: 'Renamed', description: 'd' }, { 'if-match': etag });
    expect(renamed.body).toMatchObject({ name: 'Renamed', description: 'd' });
    expectProblem(await editor!.api.patch(`/workspaces/${ws}`, { name: 'Stale' }, { 'if-match': etag }), 412, 'precondition_failed');
    expectProblem(await editor!.api.patch(`/workspaces/${ws}`, { sso: { required: true, providerName: 'AcmeSAML' } }), 403, 'forbidden');
    // An admin turns it on through the provider (with a password token it would lock them out).
    const sso = await viaSso(wsAdmin!, 'AcmeSAML').patch(`/workspaces/${ws}`, { sso: { required: true, providerName: 'AcmeSAML' } });
    expect(sso.body.sso).toEqual({ required: true, providerName: 'AcmeSAML' });

    expectProblem(await viaSso(editor!, 'AcmeSAML').delete(`/workspaces/${ws}`), 403, 'forbidden');
    expect((await viaSso(wsAdmin!, 'AcmeSAML').delete(`/workspaces/${ws}`)).status).toBe(204);
    expectProblem(await owner.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expect((await viewer!.api.get(`/orgs/${owner.orgId}/members/${viewer!.userId}`)).body.workspaces).toEqual([]);
    // The freed slot counts again: two more fit into the trial quota of 3.
    expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'A' })).status).toBe(201);
    expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'B' })).status).toBe(201);
  });
});

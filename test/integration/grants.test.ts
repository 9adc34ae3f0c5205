import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { createDevice, createStream } from './support/devices.js';
import { addMember, addWorkspaceMember } from './support/seed.js';

async function setup(label: string) {
  const owner = await signedUp(`${label}-owner`);
  const [grantee, editor, stranger] = await Promise.all(['grantee', 'editor', 'stranger'].map((r) => signedUp(`${label}-${r}`)));
  await addMember(owner, grantee!, 'member');
  await addMember(owner, editor!, 'member');
  await addWorkspaceMember(owner.orgId, owner.workspaceId, editor!, 'editor', owner.userId);
  const ws = owner.workspaceId;
  const granted = await createDevice(owner.api, ws, 'granted');
  const hidden = await createDevice(owner.api, ws, 'hidden');
  await createStream(owner.api, ws, 'metrics');
  const grantPath = (deviceId: string, userId: string) => `/workspaces/${ws}/devices/${deviceId}/grants/${userId}`;
  return { owner, grantee: grantee!, editor: editor!, stranger: stranger!, ws, granted, hidden, grantPath };
}

describe('per-device grants', () => {
  it('a read grant shows exactly that device and nothing else of the workspace', async () => {
    const { owner, grantee, ws, granted, hidden, grantPath } = await setup('grant-read');
    const put = await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'read' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ workspaceId: ws, deviceId: granted.id, userId: grantee.userId, access: 'read', grantedBy: owner.userId });

    expect((await grantee.api.get(`/workspaces/${ws}/devices/${granted.id}`)).body).toMatchObject({ id: granted.id, name: 'granted' });
    expect((await grantee.api.get(`/workspaces/${ws}/devices`)).body).toEqual({ items: [expect.objectContaining({ id: granted.id })], nextCursor: null });
    // Their own device, but read only: 403. Everything beyond it: 404.
    expectProblem(await grantee.api.patch(`/workspaces/${ws}/devices/${granted.id}`, { name: 'x' }), 403, 'forbidden');
    expectProblem(await grantee.api.delete(`/workspaces/${ws}/devices/${granted.id}`), 403, 'forbidden');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices/${hidden.id}`), 404, 'not_found');
    expectProblem(await grantee.api.patch(`/workspaces/${ws}/devices/${hidden.id}`, { name: 'x' }), 404, 'not_found');
    expectProblem(await grantee.api.post(`/workspaces/${ws}/devices`, { name: 'mine' }), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/streams`), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/overview`), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/members`), 404, 'not_found');
  });

  it('a write grant may edit the device, not delete it, create devices or grant', async () => {
    const { owner, grantee, stranger, ws, granted, grantPath } = await setup('grant-write');
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'write' });
    const patched = await grantee.api.patch(`/workspaces/${ws}/devices/${granted.id}`, { description: 'mine now' });
    expect(patched.status).toBe(200);
    expect(patched.body.description).toBe('mine now');
    expectProblem(await grantee.api.delete(`/workspaces/${ws}/devices/${granted.id}`), 403, 'forbidden');
    expectProblem(await grantee.api.put(grantPath(granted.id, stranger.userId), { access: 'read' }), 403, 'forbidden');
    expectProblem(await grantee.api.post(`/workspaces/${ws}/devices`, { name: 'mine' }), 404, 'not_found');
    // Down to read again: the edit right is gone at once.
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'read' });
    expectProblem(await grantee.api.patch(`/workspaces/${ws}/devices/${granted.id}`, { description: 'again' }), 403, 'forbidden');
  });

  it('only workspace admins grant; only to org members; revoke answers 204 once', async () => {
    const { owner, grantee, editor, stranger, ws, granted, grantPath } = await setup('grant-admin');
    expectProblem(await editor.api.put(grantPath(granted.id, grantee.userId), { access: 'read' }), 403, 'forbidden');
    expectProblem(await stranger.api.put(grantPath(granted.id, grantee.userId), { access: 'read' }), 404, 'not_found');
    expectProblem(await owner.api.put(grantPath(granted.id, stranger.userId), { access: 'read' }), 404, 'not_found');
    expectProblem(await owner.api.put(grantPath('00000000-0000-4000-8000-000000000000', grantee.userId), { access: 'read' }), 404, 'not_found');
    expectProblem(await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'admin' }), 400, 'bad_request');
    expect((await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'read' })).status).toBe(200);
    expectProblem(await editor.api.delete(grantPath(granted.id, grantee.userId)), 403, 'forbidden');
    expect((await owner.api.delete(grantPath(granted.id, grantee.userId))).status).toBe(204);
    expectProblem(await owner.api.delete(grantPath(granted.id, grantee.userId)), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices/${granted.id}`), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices`), 404, 'not_found');
  });

  it('lists a device’s grants to its admins only: exactly that device’s, oldest first, changed levels and revocations included', async () => {
    const { owner, grantee, editor, stranger, ws, granted, hidden, grantPath } = await setup('grant-list');
    const list = (deviceId: string, who = owner) => who.api.get(`/workspaces/${ws}/devices/${deviceId}/grants`);
    expect((await list(granted.id)).body).toEqual({ items: [], nextCursor: null });
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'read' });
    await owner.api.put(grantPath(granted.id, editor.userId), { access: 'write' });
    await owner.api.put(grantPath(hidden.id, grantee.userId), { access: 'write' });
    const listed = await list(granted.id);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        { workspaceId: ws, deviceId: granted.id, userId: grantee.userId, access: 'read', grantedBy: owner.userId, grantedAt: expect.any(String) },
        { workspaceId: ws, deviceId: granted.id, userId: editor.userId, access: 'write', grantedBy: owner.userId, grantedAt: expect.any(String) },
      ],
      nextCursor: null,
    });
    // A changed level shows at once; a revoked grant is gone.
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'write' });
    await owner.api.delete(grantPath(granted.id, editor.userId));
    expect((await list(granted.id)).body.items).toEqual([expect.objectContaining({ userId: grantee.userId, access: 'write' })]);
    // Only those who may grant may see who holds a grant: not an editor, not the grantee, not a stranger.
    expectProblem(await list(granted.id, editor), 403, 'forbidden');
    expectProblem(await list(granted.id, grantee), 403, 'forbidden');
    expectProblem(await list(granted.id, stranger), 404, 'not_found');
    expectProblem(await list('00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('deleting the device removes its grants', async () => {
    const { owner, grantee, ws, granted, hidden, grantPath } = await setup('grant-device-gone');
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'write' });
    await owner.api.put(grantPath(hidden.id, grantee.userId), { access: 'read' });
    expect((await grantee.api.get(`/workspaces/${ws}/devices`)).body.items).toHaveLength(2);
    expect((await owner.api.delete(`/workspaces/${ws}/devices/${granted.id}`)).status).toBe(204);
    expect((await grantee.api.get(`/workspaces/${ws}/devices`)).body.items).toEqual([expect.objectContaining({ id: hidden.id })]);
    expectProblem(await owner.api.delete(grantPath(granted.id, grantee.userId)), 404, 'not_found');
  });

  it('leaving the organization removes the grants: rejoining does not bring them back', async () => {
    const { owner, grantee, ws, granted, grantPath } = await setup('grant-leave');
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'write' });
    expect((await owner.api.delete(`/orgs/${owner.orgId}/members/${grantee.userId}`)).status).toBe(204);
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices/${granted.id}`), 404, 'not_found');
    await addMember(owner, grantee, 'member');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices/${granted.id}`), 404, 'not_found');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices`), 404, 'not_found');
    // The device can still be deleted (no stale grant in the way).
    expect((await owner.api.delete(`/workspaces/${ws}/devices/${granted.id}`)).status).toBe(204);
  });

  it('a user who leaves by themself loses the grants too', async () => {
    const { owner, grantee, ws, granted, grantPath } = await setup('grant-self-leave');
    await owner.api.put(grantPath(granted.id, grantee.userId), { access: 'read' });
    expect((await grantee.api.delete(`/orgs/${owner.orgId}/members/${grantee.userId}`)).status).toBe(204);
    await addMember(owner, grantee, 'member');
    expectProblem(await grantee.api.get(`/workspaces/${ws}/devices/${granted.id}`), 404, 'not_found');
  });
});

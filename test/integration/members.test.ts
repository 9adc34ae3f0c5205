import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';

describe('members', () => {
  it('list: owner, admin and editor open the directory, members do not; pages are stable and signed', async () => {
    const owner = await signedUp('dir-owner');
    const people = await Promise.all(['admin', 'editor', 'member', 'm2', 'm3'].map((l) => signedUp(l)));
    const roles = ['admin', 'editor', 'member', 'member', 'member'] as const;
    for (const [i, person] of people.entries()) await addMember(owner, person, roles[i]!);
    const [admin, editor, member] = people;

    for (const reader of [owner, admin!, editor!]) expect((await reader.api.get(`/orgs/${owner.orgId}/members`)).status).toBe(200);
    expectProblem(await member!.api.get(`/orgs/${owner.orgId}/members`), 403, 'forbidden');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { userId: string }[]; nextCursor: string | null } } = await owner.api.get(
        `/orgs/${owner.orgId}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((m) => m.userId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([owner.userId, ...people.map((p) => p.userId)].sort());

    const first = await owner.api.get(`/orgs/${owner.orgId}/members?limit=2`);
    // Key order follows random user ids: pick an invited member wherever it landed.
    const invited = (await owner.api.get(`/orgs/${owner.orgId}/members`)).body.items.find((m: { userId: string }) => m.userId === admin!.userId);
    expect(invited).toMatchObject({ status: 'active', invitedAt: expect.any(String), memberSince: expect.any(String), workspaces: [] });
    expectProblem(await admin!.api.get(`/orgs/${owner.orgId}/members?cursor=${first.body.nextCursor}`), 400, 'bad_request');
    expectProblem(await owner.api.get(`/orgs/${owner.orgId}/members?cursor=forged.cursor`), 400, 'bad_request');
    const otherOrg = await signedUp('other-dir');
    await addMember(otherOrg, owner, 'admin');
    expectProblem(await owner.api.get(`/orgs/${otherOrg.orgId}/members?cursor=${first.body.nextCursor}`), 400, 'bad_request');
  });

  it('get: the per-member link; members see themselves only; strangers get 404', async () => {
    const owner = await signedUp('get-owner');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, member, 'member');
    const res = await owner.api.get(`/orgs/${owner.orgId}/members/${member.userId}`);
    expect(res.body).toMatchObject({ userId: member.userId, email: member.email, givenName: 'member', role: 'member', invitedBy: owner.userId });
    expect((await member.api.get(`/orgs/${owner.orgId}/members/${member.userId}`)).status).toBe(200);
    expectProblem(await member.api.get(`/orgs/${owner.orgId}/members/${owner.userId}`), 403, 'forbidden');
    expectProblem(await stranger.api.get(`/orgs/${owner.orgId}/members/${member.userId}`), 404, 'not_found');
    expectProblem(await owner.api.get(`/orgs/${owner.orgId}/members/${stranger.userId}`), 404, 'not_found');
  });

  it("patch role: owner/admin change roles up to their own, never to or from owner; editors can't", async () => {
    const owner = await signedUp('role-owner');
    const admin = await signedUp('admin');
    const editor = await signedUp('editor');
    const member = await signedUp('member');
    await addMember(owner, admin, 'admin');
    await addMember(owner, editor, 'editor');
    await addMember(owner, member, 'member');
    const path = `/orgs/${owner.orgId}/members/${member.userId}`;
    const res = await admin.api.patch(path, { role: 'editor' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('editor');
    expectProblem(await editor.api.patch(path, { role: 'member' }), 403, 'forbidden');
    expectProblem(await admin.api.patch(path, { role: 'owner' }), 400, 'bad_request');
    expectProblem(await admin.api.patch(`/orgs/${owner.orgId}/members/${owner.userId}`, { role: 'member' }), 403, 'forbidden');
    expectProblem(await owner.api.patch(path, { role: 'superuser' }), 400, 'bad_request');
    // The role change is effective at once, for authorization too.
    expect((await member.api.patch(`/orgs/${owner.orgId}`, { description: 'editors edit' })).status).toBe(200);
  });

  it('delete: leave, remove, and the owner stays; workspace roles in the org go with the member', async () => {
    const owner = await signedUp('rm-owner');
    const admin = await signedUp('admin');
    const member = await signedUp('member');
    const leaver = await signedUp('leaver');
    await addMember(owner, admin, 'admin');
    await addMember(owner, member, 'member');
    await addMember(owner, leaver, 'editor');
    await addWorkspaceMember(owner.orgId, owner.workspaceId, member, 'editor', owner.userId);
    expect((await member.api.get(`/workspaces/${owner.workspaceId}`)).body.role).toBe('editor');
    expect((await owner.api.get(`/orgs/${owner.orgId}/members/${member.userId}`)).body.workspaces).toEqual([
      { workspaceId: owner.workspaceId, role: 'editor' },
    ]);

    expectProblem(await leaver.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`), 403, 'forbidden');
    expect((await admin.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`)).status).toBe(204);
    expectProblem(await member.api.get(`/workspaces/${owner.workspaceId}`), 404, 'not_found');
    expectProblem(await member.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');
    expect((await member.api.get('/me')).body.workspaces.map((w: { id: string }) => w.id)).not.toContain(owner.workspaceId);

    expect((await leaver.api.delete(`/orgs/${owner.orgId}/members/${leaver.userId}`)).status).toBe(204);
    expectProblem(await leaver.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');

    expectProblem(await owner.api.delete(`/orgs/${owner.orgId}/members/${owner.userId}`), 409, 'conflict');
    expectProblem(await admin.api.delete(`/orgs/${owner.orgId}/members/${owner.userId}`), 403, 'forbidden');
    expectProblem(await owner.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`), 404, 'not_found');
    const left = (await owner.api.get(`/orgs/${owner.orgId}/members`)).body.items.map((m: { userId: string }) => m.userId);
    expect(left.sort()).toEqual([owner.userId, admin.userId].sort());
  });

  it('a role change racing a removal never leaves the member half there', async () => {
    const owner = await signedUp('race-owner');
    const member = await signedUp('member');
    await addMember(owner, member, 'member');
    const [change, removal] = await Promise.all([
      owner.api.patch(`/orgs/${owner.orgId}/members/${member.userId}`, { role: 'editor' }),
      owner.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`),
    ]);
    expect([200, 404, 409, 503]).toContain(change.status);
    const listed = (await owner.api.get(`/orgs/${owner.orgId}/members`)).body.items.some((m: { userId: string }) => m.userId === member.userId);
    const orgs = (await member.api.get('/me')).body.organizations.map((o: { id: string }) => o.id);
    expect(orgs.includes(owner.orgId)).toBe(listed);
    if (removal.status === 204) expect(listed).toBe(false);
  });
});

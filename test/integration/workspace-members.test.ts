import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Tenant } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';

interface Entry {
  userId: string;
  email: string;
  givenName: string;
  familyName: string;
  organizationRole: string;
  workspaceRole: string;
  implicit: boolean;
}

const membersPath = (workspaceId: string) => `/workspaces/${workspaceId}/members`;
const memberPath = (workspaceId: string, userId: string) => `/workspaces/${workspaceId}/members/${userId}`;

/** Every entry of a workspace's member list, following cursors. */
async function allMembers(caller: Tenant, workspaceId: string, limit = 50): Promise<Entry[]> {
  const seen: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await caller.api.get(
      `${membersPath(workspaceId)}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

/** An org with a team: every signed-up user joins the owner's org with the given org role, and the workspace role if any. */
async function team<L extends string>(
  owner: Tenant,
  people: Record<L, { org: 'admin' | 'editor' | 'member'; ws?: 'admin' | 'editor' | 'viewer' }>,
): Promise<Record<L, Tenant>> {
  const out = {} as Record<L, Tenant>;
  for (const [label, roles] of Object.entries(people) as [L, { org: 'admin' | 'editor' | 'member'; ws?: 'admin' | 'editor' | 'viewer' }][]) {
    const user = await signedUp(label);
    await addMember(owner, user, roles.org);
    if (roles.ws) await addWorkspaceMember(owner.orgId, owner.workspaceId, user, roles.ws, owner.userId);
    out[label] = user;
  }
  return out;
}

describe('workspace members', () => {
  it('list: explicit members and implicit admins once each, by name, paged behind signed cursors', async () => {
    const owner = await signedUp('Owen');
    const people = await team(owner, {
      amy: { org: 'member', ws: 'viewer' },
      Bea: { org: 'admin' },
      carl: { org: 'editor', ws: 'editor' },
      Dan: { org: 'member', ws: 'viewer' },
      Zed: { org: 'member', ws: 'admin' },
      plain: { org: 'member' },
    });
    const stranger = await signedUp('stranger');
    // Dan is promoted to org admin while holding an explicit role: listed once, as implicit admin.
    expect((await owner.api.patch(`/orgs/${owner.orgId}/members/${people.Dan.userId}`, { role: 'admin' })).status).toBe(200);
    const ws = owner.workspaceId;

    const listed = await allMembers(people.amy, ws);
    expect(listed.map((e) => e.givenName)).toEqual(['amy', 'Bea', 'carl', 'Dan', 'Owen', 'Zed']);
    const byName = Object.fromEntries(listed.map((e) => [e.givenName, e]));
    expect(byName.Owen).toEqual({
      userId: owner.userId, email: owner.email, givenName: 'Owen', familyName: 'Test',
      organizationRole: 'owner', workspaceRole: 'admin', implicit: true,
    });
    expect(byName.Bea).toMatchObject({ organizationRole: 'admin', workspaceRole: 'admin', implicit: true });
    expect(byName.Dan).toMatchObject({ organizationRole: 'admin', workspaceRole: 'admin', implicit: true });
    expect(byName.amy).toMatchObject({ userId: people.amy.userId, organizationRole: 'member', workspaceRole: 'viewer', implicit: false });
    expect(byName.carl).toMatchObject({ organizationRole: 'editor', workspaceRole: 'editor', implicit: false });
    expect(byName.Zed).toMatchObject({ organizationRole: 'member', workspaceRole: 'admin', implicit: false });

    expect(await allMembers(owner, ws, 1)).toEqual(listed);

    expectProblem(await people.plain.api.get(membersPath(ws)), 404, 'not_found');
    expectProblem(await stranger.api.get(membersPath(ws)), 404, 'not_found');

    const first = await owner.api.get(`${membersPath(ws)}?limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expectProblem(await people.amy.api.get(`${membersPath(ws)}?limit=1&cursor=${first.body.nextCursor}`), 400, 'bad_request');
    const second = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' });
    expect(second.status).toBe(201);
    expectProblem(await owner.api.get(`${membersPath(second.body.id)}?limit=1&cursor=${first.body.nextCursor}`), 400, 'bad_request');
    expectProblem(await owner.api.get(`${membersPath(ws)}?cursor=forged.cursor`), 400, 'bad_request');
  });

  it('put: editors add up to editor, only admins change roles, the target must be a plain org member', async () => {
    const owner = await signedUp('put-owner');
    const p = await team(owner, {
      viewer: { org: 'member', ws: 'viewer' },
      editor: { org: 'member', ws: 'editor' },
      wsadmin: { org: 'member', ws: 'admin' },
      orgadmin: { org: 'admin' },
      t1: { org: 'member' },
      t2: { org: 'editor' },
      t3: { org: 'member' },
    });
    const outsider = await signedUp('outsider');
    const stranger = await signedUp('stranger');
    const ws = owner.workspaceId;
    const put = (caller: Tenant, target: Tenant, role: string) => caller.api.put(memberPath(ws, target.userId), { role });

    expectProblem(await put(p.viewer, p.t1, 'viewer'), 403, 'forbidden');

    const added = await put(p.editor, p.t1, 'viewer');
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toEqual({
      userId: p.t1.userId, email: p.t1.email, givenName: 't1', familyName: 'Test',
      organizationRole: 'member', workspaceRole: 'viewer', implicit: false,
    });
    expect((await p.t1.api.get(`/workspaces/${ws}`)).body.role).toBe('viewer');
    expect((await put(p.editor, p.t2, 'editor')).body).toMatchObject({ organizationRole: 'editor', workspaceRole: 'editor' });
    expectProblem(await put(p.editor, p.t3, 'admin'), 403, 'forbidden');
    expectProblem(await p.t3.api.get(`/workspaces/${ws}`), 404, 'not_found');

    expectProblem(await put(p.editor, p.t1, 'editor'), 403, 'forbidden');
    expect((await put(p.editor, p.t1, 'viewer')).status).toBe(200);
    const changed = await put(p.wsadmin, p.t1, 'admin');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ userId: p.t1.userId, workspaceRole: 'admin', implicit: false });
    expect((await p.t1.api.get(`/workspaces/${ws}`)).body.role).toBe('admin');
    expect((await owner.api.get(`/orgs/${owner.orgId}/members/${p.t1.userId}`)).body.workspaces).toEqual([{ workspaceId: ws, role: 'admin' }]);

    // The same role again writes nothing: no new audit event.
    const before = (await owner.api.get(`/orgs/${owner.orgId}/audit?limit=100`)).body.items.length;
    expect((await put(owner, p.t1, 'admin')).status).toBe(200);
    expect((await owner.api.get(`/orgs/${owner.orgId}/audit?limit=100`)).body.items.length).toBe(before);

    const notInOrg = await put(p.editor, outsider, 'viewer');
    expectProblem(notInOrg, 404, 'not_found');
    expect(notInOrg.body.detail).toContain('not a member of the organization');
    expectProblem(await p.editor.api.put(memberPath(ws, randomUUID()), { role: 'viewer' }), 404, 'not_found');
    // An org admin is 409 to those who may read the org's directory (t2: org editor, workspace editor); to a workspace admin who is a
    // plain org member it is the 404 of anyone else they cannot add (issue 13: no membership oracle).
    expectProblem(await put(owner, p.orgadmin, 'viewer'), 409, 'conflict');
    expectProblem(await put(p.t2, p.orgadmin, 'viewer'), 409, 'conflict');
    expectProblem(await put(p.wsadmin, p.orgadmin, 'viewer'), 404, 'not_found');
    expectProblem(await put(owner, owner, 'viewer'), 409, 'conflict');
    expectProblem(await put(stranger, p.t3, 'viewer'), 404, 'not_found');
    expectProblem(await put(p.t3, p.t3, 'viewer'), 404, 'not_found');
    expectProblem(await put(outsider, outsider, 'viewer'), 404, 'not_found');
    expectProblem(await put(owner, p.t3, 'owner'), 400, 'bad_request');
    expectProblem(await owner.api.put(memberPath(ws, p.t3.userId), { role: 'viewer', extra: true }), 400, 'bad_request');

    const roles = Object.fromEntries((await allMembers(owner, ws)).map((e) => [e.userId, e.workspaceRole]));
    expect(roles).toEqual({
      [owner.userId]: 'admin', [p.orgadmin.userId]: 'admin', [p.viewer.userId]: 'viewer', [p.editor.userId]: 'editor',
      [p.wsadmin.userId]: 'admin', [p.t1.userId]: 'admin', [p.t2.userId]: 'editor',
    });
  });

  it('delete: admins remove, members leave, implicit admins stay, unknown members are 404', async () => {
    const owner = await signedUp('rm-owner');
    const p = await team(owner, {
      viewer: { org: 'member', ws: 'viewer' },
      editor: { org: 'member', ws: 'editor' },
      wsadmin: { org: 'member', ws: 'admin' },
      other: { org: 'member', ws: 'viewer' },
      orgadmin: { org: 'admin' },
      plain: { org: 'member' },
    });
    const stranger = await signedUp('stranger');
    const ws = owner.workspaceId;

    expect((await p.wsadmin.api.delete(memberPath(ws, p.viewer.userId))).status).toBe(204);
    expectProblem(await p.viewer.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expect((await owner.api.get(`/orgs/${owner.orgId}/members/${p.viewer.userId}`)).body.workspaces).toEqual([]);
    expect((await allMembers(owner, ws)).map((e) => e.userId)).not.toContain(p.viewer.userId);
    expectProblem(await p.wsadmin.api.delete(memberPath(ws, p.viewer.userId)), 404, 'not_found');

    expectProblem(await p.editor.api.delete(memberPath(ws, p.other.userId)), 403, 'forbidden');
    expect((await p.other.api.get(`/workspaces/${ws}`)).status).toBe(200);
    expect((await p.editor.api.delete(memberPath(ws, p.editor.userId))).status).toBe(204);
    expectProblem(await p.editor.api.get(`/workspaces/${ws}`), 404, 'not_found');

    expectProblem(await owner.api.delete(memberPath(ws, p.orgadmin.userId)), 409, 'conflict');
    expectProblem(await p.orgadmin.api.delete(memberPath(ws, p.orgadmin.userId)), 409, 'conflict');
    expectProblem(await p.wsadmin.api.delete(memberPath(ws, owner.userId)), 409, 'conflict');
    expectProblem(await p.wsadmin.api.delete(memberPath(ws, p.plain.userId)), 404, 'not_found');
    expectProblem(await p.wsadmin.api.delete(memberPath(ws, randomUUID())), 404, 'not_found');
    expectProblem(await stranger.api.delete(memberPath(ws, p.other.userId)), 404, 'not_found');
    expectProblem(await p.plain.api.delete(memberPath(ws, p.plain.userId)), 404, 'not_found');

    const left = (await allMembers(owner, ws)).map((e) => e.userId).sort();
    expect(left).toEqual([owner.userId, p.orgadmin.userId, p.wsadmin.userId, p.other.userId].sort());
  });

  it('removing a user from the organization takes their workspace role with it', async () => {
    const owner = await signedUp('org-rm-owner');
    const { member } = await team(owner, { member: { org: 'member', ws: 'editor' } });
    const ws = owner.workspaceId;
    expect((await allMembers(owner, ws)).map((e) => e.userId)).toContain(member.userId);
    expect((await owner.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`)).status).toBe(204);
    expect((await allMembers(owner, ws)).map((e) => e.userId)).toEqual([owner.userId]);
    expectProblem(await owner.api.put(memberPath(ws, member.userId), { role: 'viewer' }), 404, 'not_found');
    // Back in the org, they start without workspace roles: nothing of the old one was left behind.
    await addMember(owner, member, 'member');
    expectProblem(await member.api.get(`/workspaces/${ws}`), 404, 'not_found');
    expect((await allMembers(owner, ws)).map((e) => e.userId)).toEqual([owner.userId]);
    expect((await owner.api.put(memberPath(ws, member.userId), { role: 'viewer' })).body).toMatchObject({ workspaceRole: 'viewer' });
  });

  it('parallel grants and parallel removals of the same member happen once', async () => {
    const owner = await signedUp('race-owner');
    const { member } = await team(owner, { member: { org: 'member' } });
    const ws = owner.workspaceId;
    const path = memberPath(ws, member.userId);
    const events = async (action: string) =>
      (await owner.api.get(`/orgs/${owner.orgId}/audit?limit=100`)).body.items.filter((e: { action: string }) => e.action === action);

    const grants = await Promise.all(Array.from({ length: 4 }, () => owner.api.put(path, { role: 'viewer' })));
    expect(grants.map((g) => g.status)).toContain(200);
    expect(grants.every((g) => [200, 409, 503].includes(g.status))).toBe(true);
    expect(await events('workspace.member_added')).toHaveLength(1);

    const removals = await Promise.all(Array.from({ length: 4 }, () => owner.api.delete(path)));
    expect(removals.filter((r) => r.status === 204)).toHaveLength(1);
    expect(removals.every((r) => [204, 404, 503].includes(r.status))).toBe(true);
    expect(await events('workspace.member_removed')).toHaveLength(1);
    expectProblem(await member.api.get(`/workspaces/${ws}`), 404, 'not_found');
  });

  it('every change is in the audit log, newest first; the log is for org owners and admins', async () => {
    const owner = await signedUp('audit-owner');
    const { admin, editor, member } = await team(owner, { admin: { org: 'admin' }, editor: { org: 'editor' }, member: { org: 'member' } });
    const stranger = await signedUp('stranger');
    const ws = owner.workspaceId;
    expect((await owner.api.put(memberPath(ws, member.userId), { role: 'viewer' })).status).toBe(200);
    expect((await admin.api.put(memberPath(ws, member.userId), { role: 'editor' })).status).toBe(200);
    expect((await owner.api.delete(memberPath(ws, member.userId))).status).toBe(204);

    const log = await admin.api.get(`/orgs/${owner.orgId}/audit`);
    expect(log.status).toBe(200);
    const target = { type: 'member', id: member.userId };
    expect(log.body.items.slice(0, 3)).toEqual([
      expect.objectContaining({ action: 'workspace.member_removed', actorId: owner.userId, target, details: { workspaceId: ws, role: 'editor' } }),
      expect.objectContaining({
        action: 'workspace.member_role_changed', actorId: admin.userId, target, details: { workspaceId: ws, role: 'editor', from: 'viewer' },
      }),
      expect.objectContaining({ action: 'workspace.member_added', actorId: owner.userId, target, details: { workspaceId: ws, role: 'viewer' } }),
    ]);
    const ats = log.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(log.body.items.at(-1)).toMatchObject({ action: 'organization.created', actorId: owner.userId, target: { type: 'organization', id: owner.orgId } });

    expectProblem(await editor.api.get(`/orgs/${owner.orgId}/audit`), 403, 'forbidden');
    expectProblem(await member.api.get(`/orgs/${owner.orgId}/audit`), 403, 'forbidden');
    expectProblem(await stranger.api.get(`/orgs/${owner.orgId}/audit`), 404, 'not_found');
  });
});

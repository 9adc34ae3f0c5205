import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { addMember } from './support/seed.js';
import { stack } from './support/stack.js';

describe('organizations', () => {
  it('create: the caller owns a new trial org; Idempotency-Key replays the first answer', async () => {
    const owner = await signedUp('creator');
    const key = { 'idempotency-key': `k-${Date.now()}` };
    const first = await owner.api.post('/orgs', { name: 'Widgets', description: 'w' }, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Widgets', description: 'w', plan: 'trial', ownerId: owner.userId, logoUrl: null, branding: null });
    const again = await owner.api.post('/orgs', { name: 'Widgets', description: 'w' }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.status).toBe(201);
    const reused = await owner.api.post('/orgs', { name: 'Other' }, key);
    expect(reused.status).toBe(422);
    expect((await owner.api.get('/orgs?q=widgets')).body.items).toEqual([{ id: first.body.id, name: 'Widgets', role: 'owner' }]);
    expect((await owner.api.get('/orgs')).body.items).toHaveLength(2);
  });

  it('create: the same JSON once as text and once base64-encoded (no Content-Type) is the same request under one Idempotency-Key', async () => {
    const owner = await signedUp('b64');
    const key = `b64-${Date.now()}`;
    const json = JSON.stringify({ name: 'Encoded', description: 'same body' });
    const post = (headers: Record<string, string>, body: string | Buffer) =>
      fetch(`${stack().apiUrl}/orgs`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'idempotency-key': key, ...headers }, body });

    const plain = await post({ 'content-type': 'application/json' }, json);
    // A Buffer body goes without Content-Type, which API Gateway (and the local gateway) base64-encodes.
    const encoded = await post({}, Buffer.from(json));
    // The same JSON with its keys in another order and other spacing is the same body too.
    const reordered = await post({ 'content-type': 'application/json' }, '{ "description": "same body", "name": "Encoded" }');

    expect(plain.status).toBe(201);
    const first = (await plain.json()) as { id: string };
    for (const repeat of [encoded, reordered]) {
      const text = await repeat.text();
      expect(repeat.status, text).toBe(201);
      expect((JSON.parse(text) as { id: string }).id).toBe(first.id);
    }
    expect((await owner.api.get('/orgs?q=encoded')).body.items).toEqual([{ id: first.id, name: 'Encoded', role: 'owner' }]);
  });

  it('list: filters by name substring, pages with signed cursors', async () => {
    const owner = await signedUp('lister', 'Zeta');
    for (const name of ['Alpha One', 'Alpha Two', 'Beta']) expect((await owner.api.post('/orgs', { name })).status).toBe(201);
    const page1 = await owner.api.get('/orgs?limit=2');
    expect(page1.body.items.map((o: { name: string }) => o.name)).toEqual(['Alpha One', 'Alpha Two']);
    const page2 = await owner.api.get(`/orgs?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((o: { name: string }) => o.name)).toEqual(['Beta', 'Zeta']);
    expect(page2.body.nextCursor).toBeNull();
    expect((await owner.api.get('/orgs?q=ALPHA')).body.items).toHaveLength(2);
    expectProblem(await owner.api.get(`/orgs?cursor=${page1.body.nextCursor}x`), 400, 'bad_request');
    expectProblem(await owner.api.get(`/orgs?q=alpha&cursor=${page1.body.nextCursor}`), 400, 'bad_request');
    expectProblem(await owner.api.get('/orgs?limit=0'), 400, 'bad_request');
    expectProblem(await owner.api.get('/orgs?limit=101'), 400, 'bad_request');
  });

  it('get: every member role sees it; a stranger gets the same 404 as for an unknown id', async () => {
    const owner = await signedUp('getter');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, member, 'member');
    const res = await member.api.get(`/orgs/${owner.orgId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: owner.orgId, name: 'getter Org', description: null, logoUrl: null, branding: null, plan: 'trial',
      trialEndsAt: expect.any(String), ownerId: owner.userId, createdAt: expect.any(String),
    });
    const foreign = await stranger.api.get(`/orgs/${owner.orgId}`);
    const unknown = await stranger.api.get('/orgs/00000000-0000-4000-8000-000000000000');
    expectProblem(foreign, 404, 'not_found');
    expect(foreign.body).toEqual(unknown.body);
    expectProblem(await stranger.api.get('/orgs/not-a-uuid'), 400, 'bad_request');
  });

  it('patch: editors and above edit details; If-Match guards lost updates; members get 403', async () => {
    const owner = await signedUp('patch');
    const editor = await signedUp('editor');
    const member = await signedUp('member');
    await addMember(owner, editor, 'editor');
    await addMember(owner, member, 'member');
    const read = await owner.api.get(`/orgs/${owner.orgId}`);
    const etag = read.headers.get('etag')!;
    const res = await editor.api.patch(
      `/orgs/${owner.orgId}`,
      { name: 'Renamed', logoUrl: 'https://cdn.example.com/logo.png', branding: { primaryColor: '#112233' } },
      { 'if-match': etag },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', logoUrl: 'https://cdn.example.com/logo.png', branding: { primaryColor: '#112233' } });
    expect(res.headers.get('etag')).not.toBe(etag);
    expectProblem(await owner.api.patch(`/orgs/${owner.orgId}`, { name: 'Stale' }, { 'if-match': etag }), 412, 'precondition_failed');
    expectProblem(await member.api.patch(`/orgs/${owner.orgId}`, { name: 'No' }), 403, 'forbidden');
    expectProblem(await owner.api.patch(`/orgs/${owner.orgId}`, { branding: { primaryColor: 'red' } }), 400, 'bad_request');
    const cleared = await owner.api.patch(`/orgs/${owner.orgId}`, { logoUrl: null });
    expect(cleared.body.logoUrl).toBeNull();
    expect((await owner.api.get(`/orgs/${owner.orgId}`)).body.name).toBe('Renamed');
  });

  it('transfer ownership: only the owner, only to a member; parallel transfers leave exactly one owner', async () => {
    const owner = await signedUp('old-owner');
    const admin = await signedUp('admin');
    const other = await signedUp('other');
    const stranger = await signedUp('stranger');
    await addMember(owner, admin, 'admin');
    await addMember(owner, other, 'editor');
    expectProblem(await admin.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: admin.userId }), 403, 'forbidden');
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: stranger.userId }), 404, 'not_found');
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: owner.userId }), 400, 'bad_request');

    const results = await Promise.all([
      owner.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: admin.userId }),
      owner.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: other.userId }),
    ]);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    const newOwner = winners[0]!.body.ownerId;
    const members = (await owner.api.get(`/orgs/${owner.orgId}/members`)).body.items as { userId: string; role: string }[];
    expect(members.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([newOwner]);
    expect(members.find((m) => m.userId === owner.userId)?.role).toBe('admin');
    expectProblem(await owner.api.delete(`/orgs/${owner.orgId}`), 403, 'forbidden');
  });

  it('delete: owner only; afterwards nothing of it is readable', async () => {
    const owner = await signedUp('deleter');
    const admin = await signedUp('admin');
    await addMember(owner, admin, 'admin');
    const ws = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Doomed' });
    expectProblem(await admin.api.delete(`/orgs/${owner.orgId}`), 403, 'forbidden');
    const res = await owner.api.delete(`/orgs/${owner.orgId}`);
    expect(res.status).toBe(204);
    expectProblem(await owner.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');
    expectProblem(await admin.api.get(`/orgs/${owner.orgId}/members`), 404, 'not_found');
    expectProblem(await owner.api.get(`/workspaces/${ws.body.id}`), 404, 'not_found');
    expectProblem(await owner.api.get(`/workspaces/${owner.workspaceId}`), 404, 'not_found');
    expectProblem(await owner.api.delete(`/orgs/${owner.orgId}`), 404, 'not_found');
    const me = (await owner.api.get('/me')).body;
    expect(me.organizations).toEqual([]);
    expect(me.workspaces).toEqual([]);
    expect(me.user.defaultWorkspaceId).toBeNull();
    expect((await admin.api.get('/me')).body.organizations.map((o: { id: string }) => o.id)).not.toContain(owner.orgId);
  });
});

describe('transfer ownership to someone unknown', () => {
  it('answers 404 for any id that is not a member (found by the fuzzer: it was a 500)', async () => {
    const { randomUUID } = await import('node:crypto');
    const owner = await signedUp('fuzz-found');
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/transfer-ownership`, { userId: randomUUID() }), 404, 'not_found');
    expect((await owner.api.get(`/orgs/${owner.orgId}`)).body.ownerId).toBe(owner.userId);
  });
});

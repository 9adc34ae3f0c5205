/** Regressions found in review: each test names the hole it keeps closed. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { createDevice } from './support/devices.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { endTrial, sweep } from './support/trials.js';

describe('review fixes', () => {
  it('an Idempotency-Key is scoped to the path: the same key on another workspace creates there', async () => {
    const owner = await signedUp('idem-path');
    const second = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' });
    const key = { 'idempotency-key': `k-${randomUUID()}` };
    const a = await owner.api.post(`/workspaces/${owner.workspaceId}/devices`, { name: 'same' }, key);
    const b = await owner.api.post(`/workspaces/${second.body.id}/devices`, { name: 'same' }, key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect((await owner.api.get(`/workspaces/${second.body.id}/devices`)).body.items.map((d: { id: string }) => d.id)).toEqual([b.body.id]);
  });

  it('a member cannot tell members from strangers by trying to remove them', async () => {
    const owner = await signedUp('oracle');
    const [member, other] = await Promise.all([signedUp('member'), signedUp('other')]);
    await addMember(owner, member, 'member');
    await addMember(owner, other, 'member');
    const existing = await member.api.delete(`/orgs/${owner.orgId}/members/${other.userId}`);
    const unknown = await member.api.delete(`/orgs/${owner.orgId}/members/${randomUUID()}`);
    expectProblem(existing, 403, 'forbidden');
    expect(unknown.status).toBe(existing.status);
    expect(unknown.body).toEqual(existing.body);
  });

  it('deleting a workspace takes its devices out of the organization overview', async () => {
    const owner = await signedUp('counter');
    const ws = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Doomed' });
    await createDevice(owner.api, ws.body.id, 'd1');
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.devices).toBe(1);
    expect((await owner.api.delete(`/workspaces/${ws.body.id}`)).status).toBe(204);
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.devices).toBe(0);
  });

  it('a workspace moved into an organization whose trial ended arrives disabled', async () => {
    const source = await signedUp('mover');
    const target = await signedUp('ended');
    await addMember(target, source, 'admin');
    await endTrial(target.orgId);
    await sweep();
    const moved = await source.api.post(`/workspaces/${source.workspaceId}/move`, { targetOrganizationId: target.orgId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await source.api.get(`/workspaces/${source.workspaceId}`)).body).toMatchObject({ state: 'disabled', disabledReason: 'trial_expired' });
    expectProblem(await source.api.post(`/workspaces/${source.workspaceId}/devices`, { name: 'x' }), 423, 'workspace_disabled');
  });

  it('a workspace with per-device grants cannot move until they are revoked (they were given by its org)', async () => {
    const source = await signedUp('grants-move');
    const target = await signedUp('grants-target');
    const holder = await signedUp('holder');
    await addMember(target, source, 'admin');
    await addMember(source, holder, 'member');
    const device = await createDevice(source.api, source.workspaceId, 'sensor');
    const grantPath = `/workspaces/${source.workspaceId}/devices/${device.id}/grants/${holder.userId}`;
    expect((await source.api.put(grantPath, { access: 'write' })).status).toBeLessThan(300);
    expectProblem(await source.api.post(`/workspaces/${source.workspaceId}/move`, { targetOrganizationId: target.orgId }), 409, 'conflict');
    expect((await source.api.delete(grantPath)).status).toBe(204);
    expect((await source.api.post(`/workspaces/${source.workspaceId}/move`, { targetOrganizationId: target.orgId })).status).toBe(200);
  });

  it('removing a member with more workspace roles than one transaction holds works, in steps', async () => {
    const owner = await signedUp('many-roles');
    await owner.api.put(`/orgs/${owner.orgId}/plan`, { plan: 'enterprise' });
    const member = await signedUp('busy');
    await addMember(owner, member, 'member');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: `W${i}` })).body.id);
    for (const id of ids) await addWorkspaceMember(owner.orgId, id, member, 'viewer', owner.userId);
    expect((await owner.api.get(`/orgs/${owner.orgId}/members/${member.userId}`)).body.workspaces).toHaveLength(40);
    expect((await owner.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`)).status).toBe(204);
    expectProblem(await member.api.get(`/workspaces/${ids[39]}`), 404, 'not_found');
    expect((await owner.api.get(`/workspaces/${ids[0]}/members`)).body.items.some((m: { userId: string }) => m.userId === member.userId)).toBe(false);
  }, 60_000);
});

describe('an organization deletion cut short', () => {
  it('is finished by the next sweep: nothing of the org stays readable', async () => {
    const owner = await signedUp('cut-short');
    const admin = await signedUp('cut-admin');
    await addMember(owner, admin, 'admin');
    const ws = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Left behind' });
    // Only the first step of DELETE /orgs/{id}: the org marked deleted and queued for its purge.
    const { configureRepositories } = await import('./support/env.js');
    configureRepositories();
    const [{ db }, { keys, trials }, { UpdateCommand }] = await Promise.all([
      import('#db/client.js'),
      import('#db/keys.js'),
      import('@aws-sdk/lib-dynamodb'),
    ]);
    const entry = trials.purgeEntry('ORG', owner.orgId);
    await db.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME!,
        Key: keys.org(owner.orgId),
        UpdateExpression: 'SET deletedAt = :now, #gpk = :gpk, #gsk = :gsk',
        ExpressionAttributeNames: { '#gpk': trials.pk, '#gsk': trials.sk },
        ExpressionAttributeValues: { ':now': new Date().toISOString(), ':gpk': entry[trials.pk], ':gsk': entry[trials.sk] },
      }),
    );
    expectProblem(await owner.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');

    const stats = await sweep();
    expect(stats.purgesFinished).toBeGreaterThanOrEqual(1);
    for (const user of [owner, admin]) {
      expectProblem(await user.api.get(`/workspaces/${ws.body.id}`), 404, 'not_found');
      expectProblem(await user.api.get(`/workspaces/${owner.workspaceId}`), 404, 'not_found');
      expect((await user.api.get('/me')).body.organizations.map((o: { id: string }) => o.id)).not.toContain(owner.orgId);
    }
    expectProblem(await owner.api.get(`/reports?workspaceIds=${ws.body.id}`), 404, 'not_found');
  });
});

describe('a workspace deletion cut short', () => {
  it('leaves its purge queued, and the sweep finishes it: nothing of the workspace stays in the table', async () => {
    const owner = await signedUp('ws-cut-short');
    const ws = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Half gone' });
    const device = await createDevice(owner.api, ws.body.id, 'left-behind');
    expect(device.id).toBeTruthy();
    const { configureRepositories } = await import('./support/env.js');
    configureRepositories();
    const [{ db }, { keys, trials }, { DeleteCommand, PutCommand, QueryCommand }] = await Promise.all([
      import('#db/client.js'),
      import('#db/keys.js'),
      import('@aws-sdk/lib-dynamodb'),
    ]);
    // Only the transaction of DELETE /workspaces/{id}: its META gone, its purge queued, the rest still there.
    await db.send(new DeleteCommand({ TableName: process.env.TABLE_NAME!, Key: keys.workspace(ws.body.id) }));
    await db.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME!,
        Item: { ...keys.workspacePurge(ws.body.id), ...trials.purgeEntry('WS', ws.body.id), type: 'PurgeMarker', workspaceId: ws.body.id },
      }),
    );
    expectProblem(await owner.api.get(`/workspaces/${ws.body.id}`), 404, 'not_found');

    expect((await sweep()).purgesFinished).toBeGreaterThanOrEqual(1);
    const left = await db.send(
      new QueryCommand({ TableName: process.env.TABLE_NAME!, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `WS#${ws.body.id}` } }),
    );
    expect(left.Items ?? []).toEqual([]);
    const marker = await db.send(
      new QueryCommand({ TableName: process.env.TABLE_NAME!, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.workspacePurge(ws.body.id).PK } }),
    );
    expect(marker.Items ?? []).toEqual([]);
  });
});

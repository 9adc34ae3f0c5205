import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Tenant } from './support/api.js';
import { createDevice, createStream, disableWorkspace } from './support/devices.js';
import { addMember, addWorkspaceMember } from './support/seed.js';

/** An org with a workspace admin, editor and viewer, an org member without a role there, and a stranger. */
async function team(label: string) {
  const owner = await signedUp(`${label}-owner`);
  const [admin, editor, viewer, member, stranger] = await Promise.all(['admin', 'editor', 'viewer', 'member', 'stranger'].map((r) => signedUp(`${label}-${r}`)));
  for (const u of [admin!, editor!, viewer!, member!]) await addMember(owner, u, 'member');
  await addWorkspaceMember(owner.orgId, owner.workspaceId, admin!, 'admin', owner.userId);
  await addWorkspaceMember(owner.orgId, owner.workspaceId, editor!, 'editor', owner.userId);
  await addWorkspaceMember(owner.orgId, owner.workspaceId, viewer!, 'viewer', owner.userId);
  return { owner, admin: admin!, editor: editor!, viewer: viewer!, member: member!, stranger: stranger!, ws: owner.workspaceId };
}

const devicesOf = (t: Tenant | { workspaceId: string }) => `/workspaces/${t.workspaceId}/devices`;

describe('devices', () => {
  it('create: workspace admins and editors; viewers 403; org members without a role and strangers 404', async () => {
    const { owner, admin, editor, viewer, member, stranger, ws } = await team('dev-create');
    const created = await editor.api.post(`/workspaces/${ws}/devices`, { name: 'Pump-1', description: 'basement' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Pump-1',
      description: 'basement',
      simIccid: null,
      createdAt: expect.any(String),
      lastSeenAt: null,
      deviceKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect((await admin.api.post(`/workspaces/${ws}/devices`, { name: 'Pump-2' })).status).toBe(201);
    expect((await owner.api.post(`/workspaces/${ws}/devices`, { name: 'Pump-3' })).status).toBe(201);
    expectProblem(await viewer.api.post(`/workspaces/${ws}/devices`, { name: 'No' }), 403, 'forbidden');
    expectProblem(await member.api.post(`/workspaces/${ws}/devices`, { name: 'No' }), 404, 'not_found');
    expectProblem(await stranger.api.post(`/workspaces/${ws}/devices`, { name: 'No' }), 404, 'not_found');
  });

  it('read: every workspace role sees devices; the key is shown once and never again', async () => {
    const { owner, viewer, member, stranger, ws } = await team('dev-read');
    const device = await createDevice(owner.api, ws, 'Meter');
    const got = await viewer.api.get(`/workspaces/${ws}/devices/${device.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toEqual({ id: device.id, name: 'Meter', description: null, simIccid: null, createdAt: expect.any(String), lastSeenAt: null });
    expect(JSON.stringify(got.body)).not.toContain(device.deviceKey);
    const list = await viewer.api.get(`/workspaces/${ws}/devices`);
    expect(list.body).toEqual({ items: [got.body], nextCursor: null });
    expect(JSON.stringify(list.body)).not.toContain(device.deviceKey);
    expectProblem(await member.api.get(`/workspaces/${ws}/devices/${device.id}`), 404, 'not_found');
    expectProblem(await member.api.get(`/workspaces/${ws}/devices`), 404, 'not_found');
    expectProblem(await stranger.api.get(`/workspaces/${ws}/devices/${device.id}`), 404, 'not_found');
    expectProblem(await viewer.api.get(`/workspaces/${ws}/devices/00000000-0000-4000-8000-000000000000`), 404, 'not_found');
  });

  it('update: admins and editors, with If-Match; viewers 403; delete: admins only', async () => {
    const { admin, editor, viewer, member, ws } = await team('dev-update');
    const device = await createDevice(editor.api, ws, 'Valve');
    const path = `/workspaces/${ws}/devices/${device.id}`;
    const patched = await editor.api.patch(path, { description: 'north' }, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.body).toMatchObject({ name: 'Valve', description: 'north' });
    expectProblem(await editor.api.patch(path, { description: 'stale' }, { 'if-match': '"1"' }), 412, 'precondition_failed');
    expect((await admin.api.patch(path, { name: 'Valve-A', description: null })).body).toMatchObject({ name: 'Valve-A', description: null });
    expectProblem(await viewer.api.patch(path, { name: 'X' }), 403, 'forbidden');
    expectProblem(await member.api.patch(path, { name: 'X' }), 404, 'not_found');
    expectProblem(await editor.api.delete(path), 403, 'forbidden');
    expectProblem(await viewer.api.delete(path), 403, 'forbidden');
    expect((await admin.api.delete(path)).status).toBe(204);
    expectProblem(await admin.api.get(path), 404, 'not_found');
    expectProblem(await admin.api.delete(path), 404, 'not_found');
  });

  it('names are unique in a workspace, case-insensitively, and free in another workspace', async () => {
    const owner = await signedUp('dev-names');
    const other = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Other' });
    const first = await createDevice(owner.api, owner.workspaceId, 'Sensor-1');
    expectProblem(await owner.api.post(devicesOf(owner), { name: 'sensor-1' }), 409, 'conflict');
    expect((await owner.api.post(`/workspaces/${other.body.id}/devices`, { name: 'Sensor-1' })).status).toBe(201);
    const second = await createDevice(owner.api, owner.workspaceId, 'Sensor-2');
    // Renaming onto a taken name is refused; a change of case only is fine.
    expectProblem(await owner.api.patch(`${devicesOf(owner)}/${second.id}`, { name: 'SENSOR-1' }), 409, 'conflict');
    expect((await owner.api.patch(`${devicesOf(owner)}/${first.id}`, { name: 'SENSOR-1' })).body.name).toBe('SENSOR-1');
    // A renamed device frees its old name; a deleted one frees its name.
    expect((await owner.api.patch(`${devicesOf(owner)}/${second.id}`, { name: 'Sensor-3' })).status).toBe(200);
    expect((await owner.api.post(devicesOf(owner), { name: 'sensor-2' })).status).toBe(201);
    expect((await owner.api.delete(`${devicesOf(owner)}/${first.id}`)).status).toBe(204);
    expect((await owner.api.post(devicesOf(owner), { name: 'Sensor-1' })).status).toBe(201);
  });

  it('parallel creates of the same name: exactly one 201', async () => {
    const owner = await signedUp('dev-race');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => owner.api.post(devicesOf(owner), { name: i % 2 ? 'twin' : 'TWIN' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => [201, 409, 503].includes(a.status))).toBe(true);
    expect((await owner.api.get(devicesOf(owner))).body.items).toHaveLength(1);
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.devices).toBe(1);
  });

  it('overview counters follow creates and deletes (workspace: devices, streams; org: devices)', async () => {
    const owner = await signedUp('dev-count');
    const other = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Other' });
    const a = await createDevice(owner.api, owner.workspaceId, 'a');
    await createDevice(owner.api, owner.workspaceId, 'b');
    await createDevice(owner.api, other.body.id, 'c');
    await createStream(owner.api, owner.workspaceId, 'temperature');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body).toMatchObject({ devices: 2, streams: 1 });
    expect((await owner.api.get(`/workspaces/${other.body.id}/overview`)).body).toMatchObject({ devices: 1, streams: 0 });
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.devices).toBe(3);
    await owner.api.delete(`${devicesOf(owner)}/${a.id}`);
    await owner.api.delete(`/workspaces/${owner.workspaceId}/streams/temperature`);
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body).toMatchObject({ devices: 1, streams: 0 });
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.devices).toBe(2);
  });

  it('lists page with signed cursors; a forged or foreign cursor is 400', async () => {
    const owner = await signedUp('dev-page');
    const other = await signedUp('dev-page-other');
    for (const name of ['d1', 'd2', 'd3']) await createDevice(owner.api, owner.workspaceId, name);
    const first = await owner.api.get(`${devicesOf(owner)}?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const rest = await owner.api.get(`${devicesOf(owner)}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([...first.body.items, ...rest.body.items].map((d: { name: string }) => d.name).sort()).toEqual(['d1', 'd2', 'd3']);
    expect(rest.body.nextCursor).toBeNull();
    expectProblem(await owner.api.get(`${devicesOf(owner)}?cursor=${first.body.nextCursor}x`), 400, 'bad_request');
    for (const name of ['o1', 'o2']) await createDevice(other.api, other.workspaceId, name);
    const foreign = (await other.api.get(`${devicesOf(other)}?limit=1`)).body.nextCursor;
    expect(foreign).toEqual(expect.any(String));
    expectProblem(await owner.api.get(`${devicesOf(owner)}?cursor=${encodeURIComponent(foreign)}`), 400, 'bad_request');
  });

  it('Idempotency-Key: a repeat returns the first answer and creates nothing', async () => {
    const owner = await signedUp('dev-idem');
    const headers = { 'idempotency-key': 'create-pump-once' };
    const first = await owner.api.post(devicesOf(owner), { name: 'Pump' }, headers);
    const again = await owner.api.post(devicesOf(owner), { name: 'Pump' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.devices).toBe(1);
  });

  it('a disabled workspace answers 423 to every device and stream write; reads still work', async () => {
    const owner = await signedUp('dev-locked');
    const device = await createDevice(owner.api, owner.workspaceId, 'Old');
    await createStream(owner.api, owner.workspaceId, 'old');
    await disableWorkspace(owner.workspaceId);
    const ws = owner.workspaceId;
    expectProblem(await owner.api.post(`/workspaces/${ws}/devices`, { name: 'New' }), 423, 'workspace_disabled');
    expectProblem(await owner.api.patch(`/workspaces/${ws}/devices/${device.id}`, { name: 'Renamed' }), 423, 'workspace_disabled');
    expectProblem(await owner.api.delete(`/workspaces/${ws}/devices/${device.id}`), 423, 'workspace_disabled');
    expectProblem(await owner.api.post(`/workspaces/${ws}/streams`, { name: 'new' }), 423, 'workspace_disabled');
    expectProblem(await owner.api.delete(`/workspaces/${ws}/streams/old`), 423, 'workspace_disabled');
    expect((await owner.api.get(`/workspaces/${ws}/devices/${device.id}`)).body.name).toBe('Old');
    expect((await owner.api.get(`/workspaces/${ws}/devices`)).body.items).toHaveLength(1);
    expect((await owner.api.get(`/workspaces/${ws}/streams`)).body.items).toEqual([expect.objectContaining({ name: 'old' })]);
    expect((await owner.api.get(`/workspaces/${ws}/overview`)).body).toMatchObject({ devices: 1, streams: 1 });
  });

  it('malformed input is 400 and creates nothing', async () => {
    const owner = await signedUp('dev-bad');
    const path = devicesOf(owner);
    for (const body of [
      { name: '' },
      { name: ' leading-space' },
      { name: 'has/slash' },
      { name: 'x'.repeat(65) },
      { name: 'ok', description: 'd'.repeat(1001) },
      { name: 7 },
      { name: 'ok', extra: true },
      {},
    ]) {
      expectProblem(await owner.api.post(path, body), 400, 'bad_request');
    }
    const device = await createDevice(owner.api, owner.workspaceId, 'fine');
    expectProblem(await owner.api.patch(`${path}/${device.id}`, {}), 400, 'bad_request');
    expectProblem(await owner.api.patch(`${path}/${device.id}`, { name: null }), 400, 'bad_request');
    expectProblem(await owner.api.get(`${path}/not-a-uuid`), 400, 'bad_request');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.devices).toBe(1);
  });
});

describe('streams', () => {
  it('admins and editors create, admins delete, every role reads; names unique in a workspace', async () => {
    const { owner, admin, editor, viewer, member, stranger, ws } = await team('streams');
    const created = await editor.api.post(`/workspaces/${ws}/streams`, { name: 'temperature', description: 'degrees C' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ name: 'temperature', description: 'degrees C', createdAt: expect.any(String), createdBy: editor.userId });
    expectProblem(await admin.api.post(`/workspaces/${ws}/streams`, { name: 'temperature' }), 409, 'conflict');
    const other = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Other' });
    expect((await owner.api.post(`/workspaces/${other.body.id}/streams`, { name: 'temperature' })).status).toBe(201);
    expectProblem(await viewer.api.post(`/workspaces/${ws}/streams`, { name: 'humidity' }), 403, 'forbidden');
    expectProblem(await member.api.post(`/workspaces/${ws}/streams`, { name: 'humidity' }), 404, 'not_found');
    expect((await viewer.api.get(`/workspaces/${ws}/streams`)).body).toEqual({ items: [created.body], nextCursor: null });
    expectProblem(await member.api.get(`/workspaces/${ws}/streams`), 404, 'not_found');
    expectProblem(await stranger.api.get(`/workspaces/${ws}/streams`), 404, 'not_found');
    expectProblem(await editor.api.delete(`/workspaces/${ws}/streams/temperature`), 403, 'forbidden');
    expectProblem(await stranger.api.delete(`/workspaces/${ws}/streams/temperature`), 404, 'not_found');
    expect((await admin.api.delete(`/workspaces/${ws}/streams/temperature`)).status).toBe(204);
    expectProblem(await admin.api.delete(`/workspaces/${ws}/streams/temperature`), 404, 'not_found');
    expect((await viewer.api.get(`/workspaces/${ws}/streams`)).body.items).toEqual([]);
  });

  it('refuses bad stream names with 400', async () => {
    const owner = await signedUp('streams-bad');
    for (const name of ['', 'Upper', 'with space', '-lead', 'x'.repeat(65), 5]) {
      expectProblem(await owner.api.post(`/workspaces/${owner.workspaceId}/streams`, { name }), 400, 'bad_request');
    }
    expectProblem(await owner.api.delete(`/workspaces/${owner.workspaceId}/streams/Bad%20Name`), 400, 'bad_request');
    expect((await owner.api.post(`/workspaces/${owner.workspaceId}/streams`, { name: 'a.b_c-1' })).status).toBe(201);
  });
});
